//! A small log, end to end (detection → import → analysis), with every expected value
//! worked out by hand in the comments. Semicolons, German timestamps and a lifecycle
//! column make the detection and the lifecycle filter part of the check.

use journey_core::analytics::{
    analyze, detect_columns, import_all, AnalysisOptions, ColumnMapping, DropOffOptions, FunnelMode, FunnelSpec,
};

// Case 1: Visit 10:00, Cart 10:10, Pay 10:30 (1 March), Review 10 March 10:30.
// Case 2: Visit 11:00, Cart 11:06 (the 11:05 "start" row is filtered out).
// Case 3: Visit 09:00, Pay 09:20 (2 March). Line 11 has a bad timestamp.
const LOG: &str = "Fall;Aktivität;Zeit;Kanal;Status
1;Visit;01.03.2024 10:00;web;complete
2;Visit;01.03.2024 11:00;app;complete
1;Cart;01.03.2024 10:10;web;complete
2;Cart;01.03.2024 11:05;app;start
2;Cart;01.03.2024 11:06;app;complete
1;Pay;01.03.2024 10:30;web;complete
3;Visit;02.03.2024 09:00;web;complete
3;Pay;02.03.2024 09:20;web;complete
1;Review;10.03.2024 10:30;email;complete
3;Review;someday;email;complete
";

fn import() -> (journey_core::analytics::EventLog, journey_core::analytics::ImportSummary) {
    let detection = detect_columns(LOG.as_bytes()).unwrap();
    let mapping = ColumnMapping::from_detection(&detection).unwrap();
    assert_eq!(mapping.delimiter, b';');
    assert_eq!((mapping.case.as_str(), mapping.activity.as_str(), mapping.time.as_str()), ("Fall", "Aktivität", "Zeit"));
    assert_eq!(mapping.channel.as_deref(), Some("Kanal"));
    assert_eq!(mapping.lifecycle, Some(("Status".into(), "complete".into())));
    import_all(LOG.as_bytes().to_vec(), &mapping).unwrap()
}

#[test]
fn import_filters_lifecycle_and_reports_the_bad_row() {
    let (log, s) = import();
    assert_eq!((s.rows, s.events, s.cases, s.lifecycle_filtered, s.skipped_rows), (10, 8, 3, 1, 1));
    assert_eq!(s.first_issues[0].line, 11);
    assert_eq!(log.case_names, ["1", "2", "3"]);
}

#[test]
fn hand_checked_metrics() {
    let (log, _) = import();
    let opts = AnalysisOptions {
        drop_off: DropOffOptions { end_activities: vec!["Pay".into(), "Review".into()], timeout_s: 7.0 * 86_400.0 },
        funnel: Some(FunnelSpec { steps: vec!["Visit".into(), "Cart".into(), "Pay".into()], mode: FunnelMode::Ordered, window_s: Some(3600.0) }),
        ..AnalysisOptions::default()
    };
    let r = analyze(&log, &opts);
    assert_eq!((r.cases, r.events, r.activities, r.variants), (3, 8, 4, 3));
    // Edges: Visit→Cart ×2 (600 s, 360 s), Cart→Pay (1200 s), Pay→Review, Visit→Pay (1200 s).
    assert_eq!(r.dfg_edges, 4);
    let vc = &r.dfg.edges[0];
    assert_eq!((vc.from.as_str(), vc.to.as_str(), vc.count), ("Visit", "Cart", 2));
    assert_eq!((vc.waiting_s.median, vc.waiting_s.mean, vc.waiting_s.p90), (480.0, 480.0, 576.0));
    // Throughput: case 1 = 9 d 30 min = 779 400 s, case 2 = 360 s, case 3 = 1200 s.
    assert_eq!(r.throughput_median_s, 1200.0);
    assert_eq!(r.throughput.summary_s.mean, (779_400.0 + 360.0 + 1200.0) / 3.0);
    // Volumes: Visit in all cases, Cart in 2 of 3; channels web 5, app 2, email 1.
    let cart = r.volumes.activities.iter().find(|a| a.activity == "Cart").unwrap();
    assert!((cart.presence - 2.0 / 3.0).abs() < 1e-12);
    let ch: Vec<(&str, u64)> = r.volumes.channels.iter().map(|c| (c.channel.as_str(), c.events)).collect();
    assert_eq!(ch, [("web", 5), ("app", 2), ("email", 1)]);
    // Drop-off: the log ends 10 March 10:30; case 2 stopped at Cart on 1 March (> 7 days).
    assert_eq!((r.drop_off.completed, r.drop_off.in_progress, r.drop_off.dropped), (2, 0, 1));
    assert_eq!(r.drop_off.by_activity[0].activity, "Cart");
    assert_eq!(r.drop_off.by_activity[0].rate, 0.5);
    // Funnel Visit → Cart → Pay within 1 h: 3 visit, 2 reach Cart, 1 reaches Pay (case 3
    // paid without a cart, which the ordered funnel does not count).
    let f = r.funnel.unwrap();
    let counts: Vec<u64> = f.steps.iter().map(|s| s.cases).collect();
    assert_eq!(counts, [3, 2, 1]);
    assert_eq!(f.steps[1].time_to_convert_median_s, 480.0);
    assert_eq!(f.steps[2].time_to_convert_mean_s, 1800.0);
    assert_eq!(f.steps[2].step_conversion, 0.5);
}
