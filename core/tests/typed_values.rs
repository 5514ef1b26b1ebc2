//! One typed value, one meaning: the four places where a person types a measurement — the
//! editor's measurement lane and the scores page (`TouchpointField::parse`), the tracking
//! panel (`MeasurementKind::parse` with `Unit::Shown`) and the CSV import (`import_rows`,
//! a column headed as the export heads it) — read the same text to the same stored value,
//! and refuse the same out-of-range values with a message instead of clamping them.
//!
//! The expected values are known by construction (what the text says in either language).
//! The unit of a bare rate follows the label: the inputs say "(%)", and so does the
//! export's header ("Drop-off rate (%)"), so a bare "0,15" is 0.15 % on all four paths.
//! Only a column without a unit (older exports, "Drop-off rate") holds shares.

use journey_core::entry::{TouchpointField, Unit};
use journey_core::interop::{import_rows, read_sheet, suggest_mapping, CsvField};
use journey_core::model::{JourneyMap, Lang, MeasurementKind};

/// The four paths' results for one field and one text: `Ok(stored)` or `Err(message)`.
struct Paths {
    editor: Result<Option<f64>, String>,
    scores_page: Result<Option<f64>, String>,
    tracking_panel: Result<Option<f64>, String>,
    csv_import: Result<Option<f64>, String>,
}

/// The CSV column of a field, with the header the export writes in `lang`.
fn csv_header(field: TouchpointField, lang: Lang) -> String {
    match field {
        TouchpointField::Volume => CsvField::Volume,
        TouchpointField::DropOff => CsvField::DropOffRate,
        TouchpointField::Csat => CsvField::Csat,
        TouchpointField::Ces => CsvField::Ces,
    }
    .header(lang)
}

fn through_csv(field: TouchpointField, text: &str) -> Result<Option<f64>, String> {
    through_csv_headed(&csv_header(field, Lang::En), field, text)
}

/// One row with `text` in a column headed `header`, imported with the suggested mapping.
fn through_csv_headed(header: &str, field: TouchpointField, text: &str) -> Result<Option<f64>, String> {
    let sheet = read_sheet(&format!("Stage;Title;{header}\nVisit;Row;\"{text}\"\n")).unwrap();
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let report = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), Lang::En).unwrap();
    match report.problems.first() {
        Some(problem) => Err(problem.message(Lang::En)),
        None => Ok(field.get(map.touchpoint(&report.added[0]).unwrap())),
    }
}

/// The four paths, the inputs typed with the UI in `lang` (a file's language is unknown).
fn paths_in(lang: Lang, field: TouchpointField, text: &str) -> Paths {
    let message = |r: Result<Option<f64>, journey_core::entry::EntryError>| r.map_err(|e| e.message(Lang::En));
    Paths {
        editor: message(field.parse(text, lang)),
        scores_page: message(field.parse(text, lang)),
        tracking_panel: message(field.kind().parse(text, Unit::Shown(lang))),
        csv_import: through_csv(field, text),
    }
}

fn paths(field: TouchpointField, text: &str) -> Paths {
    paths_in(Lang::En, field, text)
}

/// Every path reads `text` as `expected`, with the UI in either language.
fn assert_all_read(field: TouchpointField, text: &str, expected: f64) {
    for lang in Lang::ALL {
        let p = paths_in(lang, field, text);
        for (place, got) in [("editor", p.editor), ("scores page", p.scores_page), ("tracking panel", p.tracking_panel), ("CSV import", p.csv_import)] {
            let got = got.unwrap_or_else(|e| panic!("{place} ({lang:?}) refused {text:?} for {field:?}: {e}")).unwrap();
            assert!((got - expected).abs() < 1e-12, "{place} ({lang:?}): {text:?} for {field:?} read as {got}, expected {expected}");
        }
    }
}

/// Every path refuses `text` with a message, with the UI in either language.
fn assert_all_refused(field: TouchpointField, text: &str) {
    for lang in Lang::ALL {
        let p = paths_in(lang, field, text);
        for (place, got) in [("editor", p.editor), ("scores page", p.scores_page), ("tracking panel", p.tracking_panel), ("CSV import", p.csv_import)] {
            let message = got.expect_err(&format!("{place} ({lang:?}) accepted {text:?} for {field:?}"));
            assert!(!message.is_empty(), "{place}: a refusal says why");
        }
    }
}

#[test]
fn thousands_and_decimal_marks_of_both_languages_mean_the_same_everywhere() {
    assert_all_read(TouchpointField::Volume, "1.234,5", 1234.5); // German
    assert_all_read(TouchpointField::Volume, "1,234.5", 1234.5); // English
    assert_all_read(TouchpointField::Volume, "0,15", 0.15);
    assert_all_read(TouchpointField::Volume, "12.000.000", 12_000_000.0);
    assert_all_read(TouchpointField::Csat, "4,5", 4.5);
}

#[test]
fn a_rate_with_a_percent_sign_means_the_same_everywhere() {
    assert_all_read(TouchpointField::DropOff, "15 %", 0.15);
    assert_all_read(TouchpointField::DropOff, "0,15 %", 0.0015);
    assert_all_read(TouchpointField::Ces, "85,5%", 0.855);
}

#[test]
fn out_of_range_values_are_refused_everywhere_never_clamped() {
    for field in [TouchpointField::DropOff, TouchpointField::Ces] {
        assert_all_refused(field, "150 %");
        assert_all_refused(field, "-3");
        assert_all_refused(field, "−3");
    }
    assert_all_refused(TouchpointField::Volume, "-3");
    assert_all_refused(TouchpointField::Csat, "0,15");
    assert_all_refused(TouchpointField::Csat, "6");
    assert_all_refused(TouchpointField::Volume, "lots");
    // A `%` on a field that is no share is not a number rather than a silent 150.
    assert_all_refused(TouchpointField::Volume, "150 %");
}

#[test]
fn a_bare_rate_means_the_same_everywhere_the_unit_follows_the_label() {
    for field in [TouchpointField::DropOff, TouchpointField::Ces] {
        assert_all_read(field, "0,15", 0.0015);
        assert_all_read(field, "0.15", 0.0015);
        assert_all_read(field, "15", 0.15);
        assert_all_read(field, "100", 1.0);
        assert_all_read(field, "0", 0.0);
        // Both languages' marks: 1234.5 % is no rate, refused everywhere…
        assert_all_refused(field, "1.234,5");
        assert_all_refused(field, "1,234.5");
        // …and 12.5 % in either spelling is read alike.
        assert_all_read(field, "12,5", 0.125);
        assert_all_read(field, "12.5", 0.125);
    }
    // Exactly the same stored value, not merely a close one (no float division).
    let p = paths(TouchpointField::DropOff, "0,7");
    for got in [p.editor, p.scores_page, p.tracking_panel, p.csv_import] {
        assert_eq!(got, Ok(Some(0.007)));
    }
}

#[test]
fn the_german_export_header_is_read_in_percent_too() {
    for field in [TouchpointField::DropOff, TouchpointField::Ces] {
        let header = csv_header(field, Lang::De);
        assert!(header.ends_with("(%)"), "{header}");
        assert_eq!(through_csv_headed(&header, field, "0,15"), Ok(Some(0.0015)));
        assert_eq!(through_csv_headed(&header, field, "25"), Ok(Some(0.25)));
        assert!(through_csv_headed(&header, field, "150 %").is_err());
    }
    // Any header that says %, as people write it.
    assert_eq!(through_csv_headed("Abbruchrate %", TouchpointField::DropOff, "25"), Ok(Some(0.25)));
}

#[test]
fn a_column_without_a_unit_holds_shares_as_older_exports_wrote_them() {
    for (header, field) in [("Drop-off rate", TouchpointField::DropOff), ("Abbruchrate", TouchpointField::DropOff), ("CES", TouchpointField::Ces)] {
        assert_eq!(through_csv_headed(header, field, "0,15"), Ok(Some(0.15)));
        assert_eq!(through_csv_headed(header, field, "0.8"), Ok(Some(0.8)));
        // A `%` sign always means percent.
        assert_eq!(through_csv_headed(header, field, "15 %"), Ok(Some(0.15)));
        assert!(through_csv_headed(header, field, "1,5").is_err(), "a share above 1 is refused");
        assert!(through_csv_headed(header, field, "-3").is_err());
    }
    assert_eq!(MeasurementKind::DropOffRate.parse("15", Unit::Shown(Lang::En)), MeasurementKind::DropOffRate.parse("0.15", Unit::Stored));
}

#[test]
fn a_thousands_group_typed_into_an_input_is_read_in_the_ui_language() {
    // What a person in each language means by "one thousand two hundred".
    for (text, lang) in [("1,200", Lang::En), ("1.200", Lang::De), ("1 200", Lang::En), ("1200", Lang::De)] {
        assert_eq!(TouchpointField::Volume.parse(text, lang), Ok(Some(1200.0)), "{text} in {lang:?}");
        assert_eq!(MeasurementKind::Volume.parse(text, Unit::Shown(lang)), Ok(Some(1200.0)), "{text} in {lang:?}");
    }
    // The language's decimal mark stays a decimal mark…
    assert_eq!(TouchpointField::Csat.parse("4.500", Lang::En), Ok(Some(4.5)));
    assert_eq!(TouchpointField::Csat.parse("4,500", Lang::De), Ok(Some(4.5)));
    // …and its thousands mark groups: outside the CSAT scale, refused, never clamped.
    assert!(TouchpointField::Csat.parse("4,500", Lang::En).is_err());
    assert!(TouchpointField::Csat.parse("4.500", Lang::De).is_err());
}

#[test]
fn the_refusals_name_field_value_and_scale_in_the_units_of_the_place() {
    let p = paths(TouchpointField::DropOff, "150 %");
    assert_eq!(p.editor.unwrap_err(), "Drop-off (%): 150 is outside the scale 0 to 100.");
    assert_eq!(p.tracking_panel.unwrap_err(), "Drop-off: 150 is outside the scale 0 to 100.");
    assert!(p.csv_import.unwrap_err().starts_with("Line 2, column 3: Drop-off rate (%) 150 is outside 0 to 100"));
    let old = through_csv_headed("Drop-off rate", TouchpointField::DropOff, "150 %").unwrap_err();
    assert!(old.starts_with("Line 2, column 3: Drop-off rate 1.5 is outside 0 to 1"), "{old}");
}
