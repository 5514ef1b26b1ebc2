//! The rows of a source file for its preset reader (`read.rs`): read in place by the
//! event-log importer's row reader when the decoded file is UTF-8, else by the `csv`
//! crate as before.

use std::io::Cursor;

use crate::analytics::error::ImportError;
use crate::analytics::rows::{FileBytes, RowReader};

/// The rows of a source file: read in place (`analytics::rows`) when the decoded file is
/// UTF-8 — every file but one cut inside its last character — else by the `csv` crate,
/// whose error for a row that is not UTF-8 the summary reports as before.
pub(super) enum SourceRows {
    Text(RowReader),
    Csv(csv::Reader<Cursor<Vec<u8>>>, csv::StringRecord),
}

impl SourceRows {
    /// The rows of a decoded file: text (`text_file::decode_to_text`), or bytes that are
    /// not UTF-8.
    pub(super) fn new(data: Result<String, Vec<u8>>, delimiter: u8) -> SourceRows {
        match data {
            Ok(text) => SourceRows::Text(RowReader::of(FileBytes::Text(text), delimiter)),
            Err(bytes) => SourceRows::by_csv(bytes, delimiter),
        }
    }

    fn by_csv(data: Vec<u8>, delimiter: u8) -> SourceRows {
        let reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(Cursor::new(data));
        SourceRows::Csv(reader, csv::StringRecord::new())
    }

    /// The decoded file's text when the rows are cut from it in place ("" for the `csv`
    /// crate's rows, which are copies): fields of unquoted rows are slices of it.
    pub(super) fn text(&self) -> &str {
        match self {
            SourceRows::Text(rows) => rows.text().unwrap_or(""),
            SourceRows::Csv(..) => "",
        }
    }

    /// The header row's fields.
    pub(super) fn headers(&mut self) -> Result<Vec<String>, ImportError> {
        match self {
            SourceRows::Text(rows) => {
                rows.next_row();
                Ok((0..rows.len()).map(|i| rows.get_str(i).unwrap_or_default().to_string()).collect())
            }
            SourceRows::Csv(reader, _) => {
                let headers = reader.headers().map_err(|e| ImportError::BadHeader { detail: e.to_string() })?;
                Ok(headers.iter().map(str::to_string).collect())
            }
        }
    }

    /// The next row's line number, the `csv` crate's error for a row it could not read,
    /// or `None` after the last row.
    pub(super) fn next(&mut self) -> Option<Result<u64, csv::Error>> {
        match self {
            SourceRows::Text(rows) => rows.next_row().then(|| rows.line()).map(Ok),
            SourceRows::Csv(reader, row) => match reader.read_record(row) {
                Ok(true) => Some(Ok(row.position().map_or(0, |p| p.line()))),
                Ok(false) => None,
                Err(e) => Some(Err(e)),
            },
        }
    }

    /// Field `i` of the current row.
    #[inline]
    pub(super) fn cell(&self, i: usize) -> Option<&str> {
        match self {
            SourceRows::Text(rows) => rows.get_str(i),
            SourceRows::Csv(_, row) => row.get(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Header and (line, fields) of every row.
    fn all(mut rows: SourceRows) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
        let headers = rows.headers().unwrap();
        let mut out = Vec::new();
        while let Some(line) = rows.next() {
            let line = line.unwrap();
            out.push((line, (0..5).map_while(|i| rows.cell(i).map(str::to_string)).collect()));
        }
        (headers, out)
    }

    #[test]
    fn text_rows_read_as_the_csv_crate_reads_them() {
        let data = b"\xEF\xBB\xBFuser,event,\"time\"\nA,\"x, y\",1\n\nB,\"multi\nline\",2\nC,z\xC3\xA9,3\n,,\nD".to_vec();
        let text = SourceRows::new(String::from_utf8(data.clone()).map_err(|e| e.into_bytes()), b',');
        assert!(matches!(text, SourceRows::Text(_)));
        let (headers, rows) = all(text);
        assert_eq!(headers, vec!["user", "event", "time"]);
        // Line 3: the blank line before a row is counted as its start (as the csv crate does).
        assert_eq!(rows[1], (3, vec!["B".to_string(), "multi\nline".to_string(), "2".to_string()]));
        assert_eq!((headers, rows), all(SourceRows::by_csv(data, b',')));
    }

    #[test]
    fn a_file_cut_inside_its_last_character_is_read_by_the_csv_crate() {
        let rows = SourceRows::new(Err(b"user,event\nA,x\nB,\xC3".to_vec()), b',');
        assert!(matches!(rows, SourceRows::Csv(..)));
        let mut rows = rows;
        rows.headers().unwrap();
        assert!(matches!(rows.next(), Some(Ok(2))));
        assert!(matches!(rows.next(), Some(Err(_))), "the row that is not UTF-8 is reported");
    }
}
