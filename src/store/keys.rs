//! Storage keys. All carry one app prefix, because every GitHub Pages site of a user shares
//! one origin and therefore one local storage.

pub const PREFIX: &str = "journey-studio:";
pub const INDEX: &str = "journey-studio:index";
pub const LANG: &str = "journey-studio:lang";
const MAP: &str = "journey-studio:map:";
const BACKUP: &str = "journey-studio:backup:";
const REVISION: &str = "journey-studio:rev:";

pub fn map_key(id: &str) -> String {
    format!("{MAP}{id}")
}

/// A map's revision record (see `revision.rs`): beside the map, not inside its JSON.
pub fn revision_key(id: &str) -> String {
    format!("{REVISION}{id}")
}

/// The map id of a revision key, if it is one.
pub fn revision_map_id(key: &str) -> Option<&str> {
    key.strip_prefix(REVISION)
}

/// Where the raw text of an unreadable map is kept.
pub fn backup_key(id: &str) -> String {
    format!("{BACKUP}{id}")
}

/// The map id of a map key, if it is one.
pub fn map_id(key: &str) -> Option<&str> {
    key.strip_prefix(MAP)
}

/// Snapshots live apart from their map: `journey-studio:snapshot:<map_id>:<snapshot_id>`.
pub const SNAPSHOT: &str = "journey-studio:snapshot:";

pub fn snapshot_key(map_id: &str, snapshot_id: &str) -> String {
    format!("{SNAPSHOT}{map_id}:{snapshot_id}")
}

/// The prefix of all snapshot keys of one map.
pub fn snapshot_prefix(map_id: &str) -> String {
    format!("{SNAPSHOT}{map_id}:")
}

pub fn is_snapshot_key(key: &str) -> bool {
    key.starts_with(SNAPSHOT)
}

/// The library's key for customer pseudonyms (hex): e-mail addresses in imported files
/// are replaced by their keyed hash under it, so next month's files hash alike.
pub const CUSTOMER_KEY: &str = "journey-studio:customer-key";
