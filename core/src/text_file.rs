//! Text files as people have them: the character encoding of a CSV file (event log,
//! survey, touchpoints) is detected, reported and can be chosen by the user.
//!
//! Detection, in order: a byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE); UTF-16 without a
//! mark when every other byte of the start is NUL (what ASCII text looks like in UTF-16);
//! valid UTF-8; otherwise Windows-1252 — what a German Excel writes as "CSV", where
//! "prüfen" is the single byte `0xFC` for "ü" and never valid UTF-8. The decoding itself is
//! `encoding_rs` (the WHATWG encoding standard's tables), not a table of our own.
//!
//! Everything after this step reads UTF-8 with line feeds only: CRLF (Windows) and a lone
//! carriage return (old Mac, as Excel for Mac wrote CSV) both become one line feed. The
//! CSV reader counts lines by line feeds and gave the record after a CRLF the line number
//! of the one before (found by fuzzing); line numbers in messages must be the lines the
//! user sees in an editor.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// The character encodings the CSV imports read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    /// All choices, in the order a picker lists them.
    pub const ALL: [TextEncoding; 4] =
        [TextEncoding::Utf8, TextEncoding::Utf16Le, TextEncoding::Utf16Be, TextEncoding::Windows1252];

    /// The stable key used in pickers and in the worker protocol.
    pub fn key(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf8",
            TextEncoding::Utf16Le => "utf16le",
            TextEncoding::Utf16Be => "utf16be",
            TextEncoding::Windows1252 => "windows1252",
        }
    }

    pub fn from_key(key: &str) -> Option<TextEncoding> {
        TextEncoding::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The name users know; the same in both languages except for the hint in brackets.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TextEncoding::Utf8, _) => "UTF-8",
            (TextEncoding::Utf16Le, _) => "UTF-16 LE",
            (TextEncoding::Utf16Be, _) => "UTF-16 BE",
            (TextEncoding::Windows1252, Lang::En) => "Windows-1252 (Excel CSV, Western Europe)",
            (TextEncoding::Windows1252, Lang::De) => "Windows-1252 (Excel-CSV, Westeuropa)",
        }
    }
}

/// The delimiters the CSV imports understand, with their names for pickers.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// How a delimiter is shown to the user ("tab" is invisible otherwise).
pub fn delimiter_label(delimiter: u8, lang: Lang) -> String {
    match (delimiter, lang) {
        (b',', Lang::En) => "comma (,)".into(),
        (b',', Lang::De) => "Komma (,)".into(),
        (b';', Lang::En) => "semicolon (;)".into(),
        (b';', Lang::De) => "Semikolon (;)".into(),
        (b'\t', Lang::En) => "tab".into(),
        (b'\t', Lang::De) => "Tabulator".into(),
        (d, _) => format!("“{}”", d as char),
    }
}

/// What the caller wants instead of detection; `None` fields are detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CsvOptions {
    #[serde(default)]
    pub encoding: Option<TextEncoding>,
    #[serde(default)]
    pub delimiter: Option<u8>,
}

/// The encoding of `bytes` (a whole file or its start) and the length of its byte-order
/// mark (0 without one).
pub fn detect_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return (TextEncoding::Utf8, 3);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (TextEncoding::Utf16Le, 2);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (TextEncoding::Utf16Be, 2);
    }
    if let Some(e) = utf16_without_bom(bytes) {
        return (e, 0);
    }
    if is_utf8_allowing_cut_end(bytes) {
        (TextEncoding::Utf8, 0)
    } else {
        (TextEncoding::Windows1252, 0)
    }
}

/// UTF-16 text without a mark: in its first 512 code units, at least a third of the high
/// bytes are NUL and (almost) no low byte is — Latin text in UTF-16 has a NUL beside every
/// ASCII letter, while UTF-8 and Windows-1252 text has no NUL at all.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let many = |n: usize| n * 3 >= units;
    let few = |n: usize| n * 20 <= units;
    if many(odd) && few(even) {
        Some(TextEncoding::Utf16Le)
    } else if many(even) && few(odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Valid UTF-8, except that a sequence cut off by the end of a sample counts as valid.
fn is_utf8_allowing_cut_end(bytes: &[u8]) -> bool {
    // The ASCII head (usually the whole file) is skipped 64 bytes at a time, which the
    // compiler turns into vector ORs: faster than the general check, which tests a
    // word or two per step. The rest starts on a character boundary (after ASCII), so
    // its check decides for the whole.
    let ascii = ascii_prefix_len(bytes);
    match std::str::from_utf8(&bytes[ascii..]) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The length of a prefix of `bytes` that is all ASCII, a multiple of 64 (the ASCII bytes
/// after it are left to the caller's check).
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut done = 0;
    for block in bytes.chunks_exact(64) {
        let mut any = 0u64;
        for w in block.chunks_exact(8) {
            any |= u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        }
        if any & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        done += 64;
    }
    done
}

/// The text of `bytes` as UTF-8 bytes, and the encoding used (`forced`, or detected).
///
/// The byte-order mark is removed. Forced or detected UTF-8 passes the bytes through
/// unchanged, so invalid bytes stay invalid and the importers report those rows instead
/// of guessing; the other encodings replace undecodable input with U+FFFD.
pub fn decode(mut bytes: Vec<u8>, forced: Option<TextEncoding>) -> (Vec<u8>, TextEncoding) {
    let (detected, _) = detect_encoding(&bytes);
    let encoding = forced.unwrap_or(detected);
    let bom = bom_len(&bytes, encoding);
    let mut text = match encoding {
        TextEncoding::Utf8 => {
            bytes.drain(..bom);
            bytes
        }
        other => decode_slice(&bytes[bom..], other).into_bytes(),
    };
    cr_to_lf(&mut text);
    (text, encoding)
}

/// [`decode`] for a reader that wants text: `Ok` with the decoded file when it is UTF-8
/// (a UTF-8 file is checked once here, not once to detect it and again to convert it),
/// else `Err` with the bytes [`decode`] gives (a file cut inside its last character keeps
/// its invalid end for the reader to report).
pub fn decode_to_text(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    let marked = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"].iter().any(|m| bytes.starts_with(m));
    let bytes = if marked || utf16_without_bom(&bytes).is_some() {
        bytes
    } else {
        // Valid UTF-8 is what `detect_encoding` calls UTF-8 when nothing above applies.
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Ok(match normalise_line_ends(&text) {
                    std::borrow::Cow::Borrowed(_) => text,
                    std::borrow::Cow::Owned(lf) => lf,
                })
            }
            Err(e) => e.into_bytes(),
        }
    };
    String::from_utf8(decode(bytes, None).0).map_err(|e| e.into_bytes())
}

/// Whether `bytes` hold a CR, 32 bytes a step by the zero-byte test on words: in the
/// worker's wasm, `contains` tests 8 bytes a step and took longer than checking the
/// file's UTF-8 (65 ms for a 100 MB file). Every line-end check of this module uses it.
fn contains_cr(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let cr = |c: &[u8]| {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ (ONES * b'\r' as u64);
        w.wrapping_sub(ONES) & !w & (ONES << 7)
    };
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        if cr(&b[0..8]) | cr(&b[8..16]) | cr(&b[16..24]) | cr(&b[24..32]) != 0 {
            return true;
        }
    }
    blocks.remainder().contains(&b'\r')
}

/// `text` with CRLF and lone CR turned into LF (see the module doc).
pub fn normalise_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if !contains_cr(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// [`normalise_line_ends`] in place on bytes (ASCII only is touched, so UTF-8 stays
/// valid and invalid bytes stay as they were).
fn cr_to_lf(text: &mut Vec<u8>) {
    if !contains_cr(text) {
        return;
    }
    let mut w = 0;
    for r in 0..text.len() {
        let b = text[r];
        if b == b'\r' && text.get(r + 1) == Some(&b'\n') {
            continue;
        }
        text[w] = if b == b'\r' { b'\n' } else { b };
        w += 1;
    }
    text.truncate(w);
}

/// Like [`decode`] for a borrowed sample (the start of a file for a preview): always
/// valid text, with U+FFFD for bytes that do not decode.
pub fn decode_lossy(bytes: &[u8], forced: Option<TextEncoding>) -> (String, TextEncoding) {
    let (detected, _) = detect_encoding(bytes);
    let encoding = forced.unwrap_or(detected);
    let body = &bytes[bom_len(bytes, encoding)..];
    let text = match encoding {
        TextEncoding::Utf8 => String::from_utf8_lossy(body).into_owned(),
        other => decode_slice(body, other),
    };
    (normalise_line_ends(&text).into_owned(), encoding)
}

/// The length of the byte-order mark at the start of `bytes` that belongs to `encoding`.
fn bom_len(bytes: &[u8], encoding: TextEncoding) -> usize {
    let bom: &[u8] = match encoding {
        TextEncoding::Utf8 => b"\xEF\xBB\xBF",
        TextEncoding::Utf16Le => b"\xFF\xFE",
        TextEncoding::Utf16Be => b"\xFE\xFF",
        TextEncoding::Windows1252 => b"",
    };
    if bytes.starts_with(bom) {
        bom.len()
    } else {
        0
    }
}

fn decode_slice(body: &[u8], encoding: TextEncoding) -> String {
    let codec = match encoding {
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
    };
    codec.decode_without_bom_handling(body).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_cr_finds_a_cr_anywhere() {
        for len in 0..80 {
            let plain = vec![b'a'; len];
            assert!(!contains_cr(&plain));
            for at in 0..len {
                let mut with = plain.clone();
                with[at] = b'\r';
                assert!(contains_cr(&with), "{len} {at}");
                // Bytes next to CR in value (0x0C, 0x0E, 0x8D) are not CRs.
                with[at] = [0x0C, 0x0E, 0x8D][at % 3];
                assert!(!contains_cr(&with), "{len} {at}");
            }
        }
    }

    #[test]
    fn decode_to_text_gives_what_decode_gives() {
        let files: [&[u8]; 10] = [
            b"a,b\nc,d\n",
            b"a,b\r\nc,\xC3\xBC\rx\n",
            b"\xEF\xBB\xBFa,b\r\n",
            b"\xFF\xFEa\0,\0b\0\n\0",
            b"a\0,\0b\0\n\0c\0,\0d\0\n\0",
            b"caf\xE9,b\n",
            b"a,b\nc,\xC3",
            b"a,\xFF\xC3\nc\n",
            b"",
            b"\r\r\n\xE2\x82\xAC",
        ];
        for file in files {
            let (decoded, _) = decode(file.to_vec(), None);
            let text = decode_to_text(file.to_vec());
            assert_eq!(text.clone().map(String::into_bytes).unwrap_or_else(|b| b), decoded, "{file:?}");
            assert_eq!(text.is_ok(), std::str::from_utf8(&decoded).is_ok(), "{file:?}");
        }
    }

    #[test]
    fn the_ascii_skip_decides_as_the_full_check_does() {
        // Non-ASCII text (valid, broken, cut at the end) at every position around the
        // 64-byte blocks the ASCII head is skipped in.
        let tails: [&[u8]; 5] = [b"\xC3\xBC", b"\xFF", b"\xE2\x82", b"\xE2\x82\xAC", b"\xC3x"];
        for at in 0..200 {
            for tail in tails {
                for after in [&b""[..], b"abc"] {
                    let mut bytes = vec![b'a'; at];
                    bytes.extend_from_slice(tail);
                    bytes.extend_from_slice(after);
                    let full = match std::str::from_utf8(&bytes) {
                        Ok(_) => true,
                        Err(e) => e.error_len().is_none(),
                    };
                    assert_eq!(is_utf8_allowing_cut_end(&bytes), full, "{at} {tail:?} {after:?}");
                }
            }
        }
    }

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn boms_and_plain_utf8_are_detected_and_removed() {
        let text = "Fall;Aktivität\n1;Bestellung prüfen\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(bom, None), (text.as_bytes().to_vec(), TextEncoding::Utf8));
        assert_eq!(decode(text.as_bytes().to_vec(), None), (text.as_bytes().to_vec(), TextEncoding::Utf8));
        for le in [true, false] {
            let want = if le { TextEncoding::Utf16Le } else { TextEncoding::Utf16Be };
            for bom in [true, false] {
                assert_eq!(decode(utf16(text, le, bom), None), (text.as_bytes().to_vec(), want), "le {le} bom {bom}");
            }
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        // "Bestellung prüfen" and "Größe 5 €" as a German Excel writes them.
        let bytes = b"case;activity\n1;Bestellung pr\xFCfen\n2;Gr\xF6\xDFe 5 \x80\n".to_vec();
        let (text, enc) = decode(bytes.clone(), None);
        assert_eq!(enc, TextEncoding::Windows1252);
        assert_eq!(String::from_utf8(text).unwrap(), "case;activity\n1;Bestellung prüfen\n2;Größe 5 €\n");
        // Forcing UTF-8 keeps the bytes: the importer then reports those rows.
        assert_eq!(decode(bytes.clone(), Some(TextEncoding::Utf8)), (bytes, TextEncoding::Utf8));
    }

    #[test]
    fn crlf_and_old_mac_line_ends_become_line_feeds() {
        let (text, _) = decode(b"a;b\r1;2\r\n3;4\r".to_vec(), None);
        assert_eq!(text, b"a;b\n1;2\n3;4\n");
        assert_eq!(decode_lossy(b"x\ry", None).0, "x\ny");
    }

    #[test]
    fn a_sample_cut_inside_a_character_is_still_utf8() {
        let text = "a,b\nü".as_bytes();
        assert_eq!(detect_encoding(&text[..text.len() - 1]), (TextEncoding::Utf8, 0));
        assert_eq!(decode_lossy(&text[..text.len() - 1], None).1, TextEncoding::Utf8);
    }

    #[test]
    fn keys_round_trip_and_labels_exist() {
        for e in TextEncoding::ALL {
            assert_eq!(TextEncoding::from_key(e.key()), Some(e));
            assert!(!e.label(Lang::De).is_empty());
        }
        assert_eq!(delimiter_label(b'\t', Lang::De), "Tabulator");
    }
}
