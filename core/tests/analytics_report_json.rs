//! The browser's analytics worker sends the `Report`, the import summary and the deviation
//! report to the page as JSON; the page reads them back. This checks the round trip gives
//! the same values (also for an empty log and for a funnel step nobody reaches, where a
//! NaN would turn into `null` and fail to read back).

use journey_core::analytics::{
    analyze, deviation, generator, import_all, AnalysisOptions, ColumnMapping, DeviationReport, FunnelMode,
    FunnelSpec, ImportSummary, Report,
};
use journey_core::model::{JourneyMap, Lang};

fn mapping() -> ColumnMapping {
    generator::column_mapping()
}

#[test]
fn report_summary_and_deviation_read_back_equal() {
    let csv = generator::generate_csv(3_000, 7);
    let (log, summary) = import_all(csv.into_bytes(), &mapping()).unwrap();
    let opts = AnalysisOptions {
        funnel: Some(FunnelSpec {
            steps: vec![generator::START.into(), "Checkout".into(), "No such step".into()],
            mode: FunnelMode::Ordered,
            window_s: None,
        }),
        ..AnalysisOptions::default()
    };
    let report = analyze(&log, &opts);
    let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
    let back: ImportSummary = serde_json::from_str(&serde_json::to_string(&summary).unwrap()).unwrap();
    assert_eq!(back, summary);

    let mut map = JourneyMap::blank("m", "Shop", 0.0, Lang::En);
    let stage = map.stages[0].id.clone();
    let a = map.add_touchpoint(&stage, generator::START, Default::default()).unwrap();
    let b = map.add_touchpoint(&stage, "View product", Default::default()).unwrap();
    map.add_route(&a, &b, journey_core::model::RouteKind::Planned);
    let dev = deviation(&log, &map);
    let back: DeviationReport = serde_json::from_str(&serde_json::to_string(&dev).unwrap()).unwrap();
    assert_eq!(back, dev);
}

#[test]
fn empty_log_report_reads_back() {
    let report = analyze(&Default::default(), &AnalysisOptions::default());
    let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
}
