//! Touchpoints as a spreadsheet: one row per touchpoint, in stage order, with its fields,
//! measurements and any number of score columns supplied by the caller (so this module
//! does not depend on how or when scores are computed).
//!
//! Cell formats (the importer reads all of them back):
//! - channel: the channel key (`online_shop`), or the name of a custom channel;
//! - emotion: −2..2, empty when unknown; measurements as plain numbers with a `.`, the
//!   rates (drop-off, CES) in percent under a header that says so ("Drop-off rate (%)");
//! - pain points joined with `" | "`;
//! - visibility `frontstage`/`backstage`, evidence `measured`/`reported`/`assumed`;
//! - a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a
//!   spreadsheet shows it as text instead of running it as a formula (CSV injection).

use crate::model::{JourneyMap, Lang, Touchpoint, Visibility};

use super::csv_mapping::CsvField;

/// Separator between pain points in one cell.
pub const LIST_SEPARATOR: &str = " | ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvExportOptions {
    /// Language of the header row.
    pub lang: Lang,
    /// `b','` (default) or `b';'` for spreadsheets set up for German number formats.
    pub delimiter: u8,
}

impl Default for CsvExportOptions {
    fn default() -> Self {
        CsvExportOptions { lang: Lang::En, delimiter: b',' }
    }
}

/// An extra numeric column, e.g. a touchpoint score: header and value per touchpoint.
pub struct ScoreColumn<'a> {
    pub header: String,
    pub value: &'a dyn Fn(&Touchpoint) -> Option<f64>,
}

/// The sheet as CSV text.
pub fn export_touchpoints_csv(map: &JourneyMap, options: CsvExportOptions, scores: &[ScoreColumn]) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(options.delimiter).from_writer(Vec::new());
    let mut header: Vec<String> = CsvField::ALL.iter().map(|f| f.header(options.lang)).collect();
    header.extend(scores.iter().map(|s| s.header.clone()));
    writer.write_record(&header).expect("writing to memory cannot fail");
    for tp in in_stage_order(map) {
        let stage = map.stage(&tp.stage_id).map(|s| s.name.as_str()).unwrap_or("");
        let mut row: Vec<String> = CsvField::ALL.iter().map(|f| cell(*f, tp, stage)).collect();
        row.extend(scores.iter().map(|s| (s.value)(tp).map(score_text).unwrap_or_default()));
        writer.write_record(&row).expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("the writer only copies UTF-8 text")
}

/// Touchpoints grouped by stage in stage order; any with an unknown stage come last.
fn in_stage_order(map: &JourneyMap) -> Vec<&Touchpoint> {
    let mut rows: Vec<&Touchpoint> = map.stages.iter().flat_map(|s| map.touchpoints_in(&s.id)).collect();
    rows.extend(map.touchpoints.iter().filter(|t| map.stage(&t.stage_id).is_none()));
    rows
}

fn cell(field: CsvField, tp: &Touchpoint, stage: &str) -> String {
    let m = &tp.measurements;
    match field {
        CsvField::Id => text(&tp.id),
        CsvField::Stage => text(stage),
        CsvField::Title => text(&tp.title),
        CsvField::Channel => match &tp.channel {
            crate::model::Channel::Custom(name) => text(name),
            fixed => fixed.key().to_string(),
        },
        CsvField::CustomerAction => text(&tp.customer_action),
        CsvField::Thoughts => text(&tp.thoughts),
        CsvField::Emotion => tp.emotion.map(|e| e.to_string()).unwrap_or_default(),
        CsvField::PainPoints => text(&tp.pain_points.join(LIST_SEPARATOR)),
        CsvField::Owner => text(&tp.owner),
        CsvField::Visibility => match tp.visibility {
            Visibility::Frontstage => "frontstage".into(),
            Visibility::Backstage => "backstage".into(),
        },
        CsvField::Evidence => tp.evidence.kind.key().into(),
        CsvField::EvidenceSource => text(&tp.evidence.source),
        CsvField::Volume => number(m.volume),
        CsvField::DropOffRate => percent(m.drop_off_rate),
        CsvField::ThroughputTimeS => number(m.throughput_time_s),
        CsvField::Csat => number(m.csat),
        CsvField::Ces => percent(m.ces),
        CsvField::Nps => number(m.nps),
    }
}

/// Characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell, defused against formula injection.
fn text(value: &str) -> String {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// Measurements keep every digit (Rust prints the shortest exact form), so they round-trip.
fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A share in percent, written by moving the decimal point of its shortest exact form
/// two places ("0.155" → "15.5", "0.07" → "7"), never by multiplying floats (0.07 × 100 is
/// 7.000000000000001). The importer moves it back (`Typed::scaled_down`), so every rate
/// reads back as the same value.
fn percent(share: Option<f64>) -> String {
    share.map(|v| shift_point(&v.to_string(), 2)).unwrap_or_default()
}

/// `decimal` (a plain decimal as `f64`'s `Display` writes it, never with an exponent)
/// times 10^`places`, as text.
fn shift_point(decimal: &str, places: usize) -> String {
    let (sign, digits) = match decimal.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", decimal),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<places$}");
    let (moved, rest) = fraction.split_at(places);
    let whole = format!("{whole}{moved}");
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    let rest = rest.trim_end_matches('0');
    let sign = if whole == "0" && rest.is_empty() { "" } else { sign };
    match rest.is_empty() {
        true => format!("{sign}{whole}"),
        false => format!("{sign}{whole}.{rest}"),
    }
}

/// Scores are for reading: two decimals at most, no trailing zeros.
fn score_text(value: f64) -> String {
    let s = format!("{value:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Undoes [`text`]'s formula guard (used by the importer).
pub(crate) fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::coffee_to_go;
    use std::collections::HashMap;

    fn rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn one_row_per_touchpoint_with_header_scores_and_fields() {
        let map = coffee_to_go("ex", 0.0, Lang::De);
        let scores: HashMap<String, f64> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.clone(), i as f64 / 3.0)).collect();
        let lookup = |t: &Touchpoint| scores.get(&t.id).copied();
        let text = export_touchpoints_csv(
            &map,
            CsvExportOptions { lang: Lang::De, delimiter: b';' },
            &[ScoreColumn { header: "Priorität".into(), value: &lookup }],
        );
        let rows = rows(&text, b';');
        assert_eq!(rows.len(), map.touchpoints.len() + 1);
        assert_eq!(rows[0][..4], ["ID", "Phase", "Titel", "Kanal"]);
        assert_eq!(rows[0].last().unwrap(), "Priorität");
        let first = &rows[1];
        assert_eq!(first[1], "Aufmerksamkeit");
        assert_eq!(first[2], "Sieht einen Latte-Art-Post");
        assert_eq!(first[3], "social_media");
        assert_eq!(first[6], "1");
        assert_eq!(first[12], "12000");
        assert_eq!(rows[0][13], "Abbruchrate (%)");
        assert_eq!(first[13], "80", "a rate in percent, as its header says");
        assert_eq!(first.last().unwrap(), "0");
        assert_eq!(rows[2].last().unwrap(), "0.33");
        let pains = rows.iter().find(|r| r[2] == "Fragt nach der Bestellung").unwrap();
        assert_eq!(pains[7], "Bestellung zur zugesagten Zeit nicht fertig");
    }

    #[test]
    fn a_share_in_percent_moves_the_point_and_keeps_every_digit() {
        for (share, text) in [(0.0, "0"), (1.0, "100"), (0.07, "7"), (0.155, "15.5"), (0.005, "0.5"), (0.1234567, "12.34567"), (0.30000000000000004, "30.000000000000004"), (1e-7, "0.00001")] {
            assert_eq!(percent(Some(share)), text, "{share}");
        }
        assert_eq!(shift_point("-0.031", 2), "-3.1");
        assert_eq!(shift_point("12", 2), "1200");
        assert_eq!(percent(None), "");
    }

    #[test]
    fn formula_like_text_is_defused_and_unguard_restores_it() {
        let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = map.stages[0].id.clone();
        let id = map.add_touchpoint(&s, "=HYPERLINK(\"http://x\")", crate::model::Channel::Custom("@home".into())).unwrap();
        map.touchpoint_mut(&id).unwrap().pain_points = vec!["-slow".into(), "rude".into()];
        map.touchpoint_mut(&id).unwrap().set_emotion(Some(-2));
        let rows = rows(&export_touchpoints_csv(&map, CsvExportOptions::default(), &[]), b',');
        assert_eq!(rows[1][2], "'=HYPERLINK(\"http://x\")");
        assert_eq!(rows[1][3], "'@home");
        assert_eq!(rows[1][6], "-2", "numbers are not text and stay numbers");
        assert_eq!(rows[1][7], "'-slow | rude");
        assert_eq!(unguard(&rows[1][2]), "=HYPERLINK(\"http://x\")");
        assert_eq!(unguard("'quoted"), "'quoted");
    }
}
