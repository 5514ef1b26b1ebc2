//! Drop-off against the goal, checked against truth known by construction and against an
//! independent reference.
//!
//! `generator::generate_with_truth` decides each case's fate (reached the goal, left at
//! an activity, still in progress) before writing its events. The drop-off per activity
//! that the core measures — in the report and in the map after apply — must equal that
//! truth exactly, for three shapes of log. Then `core/tests/reference/dropoff_reference.py`
//! (standard-library Python written from docs/analytics.md) is run on one generated file
//! and must agree with the core's drop-off, funnel and throughput.

use std::process::Command;

use journey_core::analytics::generator::{self, Shape, TruthLog, ACTIVITIES, TRUTH_GOAL, TRUTH_TIMEOUT_S};
use journey_core::analytics::{
    analyze, import_all, plan_apply, AnalysisOptions, ApplyOptions, DropOffOptions, EventLog, FunnelMode, FunnelSpec,
    Report,
};
use journey_core::model::{Channel, JourneyMap, Lang, RouteKind};
use journey_core::score::score_map;

fn import(t: &TruthLog) -> EventLog {
    let (log, summary) = import_all(t.csv.clone().into_bytes(), &generator::column_mapping()).unwrap();
    assert_eq!(summary.skipped_rows, 0);
    log
}

fn goal() -> DropOffOptions {
    DropOffOptions { end_activities: vec![TRUTH_GOAL.into()], timeout_s: TRUTH_TIMEOUT_S }
}

/// A map with one touchpoint per shop activity (same titles) and a planned main route
/// from the visit to the goal.
fn shop_map() -> JourneyMap {
    let mut m = JourneyMap::blank("m", "Shop", 0.0, Lang::En);
    let s = m.stages[0].id.clone();
    let ids: Vec<String> = ACTIVITIES.iter().map(|a| m.add_touchpoint(&s, a, Channel::Website).unwrap()).collect();
    // Visit → View product → Add to cart → Checkout → Payment → Order confirmation.
    for w in [0, 2, 3, 4, 5, 6].windows(2) {
        m.add_route(&ids[w[0]], &ids[w[1]], RouteKind::Planned);
    }
    m
}

fn check_shape(shape: Shape, seed: u64) {
    let t = generator::generate_with_truth(2_000, seed, shape);
    let log = import(&t);
    let r = analyze(&log, &AnalysisOptions { drop_off: goal(), ..AnalysisOptions::default() });
    let d = &r.drop_off;
    let truth = t.drop_off_truth();
    let left_total: u64 = truth.iter().map(|x| x.1).sum();
    let reached_goal = t.cases.iter().filter(|c| c.reached_goal).count() as u64;
    // The shape is what its name says.
    let in_progress = t.cases.iter().filter(|c| !c.reached_goal && c.left_at.is_none()).count();
    assert!(in_progress > 0, "some cases are still in progress");
    match shape {
        Shape::MostLeaveEarly => assert!(left_total > 3 * reached_goal, "{left_total} left, {reached_goal} reached"),
        Shape::MostComplete => assert!(reached_goal > 1_500, "{reached_goal}"),
        Shape::LoopsBeforeGoal => {
            let looped = t.cases.iter().filter(|c| {
                let before_goal = c.activities.iter().position(|a| *a == TRUTH_GOAL).unwrap_or(c.activities.len());
                let head = &c.activities[..before_goal];
                head.iter().enumerate().any(|(i, a)| head[..i].contains(a) && head[i - 1] != *a)
            });
            assert!(looped.count() > 300, "loops back to an earlier activity before the goal");
        }
    }
    assert_eq!((d.completed, d.dropped, d.in_progress), (reached_goal, left_total, 2_000 - reached_goal - left_total), "{shape:?}");
    // Per activity: exactly the cases constructed to leave there, over those reaching it.
    for (activity, left, reached) in &truth {
        let got = d.by_activity.iter().find(|x| x.activity == *activity);
        match got {
            Some(g) => {
                assert_eq!((g.dropped, g.reached), (*left, *reached), "{shape:?} {activity}");
                assert_eq!(g.rate, *left as f64 / *reached as f64, "{shape:?} {activity}");
            }
            None => assert_eq!(*left, 0, "{shape:?} {activity} missing"),
        }
    }
    // The map gets the same rates: the goal defaults to the main route's end.
    let plan = plan_apply(&shop_map(), &log, &ApplyOptions {
        source_file: "shop.csv".into(),
        date: "2026-11-29".into(),
        create_alternative_routes: false,
        drop_off: DropOffOptions { end_activities: Vec::new(), timeout_s: TRUTH_TIMEOUT_S },
        clear_other_periods: false,
    });
    assert_eq!(plan.goal_activities, vec![TRUTH_GOAL]);
    for (activity, left, reached) in &truth {
        let tp = plan.map.touchpoints.iter().find(|tp| tp.title == *activity).unwrap();
        assert_eq!(tp.measurements.volume, Some(*reached as f64), "{activity}");
        assert_eq!(tp.measurements.drop_off_rate, Some(*left as f64 / *reached as f64), "{shape:?} {activity}");
    }
    // The goal itself never loses anyone, and the scores read exactly these rates.
    let goal_tp = plan.map.touchpoints.iter().find(|tp| tp.title == TRUTH_GOAL).unwrap();
    assert_eq!(goal_tp.measurements.drop_off_rate, Some(0.0));
    let scores = score_map(&plan.map);
    let expected: f64 = [0usize, 2, 3, 4, 5, 6]
        .iter()
        .map(|&i| {
            let (_, left, reached) = truth.iter().find(|x| x.0 == ACTIVITIES[i]).copied().unwrap();
            1.0 - left as f64 / reached as f64
        })
        .product();
    let completion = scores.journey.as_ref().and_then(|j| j.completion.as_ref()).unwrap();
    assert!((completion.rate - expected).abs() < 1e-12, "{} vs {expected}", completion.rate);
}

#[test]
fn most_cases_leave_early() {
    check_shape(Shape::MostLeaveEarly, 11);
}

#[test]
fn most_cases_complete() {
    check_shape(Shape::MostComplete, 12);
}

#[test]
fn loops_and_rework_before_the_goal() {
    check_shape(Shape::LoopsBeforeGoal, 13);
}

const FUNNEL: [&str; 5] = ["Visit website", "View product", "Add to cart", "Checkout", "Payment"];
const WINDOW_S: f64 = 1800.0;

fn core_report(t: &TruthLog) -> Report {
    let opts = AnalysisOptions {
        drop_off: goal(),
        funnel: Some(FunnelSpec { steps: FUNNEL.iter().map(|s| s.to_string()).collect(), mode: FunnelMode::Ordered, window_s: Some(WINDOW_S) }),
        ..AnalysisOptions::default()
    };
    analyze(&import(t), &opts)
}

#[test]
fn the_independent_python_reference_agrees() {
    let t = generator::generate_with_truth(1_500, 21, Shape::LoopsBeforeGoal);
    let dir = std::env::temp_dir().join(format!("journey-dropoff-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("shop.csv");
    std::fs::write(&path, &t.csv).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/dropoff_reference.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&path)
        .args(["--goal", TRUTH_GOAL, "--timeout-s", &TRUTH_TIMEOUT_S.to_string(), "--funnel", &FUNNEL.join(","), "--window-s", &WINDOW_S.to_string()])
        .output()
        .expect("python3 must be installed to run the reference (Debian: apt-get install python3)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let r = core_report(&t);
    let d = &r.drop_off;
    assert_eq!(py["cases"], r.cases);
    assert_eq!((py["completed"].as_u64(), py["in_progress"].as_u64(), py["dropped"].as_u64()), (Some(d.completed), Some(d.in_progress), Some(d.dropped)));
    let by = py["by_activity"].as_object().unwrap();
    assert_eq!(by.len(), d.by_activity.len());
    for x in &d.by_activity {
        let p = &by[&x.activity];
        assert_eq!((p["dropped"].as_u64(), p["reached"].as_u64()), (Some(x.dropped), Some(x.reached)), "{}", x.activity);
        assert!((p["rate"].as_f64().unwrap() - x.rate).abs() < 1e-12);
    }
    let funnel: Vec<u64> = r.funnel.as_ref().unwrap().steps.iter().map(|s| s.cases).collect();
    let py_funnel: Vec<u64> = py["funnel"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert_eq!(funnel, py_funnel);
    let th = &r.throughput.summary_s;
    for (key, ours) in [("median", th.median), ("mean", th.mean), ("p90", th.p90), ("max", th.max)] {
        let theirs = py["throughput_s"][key].as_f64().unwrap();
        assert!((ours - theirs).abs() < 1e-6 * theirs.abs().max(1.0), "{key}: {ours} vs {theirs}");
    }
    // The truth agrees with both.
    assert_eq!(d.dropped, t.cases.iter().filter(|c| c.left_at.is_some()).count() as u64);
}
