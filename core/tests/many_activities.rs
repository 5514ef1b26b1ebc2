//! An event log with very many distinct activities (an order number mapped as the
//! activity): the worker's replies stay bounded, so the page never receives more than
//! `SHOWN_ACTIVITIES` names per list, and the page's follow-up requests stay answerable.

use journey_core::analytics::generator;
use journey_core::analytics::session::{Reply, Request, Session};
use journey_core::analytics::shown::{Omitted, SHOWN_ACTIVITIES};
use journey_core::analytics::{AnalysisOptions, ApplyOptions, ColumnMapping, FunnelSpec, ImportWarning};
use journey_core::model::{Channel, JourneyMap, Lang, RouteKind};

/// `n` rows, four per case, every activity name unique.
fn unique_log(n: usize) -> Vec<u8> {
    let mut s = String::from("case_id,activity,timestamp\n");
    for i in 0..n {
        s.push_str(&format!("c{},Order {i:07},2026-01-{:02}T10:{:02}:00Z\n", i / 4, 1 + i % 28, i % 60));
    }
    s.into_bytes()
}

/// The generator's columns (case_id, activity, timestamp) without its channel.
fn mapping() -> ColumnMapping {
    ColumnMapping { channel: None, ..generator::column_mapping() }
}

fn apply_options() -> ApplyOptions {
    ApplyOptions { source_file: "orders.csv".into(), date: "2026-12-06".into(), create_alternative_routes: false, drop_off: Default::default(), clear_other_periods: false }
}

fn small_map() -> JourneyMap {
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let st = map.stages[0].id.clone();
    let a = map.add_touchpoint(&st, "Order 0000000", Channel::Website).unwrap();
    let b = map.add_touchpoint(&st, "Payment", Channel::Website).unwrap();
    map.add_route(&a, &b, RouteKind::Planned);
    map
}

/// The imported reply and every follow-up reply stay small and say what they left out;
/// the numbers are known by construction (every activity once, four per case).
/// `ROWS=200000 cargo test --release --test many_activities -- --nocapture` prints the
/// time each step takes (no timed assertion here: benchmarks/README.md).
#[test]
fn replies_for_the_page_are_bounded_and_say_what_they_left_out() {
    let n: usize = std::env::var("ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(30_000);
    let t = std::time::Instant::now();
    let mut s = Session::new();
    let map = small_map();
    let reply = s.import(unique_log(n), &mapping(), &AnalysisOptions::default(), Some(&map), Lang::En, &|| 0.0, &mut |_| {});
    eprintln!("import+analyse: {:?}", t.elapsed());
    let size = serde_json::to_string(&reply).unwrap().len();
    let Reply::Imported { report, summary, .. } = reply else { panic!("{reply:?}") };
    assert!(size < 2_000_000, "imported reply {size} bytes");
    assert_eq!((report.events, report.activities, report.cases), (n as u64, n as u64, n.div_ceil(4) as u64));
    assert_eq!(report.volumes.activities.len(), SHOWN_ACTIVITIES);
    let omitted = report.omitted.expect("omitted lists");
    let rest = (n - SHOWN_ACTIVITIES) as u64;
    assert_eq!(omitted.activities, Omitted { count: rest, events: rest, max_events: 1 });
    // Three pairs per case of four, every pair once.
    assert_eq!(report.dfg_edges, (n - n.div_ceil(4)) as u64);
    assert_eq!(omitted.edges.count, report.dfg_edges - SHOWN_ACTIVITIES as u64);
    assert!(summary.warnings.iter().any(|w| matches!(w, ImportWarning::TooManyActivities { activities, .. } if *activities == n as u64)));

    for (name, req) in [
        ("deviation", Request::Deviation { map: map.clone() }),
        ("planned vs actual", Request::PlannedVsActual { map: map.clone() }),
        ("funnel", Request::Funnel { spec: FunnelSpec { steps: vec!["Order 0000000".into()], mode: Default::default(), window_s: None } }),
        ("apply preview", Request::PlanApply { map: map.clone(), options: apply_options() }),
        ("re-analysis", Request::Analyze { options: AnalysisOptions::default() }),
    ] {
        let reply = s.handle(req);
        let size = serde_json::to_string(&reply).unwrap().len();
        eprintln!("{name}: {:?}, {size} bytes", t.elapsed());
        assert!(size < 2_000_000, "{name}: {size} bytes");
        match reply {
            // "Order 0000000" is a touchpoint's title: every other activity is unmapped.
            Reply::Deviation { report } => {
                assert_eq!(report.unmapped_activities.len(), SHOWN_ACTIVITIES);
                assert_eq!(report.more_unmapped.count, (n - 1 - SHOWN_ACTIVITIES) as u64);
            }
            Reply::PlannedVsActual { report } => {
                assert_eq!(report.unplanned_activities.len() as u64 + report.more_unplanned.count, (n - 1) as u64)
            }
            Reply::Planned { plan } => assert_eq!(plan.unmatched_activities.len() as u64 + plan.more_unmatched.count, (n - 1) as u64),
            Reply::Funnel { report } => assert_eq!(report.steps[0].cases, 1),
            Reply::Analyzed { report } => assert_eq!(report.volumes.activities.len(), SHOWN_ACTIVITIES),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// A log within the limit is sent whole: nothing is marked as left out.
#[test]
fn a_log_within_the_limit_is_not_cut() {
    let mut s = Session::new();
    let reply = s.import(unique_log(SHOWN_ACTIVITIES), &mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |_| {});
    let Reply::Imported { report, summary, .. } = reply else { panic!("{reply:?}") };
    assert_eq!(report.volumes.activities.len(), SHOWN_ACTIVITIES);
    assert_eq!(report.omitted, None);
    assert!(!summary.warnings.iter().any(|w| matches!(w, ImportWarning::TooManyActivities { .. })));
}

/// A 5 MB field in the activity column is cut to 4 KB with a warning naming line and
/// column; the row still counts, and the other rows are untouched.
#[test]
fn a_huge_field_is_cut_with_a_warning_naming_line_and_column() {
    use journey_core::analytics::long_fields::MAX_FIELD_BYTES;
    let mut csv = String::from("case_id,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\n");
    csv.push_str("c1,\"");
    csv.push_str(&"x".repeat(5_000_000));
    csv.push_str("\",2026-01-01T10:01:00Z\nc2,Visit,2026-01-01T11:00:00Z\n");
    let mut s = Session::new();
    let reply = s.import(csv.into_bytes(), &mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |_| {});
    let size = serde_json::to_string(&reply).unwrap().len();
    let Reply::Imported { report, summary, .. } = reply else { panic!("{reply:?}") };
    assert!(size < 100_000, "{size} bytes");
    assert_eq!((report.events, report.activities), (3, 2));
    let long = report.volumes.activities.iter().map(|a| a.activity.len()).max().unwrap();
    assert_eq!(long, MAX_FIELD_BYTES);
    let w = summary.warning_messages(Lang::En).join("\n");
    assert!(w.contains("Line 3, column “activity”: a value of 5,000,000 bytes was cut to its first 4,096 bytes"), "{w}");
    let w = summary.warning_messages(Lang::De).join("\n");
    assert!(w.contains("Zeile 3, Spalte „activity“: ein Wert von 5.000.000 Byte"), "{w}");
}
