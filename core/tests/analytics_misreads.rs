//! The silent misreads of issue 27, natively: files as small businesses have them, read
//! as a plain event log. The column guess must check itself (an id is not a time, a
//! status is not a lifecycle filter), and an import that still looks wrong must say so
//! and name the mapping to check — in the library and in the CLI (exit code 3).

use std::process::Command;

use journey_core::analytics::sources::generator::world;
use journey_core::analytics::sources::Source;
use journey_core::analytics::{detect_columns, import_all, ColumnMapping, ImportWarning, TimeForm};
use journey_core::model::Lang;

const BIN: &str = env!("CARGO_BIN_EXE_journey-analyze");

fn guess(csv: &str) -> (ColumnMapping, Vec<String>) {
    let d = detect_columns(&csv.as_bytes()[..csv.len().min(64 * 1024)]).unwrap();
    (ColumnMapping::from_detection(&d).expect("a complete guess"), d.headers)
}

/// A file written for one test in a folder of its own, removed with it when dropped (the
/// tests run in parallel, so no two share a folder).
struct TmpFile(std::path::PathBuf);

impl TmpFile {
    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8 here")
    }
}

impl Drop for TmpFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn tmp(name: &str, text: &str) -> TmpFile {
    let dir = std::env::temp_dir().join(format!("journey-misreads-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    TmpFile(p)
}

#[test]
fn ga4_flat_without_and_with_event_date_is_guessed_right() {
    let w = world(60, 3);
    let events: usize = w.customers.iter().flat_map(|c| &c.sessions).map(|s| s.events.len()).sum();
    for with_date in [false, true] {
        let csv = w.ga4_csv(with_date);
        let (m, _) = guess(&csv);
        assert_eq!((m.time.as_str(), m.activity.as_str()), ("event_timestamp", "event_name"), "event_date: {with_date}");
        assert_ne!(m.case, "event_timestamp");
        assert_eq!(m.lifecycle, None);
        let (log, s) = import_all(csv.into_bytes(), &m).unwrap();
        assert_eq!((log.event_count(), s.skipped_rows), (events, 0));
        assert!(!s.warnings.iter().any(|w| matches!(w, ImportWarning::OneEventPerCase { .. })), "{:?}", s.warnings);
        // 16-digit microseconds are read to the millisecond.
        let first = w.customers[0].sessions[0].events[0].1;
        assert!(log.time_ms.contains(&first));
    }
}

#[test]
fn the_misread_ga4_mapping_ends_in_a_warning_naming_the_case_column() {
    let csv = world(60, 3).ga4_csv(false);
    let m = ColumnMapping {
        delimiter: b',',
        case: "event_timestamp".into(),
        activity: "event_name".into(),
        time: "user_pseudo_id".into(),
        channel: None,
        rating: None,
        resource: None,
        lifecycle: None,
        time_zone: None,
        time_form: TimeForm::Auto,
    };
    let (log, s) = import_all(csv.into_bytes(), &m).unwrap();
    assert_eq!(log.case_count(), log.event_count());
    let w = &s.warnings[0];
    assert!(matches!(w, ImportWarning::OneEventPerCase { .. }), "{:?}", s.warnings);
    assert!(w.message(Lang::En).contains("case column “event_timestamp”"), "{}", w.message(Lang::En));
    assert!(w.message(Lang::De).contains("Fall-Spalte „event_timestamp“"));
}

#[test]
fn orders_and_tickets_read_as_generic_logs_warn_and_never_filter_by_status() {
    let w = world(60, 5);
    for (csv, source) in [(w.shopify_csv(), Source::ShopifyOrders), (w.zendesk_csv(), Source::ZendeskTickets), (w.freshdesk_csv(), Source::FreshdeskTickets)] {
        let (m, headers) = guess(&csv);
        assert_eq!(m.lifecycle, None, "{source:?}: a status column is not a lifecycle filter");
        assert_ne!(m.time, "Lineitem quantity", "a quantity is not a time");
        assert_eq!(Source::recognise(&headers), Some(source));
        let (_, s) = import_all(csv.into_bytes(), &m).unwrap();
        let known = s.warnings.iter().find(|w| matches!(w, ImportWarning::KnownExport { .. })).expect("a warning");
        let en = known.message(Lang::En);
        assert!(en.contains(source.label(Lang::En)) && en.contains("check the case, activity and time columns"), "{en}");
    }
}

#[test]
fn the_cli_reports_the_misread_and_exits_with_3() {
    let w = world(60, 5);
    let shop = tmp("orders_export.csv", &w.shopify_csv());
    let out = Command::new(BIN).args([shop.path()]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("Shopify") && err.contains("warning"), "{err}");
    let ga4 = tmp("ga4.csv", &w.ga4_csv(false));
    let out = Command::new(BIN)
        .args([ga4.path(), "--case", "event_timestamp", "--time", "user_pseudo_id", "--activity", "event_name", "--lang", "de"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("Fall-Spalte „event_timestamp“"), "{err}");
    // The right guess passes, and --accept-warnings keeps a doubtful import.
    let out = Command::new(BIN).args([ga4.path()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(BIN).args([shop.path(), "--accept-warnings"]).output().unwrap();
    assert!(out.status.success());
}

#[test]
fn us_dates_are_read_in_the_order_the_column_shows() {
    let csv = "case,activity,time\nA,Visit,03/01/2024 10:15\nA,Buy,03/13/2024 09:00\nB,Visit,04/02/2024 11:00\n";
    let (m, _) = guess(csv);
    assert_eq!(m.time_form, TimeForm::MonthFirst);
    let (log, s) = import_all(csv.as_bytes().to_vec(), &m).unwrap();
    assert_eq!(s.skipped_rows, 0);
    assert_eq!(log.time_ms[1] - log.time_ms[0], (12 * 24 - 1) * 3_600_000 - 15 * 60_000);
    // Ambiguous throughout: the CLI asks for the order instead of guessing.
    let open = tmp("open.csv", "case,activity,time\nA,Visit,03/01/2024 10:15\nA,Buy,03/02/2024 09:00\n");
    let out = Command::new(BIN).args([open.path()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--time-form"));
    let out = Command::new(BIN).args([open.path(), "--time-form", "day-first", "--json", "--accept-warnings"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
