//! A small multiplicative hasher for hash maps keyed by short byte strings and integer ids.
//! std's SipHash is DoS-resistant but several times slower for the million lookups an
//! import does; the keys here come from the user's own file, so that resistance buys
//! nothing.

use std::hash::{BuildHasherDefault, Hasher};

/// Word-at-a-time multiply-rotate hashing (the same idea as rustc's Fx hash).
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(padded_word(rest));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// hashbrown picks buckets from the low bits, but a product's low bits only depend on
    /// the operands' low bits (e.g. the constant "C1" prefix of `C123456`), so the state is
    /// mixed once more (the SplitMix64 finaliser) to spread the high bits down.
    #[inline]
    fn finish(&self) -> u64 {
        let mut z = self.hash;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Up to eight bytes as a little-endian word, zero-padded — read as whole words, not
/// through a byte buffer: a copy of a variable length is a call to `memcpy` (and a
/// store-forwarding stall) per hashed string, which cost the importer a fifth of its
/// interning time.
#[inline]
pub fn padded_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    debug_assert!(n <= 8);
    if n == 8 {
        u64::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]])
    } else if n >= 4 {
        // Two overlapping four-byte reads; the overlap holds equal bytes, so `|` keeps them.
        let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as u64;
        let t = &bytes[n - 4..];
        let hi = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as u64;
        lo | (hi << ((n - 4) * 8))
    } else if n > 0 {
        bytes[0] as u64 | (bytes[n / 2] as u64) << (n / 2 * 8) | (bytes[n - 1] as u64) << ((n - 1) * 8)
    } else {
        0
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

pub fn new_map<K, V>() -> FastMap<K, V> {
    FastMap::default()
}
