//! Inputs found by fuzzing (fuzz/README.md) that once crashed or broke an invariant.
//! Every crash file the fuzzer wrote is kept in core/tests/fuzz_crashes/<target>/ and
//! replayed here through the fuzz target's own checks (fuzz/src/checks.rs, included with
//! `#[path]`, so the test and the fuzzer check the same thing).
//!
//! The first two were the event-log crash of issue 15: every row of one case was skipped
//! (an activity that is not UTF-8), yet the case had been created before the row was
//! checked. A first case without events made drop-off subtract past zero (the CLI
//! aborted, the browser's worker died); otherwise the counts said "2 cases, 1 events" and
//! deviation reported 18446744073709551615 transitions.

#[path = "../../fuzz/src/options.rs"]
mod options;
pub use options::{chunk_rows, csv_options, split_control};
#[allow(dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;

use journey_core::analytics::{analyze, deviation, detect_columns_with, AnalysisOptions, ColumnMapping, Importer};
use journey_core::model::{JourneyMap, Lang};
use journey_core::text_file::{CsvOptions, TextEncoding};

/// What the import and analysis of `data` report: (cases, events, skipped rows, case
/// names, activity names, transitions), read with `encoding` (`None`: detected) and the
/// first three columns as case, activity and time (as the fuzz target maps them when
/// the guess finds no activity).
fn run(data: &[u8], encoding: Option<TextEncoding>) -> (u64, u64, u64, Vec<String>, Vec<String>, u64) {
    let opts = CsvOptions { encoding, delimiter: None };
    let d = detect_columns_with(data, &opts).expect("detection");
    let mapping = ColumnMapping {
        delimiter: d.delimiter,
        case: d.headers[0].clone(),
        activity: d.headers[1].clone(),
        time: d.headers[2].clone(),
        channel: None,
        rating: None,
        resource: None,
        lifecycle: None,
        time_zone: None,
        time_form: Default::default(),
    };
    let (log, summary) = Importer::with_encoding(data.to_vec(), &mapping, encoding).unwrap().finish().unwrap();
    let report = analyze(&log, &AnalysisOptions::default());
    let map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let dev = deviation(&log, &map);
    assert_eq!((report.cases, report.events), (summary.cases, summary.events));
    assert_eq!(report.drop_off.completed + report.drop_off.in_progress + report.drop_off.dropped, report.cases);
    (report.cases, report.events, summary.skipped_rows, log.case_names, log.activity_names, dev.transitions)
}

#[test]
fn a_first_case_whose_rows_are_all_skipped_does_not_exist() {
    let data = b"a,Z,\n5,\xe5,2\n6,e,2";
    // Read strictly as UTF-8, row 2 is skipped and case "5" is not created.
    let (cases, events, skipped, case_names, activities, transitions) = run(data, Some(TextEncoding::Utf8));
    assert_eq!((cases, events, skipped, transitions), (1, 1, 1, 0));
    assert_eq!((case_names, activities), (vec!["6".to_string()], vec!["e".to_string()]));
    // Detected, the file is Windows-1252 (0xE5 is "å") and both rows are events.
    let (cases, events, skipped, _, activities, _) = run(data, None);
    assert_eq!((cases, events, skipped), (2, 2, 0));
    assert_eq!(activities, vec!["å".to_string(), "e".to_string()]);
}

#[test]
fn a_later_case_whose_rows_are_all_skipped_leaves_counts_and_transitions_true() {
    let data = b"\xbf,s,\nA,x,2\n1,\xff,0";
    let (cases, events, skipped, case_names, _, transitions) = run(data, Some(TextEncoding::Utf8));
    assert_eq!((cases, events, skipped, transitions), (1, 1, 1, 0));
    assert_eq!(case_names, vec!["A".to_string()]);
    let (cases, events, skipped, case_names, activities, transitions) = run(data, None);
    assert_eq!((cases, events, skipped, transitions), (2, 2, 0, 0));
    assert_eq!(case_names, vec!["A".to_string(), "1".to_string()]);
    assert_eq!(activities, vec!["x".to_string(), "ÿ".to_string()]);
}

/// Replays every saved crash of `target` through its checks.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_crashes").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
            panic!("{} fails again: {e:?}", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "{target}: no crash files");
}

/// Lone carriage returns (old Mac line ends) and CRLF gave two CSV rows one line number,
/// so a skipped row's report was merged with another's. Both are line feeds now.
#[test]
fn touchpoint_csv_crashes_stay_fixed() {
    replay("touchpoint_csv", checks::touchpoint_csv);
}
