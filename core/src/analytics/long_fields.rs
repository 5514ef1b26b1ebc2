//! Fields longer than any event name, id or timestamp can sensibly be (a whole e-mail
//! body, a log dump, a broken quote that swallowed the rest of the file). The importer
//! keeps the first [`MAX_FIELD_BYTES`] of such a field and counts it, and the import check
//! names the first one by line and column (`ImportWarning::LongFieldsCut`), so a 50 MB
//! cell never becomes a 50 MB activity name that the page would have to show.

use serde::{Deserialize, Serialize};

/// The longest field the importer keeps whole, in bytes.
pub const MAX_FIELD_BYTES: usize = 4 * 1024;

/// The first `MAX_FIELD_BYTES` bytes of `b`, ending before a UTF-8 character that would
/// be split (so text stays text).
pub fn cut_field(b: &[u8]) -> &[u8] {
    if b.len() <= MAX_FIELD_BYTES {
        return b;
    }
    let mut end = MAX_FIELD_BYTES;
    // A continuation byte (10xx_xxxx) after the cut: its character started before it.
    while end > 0 && b[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    &b[..end]
}

/// The cut fields of one import: how many, and where the first one was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LongFields {
    pub count: u64,
    /// 1-based line of the first cut field, as an editor shows it.
    pub line: u64,
    /// Header of its column.
    pub column: String,
    /// Its length in bytes before the cut.
    pub bytes: u64,
}

impl LongFields {
    /// Counts a field of `len` bytes in `column` on `line` if it is too long.
    pub fn note(&mut self, len: usize, line: u64, column: &str) {
        if len <= MAX_FIELD_BYTES {
            return;
        }
        if self.count == 0 {
            (self.line, self.column, self.bytes) = (line, column.to_string(), len as u64);
        }
        self.count += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_keeps_whole_characters() {
        let ascii = vec![b'a'; MAX_FIELD_BYTES + 10];
        assert_eq!(cut_field(&ascii).len(), MAX_FIELD_BYTES);
        // "ü" is two bytes: with an odd start the limit falls inside one.
        let mut text = String::from("x");
        while text.len() <= MAX_FIELD_BYTES {
            text.push('ü');
        }
        let cut = cut_field(text.as_bytes());
        assert_eq!(cut.len(), MAX_FIELD_BYTES - 1);
        assert!(std::str::from_utf8(cut).is_ok());
        assert_eq!(cut_field(b"short"), b"short");
        let mut l = LongFields::default();
        l.note(10, 2, "a");
        l.note(MAX_FIELD_BYTES + 1, 3, "activity");
        l.note(MAX_FIELD_BYTES * 2, 9, "case");
        assert_eq!(l, LongFields { count: 2, line: 3, column: "activity".into(), bytes: MAX_FIELD_BYTES as u64 + 1 });
    }
}
