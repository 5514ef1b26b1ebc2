//! A corpus of malformed event logs (core/tests/malformed/*.csv): each gives its message,
//! with the line where there is one, in English and German, and nothing panics. Every
//! file is also fed to the column detection and, byte by byte truncated, to the importer,
//! which must not panic either.

use journey_core::analytics::{detect_columns, import_all, ColumnMapping, ImportError, Importer};
use journey_core::model::Lang;
use journey_core::text_file::TextEncoding;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed/");

fn mapping(lifecycle: bool) -> ColumnMapping {
    ColumnMapping {
        delimiter: b',',
        case: "case".into(),
        activity: "activity".into(),
        time: "time".into(),
        channel: None,
        rating: None,
        resource: None,
        lifecycle: lifecycle.then(|| ("lifecycle".into(), "complete".into())),
        time_zone: None,
        time_form: Default::default(),
    }
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

/// The file cannot be used: this is the whole message.
fn file_error(name: &str, lifecycle: bool) -> ImportError {
    let err = import_all(read(name), &mapping(lifecycle)).expect_err(name);
    assert_ne!(err.message(Lang::En), err.message(Lang::De), "{name}: German text missing");
    err
}

/// The file imports; these are the messages of its skipped rows.
fn row_messages(name: &str) -> (u64, Vec<String>, Vec<String>) {
    let (log, s) = import_all(read(name), &mapping(false)).expect(name);
    assert_eq!(log.event_count() as u64, s.events);
    (s.skipped_rows, s.issue_messages(Lang::En), s.issue_messages(Lang::De))
}

#[test]
fn unusable_files_say_why() {
    assert_eq!(file_error("empty.csv", false).message(Lang::En), "The file is empty.");
    let single = "Line 1: only one column found. An event log needs at least case, activity and time, separated by comma, semicolon or tab.";
    assert_eq!(file_error("one_column.csv", false).message(Lang::En), single);
    assert_eq!(file_error("binary.csv", false).message(Lang::En), single);
    assert_eq!(
        file_error("missing_time_column.csv", false).message(Lang::En),
        "Line 1: the time column “time” is not in the header."
    );
    assert_eq!(
        file_error("missing_time_column.csv", false).message(Lang::De),
        "Zeile 1: die Spalte „time“ (Zeit) fehlt in der Kopfzeile."
    );
    assert_eq!(
        file_error("bad_timestamps.csv", false).message(Lang::En),
        "No usable rows: all 3 data rows were skipped. Line 2: “yesterday” is not a timestamp this import understands"
    );
    assert_eq!(file_error("header_only.csv", false).message(Lang::En), "No usable rows: all 0 data rows were skipped.");
    assert_eq!(
        file_error("lifecycle_keeps_nothing.csv", true).message(Lang::En),
        "No row has “complete” in column “lifecycle”; check the lifecycle value to keep."
    );
}

#[test]
fn bad_rows_are_skipped_and_reported_by_line() {
    let (n, en, de) = row_messages("broken_quote.csv");
    assert_eq!(n, 1);
    assert_eq!(en, ["Line 3: expected at least 3 fields, found 2"]);
    assert_eq!(de, ["Zeile 3: mindestens 3 Felder erwartet, 2 gefunden"]);
    let (n, en, _) = row_messages("short_and_empty_fields.csv");
    assert_eq!(n, 3);
    assert_eq!(en, ["Line 3: expected at least 3 fields, found 2", "Line 4: the activity is empty", "Line 5: the case id is empty"]);
    // Read as UTF-8 (the user's choice), the row whose activity is not UTF-8 is skipped.
    let utf8 = Some(TextEncoding::Utf8);
    let (log, s) = Importer::with_encoding(read("not_utf8.csv"), &mapping(false), utf8).unwrap().finish().unwrap();
    assert_eq!((log.event_count(), s.cases), (1, 1));
    assert_eq!(s.issue_messages(Lang::En), ["Line 3: column “activity” is not valid UTF-8 text"]);
    assert_eq!(s.issue_messages(Lang::De), ["Zeile 3: Spalte „activity“ ist kein gültiger UTF-8-Text"]);
    // Detected, bytes that are not UTF-8 make the file Windows-1252, and the row is kept.
    let (n, _, _) = row_messages("not_utf8.csv");
    assert_eq!(n, 0);
}

#[test]
fn only_the_first_twenty_bad_rows_are_listed_but_all_are_counted() {
    let (n, en, _) = row_messages("many_bad_rows.csv");
    assert_eq!(n, 25);
    assert_eq!(en.len(), 20);
    assert_eq!(en[0], "Line 2: “not-a-date-1” is not a timestamp this import understands");
    assert_eq!(en[19], "Line 21: “not-a-date-20” is not a timestamp this import understands");
}

#[test]
fn no_file_and_no_prefix_of_a_file_panics() {
    for entry in std::fs::read_dir(DIR).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for cut in 0..=bytes.len() {
            let part = bytes[..cut].to_vec();
            let _ = detect_columns(&part);
            if let Ok(mut imp) = Importer::new(part, &mapping(cut % 2 == 0)) {
                imp.step(1);
                let _ = imp.finish();
            }
        }
    }
}
