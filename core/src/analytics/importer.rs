//! Incremental import of an event-log CSV. The importer owns the file's bytes and reads a
//! bounded number of rows per [`Importer::step`], so a browser worker can report progress
//! (rows, bytes, rows/s measured on its side) between steps and cancel by dropping it.
//! Bad rows are skipped and reported; only a file without any usable row is an error.

use serde::{Deserialize, Serialize};

use super::detect::ColumnDetection;
use super::error::{ImportError, RowIssue, RowProblem};
use super::event_log::{EventLog, NONE_ID};
use super::interner::Interner;
use super::long_fields::{cut_field, LongFields, MAX_FIELD_BYTES};
use super::rows::{FileBytes, RowReader};
use super::sanity::{check_import, ImportWarning, UsedColumns};
use super::time_form::{TimeForm, TimeReader};
use super::timestamp::LocalZone;
use crate::entry::read_number;
use crate::model::Lang;
use crate::text_file::{decode, detect_encoding, TextEncoding};

/// How many skipped rows are reported individually.
pub const MAX_REPORTED_ISSUES: usize = 20;

/// Which header names play which role. Names are matched case-insensitively, ignoring
/// surrounding spaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// `b','`, `b';'` or `b'\t'`.
    pub delimiter: u8,
    pub case: String,
    pub activity: String,
    pub time: String,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub rating: Option<String>,
    #[serde(default)]
    pub resource: Option<String>,
    /// Lifecycle column and the value to keep (e.g. `("lifecycle:transition", "complete")`).
    #[serde(default)]
    pub lifecycle: Option<(String, String)>,
    /// IANA zone (`Europe/Berlin`) in which timestamps without zone are read; `None`:
    /// read as UTC wall-clock time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Day/month order of `03/01/2024`, or Excel serial dates (see [`TimeForm`]).
    #[serde(default, skip_serializing_if = "TimeForm::is_auto")]
    pub time_form: TimeForm,
}

impl ColumnMapping {
    /// The mapping the detection guessed, if it found case, activity and time.
    pub fn from_detection(d: &ColumnDetection) -> Option<ColumnMapping> {
        let name = |i: Option<usize>| i.and_then(|i| d.headers.get(i).cloned());
        Some(ColumnMapping {
            delimiter: d.delimiter,
            case: name(d.guess.case)?,
            activity: name(d.guess.activity)?,
            time: name(d.guess.time)?,
            channel: name(d.guess.channel),
            rating: name(d.guess.rating),
            resource: name(d.guess.resource),
            lifecycle: name(d.guess.lifecycle).zip(d.guess.lifecycle_value.clone()),
            time_zone: None,
            time_form: d.guess.time_form.form,
        })
    }
}

/// Where the import stands after a step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// Data rows read so far (kept, filtered and skipped).
    pub rows: u64,
    pub events: u64,
    pub skipped: u64,
    pub bytes_read: u64,
    pub total_bytes: u64,
    pub done: bool,
}

/// What the import did besides producing events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub rows: u64,
    pub events: u64,
    pub cases: u64,
    pub activities: u64,
    /// Rows with a problem (see `first_issues`).
    pub skipped_rows: u64,
    /// Rows dropped on purpose because their lifecycle value was not the one to keep.
    pub lifecycle_filtered: u64,
    /// The first [`MAX_REPORTED_ISSUES`] skipped rows with line number and reason.
    pub first_issues: Vec<RowIssue>,
    /// Events with the same timestamp as the previous event of their case.
    pub timestamp_ties: u64,
    /// The character encoding the file was read with (detected or chosen).
    #[serde(default = "utf8")]
    pub encoding: TextEncoding,
    /// The delimiter used (from the mapping).
    #[serde(default = "comma")]
    pub delimiter: u8,
    /// What looks wrong about the result, with the mapping to check (see [`check_import`]).
    #[serde(default)]
    pub warnings: Vec<ImportWarning>,
    /// Set when a source preset read the file (records, customers, contact counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<super::source_types::SourceSummary>,
    /// Set when several sources were joined per customer (the customer hub).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub: Option<super::source_types::HubSummary>,
}

fn utf8() -> TextEncoding {
    TextEncoding::Utf8
}

fn comma() -> u8 {
    b','
}

impl Default for ImportSummary {
    fn default() -> Self {
        ImportSummary {
            rows: 0,
            events: 0,
            cases: 0,
            activities: 0,
            skipped_rows: 0,
            lifecycle_filtered: 0,
            first_issues: Vec::new(),
            timestamp_ties: 0,
            encoding: TextEncoding::Utf8,
            delimiter: b',',
            warnings: Vec::new(),
            source: None,
            hub: None,
        }
    }
}

impl ImportSummary {
    /// One line per reported issue, in `lang`.
    pub fn issue_messages(&self, lang: Lang) -> Vec<String> {
        self.first_issues.iter().map(|i| i.message(lang)).collect()
    }

    /// One line per warning, in `lang`.
    pub fn warning_messages(&self, lang: Lang) -> Vec<String> {
        self.warnings.iter().map(|w| w.message(lang)).collect()
    }
}

/// Column indices resolved from the header.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    pub(super) case: usize,
    pub(super) activity: usize,
    pub(super) time: usize,
    pub(super) channel: Option<usize>,
    pub(super) rating: Option<usize>,
    pub(super) resource: Option<usize>,
    pub(super) lifecycle: Option<(usize, Vec<u8>)>,
    /// Fields a row needs to have.
    pub(super) needed: usize,
    pub(super) names: Vec<String>,
}

impl Columns {
    /// Every column the import reads.
    fn used(&self) -> impl Iterator<Item = usize> + '_ {
        [Some(self.case), Some(self.activity), Some(self.time), self.channel, self.rating, self.resource, self.lifecycle.as_ref().map(|l| l.0)]
            .into_iter()
            .flatten()
    }
}

pub struct Importer {
    /// The file's rows, read in place (`rows.rs`). The fields are open to `import_parts.rs`,
    /// which reads a big file's parts with one importer each and joins them.
    pub(super) rows: RowReader,
    pub(super) cols: Columns,
    pub(super) lifecycle_name: Option<(String, String)>,
    /// Reads the time cells: the column's form and the zone for times without one.
    pub(super) time: TimeReader,
    pub(super) raw: EventLog,
    pub(super) cases: Interner,
    pub(super) activities: Interner,
    pub(super) channels: Interner,
    pub(super) resources: Interner,
    pub(super) summary: ImportSummary,
    pub(super) total_bytes: u64,
    pub(super) done: bool,
    /// Fields cut to `long_fields::MAX_FIELD_BYTES`.
    pub(super) long: LongFields,
}

impl Importer {
    /// Reads the header of `data` (encoding detected, see [`crate::text_file`]) and checks
    /// the mapping against it.
    pub fn new(data: Vec<u8>, mapping: &ColumnMapping) -> Result<Importer, ImportError> {
        Importer::with_encoding(data, mapping, None)
    }

    /// Like [`Importer::new`], reading `data` in the `forced` encoding when one is given.
    pub fn with_encoding(data: Vec<u8>, mapping: &ColumnMapping, forced: Option<TextEncoding>) -> Result<Importer, ImportError> {
        let (data, encoding) = decode(data, forced);
        Importer::of_text(FileBytes::Owned(data), encoding, mapping)
    }

    /// Like [`Importer::with_encoding`] for a file read or mapped (`FileBytes`): read in
    /// place when it is UTF-8 text as the importer reads it (no byte-order mark, no CR),
    /// else decoded as usual (a mapped file is copied first).
    pub fn of_file(data: FileBytes, mapping: &ColumnMapping, forced: Option<TextEncoding>) -> Result<Importer, ImportError> {
        let bytes = data.bytes();
        let encoding = forced.unwrap_or_else(|| detect_encoding(bytes).0);
        if encoding != TextEncoding::Utf8 || bytes.starts_with(b"\xEF\xBB\xBF") || memchr::memchr(b'\r', bytes).is_some() {
            let owned = match data {
                FileBytes::Owned(v) => v,
                #[allow(unreachable_patterns)]
                other => other.bytes().to_vec(),
            };
            return Importer::with_encoding(owned, mapping, forced);
        }
        Importer::of_text(data, encoding, mapping)
    }

    /// The importer of decoded text (UTF-8 with LF line ends).
    fn of_text(text: FileBytes, encoding: TextEncoding, mapping: &ColumnMapping) -> Result<Importer, ImportError> {
        let data = text.bytes();
        if data.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ImportError::EmptyFile);
        }
        let total_bytes = data.len() as u64;
        let expected_rows = estimate_rows(data);
        let mut rows = RowReader::of(text, mapping.delimiter);
        // The first row is the header (a file of blank lines has none: no columns).
        rows.next_row();
        let headers: Vec<String> =
            (0..rows.len()).filter_map(|i| rows.get(i)).map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
        if headers.len() < 2 {
            return Err(ImportError::SingleColumn);
        }
        let cols = resolve(&headers, mapping)?;
        let zone = match mapping.time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
            Some(name) => Some(LocalZone::named(name).ok_or_else(|| ImportError::UnknownTimeZone { name: name.to_string() })?),
            None => None,
        };
        Ok(Importer {
            time: TimeReader::new(mapping.time_form, zone),
            rows,
            lifecycle_name: mapping.lifecycle.clone(),
            raw: EventLog::with_capacity(expected_rows, cols.channel.is_some(), cols.resource.is_some(), cols.rating.is_some()),
            cols,
            cases: Interner::new(),
            activities: Interner::new(),
            channels: Interner::new(),
            resources: Interner::new(),
            summary: ImportSummary { encoding, delimiter: mapping.delimiter, ..ImportSummary::default() },
            total_bytes,
            done: false,
            long: LongFields::default(),
        })
    }

    /// Reads up to `max_rows` data rows.
    pub fn step(&mut self, max_rows: usize) -> ImportProgress {
        let mut n = 0;
        while n < max_rows && !self.done {
            n += 1;
            // Rows of a file in memory cannot fail to read: every byte sequence is some
            // CSV (an unclosed quote runs to the end of the file, as in the `csv` crate).
            if self.rows.next_row() {
                self.take_record();
            } else {
                self.done = true;
            }
        }
        self.progress()
    }

    pub fn progress(&self) -> ImportProgress {
        ImportProgress {
            rows: self.summary.rows,
            events: self.raw.case.len() as u64,
            skipped: self.summary.skipped_rows,
            bytes_read: self.rows.position(),
            total_bytes: self.total_bytes,
            done: self.done,
        }
    }

    /// Reads whatever is left, sorts the events and hands over log and summary.
    pub fn finish(mut self) -> Result<(EventLog, ImportSummary), ImportError> {
        while !self.done {
            self.step(usize::MAX);
        }
        if self.raw.case.is_empty() {
            if self.summary.skipped_rows == 0 && self.summary.lifecycle_filtered > 0 {
                let (column, value) = self.lifecycle_name.unwrap_or_default();
                return Err(ImportError::LifecycleKeptNothing { column, value });
            }
            return Err(ImportError::NoUsableRows {
                skipped: self.summary.skipped_rows,
                first: self.summary.first_issues.first().cloned(),
            });
        }
        let mut raw = self.raw;
        raw.case_names = self.cases.into_names();
        raw.activity_names = self.activities.into_names();
        raw.channel_names = self.channels.into_names();
        raw.resource_names = self.resources.into_names();
        let log = EventLog::from_file_order(raw);
        let mut summary = self.summary;
        summary.events = log.event_count() as u64;
        summary.cases = log.case_count() as u64;
        summary.activities = log.activity_names.len() as u64;
        summary.timestamp_ties = log.timestamp_ties;
        let c = &self.cols;
        let used = UsedColumns {
            case: &c.names[c.case],
            activity: &c.names[c.activity],
            time: &c.names[c.time],
            lifecycle: self.lifecycle_name.as_ref().map(|(col, value)| (col.as_str(), value.as_str())),
            headers: &c.names,
        };
        summary.warnings = check_import(&log, summary.rows, summary.skipped_rows, summary.lifecycle_filtered, &used);
        if self.long.count > 0 {
            summary.warnings.insert(0, ImportWarning::LongFieldsCut { fields: self.long, limit: MAX_FIELD_BYTES as u64 });
        }
        Ok((log, summary))
    }

    /// The browser's worker has one thread: [`Importer::finish`] (natively `import_parts.rs`
    /// reads the rows on every core).
    #[cfg(target_arch = "wasm32")]
    pub fn finish_on_all_cores(self) -> Result<(EventLog, ImportSummary), ImportError> {
        self.finish()
    }

    fn skip(&mut self, line: u64, problem: RowProblem) {
        self.summary.skipped_rows += 1;
        if self.summary.first_issues.len() < MAX_REPORTED_ISSUES {
            self.summary.first_issues.push(RowIssue { line, problem });
        }
    }

    /// Turns the current record into an event, or records why not.
    pub(super) fn take_record(&mut self) {
        self.summary.rows += 1;
        let rec = &self.rows;
        let line = rec.line();
        let cols = &self.cols;
        if rec.len() < cols.needed {
            // A lone empty field is a blank line the reader kept (e.g. whitespace only).
            if rec.len() == 1 && field(rec, 0).trim_ascii().is_empty() {
                self.summary.rows -= 1;
                return;
            }
            let problem = RowProblem::TooFewFields { expected: cols.needed, found: rec.len() };
            return self.skip(line, problem);
        }
        if let Some((i, keep)) = &cols.lifecycle {
            if !field(rec, *i).trim_ascii().eq_ignore_ascii_case(keep) {
                self.summary.lifecycle_filtered += 1;
                return;
            }
        }
        // A field longer than any name or time keeps its start (`long_fields.rs`).
        for i in cols.used() {
            self.long.note(rec.get(i).map_or(0, <[u8]>::len), line, &cols.names[i]);
        }
        let case_b = cut_field(field(rec, cols.case).trim_ascii());
        let act_b = cut_field(field(rec, cols.activity).trim_ascii());
        let time_b = cut_field(field(rec, cols.time).trim_ascii());
        let problem = if case_b.is_empty() {
            Some(RowProblem::EmptyCase)
        } else if act_b.is_empty() {
            Some(RowProblem::EmptyActivity)
        } else if time_b.is_empty() {
            Some(RowProblem::EmptyTimestamp)
        } else {
            None
        };
        if let Some(p) = problem {
            return self.skip(line, p);
        }
        let Some(time) = self.time.read(time_b) else {
            let value = String::from_utf8_lossy(time_b).into_owned();
            return self.skip(line, RowProblem::BadTimestamp { value });
        };
        // Both texts are checked before either is interned: a case id interned for a row
        // that is then skipped would be a case without events (it broke drop-off and
        // the counts; found by fuzzing). Known texts were checked when first added, so
        // only new ones are validated: the activity (a handful) is looked up first, then
        // the case is interned, which checks a new case id itself — one lookup per row in
        // the big case table.
        let not_utf8 = |i: usize| RowProblem::NotUtf8 { column: cols.names[i].clone() };
        let known_activity = self.activities.get(act_b);
        if known_activity.is_none() && std::str::from_utf8(act_b).is_err() {
            let p = not_utf8(cols.activity);
            return self.skip(line, p);
        }
        let Some(case) = self.cases.intern(case_b) else {
            let p = not_utf8(cols.case);
            return self.skip(line, p);
        };
        let Some(activity) = known_activity.or_else(|| self.activities.intern(act_b)) else {
            // Not reached (checked above); skipping keeps it harmless anyway.
            let p = not_utf8(cols.activity);
            return self.skip(line, p);
        };
        let optional = |interner: &mut Interner, col: Option<usize>| match col {
            Some(i) if !field(rec, i).trim_ascii().is_empty() => interner.intern(cut_field(field(rec, i).trim_ascii())).unwrap_or(NONE_ID),
            _ => NONE_ID,
        };
        let channel = optional(&mut self.channels, cols.channel);
        let resource = optional(&mut self.resources, cols.resource);
        let rating = cols
            .rating
            .and_then(|i| std::str::from_utf8(cut_field(field(rec, i).trim_ascii())).ok())
            // The one reader of typed numbers (`entry`): either language's separators.
            .and_then(|s| read_number(s, None).ok().flatten())
            .filter(|t| !t.percent)
            .map(|t| t.value as f32)
            .filter(|r| r.is_finite());
        let raw = &mut self.raw;
        raw.case.push(case);
        raw.activity.push(activity);
        raw.time_ms.push(time);
        raw.line.push(line.min(u32::MAX as u64) as u32);
        if cols.channel.is_some() {
            raw.channel.push(channel);
        }
        if cols.resource.is_some() {
            raw.resource.push(resource);
        }
        if cols.rating.is_some() {
            raw.rating.push(rating);
        }
    }
}

/// Rows the file probably has, from the line length of its first 64 KiB, so the columns
/// can be allocated once instead of growing (and copying) twenty times for a big file.
pub(super) fn estimate_rows(data: &[u8]) -> usize {
    let sample = &data[..data.len().min(64 * 1024)];
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    (data.len() / (sample.len() / lines).max(1)).min(50_000_000) + 1
}

/// Imports a whole file in one go (CLI, tests, small files).
pub fn import_all(data: Vec<u8>, mapping: &ColumnMapping) -> Result<(EventLog, ImportSummary), ImportError> {
    Importer::new(data, mapping)?.finish()
}

/// Field `i` of the current row; empty when the row is shorter (callers check the count).
#[inline]
fn field(rows: &RowReader, i: usize) -> &[u8] {
    rows.get(i).unwrap_or_default()
}

fn resolve(headers: &[String], m: &ColumnMapping) -> Result<Columns, ImportError> {
    let find = |role: &str, name: &str| -> Result<usize, ImportError> {
        let want = name.trim();
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(want) || h.to_lowercase() == want.to_lowercase())
            .ok_or_else(|| ImportError::MissingColumn { role: role.into(), name: name.into() })
    };
    let case = find("case", &m.case)?;
    let activity = find("activity", &m.activity)?;
    let time = find("time", &m.time)?;
    for (a, b) in [(case, activity), (case, time), (activity, time)] {
        if a == b {
            return Err(ImportError::SameColumnTwice { name: headers[a].clone() });
        }
    }
    let opt = |role: &str, name: &Option<String>| name.as_deref().map(|n| find(role, n)).transpose();
    let channel = opt("channel", &m.channel)?;
    let rating = opt("rating", &m.rating)?;
    let resource = opt("resource", &m.resource)?;
    let lifecycle = match &m.lifecycle {
        Some((col, value)) => Some((find("lifecycle", col)?, value.trim().as_bytes().to_vec())),
        None => None,
    };
    let needed = [Some(case), Some(activity), Some(time), channel, rating, resource, lifecycle.as_ref().map(|l| l.0)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
        + 1;
    Ok(Columns { case, activity, time, channel, rating, resource, lifecycle, needed, names: headers.to_vec() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> ColumnMapping {
        ColumnMapping {
            delimiter: b',',
            case: "case".into(),
            activity: "activity".into(),
            time: "time".into(),
            channel: Some("channel".into()),
            rating: None,
            resource: None,
            lifecycle: None,
            time_zone: None,
            time_form: TimeForm::Auto,
        }
    }

    #[test]
    fn a_chosen_zone_reads_zone_less_times_and_an_unknown_zone_is_refused() {
        let csv = b"case,activity,time,channel\nA,x,2024-03-31 01:30:00,web\nA,y,2024-03-31 03:30:00,web\nA,z,2024-03-31T03:30:00Z,web\n";
        let m = ColumnMapping { time_zone: Some("Europe/Berlin".into()), ..mapping() };
        let (log, _) = import_all(csv.to_vec(), &m).unwrap();
        // 01:30 CET = 00:30Z, 03:30 CEST = 01:30Z, and the explicit 03:30Z stays.
        assert_eq!(log.time_ms[1] - log.time_ms[0], 3_600_000);
        assert_eq!(log.time_ms[2] - log.time_ms[1], 2 * 3_600_000);
        let (utc, _) = import_all(csv.to_vec(), &mapping()).unwrap();
        assert_eq!(utc.time_ms[1] - utc.time_ms[0], 2 * 3_600_000);
        let bad = ColumnMapping { time_zone: Some("Europe/Atlantis".into()), ..mapping() };
        let err = Importer::new(csv.to_vec(), &bad).err().unwrap();
        assert!(err.message(Lang::En).contains("Europe/Atlantis") && err.message(Lang::De).contains("Zeitzone"));
    }

    #[test]
    fn steps_report_progress_and_finish_sorts() {
        let csv = b"case,activity,time,channel\nA,x,2024-01-01T10:00:00Z,web\nA,y,2024-01-01T09:00:00Z,app\nB,x,2024-01-01T08:00:00Z,\n".to_vec();
        let mut imp = Importer::new(csv, &mapping()).unwrap();
        let p = imp.step(2);
        assert_eq!((p.rows, p.events, p.done), (2, 2, false));
        let p = imp.step(10);
        assert!(p.done && p.bytes_read == p.total_bytes);
        let (log, summary) = imp.finish().unwrap();
        assert_eq!(summary.events, 3);
        assert_eq!(log.trace(0), &[1, 0]); // y before x in case A
        assert_eq!(log.channel_names, vec!["web", "app"]);
        assert_eq!(log.channel[2], NONE_ID);
    }

    #[test]
    fn bad_rows_are_skipped_with_line_and_reason() {
        let csv = b"case,activity,time,channel\nA,x,2024-01-01T10:00:00Z,web\n,x,2024-01-01T10:00:00Z,web\nA,x,tomorrow,web\nA,x\n".to_vec();
        let (_, s) = import_all(csv, &mapping()).unwrap();
        assert_eq!(s.skipped_rows, 3);
        let lines: Vec<u64> = s.first_issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert_eq!(s.first_issues[0].problem, RowProblem::EmptyCase);
        assert_eq!(s.first_issues[2].problem, RowProblem::TooFewFields { expected: 4, found: 2 });
    }

    #[test]
    fn ratings_are_read_with_decimal_comma_and_averaged_per_activity() {
        let mut m = mapping();
        m.channel = None;
        m.rating = Some("stars".into());
        let csv = b"case,activity,time,stars\nA,x,2024-01-01T10:00:00Z,4\nB,x,2024-01-01T10:00:00Z,\"2,5\"\nC,x,2024-01-01T10:00:00Z,n/a\n".to_vec();
        let (log, s) = import_all(csv, &m).unwrap();
        assert_eq!(s.skipped_rows, 0);
        assert_eq!(log.rating, vec![Some(4.0), Some(2.5), None]);
        let v = crate::analytics::volumes(&log);
        assert_eq!((v.activities[0].mean_rating, v.activities[0].ratings), (Some(3.25), 2));
    }

    #[test]
    fn missing_column_and_lifecycle_that_keeps_nothing_are_file_errors() {
        let mut m = mapping();
        m.time = "when".into();
        let e = Importer::new(b"case,activity,time\n".to_vec(), &m).err().unwrap();
        assert_eq!(e, ImportError::MissingColumn { role: "time".into(), name: "when".into() });
        let mut m = mapping();
        m.channel = None;
        m.lifecycle = Some(("channel".into(), "complete".into()));
        let e = import_all(b"case,activity,time,channel\nA,x,2024-01-01T10:00:00Z,start\n".to_vec(), &m).unwrap_err();
        assert!(matches!(e, ImportError::LifecycleKeptNothing { .. }));
    }
}
