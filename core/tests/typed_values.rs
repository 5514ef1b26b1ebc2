//! One typed value, one meaning: the four places where a person types a measurement — the
//! editor's measurement lane and the scores page (`TouchpointField::parse`), the tracking
//! panel (`MeasurementKind::parse` with `Unit::Shown`) and the CSV import (`import_rows`,
//! cells read with `Unit::Stored`) — read the same text to the same stored value, and
//! refuse the same out-of-range values with a message instead of clamping them.
//!
//! The expected values are known by construction (what the text says in either language);
//! the one documented difference is the unit of a bare rate: the app's inputs are
//! labelled "(%)", a CSV cell holds a share ("0.25") — with a `%` sign both agree.

use journey_core::entry::{TouchpointField, Unit};
use journey_core::interop::{import_rows, read_sheet, suggest_mapping};
use journey_core::model::{JourneyMap, Lang, MeasurementKind};

/// The four paths' results for one field and one text: `Ok(stored)` or `Err(message)`.
struct Paths {
    editor: Result<Option<f64>, String>,
    scores_page: Result<Option<f64>, String>,
    tracking_panel: Result<Option<f64>, String>,
    csv_import: Result<Option<f64>, String>,
}

fn csv_header(field: TouchpointField) -> &'static str {
    match field {
        TouchpointField::Volume => "Volume",
        TouchpointField::DropOff => "Drop-off rate",
        TouchpointField::Csat => "CSAT",
        TouchpointField::Ces => "CES",
    }
}

fn through_csv(field: TouchpointField, text: &str) -> Result<Option<f64>, String> {
    let sheet = read_sheet(&format!("Stage;Title;{}\nVisit;Row;{text}\n", csv_header(field))).unwrap();
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let report = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), Lang::En).unwrap();
    match report.problems.first() {
        Some(problem) => Err(problem.message(Lang::En)),
        None => Ok(field.get(map.touchpoint(&report.added[0]).unwrap())),
    }
}

fn paths(field: TouchpointField, text: &str) -> Paths {
    let message = |r: Result<Option<f64>, journey_core::entry::EntryError>| r.map_err(|e| e.message(Lang::En));
    Paths {
        editor: message(field.parse(text, Lang::En)),
        scores_page: message(field.parse(text, Lang::En)),
        tracking_panel: message(field.kind().parse(text, Unit::Shown(Lang::En))),
        csv_import: through_csv(field, text),
    }
}

fn assert_all_read(field: TouchpointField, text: &str, expected: f64) {
    let p = paths(field, text);
    for (place, got) in [("editor", p.editor), ("scores page", p.scores_page), ("tracking panel", p.tracking_panel), ("CSV import", p.csv_import)] {
        let got = got.unwrap_or_else(|e| panic!("{place} refused {text:?} for {field:?}: {e}")).unwrap();
        assert!((got - expected).abs() < 1e-12, "{place}: {text:?} for {field:?} read as {got}, expected {expected}");
    }
}

fn assert_all_refused(field: TouchpointField, text: &str) {
    let p = paths(field, text);
    for (place, got) in [("editor", p.editor), ("scores page", p.scores_page), ("tracking panel", p.tracking_panel), ("CSV import", p.csv_import)] {
        let message = got.expect_err(&format!("{place} accepted {text:?} for {field:?}"));
        assert!(!message.is_empty(), "{place}: a refusal says why");
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
fn the_refusals_name_field_value_and_scale_in_the_inputs() {
    let p = paths(TouchpointField::DropOff, "150 %");
    assert_eq!(p.editor.unwrap_err(), "Drop-off (%): 150 is outside the scale 0 to 100.");
    assert_eq!(p.tracking_panel.unwrap_err(), "Drop-off: 150 is outside the scale 0 to 100.");
    assert!(p.csv_import.unwrap_err().starts_with("Line 2, column 3: Drop-off rate 1.5 is outside 0 to 1"));
}

#[test]
fn a_bare_rate_is_percent_in_the_inputs_and_a_share_in_a_csv_cell() {
    // The inputs say "(%)"; the CSV format (docs/interop.md) holds shares.
    let p = paths(TouchpointField::DropOff, "0,15");
    assert_eq!(p.scores_page, Ok(Some(0.0015)));
    assert_eq!(p.tracking_panel, Ok(Some(0.0015)));
    assert_eq!(p.csv_import, Ok(Some(0.15)));
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
