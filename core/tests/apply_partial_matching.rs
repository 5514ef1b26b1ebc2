//! "Apply to map" writes only what the log measured (issue 25). Over random maps and logs
//! with partial matching, the truth is known by construction: a touchpoint is matched
//! exactly when its title is one of the log's activity names (titles are distinct, no
//! stored choices or event keys), so
//! * a touchpoint without a matched activity keeps every value, its evidence and period;
//! * a route with an unmatched end keeps its volume and period — never a new 0;
//! * a route with both ends matched gets the cases stepping directly from one to the other
//!   (counted here from the events, not by the code under test) and the log's period;
//! * a matched touchpoint gets the cases containing its activity and the log's period;
//! * the plan lists exactly the unmatched touchpoints and routes as not measured, and with
//!   "clear old values" empties (never zeroes) those holding another period's values.
//!
//! A second test runs the example "Running shoes online" against a generated shop log
//! whose fates are known: the goal is the main route's end (the order confirmation), after
//! accepting the suggested matching the drop-off is the truth.

use std::collections::{BTreeMap, BTreeSet};

use journey_core::analytics::generator::{generate_with_truth, Shape, TRUTH_GOAL, TRUTH_TIMEOUT_S};
use journey_core::analytics::{
    goal_activities, import_all, plan_apply, suggest_matches, ApplyOptions, ChangeTarget, DropOffOptions, EventLog, GoalSource,
};
use journey_core::model::{Channel, JourneyMap, Lang, MeasuredPeriod, RouteKind};
use journey_core::templates::online_shop_checkout;
use proptest::prelude::*;

/// Activity names a log may use; titles of unmatched touchpoints come from `OTHER`.
const ACTS: [&str; 6] = ["visit", "view", "cart", "checkout", "pay", "review"];
const OTHER: [&str; 4] = ["hotline", "letter", "store", "newsletter"];
const DAY: i64 = 86_400_000;

#[derive(Debug, Clone)]
struct Case {
    /// Titles of the touchpoints (distinct), each either an activity name or another name.
    titles: Vec<&'static str>,
    /// Prior volume and whether it carries an old period, per touchpoint.
    prior: Vec<(Option<f64>, bool)>,
    /// Routes as (from, to, prior volume, planned).
    routes: Vec<(usize, usize, Option<f64>, bool)>,
    /// Events (case, activity index, minute).
    events: Vec<(u8, usize, i64)>,
}

fn case() -> impl Strategy<Value = Case> {
    let titles = prop::sample::subsequence(ACTS.iter().chain(OTHER.iter()).copied().collect::<Vec<_>>(), 2..9).prop_shuffle();
    titles.prop_flat_map(|titles| {
        let n = titles.len();
        let prior = prop::collection::vec((prop::option::of(0.0f64..5000.0), any::<bool>()), n);
        let routes = prop::collection::vec((0..n, 0..n, prop::option::of(0.0f64..900.0), any::<bool>()), 0..12);
        // Logs use only some of the activity names, so matching stays partial.
        let events = prop::collection::vec((0u8..12, 0usize..4, 0i64..20_000), 1..80);
        (Just(titles), prior, routes, events).prop_map(|(titles, prior, routes, events)| Case { titles, prior, routes, events })
    })
}

/// The log's activities: the events' indices map onto a random-but-fixed slice of ACTS
/// (the first four), so "review" and "pay"-titled touchpoints may stay unseen.
fn log_of(c: &Case) -> EventLog {
    let rows: Vec<(String, &str, i64)> = c.events.iter().map(|&(k, a, m)| (format!("k{k}"), ACTS[a], m * 60_000)).collect();
    EventLog::from_events(&rows)
}

fn old_period() -> MeasuredPeriod {
    MeasuredPeriod::new(0.0, 400.0 * DAY as f64, "old.csv (2023-01-01)")
}

fn map_of(c: &Case) -> JourneyMap {
    let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let s = m.stages[0].id.clone();
    let ids: Vec<String> = c.titles.iter().map(|t| m.add_touchpoint(&s, t, Channel::Website).unwrap()).collect();
    for (tp, &(v, dated)) in m.touchpoints.iter_mut().zip(&c.prior) {
        tp.measurements.volume = v;
        tp.measurements.drop_off_rate = v.map(|_| 0.25);
        tp.measurements.period = (v.is_some() && dated).then(old_period);
    }
    for &(a, b, v, planned) in &c.routes {
        let kind = if planned { RouteKind::Planned } else { RouteKind::Alternative };
        if let Some(id) = m.add_route(&ids[a], &ids[b], kind) {
            let r = m.routes.iter_mut().find(|r| r.id == id).unwrap();
            r.volume = v;
        }
    }
    m
}

/// Cases stepping directly from activity `a` to `b`, and cases containing `a`, counted
/// from the events themselves (stable order by time, as the importer keeps it).
fn truth(c: &Case) -> (BTreeMap<(&'static str, &'static str), u64>, BTreeMap<&'static str, u64>) {
    let mut by_case: BTreeMap<u8, Vec<(i64, usize, &'static str)>> = BTreeMap::new();
    for (i, &(k, a, m)) in c.events.iter().enumerate() {
        by_case.entry(k).or_default().push((m, i, ACTS[a]));
    }
    let (mut steps, mut contains) = (BTreeMap::new(), BTreeMap::new());
    for evs in by_case.values_mut() {
        evs.sort();
        let mut seen_steps = BTreeSet::new();
        for w in evs.windows(2) {
            if w[0].2 != w[1].2 {
                seen_steps.insert((w[0].2, w[1].2));
            }
        }
        for s in seen_steps {
            *steps.entry(s).or_insert(0) += 1;
        }
        for a in evs.iter().map(|e| e.2).collect::<BTreeSet<_>>() {
            *contains.entry(a).or_insert(0) += 1;
        }
    }
    (steps, contains)
}

fn opts(clear: bool) -> ApplyOptions {
    ApplyOptions {
        source_file: "log.csv".into(),
        date: "2026-12-06".into(),
        create_alternative_routes: false,
        drop_off: DropOffOptions::default(),
        clear_other_periods: clear,
    }
}

proptest! {
    #[test]
    fn apply_changes_only_what_the_log_measured(c in case(), clear in any::<bool>()) {
        let (map, log) = (map_of(&c), log_of(&c));
        let seen: BTreeSet<&str> = log.activity_names.iter().map(String::as_str).collect();
        let matched = |title: &str| seen.contains(title);
        let (steps, contains) = truth(&c);
        let plan = plan_apply(&map, &log, &opts(clear));
        let out = &plan.map;
        let (first, last) = log.time_span_ms().unwrap();
        let period = MeasuredPeriod::new(first as f64, last as f64, "log.csv (2026-12-06)");

        let mut expected_not_measured = Vec::new();
        for (before, after) in map.touchpoints.iter().zip(&out.touchpoints) {
            if matched(&before.title) {
                prop_assert_eq!(after.measurements.volume, Some(contains[before.title.as_str()] as f64));
                prop_assert_eq!(after.measurements.period.as_ref(), Some(&period));
                continue;
            }
            expected_not_measured.push(before.id.clone());
            let other = before.measurements.volume.is_some();
            if clear && other {
                // Cleared on request: empty, never 0.
                prop_assert_eq!(after.measurements.volume, None);
                prop_assert_eq!(after.measurements.drop_off_rate, None);
                prop_assert_eq!(after.measurements.period.as_ref(), None);
            } else {
                prop_assert_eq!(&after.measurements, &before.measurements, "{} changed", before.title);
            }
            prop_assert_eq!(&after.evidence, &before.evidence);
        }
        let title = |m: &JourneyMap, id: &str| m.touchpoints.iter().find(|t| t.id == id).unwrap().title.clone();
        for (before, after) in map.routes.iter().zip(&out.routes) {
            let (a, b) = (title(&map, &before.from), title(&map, &before.to));
            if matched(&a) && matched(&b) {
                let key = (ACTS.iter().find(|x| **x == a).copied().unwrap(), ACTS.iter().find(|x| **x == b).copied().unwrap());
                prop_assert_eq!(after.volume, Some(steps.get(&key).copied().unwrap_or(0) as f64));
                prop_assert_eq!(after.period.as_ref(), Some(&period));
            } else {
                expected_not_measured.push(before.id.clone());
                if clear && before.volume.is_some() {
                    prop_assert_eq!((after.volume, after.period.as_ref()), (None, None));
                } else {
                    prop_assert_eq!((after.volume, after.period.as_ref()), (before.volume, before.period.as_ref()), "route {} → {}", a, b);
                }
            }
        }
        prop_assert_eq!(out.routes.len(), map.routes.len());
        let listed: Vec<String> = plan.coverage.not_measured.iter().map(|t| match t {
            ChangeTarget::Touchpoint { id, .. } | ChangeTarget::Route { id, .. } => id.clone(),
            ChangeTarget::Map => String::new(),
        }).collect();
        prop_assert_eq!(listed, expected_not_measured);
        // Every "other period" entry holds a value not from this log.
        for t in &plan.coverage.other_period {
            prop_assert!(plan.coverage.not_measured.contains(t));
        }
    }
}

#[test]
fn running_shoes_online_goal_from_the_main_route_and_true_drop_off() {
    let map = online_shop_checkout("shoes", 0.0, Lang::En);
    let truth = generate_with_truth(2_500, 25, Shape::MostLeaveEarly);
    let (log, _) = import_all(truth.csv.clone().into_bytes(), &journey_core::analytics::generator::column_mapping()).unwrap();
    // The main route ends at the order confirmation, which the shop log's activity of that
    // name stands for (matched by title): the goal comes from the map, nothing chosen.
    let goal = goal_activities(&log.activity_names, &map);
    assert_eq!((goal.source, goal.activities.clone()), (GoalSource::MainRouteEnd, vec![TRUTH_GOAL.to_string()]));
    let end = goal.main_route_end.clone().unwrap();
    assert_eq!(map.touchpoints.iter().find(|t| t.id == end).unwrap().title, "Order confirmation");
    assert!(map.analytics.goal_activities.is_empty() && map.analytics.activity_matches.is_empty());

    // Accept the matching the page suggests (each unmatched activity's first similar
    // touchpoint, as the "use suggestion" buttons do); the goal stays the main route's end.
    let mut m = map.clone();
    for row in suggest_matches(&log.activity_names, &map) {
        if let Some(s) = row.suggestions.first() {
            m.analytics.set_choice(&row.activity, Some(s.touchpoint_id.clone()));
        }
    }
    let title_of = |activity: &str| {
        let id = m.analytics.activity_matches.iter().find(|c| c.activity == activity).and_then(|c| c.touchpoint_id.clone());
        id.and_then(|id| m.touchpoints.iter().find(|t| t.id == id).map(|t| t.title.clone()))
    };
    assert_eq!(title_of("View product").as_deref(), Some("Browses the product page"));
    assert_eq!(title_of("Payment"), None, "no touchpoint title is like it: not guessed");
    // Two more matched by hand in the matching step; the goal stays the main route's end.
    for (activity, title) in [("Add to cart", "Puts the shoes in the basket"), ("Payment", "Pays")] {
        let id = m.touchpoints.iter().find(|t| t.title == title).unwrap().id.clone();
        m.analytics.set_choice(activity, Some(id));
    }
    let goal = goal_activities(&log.activity_names, &m);
    assert_eq!((goal.source, goal.activities.clone()), (GoalSource::MainRouteEnd, vec![TRUTH_GOAL.to_string()]));
    let o = ApplyOptions { drop_off: DropOffOptions { end_activities: Vec::new(), timeout_s: TRUTH_TIMEOUT_S }, ..opts(false) };
    let plan = plan_apply(&m, &log, &o);
    for (activity, title) in [("Add to cart", "Puts the shoes in the basket"), ("Payment", "Pays")] {
        let left = truth.cases.iter().filter(|c| c.left_at == Some(activity)).count() as f64;
        let reached = truth.cases.iter().filter(|c| c.activities.contains(&activity)).count() as f64;
        let tp = plan.map.touchpoints.iter().find(|t| t.title == title).unwrap();
        assert_eq!(tp.measurements.drop_off_rate, Some(left / reached), "{activity}");
    }
    // Routes: pays → order confirmation and product page → basket are seen (both ends
    // matched), basket → account is not.
    let id = |t: &str| m.touchpoints.iter().find(|x| x.title == t).unwrap().id.clone();
    let route = |a: &str, b: &str| plan.map.routes.iter().find(|r| r.from == id(a) && r.to == id(b)).unwrap().clone();
    let seen = route("Pays", "Order confirmation");
    assert!(seen.volume.is_some() && seen.period.is_some());
    let seen = route("Browses the product page", "Puts the shoes in the basket");
    assert!(seen.volume.is_some() && seen.period.is_some());
    let unseen = route("Puts the shoes in the basket", "Creates a customer account");
    let before = map.routes.iter().find(|r| r.id == unseen.id).unwrap();
    assert_eq!((unseen.volume, unseen.period), (before.volume, None), "the log cannot see this route");
    // The preview knows the map now mixes periods, and clearing empties those values.
    assert!(!plan.coverage.other_period.is_empty());
    let cleared = plan_apply(&m, &log, &ApplyOptions { clear_other_periods: true, ..o });
    let account = cleared.map.touchpoints.iter().find(|t| t.title == "Creates a customer account").unwrap();
    assert_eq!(account.measurements.volume, None);
    assert_eq!(cleared.map.routes.iter().find(|r| r.id == unseen.id).unwrap().volume, None);
}
