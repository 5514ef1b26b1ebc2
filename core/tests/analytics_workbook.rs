//! Excel workbooks as event logs: an .xlsx written here with `rust_xlsxwriter` (real Excel
//! date cells, a sheet before the log, numeric case ids) is read through the same column
//! guess and importer as a CSV file, and gives the events it was written with. The expected
//! times are the UTC epoch milliseconds of the written wall-clock times (computed apart,
//! with Python's datetime), not values taken from the code under test.

use journey_core::analytics::workbook::{is_workbook_name, sheet_names, sheet_to_csv, WorkbookError};
use journey_core::analytics::{detect_columns, import_all, ColumnMapping};

#[path = "../examples/write_xlsx.rs"]
#[allow(dead_code)]
mod writer;
use writer::{workbook, EVENTS};

#[test]
fn the_chosen_sheet_imports_with_the_known_events_and_dates_as_dates() {
    let bytes = workbook();
    assert_eq!(sheet_names(&bytes).unwrap(), ["Notes", "Events"]);
    let csv = sheet_to_csv(&bytes, "Events").unwrap();
    assert!(csv.starts_with("Customer,Activity,Timestamp,Channel\n1001,Visit,2024-03-01 10:15:42,web\n"), "{csv}");
    let detection = detect_columns(csv.as_bytes()).unwrap();
    let mapping = ColumnMapping::from_detection(&detection).unwrap();
    assert_eq!((mapping.case.as_str(), mapping.activity.as_str(), mapping.time.as_str()), ("Customer", "Activity", "Timestamp"));
    let (log, summary) = import_all(csv.into_bytes(), &mapping).unwrap();
    assert_eq!((summary.rows, summary.events, summary.cases, summary.skipped_rows), (5, 5, 2, 0));
    assert_eq!(log.case_names, ["1001", "1002"]);
    let got: Vec<(String, String, i64)> = (0..log.time_ms.len())
        .map(|i| {
            (log.case_names[log.case[i] as usize].clone(), log.activity_names[log.activity[i] as usize].clone(), log.time_ms[i])
        })
        .collect();
    let want: Vec<(String, String, i64)> = EVENTS.iter().map(|e| (e.0.to_string(), e.1.to_string(), e.4)).collect();
    assert_eq!(got, want);
}

#[test]
fn bad_workbooks_and_sheets_are_named_not_panicked_on() {
    let bytes = workbook();
    assert_eq!(sheet_to_csv(&bytes, "Orders"), Err(WorkbookError::NoSuchSheet("Orders".into())));
    assert!(matches!(sheet_names(b"Customer,Activity\n1,Visit\n"), Err(WorkbookError::Unreadable(_))));
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() / 2);
    assert!(sheet_names(&cut).is_err() || sheet_to_csv(&cut, "Events").is_err());
    assert!(is_workbook_name("March.XLSX") && is_workbook_name("a.ods") && !is_workbook_name("log.csv"));
}
