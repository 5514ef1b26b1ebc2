//! Journey aggregates (docs/scale.md): the core's aggregate of a raw log against an
//! aggregate DuckDB wrote from the same log (a stored version-1 file), every metric
//! derived from an aggregate against the same metric computed from the raw events, and
//! the parser's messages for broken, foreign, newer and inconsistent files.

use journey_core::analytics::aggregate::{self, parse_aggregate, Aggregate, AggregateError, AggregateOptions};
use journey_core::analytics::{
    analyze, apply_to_map, deviation, generator, import_all, AnalysisOptions, ApplyOptions, EventLog,
};
use journey_core::model::{Channel, JourneyMap, Lang, RouteKind};

const SMALL_LOG: &str = include_str!("aggregate/small_log.csv");
/// Written by sql/duckdb/aggregate.sql from small_log.csv (goal 'paid', τ 7 days, top 2).
const DUCKDB_SMALL: &str = include_str!("aggregate/v1_duckdb_small.json");

fn import(csv: &str) -> EventLog {
    let mapping = journey_core::analytics::ColumnMapping {
        delimiter: b',',
        case: "case_id".into(),
        activity: "activity".into(),
        time: "timestamp".into(),
        channel: None,
        rating: None,
        resource: None,
        lifecycle: None,
        time_zone: None,
        time_form: Default::default(),
    };
    import_all(csv.as_bytes().to_vec(), &mapping).unwrap().0
}

fn generated(events: usize, seed: u64) -> EventLog {
    import_all(generator::generate_csv(events, seed).into_bytes(), &generator::column_mapping()).unwrap().0
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_stats(a: &aggregate::Stats, b: &aggregate::Stats) -> bool {
    let opt = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => close(x, y),
        (None, None) => true,
        _ => false,
    };
    a.count == b.count
        && close(a.sum, b.sum)
        && a.quantiles().iter().zip(b.quantiles()).all(|(x, y)| opt(*x, y))
        && opt(a.min, b.min)
        && opt(a.max, b.max)
}

/// Two aggregates say the same, up to the producer, the order of arrays and rounding.
fn assert_same(a: &Aggregate, b: &Aggregate) {
    assert_eq!((a.cases, a.events, a.first_event_ms, a.last_event_ms), (b.cases, b.events, b.first_event_ms, b.last_event_ms));
    assert_eq!((a.cases_reaching_goal, a.cases_with_rework), (b.cases_reaching_goal, b.cases_with_rework));
    assert_eq!((&a.goal_activities, a.timeout_s, a.top_k), (&b.goal_activities, b.timeout_s, b.top_k));
    assert!(same_stats(&a.throughput_s, &b.throughput_s), "{:?} {:?}", a.throughput_s, b.throughput_s);
    assert_eq!(a.activities.len(), b.activities.len());
    for x in &a.activities {
        let y = b.activity(&x.activity).unwrap_or_else(|| panic!("{} missing", x.activity));
        assert_eq!(
            (x.events, x.cases, x.start_cases, x.end_cases, x.dropped_cases, x.cases_with_repeat),
            (y.events, y.cases, y.start_cases, y.end_cases, y.dropped_cases, y.cases_with_repeat),
            "{}",
            x.activity
        );
        assert!(same_stats(&x.time_to_next_s, &y.time_to_next_s), "{}", x.activity);
    }
    assert_eq!(a.edges.len(), b.edges.len());
    for e in &a.edges {
        let f = b.edges.iter().find(|f| f.from == e.from && f.to == e.to).unwrap();
        assert_eq!((e.count, e.cases), (f.count, f.cases));
        assert!(same_stats(&e.waiting_s, &f.waiting_s), "{} → {}", e.from, e.to);
    }
    assert_eq!(a.variants, b.variants);
}

#[test]
fn the_core_writes_what_duckdb_wrote_for_the_same_log() {
    let stored = parse_aggregate(DUCKDB_SMALL).unwrap();
    let opts = AggregateOptions { goal_activities: vec!["paid".into()], timeout_s: 604_800.0, top_k: 2 };
    let ours = aggregate::aggregate(&import(SMALL_LOG), &opts);
    assert_same(&ours, &stored);
    // And it reads back what it writes.
    assert_eq!(parse_aggregate(&ours.to_json()).unwrap(), ours);
}

#[test]
fn metrics_from_the_aggregate_equal_metrics_from_the_raw_log() {
    let log = generated(40_000, 5);
    let opts = AggregateOptions { goal_activities: vec!["Order confirmation".into()], timeout_s: 3600.0, top_k: 500 };
    let agg = parse_aggregate(&aggregate::aggregate(&log, &opts).to_json()).unwrap();
    let from_agg = aggregate::report(&agg);
    let raw = analyze(&log, &AnalysisOptions { top_variants: 500, ..AnalysisOptions::default() });
    assert_eq!((from_agg.cases, from_agg.events, from_agg.activities, from_agg.dfg_edges, from_agg.variants),
               (raw.cases, raw.events, raw.activities, raw.dfg_edges, raw.variants));
    // The aggregate carries no positions in the cases (the journey order falls back to the map's).
    let mut raw_volumes = raw.volumes.activities.clone();
    raw_volumes.iter_mut().for_each(|a| a.first_position = None);
    assert_eq!(from_agg.volumes.activities, raw_volumes);
    let mut raw_edges = raw.dfg.edges.clone();
    raw_edges.sort_by(|x, y| (&x.from, &x.to).cmp(&(&y.from, &y.to)));
    let mut agg_edges = from_agg.dfg.edges.clone();
    agg_edges.sort_by(|x, y| (&x.from, &x.to).cmp(&(&y.from, &y.to)));
    for (x, y) in agg_edges.iter().zip(&raw_edges) {
        assert_eq!((&x.from, &x.to, x.count, x.cases, x.waiting_s.count), (&y.from, &y.to, y.count, y.cases, y.waiting_s.count));
        for (p, q) in [(x.waiting_s.median, y.waiting_s.median), (x.waiting_s.p90, y.waiting_s.p90), (x.waiting_s.mean, y.waiting_s.mean),
                       (x.waiting_s.min, y.waiting_s.min), (x.waiting_s.max, y.waiting_s.max)] {
            assert!(close(p, q), "{} → {}: {p} vs {q}", x.from, x.to);
        }
    }
    assert_eq!(from_agg.dfg.start_activities, raw.dfg.start_activities);
    assert_eq!(from_agg.dfg.end_activities, raw.dfg.end_activities);
    let t = (&from_agg.throughput.summary_s, &raw.throughput.summary_s);
    assert_eq!(t.0.count, t.1.count);
    for (p, q) in [(t.0.median, t.1.median), (t.0.p90, t.1.p90), (t.0.mean, t.1.mean), (t.0.min, t.1.min), (t.0.max, t.1.max)] {
        assert!(close(p, q), "throughput {p} vs {q}");
    }
    // With top_k above the number of variants both list all of them: same counts per variant.
    let key = |v: &journey_core::analytics::Variant| (v.activities.clone(), v.cases);
    let mut a: Vec<_> = from_agg.top_variants.top.iter().map(key).collect();
    let mut b: Vec<_> = raw.top_variants.top.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // Drop-off: by construction every case is either at the goal, dropped, or in progress.
    let d = &from_agg.drop_off;
    assert_eq!(d.completed + d.dropped + d.in_progress, from_agg.cases);
    assert!(d.dropped > 100 && d.completed > 100, "{d:?}");
    assert!(!d.goal_missing);
}

/// Touchpoints named like the generator's activities, "Search product" and the after-sales
/// activities unmapped, planned routes along the purchase except cart → checkout (so that
/// step deviates), and one loop-back.
fn shop_map() -> JourneyMap {
    let mut m = JourneyMap::blank("m", "Shop", 0.0, Lang::En);
    let s = m.stages[0].id.clone();
    let ids: Vec<String> = ["Visit website", "View product", "Add to cart", "Checkout", "Payment", "Order confirmation"]
        .iter()
        .map(|t| m.add_touchpoint(&s, t, Channel::Website).unwrap())
        .collect();
    for w in ids.windows(2).filter(|w| w[0] != ids[2]) {
        m.add_route(&w[0], &w[1], RouteKind::Planned);
    }
    m.add_route(&ids[2], &ids[1], RouteKind::LoopBack);
    m
}

#[test]
fn deviation_from_the_aggregate_equals_deviation_from_the_raw_log() {
    let log = generated(20_000, 8);
    let agg = aggregate::aggregate(&log, &AggregateOptions::default());
    let map = shop_map();
    let (a, mut r) = (aggregate::deviation(&agg, &map), deviation(&log, &map));
    assert!(r.transitions_off_route > 0 && r.transitions_checked > r.transitions_off_route);
    // Per-case deviation is not in an aggregate (the page says it needs raw events).
    assert!(r.cases_with_deviation > 0);
    (r.cases_with_deviation, r.case_deviation_share) = (0, 0.0);
    r.mapped_activities.sort_by(|x, y| x.activity.cmp(&y.activity));
    assert_eq!(a, r);
}

#[test]
fn apply_from_the_aggregate_writes_what_the_raw_log_writes() {
    let log = generated(20_000, 8);
    let agg = aggregate::aggregate(&log, &AggregateOptions::default());
    let map = shop_map();
    let opts = ApplyOptions { source_file: "agg.json".into(), date: "2026-11-29".into(), create_alternative_routes: true, drop_off: Default::default(), clear_other_periods: false };
    let from_agg = aggregate::apply(&map, &agg, &opts);
    let raw = apply_to_map(&map, &log, &opts);
    assert!(from_agg.not_derivable.is_empty());
    // The query named no goal: drop-off rates are not written (the raw path guesses an
    // end; this comparison leaves drop-off out and tests it apart).
    assert!(from_agg.drop_off_without_goal);
    for (x, y) in from_agg.map.touchpoints.iter().zip(&raw.touchpoints) {
        assert_eq!(x.measurements.volume, y.measurements.volume, "{}", x.title);
        assert_eq!(x.measurements.throughput_time_s, y.measurements.throughput_time_s, "{}", x.title);
        assert_eq!(x.evidence, y.evidence);
        assert_eq!(x.measurements.drop_off_rate, map.touchpoints.iter().find(|t| t.id == x.id).unwrap().measurements.drop_off_rate);
    }
    assert!(from_agg.map.touchpoints.iter().all(|t| t.measurements.volume.is_some()));
    assert_eq!(from_agg.map.routes, raw.routes);
}

#[test]
fn apply_writes_drop_off_against_the_query_goal_and_skips_shared_touchpoints() {
    let log = generated(20_000, 8);
    let goal = AggregateOptions { goal_activities: vec!["Order confirmation".into()], timeout_s: 3600.0, top_k: 10 };
    let agg = aggregate::aggregate(&log, &goal);
    let mut map = shop_map();
    // "Checkout" also stands for "Search product" now: its cases are a union.
    let checkout = map.touchpoints.iter().position(|t| t.title == "Checkout").unwrap();
    map.touchpoints[checkout].event_key = Some("Search product".into());
    let out = aggregate::apply(&map, &agg, &ApplyOptions { source_file: "a".into(), date: "d".into(), create_alternative_routes: false, drop_off: Default::default(), clear_other_periods: false });
    let view = agg.activity("View product").unwrap();
    let tp = out.map.touchpoints.iter().find(|t| t.title == "View product").unwrap();
    assert_eq!(tp.measurements.drop_off_rate, Some(view.dropped_cases as f64 / view.cases as f64));
    assert!(view.dropped_cases > 0);
    // The goal itself: nobody drops off at it.
    let goal_tp = out.map.touchpoints.iter().find(|t| t.title == "Order confirmation").unwrap();
    assert_eq!(goal_tp.measurements.drop_off_rate, Some(0.0));
    assert_eq!(out.not_derivable, vec![map.touchpoints[checkout].id.clone()]);
    assert_eq!(out.map.touchpoints[checkout], map.touchpoints[checkout]);
}

fn invalid_at(text: &str) -> (String, usize, usize, String) {
    match parse_aggregate(text) {
        Err(AggregateError::Invalid { path, line, column, detail }) => (path, line, column, detail),
        other => panic!("{other:?}"),
    }
}

#[test]
fn broken_foreign_newer_and_inconsistent_files_are_refused_with_the_place() {
    // Syntax: line and column of the first error.
    let broken = DUCKDB_SMALL.replacen("\"cases\": 4,", "\"cases\": 4", 1);
    let Err(AggregateError::Syntax { line, column, .. }) = parse_aggregate(&broken) else { panic!() };
    assert_eq!((line, column), (15, 3)); // the next line, where a comma was expected
    // Any JSON that is not an aggregate (e.g. a journey map) is named as such.
    let e = parse_aggregate(r#"{"schema_version": 1, "title": "Map"}"#).unwrap_err();
    assert_eq!(e, AggregateError::NotAnAggregate);
    assert!(e.message(Lang::De).contains("kein Journey-Aggregat"));
    // A newer version is refused before anything else is read.
    let newer = DUCKDB_SMALL.replacen("\"version\": 1", "\"version\": 3", 1).replacen("\"cases\": 4", "\"cases\": \"x\"", 1);
    let e = parse_aggregate(&newer).unwrap_err();
    assert_eq!(e, AggregateError::NewerVersion { found: 3, supported: 2 });
    assert!(e.message(Lang::En).contains("version 3") && e.message(Lang::De).contains("Formatversion 3"));
    // A field of the wrong type: JSON path, line and column.
    let wrong = DUCKDB_SMALL.replacen("\"dropped_cases\": 1", "\"dropped_cases\": -1", 1);
    let (path, line, _, _) = invalid_at(&wrong);
    assert_eq!(path, "activities[1].dropped_cases");
    assert_eq!(line, DUCKDB_SMALL.lines().position(|l| l.contains("\"dropped_cases\": 1")).unwrap() + 1);
    // An unknown field (a typo in a hand-written query) is not silently ignored.
    let typo = DUCKDB_SMALL.replacen("\"top_cases\"", "\"top_case\"", 1);
    assert!(invalid_at(&typo).3.contains("top_case"));
    // Numbers that do not add up: the place is found in the text.
    let inconsistent = DUCKDB_SMALL.replacen("\"count\": 3,\n      \"cases\": 3", "\"count\": 4,\n      \"cases\": 3", 1);
    let (path, line, column, detail) = invalid_at(&inconsistent);
    assert_eq!(path, "edges[0].waiting_s.count");
    assert!(line > 0 && column > 0);
    assert!(detail.contains("expected 4"), "{detail}");
    let msg = parse_aggregate(&inconsistent).unwrap_err().message(Lang::De);
    assert!(msg.starts_with("Kein gültiges Aggregat bei edges[0].waiting_s.count (Zeile"), "{msg}");
    // Events that do not add up to the total.
    let events = DUCKDB_SMALL.replacen("\"events\": 11", "\"events\": 12", 1);
    assert_eq!(invalid_at(&events).0, "events");
    // An edge naming an activity that is not listed.
    let unknown = DUCKDB_SMALL.replacen("\"to\": \"review\"", "\"to\": \"reviews\"", 1);
    assert_eq!(invalid_at(&unknown).0, "edges[2].to");
}

#[test]
fn no_prefix_of_a_valid_file_panics_or_passes() {
    for (i, _) in DUCKDB_SMALL.char_indices().step_by(7) {
        let prefix = &DUCKDB_SMALL[..i];
        assert!(parse_aggregate(prefix).is_err(), "prefix of {i} bytes was accepted");
    }
    assert!(aggregate::looks_like_aggregate(DUCKDB_SMALL.as_bytes()));
    assert!(!aggregate::looks_like_aggregate(SMALL_LOG.as_bytes()));
}

#[test]
fn the_plan_for_the_preview_lists_every_change_and_the_unmatched_activities() {
    let log = generated(20_000, 8);
    let goal = AggregateOptions { goal_activities: vec!["Order confirmation".into()], timeout_s: 3600.0, top_k: 10 };
    let agg = aggregate::aggregate(&log, &goal);
    let map = shop_map();
    let opts = ApplyOptions { source_file: "agg.json".into(), date: "2026-11-29".into(), create_alternative_routes: false, drop_off: Default::default(), clear_other_periods: false };
    let (plan, applied) = aggregate::plan(&map, &agg, &opts);
    assert_eq!(plan.map, applied.map);
    assert_eq!(plan.goal_activities, vec!["Order confirmation"]);
    assert!(!plan.goal_missing);
    // Six touchpoints × (volume, drop-off, throughput, period, evidence) and the planned routes.
    let tp_changes = plan.changes.iter().filter(|c| matches!(c.target, journey_core::analytics::ChangeTarget::Touchpoint { .. })).count();
    assert_eq!(tp_changes, 6 * 5);
    let view = agg.activity("View product").unwrap();
    let rate = plan.changes.iter().find(|c| {
        matches!(&c.target, journey_core::analytics::ChangeTarget::Touchpoint { title, .. } if title == "View product")
            && c.field == journey_core::analytics::ChangeField::DropOffRate
    });
    assert_eq!(rate.unwrap().after, Some(journey_core::analytics::ChangeValue::Number(view.dropped_cases as f64 / view.cases as f64)));
    let unmatched: Vec<&str> = plan.unmatched_activities.iter().map(|u| u.activity.as_str()).collect();
    assert!(unmatched.contains(&"Search product") && unmatched.contains(&"Delivery"), "{unmatched:?}");
}

#[test]
fn version_1_files_are_read_and_version_2_says_how_ties_were_ordered() {
    use aggregate::{TieOrder, Ties, VERSION};
    // The stored version-1 file (DuckDB, before ties were reported) is still read, with
    // the tie order unknown.
    let v1 = parse_aggregate(DUCKDB_SMALL).unwrap();
    assert_eq!((v1.version, v1.ties), (1, None));
    // What this build writes is version 2 and says the file row decided.
    let ours = aggregate::aggregate(&import(SMALL_LOG), &AggregateOptions::default());
    assert_eq!(ours.version, VERSION);
    assert_eq!(VERSION, 2);
    assert_eq!(ours.ties, Some(Ties { order: TieOrder::FileRow, cases_with_ties: 0 }));
    let json = ours.to_json();
    assert!(json.contains("\"order\": \"file_row\""), "{json}");
    // Version 2 without `ties`, and version 1 with it, are refused with the place.
    let v2_without = DUCKDB_SMALL.replacen("\"version\": 1", "\"version\": 2", 1);
    let (path, line, _, detail) = invalid_at(&v2_without);
    assert_eq!((path.as_str(), line), ("version", 3));
    assert!(detail.contains("\"ties\" is missing"), "{detail}");
    let v1_with = DUCKDB_SMALL.replacen(
        "\"cases_with_rework\": 1,",
        "\"cases_with_rework\": 1, \"ties\": {\"order\": \"activity_name\", \"cases_with_ties\": 0},",
        1,
    );
    assert_ne!(v1_with, DUCKDB_SMALL);
    assert_eq!(invalid_at(&v1_with).0, "ties");
    // A version-2 file with ties ordered by name, as the SQL writes without an order column.
    let by_name = v2_without.replacen(
        "\"cases_with_rework\": 1,",
        "\"cases_with_rework\": 1, \"ties\": {\"order\": \"activity_name\", \"cases_with_ties\": 3},",
        1,
    );
    assert_eq!(parse_aggregate(&by_name).unwrap().ties, Some(Ties { order: TieOrder::ActivityName, cases_with_ties: 3 }));
    // More cases with ties than cases, or an unknown order, are refused.
    let too_many = by_name.replacen("\"cases_with_ties\": 3", "\"cases_with_ties\": 5", 1);
    assert_eq!(invalid_at(&too_many).0, "ties.cases_with_ties");
    let unknown = by_name.replacen("\"activity_name\"", "\"random\"", 1);
    assert_eq!(invalid_at(&unknown).0, "ties.order");
}
