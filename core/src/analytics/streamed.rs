//! An import that begins while its file is still being read: a reader that gets a big log
//! in chunks takes the rows of each chunk while the next one is read, so an import asked
//! for before the whole file is read need not wait for it. Not used by the browser's worker
//! yet: with chunked `Blob.arrayBuffer` reads the file's read, not the rows, bounded the
//! time (benchmarks/README.md, "Scale, session 4").
//!
//! The result must be the one the ordinary import of the whole file gives, so only what
//! cannot change once more of the file arrives is done early:
//! - rows are taken only when they end before the read part does: up to the last line end
//!   read, and never past the first quote (a quoted field may hold line ends, so where its
//!   row ends is only known to the row reader); after a quote the rest waits for the end
//!   of the file and is read as usual;
//! - the file is read in place as UTF-8, as the importer reads UTF-8 text without a
//!   byte-order mark or CR; whether it is one is only known at the end ([`Streamed::complete`]
//!   checks the whole file as the ordinary import would). If not, the rows taken are
//!   dropped and the file is imported from the start the ordinary way (decoded).
//!
//! `tests/analytics_streamed.rs` holds the result equal to the ordinary import for files
//! handed over in chunks of many sizes, with quotes, CR, other encodings and bad rows.

use super::importer::{ColumnMapping, ImportProgress, Importer};
use super::rows::FileBytes;
use crate::text_file::{detect_encoding, TextEncoding};

/// An import of a file whose bytes arrive in order ([`Streamed::unread`]).
pub struct Streamed {
    importer: Importer,
    /// Bytes of the file held so far (the buffer is the file's full size).
    read: usize,
    /// Where the scan for line ends and quotes goes on.
    scanned: usize,
    /// Rows starting before this end before it: just after a line end, before any quote.
    ready: usize,
    /// A quote was read: no more rows before the whole file is here.
    quoted: bool,
    /// The encoding the user chose (`None`: detected at the end).
    forced: Option<TextEncoding>,
}

impl Streamed {
    /// Starts the import of `file` (sized to the whole file) whose first `read` bytes are
    /// read. The file comes back when it cannot start yet (its header line is not read
    /// whole, or it has a quote) or at all (a byte-order mark, another encoding chosen, a
    /// mapping its header does not fit): the ordinary import then reads it at the end.
    pub fn start(file: Vec<u8>, read: usize, mapping: &ColumnMapping, forced: Option<TextEncoding>) -> Result<Streamed, Vec<u8>> {
        let head = &file[..read.min(file.len())];
        let blank = head.iter().take_while(|&&b| matches!(b, b'\n' | b'\r')).count();
        let header_read = memchr::memchr2(b'\n', b'"', &head[blank..]).is_some_and(|i| head[blank + i] == b'\n');
        let utf8_chosen = matches!(forced, None | Some(TextEncoding::Utf8));
        if !header_read || !utf8_chosen || head.starts_with(b"\xEF\xBB\xBF") {
            return Err(file);
        }
        let importer = match Importer::of_text_or_back(FileBytes::Owned(file), TextEncoding::Utf8, mapping) {
            Ok(i) => i,
            Err((_, FileBytes::Owned(file))) => return Err(file),
            // Not reached: the bytes went in owned.
            Err((_, other)) => return Err(other.bytes().to_vec()),
        };
        let mut s = Streamed { importer, read: 0, scanned: 0, ready: 0, quoted: false, forced };
        s.read_to(read);
        Ok(s)
    }

    /// Where the next `n` bytes of the file go (`None` past its end).
    pub fn unread(&mut self, n: usize) -> Option<&mut [u8]> {
        let at = self.read;
        self.importer.bytes_mut()?.get_mut(at..at + n)
    }

    /// The `n` bytes given by [`Streamed::unread`] are written.
    pub fn filled(&mut self, n: usize) {
        self.read_to(self.read + n);
    }

    fn read_to(&mut self, read: usize) {
        self.read = read.min(self.importer.data().len());
        if self.quoted {
            return;
        }
        let new = &self.importer.data()[self.scanned..self.read];
        let quote = memchr::memchr(b'"', new);
        if let Some(end) = memchr::memrchr(b'\n', &new[..quote.unwrap_or(new.len())]) {
            self.ready = self.scanned + end + 1;
        }
        self.quoted = quote.is_some();
        self.scanned = self.read;
    }

    /// Takes up to `max_rows` of the rows read whole (see the module doc).
    pub fn step(&mut self, max_rows: usize) -> ImportProgress {
        self.importer.step_before(max_rows, self.ready)
    }

    /// The file and how much of it is read (an import started with a mapping the user
    /// then changed starts over with it).
    pub fn into_file(self) -> (Vec<u8>, usize) {
        let read = self.read;
        match self.importer.into_file() {
            FileBytes::Owned(file) => (file, read),
            other => (other.bytes().to_vec(), read),
        }
    }

    /// Whether every byte of the file is read.
    pub fn is_read(&self) -> bool {
        self.read == self.importer.data().len()
    }

    /// The whole file is read: the import goes on as usual (`step`, `finish`) when the file
    /// is UTF-8 text without CR, as the ordinary import would have read it; else the file
    /// comes back, to be imported from the start (the rows taken are dropped).
    pub fn complete(self) -> Result<Importer, Vec<u8>> {
        let data = self.importer.data();
        let utf8 = self.forced.unwrap_or_else(|| detect_encoding(data).0) == TextEncoding::Utf8;
        if self.is_read() && utf8 && memchr::memchr(b'\r', data).is_none() {
            return Ok(self.importer);
        }
        match self.importer.into_file() {
            FileBytes::Owned(file) => Err(file),
            other => Err(other.bytes().to_vec()),
        }
    }
}
