//! Event logs as Excel writes them (core/tests/encodings/, also used by the e2e test): a
//! German "CSV" in Windows-1252 with semicolons, and "Unicode text", UTF-16 LE with a BOM
//! and tabs. Both go through detection and import with the detected mapping; the names
//! and counts are known from how the files were written.

use journey_core::analytics::{analyze, detect_columns, AnalysisOptions, ColumnMapping, Importer};
use journey_core::text_file::TextEncoding;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/encodings/");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

#[test]
fn german_excel_csv_in_windows_1252_keeps_its_umlauts() {
    let data = read("excel_windows1252.csv");
    let d = detect_columns(&data).unwrap();
    assert_eq!((d.encoding, d.delimiter), (TextEncoding::Windows1252, b';'));
    assert_eq!(d.headers, ["Fall", "Aktivität", "Zeitstempel", "Kanal"]);
    let mapping = ColumnMapping::from_detection(&d).unwrap();
    assert_eq!((mapping.case.as_str(), mapping.activity.as_str(), mapping.time.as_str()), ("Fall", "Aktivität", "Zeitstempel"));
    let (log, summary) = Importer::new(data, &mapping).unwrap().finish().unwrap();
    assert_eq!((summary.encoding, summary.delimiter), (TextEncoding::Windows1252, b';'));
    assert_eq!((summary.rows, summary.events, summary.cases, summary.skipped_rows), (9, 9, 3, 0));
    assert_eq!(log.activity_names, ["Warenkorb öffnen", "Bestellung prüfen", "Zahlung bestätigt", "Größe wählen"]);
    let report = analyze(&log, &AnalysisOptions::default());
    let check = report.volumes.activities.iter().find(|a| a.activity == "Bestellung prüfen").unwrap();
    assert_eq!((check.events, check.cases), (3, 3));
}

#[test]
fn excel_unicode_text_in_utf16_with_tabs_imports() {
    let data = read("excel_unicode_text.txt");
    let d = detect_columns(&data).unwrap();
    assert_eq!((d.encoding, d.delimiter), (TextEncoding::Utf16Le, b'\t'));
    assert_eq!(d.headers, ["Vorgang", "Schritt", "Datum", "Bewertung"]);
    let mapping = ColumnMapping::from_detection(&d).unwrap();
    assert_eq!((mapping.case.as_str(), mapping.activity.as_str(), mapping.time.as_str()), ("Vorgang", "Schritt", "Datum"));
    let (log, summary) = Importer::new(data, &mapping).unwrap().finish().unwrap();
    assert_eq!((summary.encoding, summary.delimiter), (TextEncoding::Utf16Le, b'\t'));
    assert_eq!((summary.rows, summary.events, summary.cases, summary.skipped_rows), (6, 6, 3, 0));
    assert_eq!(log.case_names, ["A-100", "A-101", "A-102"]);
    assert_eq!(log.activity_names, ["Anmeldung", "Größe wählen", "Rücksendung angemeldet"]);
    let report = analyze(&log, &AnalysisOptions::default());
    let size = report.volumes.activities.iter().find(|a| a.activity == "Größe wählen").unwrap();
    assert_eq!((size.events, size.mean_rating), (2, Some(5.0)));
}
