//! Excel and OpenDocument workbooks (.xlsx, .xlsm, .xls, .ods) as event logs: the chosen
//! sheet is turned into CSV text, which then goes through the same column guess and
//! importer as any CSV file — one reader for every log, whatever the container.
//!
//! Read with `calamine` (pure Rust). Only the analytics worker calls this, so the map and
//! library wasm modules do not link it. Dates are read as dates: a cell Excel formats as a
//! date holds a serial day number (1900 or 1904 system); it is written as
//! `YYYY-MM-DD HH:MM:SS[.mmm]`, a zone-less timestamp the importer reads in the zone the
//! user chose, exactly as Excel shows it. ODS's ISO dates are kept as written.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// Not a workbook calamine reads, or damaged: the library's message.
    Unreadable(String),
    /// The chosen sheet is not in the workbook.
    NoSuchSheet(String),
    /// The sheet has no rows.
    EmptySheet(String),
}

impl WorkbookError {
    pub fn message(&self, lang: crate::model::Lang) -> String {
        use crate::model::Lang::*;
        match (self, lang) {
            (WorkbookError::Unreadable(d), En) => format!("The workbook could not be read: {d}"),
            (WorkbookError::Unreadable(d), De) => format!("Die Arbeitsmappe ist nicht lesbar: {d}"),
            (WorkbookError::NoSuchSheet(s), En) => format!("The workbook has no sheet “{s}”."),
            (WorkbookError::NoSuchSheet(s), De) => format!("Die Arbeitsmappe hat kein Blatt „{s}“."),
            (WorkbookError::EmptySheet(s), En) => format!("The sheet “{s}” is empty."),
            (WorkbookError::EmptySheet(s), De) => format!("Das Blatt „{s}“ ist leer."),
        }
    }
}

/// Whether a file name looks like a workbook (by its extension).
pub fn is_workbook_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"].iter().any(|e| lower.ends_with(e))
}

/// The sheets of a workbook, in the workbook's order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, WorkbookError> {
    let book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    Ok(book.sheet_names())
}

/// One sheet as CSV text (comma-separated, quoted where needed), first row as written.
pub fn sheet_to_csv(bytes: &[u8], sheet: &str) -> Result<String, WorkbookError> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    if !book.sheet_names().iter().any(|s| s == sheet) {
        return Err(WorkbookError::NoSuchSheet(sheet.into()));
    }
    let range = book.worksheet_range(sheet).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    if range.is_empty() {
        return Err(WorkbookError::EmptySheet(sheet.into()));
    }
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    for row in range.rows() {
        // A row the writer refuses cannot happen for in-memory output; keep going regardless.
        let _ = out.write_record(row.iter().map(cell_text));
    }
    let bytes = out.into_inner().map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A cell as the text a CSV export of it would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers without ".0": ids and counts read as they look in the sheet.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            if ms == 0 {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{ms:03}")
            }
        }
        // A duration ([h]:mm:ss) is a number of days, not a point in time.
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
