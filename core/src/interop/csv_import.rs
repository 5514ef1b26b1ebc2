//! Touchpoints from a spreadsheet, in three steps:
//! 1. [`read_sheet`] reads the CSV (delimiter `,` `;` or tab detected from the first line)
//!    and tells whether the first row is a header (it is when one of its cells names a
//!    known field);
//! 2. [`suggest_mapping`](super::csv_mapping::suggest_mapping) proposes a field per column,
//!    the user confirms;
//! 3. [`import_rows`] adds the rows to a map. A row with any bad cell is skipped as a
//!    whole and reported with its line number, column and reason; good rows are imported.
//!    Stages are found by name (ignoring case) or created; rows without a stage go to
//!    the "Unsorted"/"Ohne Phase" stage, as in the Mermaid import.
//!
//! Accepted cell values: emotion a whole number −2..2 (`+1`, `−1` with a typographic
//! minus too); numbers with `.` or a decimal comma (with both marks, the last one is the
//! decimal mark); rates (drop-off, CES) in the unit of their column's header — in percent
//! under a header with "%" ("Drop-off rate (%)", what the export writes: `25` is 25 %), as
//! a share under one without (older exports: `0.25`), and `25%` with a sign under either;
//! channel as key, English or German label, or anything else as a custom channel;
//! visibility and evidence as key or label in either language. An empty cell is unknown.

use crate::entry::{EntryError, EntryProblem, Unit};
use crate::model::{Channel, EvidenceKind, JourneyMap, Lang, MeasurementKind, Measurements, Visibility};
use crate::text_file::{decode_lossy, normalise_line_ends, CsvOptions, TextEncoding};

use super::csv_export::{unguard, LIST_SEPARATOR};
use super::csv_mapping::{ColumnMapping, CsvField, MappingError};
use super::mermaid_import::unsorted_stage_name;

/// A read sheet before mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSheet {
    /// The header cells, or "Column 1", "Column 2", … when the sheet has no header row.
    pub headers: Vec<String>,
    pub has_header: bool,
    pub delimiter: u8,
    /// The character encoding the file was read with (UTF-8 for [`read_sheet`]'s text).
    pub encoding: TextEncoding,
    pub rows: Vec<CsvRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based line in the file where the row starts.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why a text could not be read as a sheet at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    Empty,
    Syntax { line: usize, detail: String },
}

impl CsvError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CsvError::Empty, Lang::En) => "The file has no rows.".into(),
            (CsvError::Empty, Lang::De) => "Die Datei enthält keine Zeilen.".into(),
            (CsvError::Syntax { line, detail }, Lang::En) => format!("Line {line}: not readable as CSV ({detail})"),
            (CsvError::Syntax { line, detail }, Lang::De) => format!("Zeile {line}: kein lesbares CSV ({detail})"),
        }
    }
}

/// Reads CSV text into rows with their line numbers.
pub fn read_sheet(text: &str) -> Result<CsvSheet, CsvError> {
    read_text(text, None)
}

/// Reads a CSV file's bytes: the encoding (UTF-8, UTF-16, Windows-1252, see
/// [`crate::text_file`]) and the delimiter are detected unless `options` names them.
pub fn read_sheet_bytes(bytes: &[u8], options: &CsvOptions) -> Result<CsvSheet, CsvError> {
    let (text, encoding) = decode_lossy(bytes, options.encoding);
    let mut sheet = read_text(&text, options.delimiter)?;
    sheet.encoding = encoding;
    Ok(sheet)
}

fn read_text(text: &str, delimiter: Option<u8>) -> Result<CsvSheet, CsvError> {
    let text = normalise_line_ends(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(text));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::Syntax {
            line: e.position().map_or(0, |p| p.line() as usize),
            detail: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue; // blank lines and rows of empty cells, common at the end of sheets
        }
        rows.push(CsvRow { line, cells });
    }
    if rows.is_empty() {
        return Err(CsvError::Empty);
    }
    let has_header = rows[0].cells.iter().any(|c| CsvField::from_header(c).is_some());
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let headers = if has_header {
        let mut h = rows.remove(0).cells;
        h.resize(width, String::new());
        h
    } else {
        (1..=width).map(|i| format!("Column {i}")).collect()
    };
    Ok(CsvSheet { headers, has_header, delimiter, encoding: TextEncoding::Utf8, rows })
}

/// The most frequent of `,` `;` and tab in the first line, outside quotes (`,` on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == b {
                    *n += 1;
                }
            }
        }
    }
    counts.iter().fold((b',', 0), |best, c| if c.1 > best.1 { *c } else { best }).0
}

/// A skipped row's reason, with where it was.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblem {
    pub line: usize,
    /// 1-based column of the bad cell (`None` when the row as a whole is wrong).
    pub column: Option<usize>,
    pub kind: CsvProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CsvProblemKind {
    MissingTitle,
    Emotion { value: String },
    Number { field: CsvField, value: String },
    /// A value outside the field's range, in the column's unit (`percent`: its header says %).
    OutOfRange { field: CsvField, value: f64, min: f64, max: Option<f64>, percent: bool },
    Visibility { value: String },
    Evidence { value: String },
}

impl CsvProblem {
    pub fn message(&self, lang: Lang) -> String {
        let place = match (self.column, lang) {
            (Some(c), Lang::En) => format!("Line {}, column {c}", self.line),
            (Some(c), Lang::De) => format!("Zeile {}, Spalte {c}", self.line),
            (None, Lang::En) => format!("Line {}", self.line),
            (None, Lang::De) => format!("Zeile {}", self.line),
        };
        let skipped = lang.pick(("row skipped", "Zeile übersprungen"));
        format!("{place}: {}; {skipped}", self.reason(lang))
    }

    fn reason(&self, lang: Lang) -> String {
        use CsvProblemKind::*;
        let en = lang == Lang::En;
        match &self.kind {
            MissingTitle if en => "the title is empty".into(),
            MissingTitle => "der Titel ist leer".into(),
            Emotion { value } if en => format!("emotion “{value}” is not a whole number from −2 to 2"),
            Emotion { value } => format!("Emotion „{value}“ ist keine ganze Zahl von −2 bis 2"),
            Number { field, value } if en => format!("{} “{value}” is not a number", field.name(lang)),
            Number { field, value } => format!("{} „{value}“ ist keine Zahl", field.name(lang)),
            OutOfRange { field, value, min, max, percent } => {
                let name = if *percent { field.header(lang) } else { field.name(lang).to_string() };
                let n = |v: f64| crate::locale::plain(v, 6, lang);
                let (value, min) = (n(*value), n(*min));
                match (max, lang) {
                    (Some(max), Lang::En) => format!("{name} {value} is outside {min} to {}", n(*max)),
                    (Some(max), Lang::De) => format!("{name} {value} liegt nicht zwischen {min} und {}", n(*max)),
                    (None, Lang::En) => format!("{name} {value} is less than {min}"),
                    (None, Lang::De) => format!("{name} {value} ist kleiner als {min}"),
                }
            }
            Visibility { value } if en => format!("visibility “{value}” is neither frontstage nor backstage"),
            Visibility { value } => format!("Sichtbarkeit „{value}“ ist weder sichtbar (Frontstage) noch im Hintergrund (Backstage)"),
            Evidence { value } if en => format!("evidence “{value}” is not measured, reported or assumed"),
            Evidence { value } => format!("Beleg „{value}“ ist weder gemessen, berichtet noch angenommen"),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsvImportReport {
    /// Ids of the touchpoints added, in row order.
    pub added: Vec<String>,
    /// Names of the stages created.
    pub created_stages: Vec<String>,
    /// Skipped rows, each bad cell once.
    pub problems: Vec<CsvProblem>,
}

/// Adds the sheet's rows to `map` as touchpoints. `lang` names a created unsorted stage.
pub fn import_rows(map: &mut JourneyMap, sheet: &CsvSheet, mapping: &ColumnMapping, lang: Lang) -> Result<CsvImportReport, MappingError> {
    mapping.validate()?;
    let mut report = CsvImportReport::default();
    for row in &sheet.rows {
        match read_row(row, &sheet.headers, mapping) {
            Ok(parsed) => {
                let stage_name = if parsed.stage.is_empty() { unsorted_stage_name(lang).to_string() } else { parsed.stage.clone() };
                let stage_id = match map.stages.iter().find(|s| s.name.trim().to_lowercase() == stage_name.to_lowercase()) {
                    Some(s) => s.id.clone(),
                    None => {
                        report.created_stages.push(stage_name.clone());
                        map.add_stage(&stage_name)
                    }
                };
                let id = map.add_touchpoint(&stage_id, &parsed.title, parsed.channel).expect("stage exists");
                let tp = map.touchpoint_mut(&id).expect("just added");
                tp.customer_action = parsed.customer_action;
                tp.thoughts = parsed.thoughts;
                tp.set_emotion(parsed.emotion);
                tp.pain_points = parsed.pain_points;
                tp.owner = parsed.owner;
                tp.visibility = parsed.visibility;
                tp.evidence.kind = parsed.evidence;
                tp.evidence.source = parsed.evidence_source;
                tp.measurements = parsed.measurements;
                report.added.push(id);
            }
            Err(problems) => report.problems.extend(problems),
        }
    }
    Ok(report)
}

/// One row read into touchpoint fields.
struct ParsedRow {
    stage: String,
    title: String,
    channel: Channel,
    customer_action: String,
    thoughts: String,
    emotion: Option<i8>,
    pain_points: Vec<String>,
    owner: String,
    visibility: Visibility,
    evidence: EvidenceKind,
    evidence_source: String,
    measurements: Measurements,
}

/// Whether the column `column` (0-based) is headed in percent ("Drop-off rate (%)",
/// "CES %"): its bare numbers are percent, as the label says.
fn headed_in_percent(headers: &[String], column: Option<usize>) -> bool {
    column.and_then(|c| headers.get(c)).is_some_and(|h| h.contains('%'))
}

/// Reads every mapped cell; all bad cells of the row are reported together.
fn read_row(row: &CsvRow, headers: &[String], mapping: &ColumnMapping) -> Result<ParsedRow, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let cell = |field: CsvField| -> (Option<usize>, &str) {
        match mapping.column_of(field) {
            Some(c) => (Some(c + 1), row.cells.get(c).map(|s| unguard(s.as_str())).unwrap_or("")),
            None => (None, ""),
        }
    };
    let mut problem = |column: Option<usize>, kind| problems.push(CsvProblem { line: row.line, column, kind });

    let (title_col, title) = cell(CsvField::Title);
    if title.is_empty() {
        problem(title_col, CsvProblemKind::MissingTitle);
    }
    let (col, raw) = cell(CsvField::Emotion);
    let emotion = match parse_emotion(raw) {
        Ok(e) => e,
        Err(()) => {
            problem(col, CsvProblemKind::Emotion { value: raw.to_string() });
            None
        }
    };
    let (col, raw) = cell(CsvField::Visibility);
    let visibility = match raw.to_lowercase().as_str() {
        "" | "frontstage" | "sichtbar" | "front" => Visibility::Frontstage,
        "backstage" | "im hintergrund" | "hintergrund" | "back" => Visibility::Backstage,
        _ => {
            problem(col, CsvProblemKind::Visibility { value: raw.to_string() });
            Visibility::Frontstage
        }
    };
    let (col, raw) = cell(CsvField::Evidence);
    let evidence = match EvidenceKind::from_key_or_label(raw) {
        _ if raw.is_empty() => EvidenceKind::Assumed,
        Some(kind) => kind,
        None => {
            problem(col, CsvProblemKind::Evidence { value: raw.to_string() });
            EvidenceKind::Assumed
        }
    };
    // The same parser and scales as the app's inputs (`crate::entry`). The unit of a rate
    // follows its column's label: percent under a header with "%", as in the inputs; a
    // share under a header without a unit (older exports). "25 %" is percent in both.
    let mut measure = |field: CsvField, kind: MeasurementKind| -> Option<f64> {
        let (col, raw) = cell(field);
        let percent = field.is_rate() && headed_in_percent(headers, mapping.column_of(field));
        match kind.parse(raw, if percent { Unit::Percent } else { Unit::Stored }) {
            Ok(v) => v,
            Err(EntryError { problem: EntryProblem::OutOfRange { value, min, max }, .. }) => {
                problem(col, CsvProblemKind::OutOfRange { field, value, min, max, percent });
                None
            }
            Err(_) => {
                problem(col, CsvProblemKind::Number { field, value: raw.to_string() });
                None
            }
        }
    };
    let measurements = Measurements {
        volume: measure(CsvField::Volume, MeasurementKind::Volume),
        drop_off_rate: measure(CsvField::DropOffRate, MeasurementKind::DropOffRate),
        throughput_time_s: measure(CsvField::ThroughputTimeS, MeasurementKind::ThroughputTime),
        csat: measure(CsvField::Csat, MeasurementKind::Csat),
        ces: measure(CsvField::Ces, MeasurementKind::Ces),
        nps: measure(CsvField::Nps, MeasurementKind::Nps),
        period: None,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let text = |field| cell(field).1.to_string();
    let pain_points = cell(CsvField::PainPoints)
        .1
        .split(LIST_SEPARATOR.trim())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    Ok(ParsedRow {
        stage: text(CsvField::Stage),
        title: title.to_string(),
        channel: parse_channel(cell(CsvField::Channel).1),
        customer_action: text(CsvField::CustomerAction),
        thoughts: text(CsvField::Thoughts),
        emotion,
        pain_points,
        owner: text(CsvField::Owner),
        visibility,
        evidence,
        evidence_source: text(CsvField::EvidenceSource),
        measurements,
    })
}

/// Empty → unknown; a whole number −2..=2 (ASCII or typographic minus) → emotion.
fn parse_emotion(raw: &str) -> Result<Option<i8>, ()> {
    if raw.is_empty() {
        return Ok(None);
    }
    let normal = raw.replace('\u{2212}', "-");
    match normal.parse::<i8>() {
        Ok(e) if (-2..=2).contains(&e) => Ok(Some(e)),
        _ => Err(()),
    }
}

/// A channel key or label in either language; anything else is a custom channel.
fn parse_channel(raw: &str) -> Channel {
    if raw.is_empty() {
        return Channel::default();
    }
    let lower = raw.to_lowercase();
    Channel::FIXED
        .iter()
        .find(|c| c.key() == lower || Lang::ALL.iter().any(|l| c.label(*l).to_lowercase() == lower))
        .cloned()
        .unwrap_or_else(|| Channel::Custom(raw.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::csv_mapping::suggest_mapping;

    #[test]
    fn delimiter_and_header_are_detected() {
        let sheet = read_sheet("\u{feff}Phase;Titel;Kanal\nKauf;\"Bezahlt; sofort\";App\n\n;;\n").unwrap();
        assert_eq!(sheet.delimiter, b';');
        assert!(sheet.has_header);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].cells[1], "Bezahlt; sofort");
        assert_eq!(sheet.rows[0].line, 2);
        let plain = read_sheet("a\tb\nc\td").unwrap();
        assert_eq!((plain.delimiter, plain.has_header), (b'\t', false));
        assert_eq!(plain.headers, ["Column 1", "Column 2"]);
        assert_eq!(plain.rows.len(), 2);
        assert_eq!(read_sheet("\n \n"), Err(CsvError::Empty));
    }

    #[test]
    fn excel_encodings_and_a_chosen_delimiter() {
        let sheet = read_sheet_bytes(b"Phase;Titel\nKauf;Bestellung pr\xFCfen\n", &CsvOptions::default()).unwrap();
        assert_eq!((sheet.encoding, sheet.delimiter), (TextEncoding::Windows1252, b';'));
        assert_eq!(sheet.rows[0].cells[1], "Bestellung prüfen");
        let mut utf16 = b"\xFF\xFE".to_vec();
        for u in "Phase\tTitel\nKauf\tGrö\u{df}e wählen\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let sheet = read_sheet_bytes(&utf16, &CsvOptions::default()).unwrap();
        assert_eq!((sheet.encoding, sheet.delimiter, sheet.has_header), (TextEncoding::Utf16Le, b'\t', true));
        assert_eq!(sheet.rows[0].cells, ["Kauf", "Größe wählen"]);
        let forced = CsvOptions { encoding: Some(TextEncoding::Utf8), delimiter: Some(b',') };
        let sheet = read_sheet_bytes(b"a;b\n", &forced).unwrap();
        assert_eq!((sheet.headers.len(), sheet.encoding), (1, TextEncoding::Utf8));
    }

    #[test]
    fn good_rows_are_imported_and_bad_rows_skipped_with_line_column_and_reason() {
        let text = "stage,title,channel,emotion,drop-off rate\n\
                    Awareness,Sees an ad,Werbung,1,\n\
                    Purchase,Pays,app,happy,120%\n\
                    ,Orphan,Fax,−1,25%\n\
                    purchase,,app,0,\n\
                    Purchase,Reorders,App,+2,\"0,1\"\n";
        let sheet = read_sheet(text).unwrap();
        let mapping = suggest_mapping(&sheet.headers);
        let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let before = map.stages.len();
        let report = import_rows(&mut map, &sheet, &mapping, Lang::De).unwrap();
        assert_eq!(report.added.len(), 3);
        assert_eq!(report.created_stages, ["Ohne Phase"]);
        assert_eq!(map.stages.len(), before + 1);
        let problems: Vec<String> = report.problems.iter().map(|p| p.message(Lang::En)).collect();
        assert_eq!(
            problems,
            [
                "Line 3, column 4: emotion “happy” is not a whole number from −2 to 2; row skipped",
                "Line 3, column 5: Drop-off rate 1.2 is outside 0 to 1; row skipped",
                "Line 5, column 2: the title is empty; row skipped",
            ]
        );
        let ad = map.touchpoint(&report.added[0]).unwrap();
        assert_eq!((ad.channel.clone(), ad.emotion), (Channel::Advertising, Some(1)));
        assert_eq!(map.stage(&ad.stage_id).unwrap().name, "Awareness");
        let orphan = map.touchpoint(&report.added[1]).unwrap();
        assert_eq!(orphan.channel, Channel::Custom("Fax".into()));
        assert_eq!((orphan.emotion, orphan.measurements.drop_off_rate), (Some(-1), Some(0.25)));
        let reorder = map.touchpoint(&report.added[2]).unwrap();
        // "purchase" found the existing "Purchase" stage instead of creating one.
        assert_eq!(map.stage(&reorder.stage_id).unwrap().name, "Purchase");
        assert_eq!(reorder.measurements.drop_off_rate, Some(0.1));
        assert!(report.problems[0].message(Lang::De).starts_with("Zeile 3, Spalte 4: Emotion „happy“"));
    }

    #[test]
    fn a_mapping_without_title_is_refused_before_any_row() {
        let sheet = read_sheet("a,b\n1,2\n").unwrap();
        let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let mapping = ColumnMapping { columns: vec![Some(CsvField::Stage), None] };
        assert_eq!(import_rows(&mut map, &sheet, &mapping, Lang::En), Err(MappingError::NoTitle));
        assert!(map.touchpoints.is_empty());
    }

    #[test]
    fn numbers_accept_comma_decimals_and_reject_words() {
        let parse = |kind: MeasurementKind, text: &str| kind.parse(text, Unit::Stored).map_err(|_| ());
        assert_eq!(parse(MeasurementKind::Volume, "1.234,5"), Ok(Some(1234.5)));
        assert_eq!(parse(MeasurementKind::Volume, "1,234.5"), Ok(Some(1234.5)));
        assert_eq!(parse(MeasurementKind::Volume, "0,25"), Ok(Some(0.25)));
        assert_eq!(parse(MeasurementKind::DropOffRate, "25 %"), Ok(Some(0.25)));
        assert_eq!(parse(MeasurementKind::Volume, "25%"), Err(()));
        assert_eq!(parse(MeasurementKind::Volume, "NaN"), Err(()));
        assert_eq!(parse(MeasurementKind::Volume, "many"), Err(()));
    }
}
