//! Turns repeated strings (case ids, activity names, channels) into dense `u32` ids, so
//! the million events of a big log carry numbers instead of `String`s. A string is
//! allocated once, on first sight.

use super::fast_hash::{new_map, FastMap};

#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: FastMap<Box<[u8]>, u32>,
    names: Vec<String>,
    /// The last string looked up: logs are usually grouped by case, so the same case id
    /// arrives many times in a row and this skips the hash lookup.
    last: Option<(Box<[u8]>, u32)>,
}

impl Interner {
    pub fn new() -> Self {
        Interner { ids: new_map(), names: Vec::new(), last: None }
    }

    /// The id of `bytes`, adding it if new. `None` when the bytes are not UTF-8 (only
    /// checked for new strings; known ones were valid when first added).
    #[inline]
    pub fn intern(&mut self, bytes: &[u8]) -> Option<u32> {
        if let Some((last, id)) = &self.last {
            if **last == *bytes {
                return Some(*id);
            }
        }
        let id = match self.ids.get(bytes) {
            Some(&id) => id,
            None => {
                let text = std::str::from_utf8(bytes).ok()?;
                let id = self.names.len() as u32;
                self.names.push(text.to_string());
                self.ids.insert(bytes.into(), id);
                id
            }
        };
        match &mut self.last {
            // Reuse the buffer when it fits, to avoid an allocation per case change.
            Some((buf, last_id)) if buf.len() == bytes.len() => {
                buf.copy_from_slice(bytes);
                *last_id = id;
            }
            slot => *slot = Some((bytes.into(), id)),
        }
        Some(id)
    }

    pub fn into_names(self) -> Vec<String> {
        self.names
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
        assert_eq!(i.into_names(), vec!["b".to_string(), "a".to_string()]);
    }
}
