//! Helpers shared by the browser tests (each test file is its own crate and takes this
//! module with `mod common;`).

/// `n` letters from xorshift32: text that deflate cannot shrink much (maps are stored
/// packed, so a test that must exceed a quota needs text that stays large).
pub fn noise(n: usize) -> String {
    let mut x: u32 = 2_463_534_242;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect()
}
