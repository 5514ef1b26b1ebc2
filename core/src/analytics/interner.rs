//! Turns repeated strings (case ids, activity names, channels) into dense `u32` ids, so
//! the million events of a big log carry numbers instead of `String`s.
//!
//! A small open-addressing table of its own rather than a `HashMap<Box<[u8]>, u32>`: the
//! text of every string lives in one arena (no allocation per new case id, and a million
//! lookups compare short slices inline), and each slot carries the string's first eight
//! bytes and its length, so a short id is matched (or rejected) by the slot alone.

use super::fast_hash::padded_word;

/// One slot of the table: the string's first eight bytes (zero-padded), its length and
/// its id + 1 (0: empty). Case ids are mostly short (`C123456`, an order number): for
/// those the slot alone decides a match, so a lookup touches one cache line instead of
/// three (slot, span, text) — with 160k cases the table is far bigger than the cache.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    head: u64,
    id1: u32,
    len: u32,
}

#[derive(Debug, Clone)]
pub struct Interner {
    /// All strings back to back.
    arena: Vec<u8>,
    /// Per id: start and length in `arena`.
    spans: Vec<(u32, u32)>,
    /// Open addressing, linear probing; length is a power of two.
    table: Vec<Slot>,
    /// The last string looked up (empty slot before the first): logs are often grouped
    /// by case, so the same case id arrives many times in a row.
    last: Slot,
    /// Strings looked up lately, direct-mapped by hash (empty until the table outgrows
    /// the cache): a log sorted by time interleaves the cases that are open at that
    /// time, a few thousand at most, so most lookups of a big log hit this small table
    /// and skip the cache miss in the big one.
    recent: Vec<Slot>,
    /// Names were added by [`Interner::absorb_unindexed`] without a slot: the table is
    /// rebuilt before the next lookup.
    stale: bool,
}

/// Slots in `recent` (16 bytes each: 64 KB, about a core's L2 share).
const RECENT: usize = 4096;

/// The first eight bytes, zero-padded (with the length, it tells short strings apart).
#[inline]
fn head(bytes: &[u8]) -> u64 {
    if bytes.len() >= 8 {
        word(bytes)
    } else {
        padded_word(bytes)
    }
}

/// The first eight bytes of a string of at least eight.
#[inline]
fn word(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// The last eight bytes of a string of at least eight.
#[inline]
fn tail(bytes: &[u8]) -> u64 {
    word(&bytes[bytes.len() - 8..])
}

/// The table's hash of a string whose head is `h8`: word-at-a-time multiply-rotate (as
/// `fast_hash`), the last word read overlapping instead of padded, then the SplitMix64
/// finaliser so the low bits that pick a slot depend on every byte.
#[inline]
fn hash(bytes: &[u8], h8: u64) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(SEED);
    let mut h = add(bytes.len() as u64, h8);
    if bytes.len() > 8 {
        let mut rest = &bytes[8..];
        while rest.len() > 8 {
            h = add(h, word(rest));
            rest = &rest[8..];
        }
        h = add(h, tail(bytes));
    }
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Default for Interner {
    fn default() -> Self {
        Interner::new()
    }
}

impl Interner {
    pub fn new() -> Self {
        Interner { arena: Vec::new(), spans: Vec::new(), table: vec![Slot::default(); 16], last: Slot::default(), recent: Vec::new(), stale: false }
    }

    #[inline]
    fn text(&self, id: u32) -> &[u8] {
        let (start, len) = self.spans[id as usize];
        &self.arena[start as usize..(start + len) as usize]
    }

    /// Whether `slot` holds `bytes` (whose head is `h8`). Always inlined: it runs up to
    /// three times per row (last, recent, table), and as a call (the compiler's choice
    /// under `#[inline]`) its entry and exit cost more than the compare of a short id.
    #[inline(always)]
    fn holds(&self, slot: Slot, bytes: &[u8], h8: u64) -> bool {
        if slot.id1 == 0 || slot.head != h8 || slot.len as usize != bytes.len() {
            return false;
        }
        let n = bytes.len();
        if n <= 8 {
            return true;
        }
        // The rest word by word, the last word read overlapping: inline compares instead
        // of a call to compare slices (short names, GA4's 20-byte customer ids).
        let text = self.text(slot.id1 - 1);
        let mut i = 8;
        while i + 8 <= n {
            if word(&text[i..]) != word(&bytes[i..]) {
                return false;
            }
            i += 8;
        }
        i == n || tail(text) == tail(bytes)
    }

    /// The id of `bytes`, or the empty slot of the table where it would go.
    #[inline]
    fn find(&mut self, bytes: &[u8], h8: u64) -> Result<u32, usize> {
        if self.holds(self.last, bytes, h8) {
            return Ok(self.last.id1 - 1);
        }
        let h = hash(bytes, h8) as usize;
        let r = h & (RECENT - 1);
        if let Some(&slot) = self.recent.get(r) {
            if self.holds(slot, bytes, h8) {
                self.last = slot;
                return Ok(slot.id1 - 1);
            }
        }
        let mask = self.table.len() - 1;
        let mut i = h & mask;
        loop {
            let slot = self.table[i];
            if slot.id1 == 0 {
                return Err(i);
            }
            if self.holds(slot, bytes, h8) {
                if let Some(cached) = self.recent.get_mut(r) {
                    *cached = slot;
                }
                self.last = slot;
                return Ok(slot.id1 - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `bytes` if it was interned before (nothing is added).
    #[inline]
    pub fn get(&mut self, bytes: &[u8]) -> Option<u32> {
        if self.stale {
            self.reindex();
        }
        self.find(bytes, head(bytes)).ok()
    }

    /// The id of `bytes`, adding it if new. `None` when new bytes are not UTF-8 (known
    /// ones were checked when first added).
    #[inline]
    pub fn intern(&mut self, bytes: &[u8]) -> Option<u32> {
        if self.stale {
            self.reindex();
        }
        let h8 = head(bytes);
        match self.find(bytes, h8) {
            Ok(id) => Some(id),
            Err(i) => self.insert(bytes, h8, i),
        }
    }

    /// Adds the strings of `other` in its id order (the order a reader of the rows after
    /// `other`'s would have met them in) and returns, per id of `other`, the id here.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn absorb(&mut self, other: &Interner) -> Vec<u32> {
        if self.stale {
            self.reindex();
        }
        (0..other.spans.len() as u32)
            .map(|id| {
                let bytes = other.text(id);
                let h8 = head(bytes);
                match self.find(bytes, h8) {
                    Ok(known) => known,
                    // `other` checked its strings when it added them: `insert` cannot refuse.
                    Err(i) => self.insert(bytes, h8, i).unwrap_or(u32::MAX),
                }
            })
            .collect()
    }

    /// As [`Interner::absorb`], for when few lookups or none follow (the last part of a
    /// file): the new names get ids but no slots, which saves a write and, past three
    /// quarters full, the table's growth. A later lookup first rebuilds the table.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn absorb_unindexed(&mut self, other: &Interner) -> Vec<u32> {
        if self.stale {
            self.reindex();
        }
        (0..other.spans.len() as u32)
            .map(|id| {
                let bytes = other.text(id);
                match self.find(bytes, head(bytes)) {
                    Ok(known) => known,
                    // Names within `other` differ, so a new one cannot be met twice.
                    Err(_) => {
                        self.stale = true;
                        self.spans.push((self.arena.len() as u32, bytes.len() as u32));
                        self.arena.extend_from_slice(bytes);
                        self.spans.len() as u32 - 1
                    }
                }
            })
            .collect()
    }

    /// A table with a slot for every name (after [`Interner::absorb_unindexed`]).
    #[cold]
    fn reindex(&mut self) {
        self.stale = false;
        let mut size = 16;
        while self.spans.len() * 4 > size * 3 {
            size *= 2;
        }
        let mut table = vec![Slot::default(); size];
        for (id, &(start, len)) in self.spans.iter().enumerate() {
            let text = &self.arena[start as usize..(start + len) as usize];
            let mut i = hash(text, head(text)) as usize & (size - 1);
            while table[i].id1 != 0 {
                i = (i + 1) & (size - 1);
            }
            table[i] = Slot { head: head(text), id1: id as u32 + 1, len };
        }
        self.table = table;
        self.last = Slot::default();
        if self.table.len() > 4 * RECENT {
            self.recent = vec![Slot::default(); RECENT];
        }
    }

    /// Adds `bytes` at the empty slot `i` of the table; returns its id.
    fn insert(&mut self, bytes: &[u8], h8: u64, i: usize) -> Option<u32> {
        // ASCII (most ids) is checked inline, word-wise; only other text pays the call.
        if !bytes.is_ascii() {
            std::str::from_utf8(bytes).ok()?;
        }
        let id = self.spans.len() as u32;
        self.spans.push((self.arena.len() as u32, bytes.len() as u32));
        self.arena.extend_from_slice(bytes);
        let slot = Slot { head: h8, id1: id + 1, len: bytes.len() as u32 };
        self.table[i] = slot;
        self.last = slot;
        if let Some(cached) = self.recent.get_mut(hash(bytes, h8) as usize & (RECENT - 1)) {
            *cached = slot;
        }
        // Keep the table at most three quarters full: probe chains stay short, and a
        // smaller table means fewer cache misses for a log with many cases.
        if self.spans.len() * 4 > self.table.len() * 3 {
            self.grow();
        }
        Some(id)
    }

    fn grow(&mut self) {
        let mut table = vec![Slot::default(); self.table.len() * 2];
        let mask = table.len() - 1;
        let mut put = |slot: Slot, h: u64| {
            let mut i = h as usize & mask;
            while table[i].id1 != 0 {
                i = (i + 1) & mask;
            }
            table[i] = slot;
        };
        // Names of up to eight bytes are hashed from their slot alone (head and length), so
        // they are moved in the old table's order: a slot's new place is next to its old
        // one or one old length further, and both tables are walked nearly in sequence
        // instead of one random write per name (a cache miss each, with 100k+ cases).
        for &slot in self.table.iter().filter(|s| s.id1 != 0 && s.len <= 8) {
            put(slot, hash(&[0u8; 8][..slot.len as usize], slot.head));
        }
        // Longer names need their text: read in id order (the arena in sequence).
        for (id, &(start, len)) in self.spans.iter().enumerate() {
            if len > 8 {
                let text = &self.arena[start as usize..(start + len) as usize];
                put(Slot { head: head(text), id1: id as u32 + 1, len }, hash(text, head(text)));
            }
        }
        self.table = table;
        if self.table.len() > 4 * RECENT && self.recent.is_empty() {
            self.recent = vec![Slot::default(); RECENT];
        }
    }

    /// The strings by id. Each was checked to be UTF-8 when added, so their concatenation
    /// (the arena) is too: one check for all of them instead of one call per name (160k
    /// case ids), and each name is a slice of it (every span starts and ends on a
    /// character boundary).
    pub fn into_names(self) -> Vec<String> {
        match std::str::from_utf8(&self.arena) {
            Ok(all) => self.spans.iter().map(|&(start, len)| all[start as usize..(start + len) as usize].to_string()).collect(),
            // Not reached (see above); kept lossy rather than a panic.
            Err(_) => (0..self.spans.len() as u32).map(|id| String::from_utf8_lossy(self.text(id)).into_owned()).collect(),
        }
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
    fn absorbing_gives_the_ids_one_interner_would_have_given() {
        // Short and long names; the second half repeats some of the first's (C11000..C12999).
        let name = |k: u32| if k % 3 == 0 { format!("customer-{k}-session") } else { format!("C{k}") };
        let a: Vec<String> = (0..20_000).map(|n| name(n * 7 % 13_000)).collect();
        let b: Vec<String> = (0..20_000).map(|n| name(n % 9_000 + 11_000)).collect();
        let mut whole = Interner::new();
        let ids: Vec<u32> = a.iter().chain(&b).map(|s| whole.intern(s.as_bytes()).unwrap()).collect();
        let (mut first, mut second) = (Interner::new(), Interner::new());
        let first_ids: Vec<u32> = a.iter().map(|s| first.intern(s.as_bytes()).unwrap()).collect();
        let second_ids: Vec<u32> = b.iter().map(|s| second.intern(s.as_bytes()).unwrap()).collect();
        let remap = first.absorb(&second);
        let merged: Vec<u32> = first_ids.into_iter().chain(second_ids.iter().map(|&i| remap[i as usize])).collect();
        assert_eq!(merged, ids);
        // Without slots for the new names: the same ids, and lookups after it still work.
        let mut unindexed = Interner::new();
        let first_ids: Vec<u32> = a.iter().map(|s| unindexed.intern(s.as_bytes()).unwrap()).collect();
        let remap = unindexed.absorb_unindexed(&second);
        let merged2: Vec<u32> = first_ids.into_iter().chain(second_ids.iter().map(|&i| remap[i as usize])).collect();
        assert_eq!(merged2, ids);
        for (s, &id) in a.iter().chain(&b).zip(&ids) {
            assert_eq!(unindexed.get(s.as_bytes()), Some(id), "{s}");
        }
        assert_eq!(unindexed.intern(b"new one"), whole.intern(b"new one"));
        assert_eq!(first.intern(b"new one"), whole.intern(b"new one"));
        let names = whole.into_names();
        assert_eq!(first.into_names(), names);
        assert_eq!(unindexed.into_names(), names);
    }

    #[test]
    fn head_is_the_zero_padded_first_eight_bytes() {
        let text = b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\xff";
        for n in 0..=text.len() {
            let mut padded = [0u8; 8];
            let k = n.min(8);
            padded[..k].copy_from_slice(&text[..k]);
            assert_eq!(head(&text[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    #[test]
    fn short_and_long_names_mixed_survive_growth() {
        // Growth moves short names by their slots and long ones by their text: both
        // kinds must still be found under their ids afterwards.
        let name = |n: u32| if n % 3 == 0 { format!("customer-{n}-session") } else { format!("C{n}") };
        let mut i = Interner::new();
        for n in 0..40_000 {
            assert_eq!(i.intern(name(n).as_bytes()), Some(n));
        }
        for n in (0..40_000).rev() {
            assert_eq!(i.get(name(n).as_bytes()), Some(n), "{}", name(n));
        }
        assert_eq!(i.get(b"C40000"), None);
        assert_eq!(i.get(b"customer-40000-session"), None);
    }

    #[test]
    fn many_strings_survive_growth() {
        let mut i = Interner::new();
        // Past 4 × RECENT slots, so the recent-lookups table is in use too.
        for n in 0..30_000 {
            assert_eq!(i.intern(format!("C{n}").as_bytes()), Some(n));
        }
        assert!(!i.recent.is_empty());
        for n in (0..30_000).rev().chain(0..30_000).chain((0..30_000).step_by(7)) {
            assert_eq!(i.intern(format!("C{n}").as_bytes()), Some(n));
            assert_eq!(i.get(format!("C{n}x").as_bytes()), None);
        }
        assert_eq!(i.into_names()[9_999], "C9999");
    }

    #[test]
    fn long_strings_with_one_head_and_zero_padding_are_told_apart() {
        let mut i = Interner::new();
        assert_eq!(i.get(b""), None);
        let names: Vec<&[u8]> = vec![b"12345678.a", b"12345678.b", b"12345678", b"1234567", b"1234567\0", b"", b"\0", b"12345678.a1", b"12345678abcdefgh", b"12345678abcdefgi", b"12345678abcdefghi", b"12345678abcdefgHi", b"1234567Xabcdefgh", b"12345678abcdefgh12345678abcdefgh1", b"12345678abcdefgh12345678abcdefgh2", b"12345678abcdefgh12345678abcdefgX1"];
        for (n, s) in names.iter().enumerate() {
            assert_eq!(i.intern(s), Some(n as u32), "{s:?}");
        }
        for (n, s) in names.iter().enumerate().rev() {
            assert_eq!(i.get(s), Some(n as u32), "{s:?}");
            assert_eq!(i.intern(s), Some(n as u32), "{s:?}");
        }
        assert_eq!(i.get(b"12345678.c"), None);
    }
}
