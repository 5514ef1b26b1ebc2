//! The analytics on ../shared/data/patients.csv, checked against numbers computed
//! independently by `core/tests/reference/patients_reference.py` (standard-library Python,
//! written from the definitions in docs/analytics.md, not from this code). Re-run the
//! script and update the constants here if the data or a definition changes.
//!
//! The file has a start and a complete row per activity: both readings are checked.

use journey_core::analytics::{
    analyze, import_all, AnalysisOptions, ColumnMapping, DropOffOptions, FunnelMode, FunnelSpec, Report,
};

const PATIENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/patients.csv");

fn mapping(lifecycle: bool) -> ColumnMapping {
    ColumnMapping {
        delimiter: b',',
        case: "patient".into(),
        activity: "handling".into(),
        time: "time".into(),
        channel: None,
        rating: None,
        resource: Some("employee".into()),
        lifecycle: lifecycle.then(|| ("registration_type".into(), "complete".into())),
        time_zone: None,
        time_form: Default::default(),
    }
}

fn report(lifecycle: bool, tau_days: f64) -> Report {
    let data = std::fs::read(PATIENTS).expect("shared/data/patients.csv next to the repository");
    let (log, summary) = import_all(data, &mapping(lifecycle)).unwrap();
    assert_eq!(summary.skipped_rows, 0);
    let opts = AnalysisOptions {
        drop_off: DropOffOptions { end_activities: vec!["Check-out".into()], timeout_s: tau_days * 86_400.0 },
        funnel: Some(FunnelSpec {
            steps: vec!["Registration".into(), "X-Ray".into(), "Check-out".into()],
            mode: FunnelMode::Ordered,
            window_s: None,
        }),
        ..AnalysisOptions::default()
    };
    analyze(&log, &opts)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

fn edge<'a>(r: &'a Report, from: &str, to: &str) -> &'a journey_core::analytics::DfgEdge {
    r.dfg.edges.iter().find(|e| e.from == from && e.to == to).unwrap()
}

#[test]
fn complete_rows_match_the_reference() {
    let r = report(true, 7.0);
    assert_eq!((r.cases, r.events, r.activities, r.dfg_edges, r.variants), (500, 2721, 7, 7, 7));
    assert_eq!(r.timestamp_ties, 0);
    assert_eq!(
        r.top_variants.top[0].activities,
        ["Registration", "Triage and Assessment", "X-Ray", "Discuss Results", "Check-out"]
    );
    assert_eq!(r.top_variants.top[0].cases, 258);
    let t = r.throughput.summary_s;
    assert!(close(t.median, 516494.0) && close(t.mean, 566919.292) && close(t.p90, 913278.9), "{t:?}");
    let expected_events = [
        ("Blood test", 237), ("Check-out", 492), ("Discuss Results", 495), ("MRI SCAN", 236),
        ("Registration", 500), ("Triage and Assessment", 500), ("X-Ray", 261),
    ];
    for (name, n) in expected_events {
        let v = r.volumes.activities.iter().find(|a| a.activity == name).unwrap();
        assert_eq!((v.events, v.cases), (n, n), "{name}");
    }
    let e = edge(&r, "Triage and Assessment", "X-Ray");
    assert_eq!(e.count, 261);
    assert!(close(e.waiting_s.median, 123056.0) && close(e.waiting_s.mean, 207842.4367816092) && close(e.waiting_s.p90, 510508.0));
    let e = edge(&r, "Discuss Results", "Check-out");
    assert_eq!(e.count, 492);
    assert!(close(e.waiting_s.median, 32498.5) && close(e.waiting_s.mean, 121056.48577235773) && close(e.waiting_s.p90, 370893.1));
    assert_eq!(r.drop_off.dropped, 0);
    let f = r.funnel.as_ref().unwrap();
    assert_eq!(f.steps.iter().map(|s| s.cases).collect::<Vec<_>>(), vec![500, 261, 258]);
}

#[test]
fn drop_off_with_a_one_day_timeout_matches_the_reference() {
    let r = report(true, 1.0);
    assert_eq!(r.drop_off.dropped, 1);
    assert_eq!(r.drop_off.by_activity[0].activity, "Blood test");
}

#[test]
fn start_and_complete_rows_match_the_reference() {
    let r = report(false, 7.0);
    assert_eq!((r.cases, r.events, r.activities, r.dfg_edges, r.variants), (500, 5442, 7, 16, 13));
    assert_eq!(r.timestamp_ties, 277);
    assert_eq!(r.top_variants.top[0].cases, 137);
    let t = r.throughput.summary_s;
    assert!(close(t.median, 525788.0) && close(t.mean, 576832.972) && close(t.p90, 921924.4), "{t:?}");
    let e = edge(&r, "Triage and Assessment", "X-Ray");
    assert_eq!(e.count, 261);
    assert!(close(e.waiting_s.median, 104095.0) && close(e.waiting_s.mean, 190396.71264367815) && close(e.waiting_s.p90, 484069.0));
    let e = edge(&r, "Discuss Results", "Check-out");
    assert_eq!(e.count, 615);
    assert!(close(e.waiting_s.median, 12412.0) && close(e.waiting_s.mean, 94323.4699186992) && close(e.waiting_s.p90, 323730.0));
    let f = r.funnel.as_ref().unwrap();
    assert_eq!(f.steps.iter().map(|s| s.cases).collect::<Vec<_>>(), vec![500, 261, 258]);
}
