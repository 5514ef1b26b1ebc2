//! Storage keys. All carry one app prefix, because every GitHub Pages site of a user shares
//! one origin and therefore one local storage.

pub const PREFIX: &str = "journey-studio:";
pub const INDEX: &str = "journey-studio:index";
pub const LANG: &str = "journey-studio:lang";
const MAP: &str = "journey-studio:map:";
const BACKUP: &str = "journey-studio:backup:";

pub fn map_key(id: &str) -> String {
    format!("{MAP}{id}")
}

/// Where the raw text of an unreadable map is kept.
pub fn backup_key(id: &str) -> String {
    format!("{BACKUP}{id}")
}

/// The map id of a map key, if it is one.
pub fn map_id(key: &str) -> Option<&str> {
    key.strip_prefix(MAP)
}
