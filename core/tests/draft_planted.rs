//! The draft (`analytics::draft`) against journeys planted by construction
//! (`analytics::planted`): three shapes, one where half the cases leave early. The drafted
//! map must show the planted activities in the planted stages and order, the planted main
//! route, the loop as a loop-back, the detour as alternative routes, and the drop-off, volume
//! and loop volume the generator counted while writing. Then the drafted map must be a
//! valid map: schema round trip, scores, backup, share link and Mermaid.

use journey_core::analytics::draft::{draft_from_aggregate, draft_from_log, Draft, DraftOptions, StageMove};
use journey_core::analytics::planted::{generate, shapes, PlantedShape, PlantedTruth};
use journey_core::analytics::aggregate::aggregate;
use journey_core::analytics::EventLog;
use journey_core::interop::{decode_share_fragment, IssueKind, encode_share_fragment, export_backup, export_mermaid, import_mermaid, parse_backup};
use journey_core::model::schema::{parse_map, to_json};
use journey_core::model::{EvidenceKind, JourneyMap, Lang, RouteKind};
use journey_core::score::{main_route, score_map};

fn options(shape: &PlantedShape) -> DraftOptions {
    DraftOptions {
        source_name: format!("{}.csv", shape.name),
        goal_activities: vec![shape.goal.into()],
        stage_count: shape.stages.len(),
        path_share: 1.0,
        ..DraftOptions::default()
    }
}

fn drafted(shape: &PlantedShape) -> (EventLog, PlantedTruth, Draft) {
    let (log, truth) = generate(shape, 7);
    let d = draft_from_log(&log, &options(shape), "m1", 0.0, Lang::En).expect("drafts");
    (log, truth, d)
}

fn title_of<'a>(map: &'a JourneyMap, id: &str) -> &'a str {
    &map.touchpoint(id).unwrap().title
}

fn stage_index(map: &JourneyMap, title: &str) -> usize {
    let tp = map.touchpoints.iter().find(|t| t.title == title).unwrap_or_else(|| panic!("{title} on the map"));
    map.stages.iter().position(|s| s.id == tp.stage_id).unwrap()
}

#[test]
fn planted_stages_order_and_main_route_come_back() {
    for shape in shapes() {
        let (_, truth, d) = drafted(&shape);
        let map = &d.map;
        assert_eq!(map.stages.len(), shape.stages.len(), "{}", shape.name);
        // Every planted activity is a touchpoint in its planted stage.
        for (activity, stage) in &truth.stage_of {
            assert_eq!(stage_index(map, activity), *stage, "{}: stage of {activity}", shape.name);
        }
        assert_eq!(map.touchpoints.len(), truth.stage_of.len(), "{}: nothing invented", shape.name);
        // The map's touchpoint order follows the planted route (the detour's stop between).
        let order: Vec<&str> = map.touchpoints.iter().map(|t| t.title.as_str()).filter(|t| *t != shape.detour.1).collect();
        assert_eq!(order, truth.main_route, "{}: order", shape.name);
        // The planted main route is the drafted main route, as planned routes.
        assert_eq!(d.main_route, truth.main_route, "{}: main route", shape.name);
        let planned: Vec<&str> = main_route(map).touchpoint_ids.iter().map(|id| title_of(map, id)).collect();
        assert_eq!(planned, truth.main_route, "{}: the score's main route", shape.name);
        assert!(d.main_route_cases > 0);
    }
}

#[test]
fn the_loop_is_a_loop_back_and_the_detour_an_alternative() {
    for shape in shapes() {
        let (_, truth, d) = drafted(&shape);
        let map = &d.map;
        let route = |from: &str, to: &str| {
            map.routes.iter().find(|r| title_of(map, &r.from) == from && title_of(map, &r.to) == to).cloned()
        };
        let (from, to, _) = shape.loop_back;
        let back = route(from, to).unwrap_or_else(|| panic!("{}: loop route", shape.name));
        assert_eq!(back.kind, RouteKind::LoopBack, "{}", shape.name);
        assert_eq!(back.volume, Some(truth.loop_cases as f64), "{}: loop volume", shape.name);
        let (after, via, _) = shape.detour;
        let into = route(after, via).unwrap_or_else(|| panic!("{}: detour route", shape.name));
        assert_eq!(into.kind, RouteKind::Alternative);
        assert_eq!(into.volume, Some(truth.detour_cases as f64), "{}: detour volume", shape.name);
        assert!(map.routes.iter().filter(|r| r.kind == RouteKind::Planned).count() == truth.main_route.len() - 1);
    }
}

#[test]
fn volumes_and_drop_offs_equal_the_planted_truth() {
    for shape in shapes() {
        let (_, truth, d) = drafted(&shape);
        assert_eq!(d.cases, truth.cases);
        assert_eq!(d.cases_reaching_goal, truth.completed, "{}", shape.name);
        for tp in &d.map.touchpoints {
            let m = &tp.measurements;
            assert_eq!(m.volume, Some(truth.cases_with[&tp.title] as f64), "{}: volume of {}", shape.name, tp.title);
            let rate = m.drop_off_rate.unwrap_or_else(|| panic!("{}: drop-off of {} written", shape.name, tp.title));
            assert!((rate - truth.drop_off_rate(&tp.title)).abs() < 1e-12, "{}: drop-off of {}: {rate}", shape.name, tp.title);
            assert!(m.throughput_time_s.is_some() || tp.title == *truth.main_route.last().unwrap());
            assert_eq!(tp.evidence.kind, EvidenceKind::Measured);
            assert!(tp.evidence.source.starts_with(&format!("{}.csv, 2024-03-", shape.name)), "{}", tp.evidence.source);
            // Nothing a person must judge is filled in.
            assert_eq!((tp.emotion, tp.importance, tp.contact_class), (None, None, None));
            assert!(tp.pain_points.is_empty() && tp.thoughts.is_empty() && tp.customer_action.is_empty());
            assert_eq!((m.csat, m.ces, m.nps), (None, None, None));
        }
        // Half the cases of the second shape leave after "Browse": the truth says so too.
        if shape.name == "half leave early" {
            let rate = truth.drop_off_rate("Browse");
            assert!((0.45..0.55).contains(&rate), "{rate}");
        }
        assert!(!d.to_fill_in.is_empty());
        let src = d.map.analytics.drafted_from.as_ref().unwrap();
        assert_eq!((src.name.as_str(), src.cases), (format!("{}.csv", shape.name).as_str(), truth.cases));
        assert_eq!(d.map.analytics.goal_activities, vec![shape.goal.to_string()]);
    }
}

#[test]
fn time_between_stages_is_measured_for_every_stage_but_the_last() {
    let shape = &shapes()[0];
    let (_, _, d) = drafted(shape);
    for (i, s) in d.stages.iter().enumerate() {
        let last = i + 1 == d.stages.len();
        assert_eq!(s.time_to_next_stage_s.is_none(), last, "{}", s.name);
        if !last {
            // Stages are planted hours apart (exponential, mean 4 h, plus minutes).
            let t = s.time_to_next_stage_s.unwrap();
            assert!(t > 60.0 && t < 86_400.0, "{}: {t}", s.name);
            assert!(d.map.stages[i].description.contains("Measured"));
        }
    }
}

#[test]
fn drafted_maps_are_valid_maps() {
    for shape in shapes() {
        let (_, _, d) = drafted(&shape);
        let map = &d.map;
        let back = parse_map(&to_json(map)).expect("schema round trip");
        assert_eq!(&back, map);
        let scores = score_map(map);
        assert_eq!(scores.touchpoints.len(), map.touchpoints.len());
        let backup = parse_backup(&export_backup(std::slice::from_ref(map), 0.0)).expect("backup");
        assert_eq!(backup.maps, vec![map.clone()]);
        assert!(backup.broken.is_empty());
        let shared = decode_share_fragment(&encode_share_fragment(map).expect("share link")).expect("decodes");
        assert_eq!(&shared, map);
        let mermaid = export_mermaid(map, Lang::En);
        let again = import_mermaid(&mermaid.text, "m2", 0.0, Lang::En).expect("mermaid");
        // Unknown emotions travel as the off-scale score 0 and come back unknown, with a
        // report per task: the only issues, by design (interop::mermaid_text::UNKNOWN_SCORE).
        assert!(again.issues.iter().all(|i| matches!(i.kind, IssueKind::ScoreOutOfRange { score: 0, .. })), "{:?}", again.issues);
        assert!(again.map.touchpoints.iter().all(|t| t.emotion.is_none()));
        let stage_names = |m: &JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        let titles = |m: &JourneyMap| m.touchpoints.iter().map(|t| t.title.clone()).collect::<Vec<_>>();
        assert_eq!(stage_names(&again.map), stage_names(map));
        assert_eq!(titles(&again.map), titles(map));
        // Invariants: routes join existing touchpoints, stages exist.
        for r in &map.routes {
            assert!(map.touchpoint(&r.from).is_some() && map.touchpoint(&r.to).is_some());
        }
        for t in &map.touchpoints {
            assert!(map.stage(&t.stage_id).is_some());
        }
    }
}

#[test]
fn the_draft_is_deterministic_and_settings_change_it_as_asked() {
    let shape = &shapes()[0];
    let (log, _, d) = drafted(shape);
    let again = draft_from_log(&log, &options(shape), "m1", 0.0, Lang::En).unwrap();
    assert_eq!(d, again);
    // Five stages by default, named by the glossary, in German too.
    let de = draft_from_log(&log, &DraftOptions { stage_count: 5, ..options(shape) }, "m1", 0.0, Lang::De).unwrap();
    let names: Vec<&str> = de.map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Aufmerksamkeit", "Interesse & Recherche", "Kauf", "Versand, Produkterlebnis & Service", "Kundenbindung"]);
    // Three stages, own names, one activity moved.
    let opts = DraftOptions {
        stage_count: 3,
        stage_names: vec!["Before".into(), "".into(), "After".into()],
        moves: vec![StageMove { activity: "Write review".into(), stage: 0 }],
        ..options(shape)
    };
    let d3 = draft_from_log(&log, &opts, "m1", 0.0, Lang::En).unwrap();
    let names: Vec<&str> = d3.map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Before", "Stage 2", "After"]);
    assert_eq!(stage_index(&d3.map, "Write review"), 0);
    assert!(d3.activities.iter().any(|a| a.activity == "Write review" && a.moved));
    // Fewer activities and paths: the dropped ones are listed.
    let thin = draft_from_log(&log, &DraftOptions { activity_share: 0.5, path_share: 0.0, ..options(shape) }, "m1", 0.0, Lang::En).unwrap();
    assert_eq!(thin.map.touchpoints.len() + thin.dropped_activities.len(), 11);
    assert!(thin.map.touchpoints.iter().any(|t| t.title == shape.goal), "the goal is always kept");
    assert!(!thin.dropped_paths.is_empty());
    assert!(thin.map.routes.len() < d.map.routes.len());
}

#[test]
fn bad_logs_still_draft_or_say_why() {
    // One activity.
    let one = EventLog::from_events(&[("1", "Visit", 0), ("2", "Visit", 1000), ("2", "Visit", 2000)]);
    let d = draft_from_log(&one, &DraftOptions { goal_activities: vec!["Visit".into()], ..DraftOptions::default() }, "m", 0.0, Lang::En).unwrap();
    assert_eq!(d.map.touchpoints.len(), 1);
    assert!(d.map.routes.is_empty());
    assert!(d.notes.iter().any(|n| n.en.contains("only one activity")));
    parse_map(&to_json(&d.map)).unwrap();
    score_map(&d.map);
    // No case reaches the goal.
    let shape = &shapes()[2];
    let (log, _) = generate(shape, 3);
    let opts = DraftOptions { goal_activities: vec!["Refund".into()], ..options(shape) };
    let d = draft_from_log(&log, &opts, "m", 0.0, Lang::De).unwrap();
    assert_eq!(d.map.touchpoints.len(), 10);
    assert!(d.map.touchpoints.iter().all(|t| t.measurements.drop_off_rate.is_none()), "no goal, no drop-off");
    assert!(d.notes.iter().any(|n| n.en.contains("Goal activities not in the log: Refund")));
    assert!(d.notes.iter().any(|n| n.de.contains("Kein Ziel")));
    // A goal in the log that no case reaches within the data: drop-off is measured, but the
    // main route falls back and says so.
    let log2 = EventLog::from_events(&[("1", "a", 0), ("1", "b", 1000), ("2", "a", 0), ("2", "b", 1000), ("2", "c", 2000)]);
    let d = draft_from_log(&log2, &DraftOptions { goal_activities: vec!["c".into()], timeout_s: 1e9, ..DraftOptions::default() }, "m", 0.0, Lang::En).unwrap();
    assert_eq!(d.main_route, ["a", "b", "c"]);
    // Thousands of distinct activities (raw URLs): a capped, usable map and what to filter.
    let mut events = Vec::new();
    for c in 0..3000 {
        events.push((format!("c{c}"), "/home".to_string(), 0i64));
        events.push((format!("c{c}"), format!("/product/{}", c % 2500), 1000));
        events.push((format!("c{c}"), "/checkout".to_string(), 2000));
    }
    let urls = EventLog::from_events(&events);
    let d = draft_from_log(&urls, &DraftOptions { goal_activities: vec!["/checkout".into()], ..DraftOptions::default() }, "m", 0.0, Lang::En).unwrap();
    assert_eq!(d.map.touchpoints.len(), journey_core::analytics::draft::MAX_TOUCHPOINTS);
    assert!(d.map.touchpoints.iter().any(|t| t.title == "/checkout"));
    assert!(d.notes.iter().any(|n| n.en.contains("2,502 distinct activities") && n.en.contains("URL → page type")), "{:?}", d.notes);
    assert_eq!(d.dropped_activities.len(), 2502 - 60);
    parse_map(&to_json(&d.map)).unwrap();
    // An empty log is refused with a reason.
    let empty = EventLog::from_events::<&str, &str>(&[]);
    let refusal = draft_from_log(&empty, &DraftOptions::default(), "m", 0.0, Lang::En).unwrap_err();
    assert!(refusal.reason.en.contains("no events"));
}

#[test]
fn the_aggregate_drafts_the_same_journey() {
    let shape = &shapes()[0];
    let (log, truth, from_log) = drafted(shape);
    let agg = aggregate(
        &log,
        &journey_core::analytics::aggregate::AggregateOptions {
            goal_activities: vec![shape.goal.into()],
            top_k: 200,
            ..Default::default()
        },
    );
    let d = draft_from_aggregate(&agg, &options(shape), "m1", 0.0, Lang::En).unwrap();
    let titles = |m: &JourneyMap| m.touchpoints.iter().map(|t| (t.title.clone(), t.stage_id.clone())).collect::<Vec<_>>();
    assert_eq!(titles(&d.map), titles(&from_log.map));
    assert_eq!(d.main_route, truth.main_route);
    for tp in &d.map.touchpoints {
        assert_eq!(tp.measurements.volume, Some(truth.cases_with[&tp.title] as f64));
        assert!((tp.measurements.drop_off_rate.unwrap() - truth.drop_off_rate(&tp.title)).abs() < 1e-12);
        // A count of the aggregate's span, never labelled per month: the period goes with it.
        let p = tp.measurements.period.as_ref().expect("a drafted volume keeps its period");
        assert_eq!((p.start_ms, p.end_ms), (agg.first_event_ms as f64, agg.last_event_ms as f64));
    }
    assert!(d.stages.iter().all(|s| s.time_to_next_stage_s.is_none()), "an aggregate has no time between stages");
    parse_map(&to_json(&d.map)).unwrap();
}
