//! How a fuzz input is split: the first byte chooses the options a user could pick
//! (encoding, delimiter, chunk sizes), the rest is the file. Also used by
//! core/tests/fuzz_regressions.rs through `#[path]`.

use journey_core::text_file::{CsvOptions, TextEncoding, DELIMITERS};

/// Splits off one control byte: `None` when the input is empty.
pub fn split_control(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(c, rest)| (*c, rest))
}

/// Encoding and delimiter from the low bits of the control byte: mostly "detect", so
/// the detection itself is fuzzed, sometimes a user's choice.
pub fn csv_options(control: u8) -> CsvOptions {
    let encoding = match control & 0b111 {
        0..=3 => None,
        n => Some(TextEncoding::ALL[(n - 4) as usize]),
    };
    let delimiter = match (control >> 3) & 0b111 {
        0..=4 => None,
        n => Some(DELIMITERS[(n - 5) as usize]),
    };
    CsvOptions { encoding, delimiter }
}

/// Two or three row budgets for the incremental import, from the high bits.
pub fn chunk_rows(control: u8) -> Vec<usize> {
    let a = 1 + (control >> 6) as usize;
    if control & 0x20 == 0 {
        vec![a, a + 1]
    } else {
        vec![a, 2, a * 2]
    }
}
