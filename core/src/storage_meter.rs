//! How much of the browser's local storage the app uses. Browsers limit local storage per
//! origin to about 5 million UTF-16 code units (keys and values together); the exact quota
//! cannot be asked for, so the meter compares with that estimate and warns early.

/// The estimated quota in UTF-16 code units (about 5 MB of mostly-ASCII JSON).
pub const ESTIMATED_QUOTA: usize = 5 * 1024 * 1024;
/// From this share on, the app offers to export a backup and to drop old snapshots.
pub const NEAR_QUOTA_SHARE: f64 = 0.8;

/// The size a key and its value take, in UTF-16 code units (what browsers count).
pub fn entry_size(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUsage {
    pub used: usize,
    pub quota: usize,
    /// Part of it taken by snapshots.
    pub snapshots: usize,
}

impl StorageUsage {
    pub fn share(&self) -> f64 {
        if self.quota == 0 {
            1.0
        } else {
            self.used as f64 / self.quota as f64
        }
    }

    pub fn near_quota(&self) -> bool {
        self.share() >= NEAR_QUOTA_SHARE
    }

    /// How much to free to get back under the warning line.
    pub fn excess(&self) -> usize {
        let line = (self.quota as f64 * NEAR_QUOTA_SHARE) as usize;
        self.used.saturating_sub(line)
    }
}

/// Adds up `(key, value)` pairs; `is_snapshot` tells which keys hold snapshots.
pub fn measure<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>, is_snapshot: impl Fn(&str) -> bool, quota: usize) -> StorageUsage {
    let mut usage = StorageUsage { used: 0, quota, snapshots: 0 };
    for (k, v) in entries {
        let size = entry_size(k, v);
        usage.used += size;
        if is_snapshot(k) {
            usage.snapshots += size;
        }
    }
    usage
}

/// A size for people: "820 KB", "1.4 MB" (decimal comma in German).
pub fn human_size(units: usize, lang: crate::model::Lang) -> String {
    let kb = units as f64 / 1024.0;
    if kb < 1000.0 {
        format!("{} KB", crate::locale::plain(kb.ceil(), 0, lang))
    } else {
        format!("{} MB", crate::locale::plain(kb / 1024.0, 1, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn counts_utf16_units_and_warns_near_the_quota() {
        assert_eq!(entry_size("ab", "ä😀"), 2 + 1 + 2);
        let entries = [("journey-studio:map:a", "x".repeat(700)), ("journey-studio:snapshot:a:1", "y".repeat(100))];
        let u = measure(entries.iter().map(|(k, v)| (*k, v.as_str())), |k| k.contains(":snapshot:"), 1000);
        assert_eq!(u.used, 20 + 700 + 27 + 100);
        assert_eq!(u.snapshots, 127);
        assert!(u.near_quota());
        assert_eq!(u.excess(), 47);
        let small = StorageUsage { used: 10, quota: 1000, snapshots: 0 };
        assert!(!small.near_quota());
        assert_eq!(small.excess(), 0);
        assert_eq!(human_size(2048, Lang::En), "2 KB");
        assert_eq!(human_size(3 * 1024 * 1024 / 2, Lang::De), "1,5 MB");
    }
}
