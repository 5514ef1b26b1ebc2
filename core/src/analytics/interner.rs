//! Turns repeated strings (case ids, activity names, channels) into dense `u32` ids, so
//! the million events of a big log carry numbers instead of `String`s.
//!
//! A small open-addressing table of its own rather than a `HashMap<Box<[u8]>, u32>`: the
//! text of every string lives in one arena (no allocation per new case id, and a million
//! lookups compare short slices inline), and each slot carries 32 bits of the hash so
//! most mismatches are rejected without touching the text.

use std::hash::Hasher;

use super::fast_hash::FastHasher;

#[derive(Debug, Clone)]
pub struct Interner {
    /// All strings back to back.
    arena: Vec<u8>,
    /// Per id: start and length in `arena`.
    spans: Vec<(u32, u32)>,
    /// Slots: `(hash >> 32) << 32 | (id + 1)`, 0 when empty. Length is a power of two.
    table: Vec<u64>,
    /// The last string looked up and its id (`u32::MAX` before the first): logs are often
    /// grouped by case, so the same case id arrives many times in a row.
    last: Vec<u8>,
    last_id: u32,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = FastHasher::default();
    h.write(bytes);
    h.finish()
}

impl Interner {
    pub fn new() -> Self {
        Interner { arena: Vec::new(), spans: Vec::new(), table: vec![0; 16], last: Vec::new(), last_id: u32::MAX }
    }

    #[inline]
    fn text(&self, id: u32) -> &[u8] {
        let (start, len) = self.spans[id as usize];
        &self.arena[start as usize..(start + len) as usize]
    }

    /// The id of `bytes`, adding it if new. `None` when new bytes are not UTF-8 (known
    /// ones were checked when first added).
    #[inline]
    pub fn intern(&mut self, bytes: &[u8]) -> Option<u32> {
        if self.last_id != u32::MAX && self.last == bytes {
            return Some(self.last_id);
        }
        let h = hash(bytes);
        let tag = h & 0xFFFF_FFFF_0000_0000;
        let mask = self.table.len() - 1;
        let mut i = h as usize & mask;
        let id = loop {
            let slot = self.table[i];
            if slot == 0 {
                let id = self.insert(bytes, i, tag)?;
                break id;
            }
            let id = (slot as u32).wrapping_sub(1);
            if slot & 0xFFFF_FFFF_0000_0000 == tag && self.text(id) == bytes {
                break id;
            }
            i = (i + 1) & mask;
        };
        self.last.clear();
        self.last.extend_from_slice(bytes);
        self.last_id = id;
        Some(id)
    }

    fn insert(&mut self, bytes: &[u8], slot: usize, tag: u64) -> Option<u32> {
        std::str::from_utf8(bytes).ok()?;
        let id = self.spans.len() as u32;
        self.spans.push((self.arena.len() as u32, bytes.len() as u32));
        self.arena.extend_from_slice(bytes);
        self.table[slot] = tag | (id as u64 + 1);
        // Keep the table at most three quarters full: probe chains stay short, and a
        // smaller table means fewer cache misses for a log with many cases.
        if self.spans.len() * 4 > self.table.len() * 3 {
            self.grow();
        }
        Some(id)
    }

    fn grow(&mut self) {
        let mut table = vec![0u64; self.table.len() * 2];
        let mask = table.len() - 1;
        for id in 0..self.spans.len() as u32 {
            let h = hash(self.text(id));
            let mut i = h as usize & mask;
            while table[i] != 0 {
                i = (i + 1) & mask;
            }
            table[i] = (h & 0xFFFF_FFFF_0000_0000) | (id as u64 + 1);
        }
        self.table = table;
    }

    pub fn into_names(self) -> Vec<String> {
        (0..self.spans.len() as u32)
            .map(|id| String::from_utf8_lossy(self.text(id)).into_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_string_same_id_and_names_kept_in_order() {
        let mut i = Interner::new();
        assert_eq!(i.intern(b"b"), Some(0));
        assert_eq!(i.intern(b"a"), Some(1));
        assert_eq!(i.intern(b"a"), Some(1));
        assert_eq!(i.intern(b"b"), Some(0));
        assert_eq!(i.intern(b"\xff"), None);
        assert_eq!(i.intern(b""), Some(2));
        assert_eq!(i.into_names(), vec!["b".to_string(), "a".to_string(), String::new()]);
    }

    #[test]
    fn many_strings_survive_growth() {
        let mut i = Interner::new();
        for n in 0..10_000 {
            assert_eq!(i.intern(format!("C{n}").as_bytes()), Some(n));
        }
        for n in (0..10_000).rev() {
            assert_eq!(i.intern(format!("C{n}").as_bytes()), Some(n));
        }
        assert_eq!(i.into_names()[9_999], "C9999");
    }
}
