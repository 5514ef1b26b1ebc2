//! The rows of an event-log CSV held in memory, read in place.
//!
//! A row without a quote (almost every row of an export) is cut at its delimiters where it
//! lies in the file: no copy, no state machine per byte. A row with a quote character is
//! handed to `csv_core`, the parser the `csv` crate is built on, configured as the importer
//! always configured `csv::Reader` (quote `"`, doubled quotes, terminators CR, LF and
//! CRLF, no comments, flexible field counts), so quoted fields, delimiters and line breaks
//! inside quotes read exactly as before. Line numbers and byte positions follow the `csv`
//! crate's rules too — a row's line is the line after the previous row, so blank lines
//! before a row count towards the row before — which `tests/rows_match_csv.rs` checks
//! against `csv::Reader` on random files.

use csv_core::ReadRecordResult;

/// The bytes of a file: read into memory, or mapped (the CLI reads a log where the page
/// cache holds it instead of copying it, `crate::mapped_file`).
pub enum FileBytes {
    Owned(Vec<u8>),
    /// Bytes known to be UTF-8: fields are read as `&str` without checking each again.
    Text(String),
    #[cfg(unix)]
    Mapped(crate::mapped_file::MappedFile),
    /// One file read by several readers at once (`RowReader::share`, each reader a part
    /// of its rows on a thread of its own).
    Shared(std::sync::Arc<FileBytes>),
}

impl FileBytes {
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match self {
            FileBytes::Owned(v) => v,
            FileBytes::Text(t) => t.as_bytes(),
            #[cfg(unix)]
            FileBytes::Mapped(m) => m.as_ref(),
            FileBytes::Shared(f) => f.bytes(),
        }
    }
}

const TEXT: u8 = 0;
const DELIMITER: u8 = 1;
const LINE_END: u8 = 2;
const QUOTE: u8 = 3;

/// The byte classes of the fast path for `delimiter`.
fn classes(delimiter: u8) -> [u8; 256] {
    let mut class = [TEXT; 256];
    class[delimiter as usize] = DELIMITER;
    class[b'\n' as usize] = LINE_END;
    class[b'\r' as usize] = LINE_END;
    class[b'"' as usize] = QUOTE;
    class
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Where the first byte that is not field text lies in `rest[k..]` (or `rest.len()`).
/// Eight bytes at a time: a byte equal to the delimiter, LF, CR or a quote is a zero
/// byte in `w ^ repeated`, found by the zero-byte test. That test can flag a byte above a
/// real zero byte too, but never below, so the lowest flag is the first special byte.
#[inline]
fn next_special(rest: &[u8], mut k: usize, delimiter_word: u64, class: &[u8; 256]) -> usize {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & (ONES << 7);
    while k + 8 <= rest.len() {
        let c = &rest[k..k + 8];
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let found = zero(w ^ delimiter_word) | zero(w ^ (ONES * b'\n' as u64)) | zero(w ^ (ONES * b'\r' as u64)) | zero(w ^ (ONES * b'"' as u64));
        if found != 0 {
            return k + (found.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < rest.len() && class[rest[k] as usize] == TEXT {
        k += 1;
    }
    k
}

/// Reads rows one at a time from a file held in memory.
pub struct RowReader {
    file: FileBytes,
    /// Where the next row starts (the byte after the previous row's terminator).
    pos: usize,
    /// Line number at `pos` (1-based, counts `\n` bytes like `csv_core`).
    line: u64,
    /// The parser for rows with a quote (and for any row when the delimiter is a quote
    /// or a line break, which the fast path cannot cut).
    core: csv_core::Reader,
    all_slow: bool,
    /// What each byte is to the fast path: [`TEXT`], [`DELIMITER`], [`LINE_END`] or [`QUOTE`].
    class: [u8; 256],
    /// The delimiter in every byte of a word (for [`next_special`]).
    delimiter_word: u64,
    /// The current row's fields: bounds in `data` (fast path) or in `buf` (quoted row).
    bounds: Vec<(usize, usize)>,
    in_buf: bool,
    buf: Vec<u8>,
    ends: Vec<usize>,
    /// The current row's line (the line at the start of reading it).
    row_line: u64,
    /// No row starting at or after this byte is read (the file's length, or the end of
    /// this reader's part, `RowReader::part`). A row starting before it is read whole,
    /// even past it (a quoted line break): the caller sees that in `position`.
    end: usize,
}

impl RowReader {
    pub fn new(data: Vec<u8>, delimiter: u8) -> RowReader {
        RowReader::of(FileBytes::Owned(data), delimiter)
    }

    /// A reader of `file`'s rows.
    pub fn of(file: FileBytes, delimiter: u8) -> RowReader {
        let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        // csv_core drops a byte-order mark only on its first read, which for `csv::Reader`
        // was the header: a blank line read first keeps it from dropping one at a later row.
        let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        // csv_core drops a UTF-8 byte-order mark before the first row (its first read).
        let pos = if file.bytes().starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let end = file.bytes().len();
        RowReader {
            end,
            file,
            pos,
            line: 1,
            core,
            all_slow: matches!(delimiter, b'"' | b'\n' | b'\r'),
            class: classes(delimiter),
            delimiter_word: ONES * delimiter as u64,
            bounds: Vec::with_capacity(16),
            in_buf: false,
            buf: vec![0; 1024],
            ends: vec![0; 64],
            row_line: 1,
        }
    }

    /// The file's bytes.
    #[inline]
    pub fn data(&self) -> &[u8] {
        self.file.bytes()
    }

    /// The file's text, when it was given as text ([`FileBytes::Text`]).
    pub fn text(&self) -> Option<&str> {
        match &self.file {
            FileBytes::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Makes this reader's file shareable with other readers (`RowReader::part`) and
    /// returns it; this reader reads on where it was.
    pub fn share(&mut self) -> std::sync::Arc<FileBytes> {
        if let FileBytes::Shared(f) = &self.file {
            return f.clone();
        }
        let file = std::sync::Arc::new(std::mem::replace(&mut self.file, FileBytes::Owned(Vec::new())));
        self.file = FileBytes::Shared(file.clone());
        file
    }

    /// A reader of the rows of `file` that start in `start..end`, numbering lines from 1
    /// at `start`. `start` must be where a row starts (after a line end, outside quotes)
    /// for its rows to be the file's: the caller checks that with the reader before it.
    pub fn part(file: std::sync::Arc<FileBytes>, delimiter: u8, start: usize, end: usize) -> RowReader {
        let mut reader = RowReader::of(FileBytes::Shared(file), delimiter);
        (reader.pos, reader.end) = (start, end);
        reader
    }

    /// Goes on at byte `pos`, line `line`, reading to the end of the file (where another
    /// reader of its part stopped).
    pub fn resume(&mut self, pos: usize, line: u64) {
        (self.pos, self.line, self.end) = (pos, line, self.data().len());
    }

    /// Reads no row that starts at or after `end`.
    pub fn stop_at(&mut self, end: usize) {
        self.end = end;
    }

    /// The line the next row starts on (1-based, counted from this reader's start).
    pub fn next_line(&self) -> u64 {
        self.line
    }

    /// Whether the fast path cuts this reader's rows (neither delimiter a quote nor a
    /// line break): only then can a file be cut into parts at line ends.
    pub fn cuts_at_line_ends(&self) -> bool {
        !self.all_slow
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        self.pos as u64
    }

    /// The current row's line number (as `csv::Position::line`).
    pub fn line(&self) -> u64 {
        self.row_line
    }

    /// Fields in the current row.
    #[inline]
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// Field `i` of the current row, if it has one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let &(s, e) = self.bounds.get(i)?;
        Some(if self.in_buf { &self.buf[s..e] } else { &self.data()[s..e] })
    }

    /// Field `i` of the current row as text: `None` when the row has no field `i` or
    /// the field is not UTF-8. Checked only for quoted rows of a [`FileBytes::Text`]
    /// file (their fields are copies); fields read in place are slices of the text.
    #[inline]
    pub fn get_str(&self, i: usize) -> Option<&str> {
        let &(s, e) = self.bounds.get(i)?;
        match &self.file {
            // Fields end at ASCII bytes (delimiter, line end) or the end: char boundaries.
            FileBytes::Text(t) if !self.in_buf => t.get(s..e),
            _ => std::str::from_utf8(self.get(i)?).ok(),
        }
    }

    /// Reads the next row; `false` at the end of the file.
    pub fn next_row(&mut self) -> bool {
        self.row_line = self.line;
        self.bounds.clear();
        if self.pos >= self.end {
            return false;
        }
        // Blank lines before a row are skipped (csv_core's start of a record).
        let data = self.file.bytes();
        while let Some(&b) = data.get(self.pos) {
            if b == b'\n' {
                self.line += 1;
            } else if b != b'\r' {
                break;
            }
            self.pos += 1;
        }
        if self.pos >= data.len() {
            return false;
        }
        if self.all_slow {
            return self.read_quoted();
        }
        let start = self.pos;
        let rest = &data[start..];
        let mut field_start = 0;
        let mut k = 0;
        let term = loop {
            k = next_special(rest, k, self.delimiter_word, &self.class);
            match rest.get(k).map(|&b| (b, self.class[b as usize])) {
                None => break None,
                Some((_, DELIMITER)) => {
                    self.bounds.push((start + field_start, start + k));
                    field_start = k + 1;
                    k += 1;
                }
                Some((b, LINE_END)) => break Some(b),
                Some(_) => {
                    // A quote: this row goes to csv_core from its start.
                    self.bounds.clear();
                    return self.read_quoted();
                }
            }
        };
        self.in_buf = false;
        self.bounds.push((start + field_start, start + k));
        // The terminator is part of the row; a `\n` after a `\r` is a blank line for the
        // next row (as in csv_core).
        self.pos = start + k + usize::from(term.is_some());
        self.line += u64::from(term == Some(b'\n'));
        true
    }

    /// Reads one row with csv_core (quotes, doubled quotes, line breaks inside quotes).
    fn read_quoted(&mut self) -> bool {
        self.in_buf = true;
        self.core.set_line(self.line);
        let (mut nout_all, mut nend_all) = (0, 0);
        let mut at_end = false;
        loop {
            let input = if at_end { &[][..] } else { &self.file.bytes()[self.pos..] };
            let (res, nin, nout, nend) =
                self.core.read_record(input, &mut self.buf[nout_all..], &mut self.ends[nend_all..]);
            self.pos += nin;
            nout_all += nout;
            nend_all += nend;
            match res {
                ReadRecordResult::InputEmpty => at_end = true,
                ReadRecordResult::OutputFull => {
                    let n = self.buf.len() * 2;
                    self.buf.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    self.line = self.core.line();
                    return false;
                }
            }
        }
        self.line = self.core.line();
        let mut s = 0;
        for &e in &self.ends[..nend_all] {
            self.bounds.push((s, e));
            s = e;
        }
        true
    }
}
