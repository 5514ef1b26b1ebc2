//! Loading and saving the map library: an index of maps plus one key per map.
//!
//! Loading never fails as a whole: each map is read on its own, an unreadable one is
//! copied verbatim to its backup key and reported, and its index entry stays so the next
//! save does not forget it. A damaged index is rebuilt from the map keys, and a map key
//! the index does not name (written by another tab between its two writes) is listed too.
//!
//! Several tabs share the index: a tab writes its own maps' entries and keeps the entries
//! of maps it does not know whose key still exists (another tab made them).

use journey_core::library::Library;
use journey_core::model::schema::{read_stored_map, LoadError};
use journey_core::model::stored::pack_map;
use journey_core::model::JourneyMap;
use serde::{Deserialize, Serialize};

use super::{keys, KeyValue, SetError};

/// Version of the index format (the maps carry their own `schema_version`).
const INDEX_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    pub updated_at: f64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Index {
    schema_version: u32,
    maps: Vec<IndexEntry>,
}

/// A stored map that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub entry: IndexEntry,
    /// `None` when the key held nothing at all.
    pub error: Option<LoadError>,
    pub backup_key: String,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub unreadable: Vec<Unreadable>,
    /// The index was missing or damaged while maps were stored, and was rebuilt.
    pub index_rebuilt: bool,
    /// Nothing was stored at all: the first start of the app in this browser.
    pub first_start: bool,
}

pub fn load_library(kv: &dyn KeyValue) -> Loaded {
    super::timing::measured("load", || read_library(kv))
}

fn read_library(kv: &dyn KeyValue) -> Loaded {
    let mut loaded = Loaded::default();
    let map_keys: Vec<String> = kv.keys().into_iter().filter(|k| keys::map_id(k).is_some()).collect();
    let index = kv.get(keys::INDEX).map(|text| serde_json::from_str::<Index>(&text));
    let entries: Vec<IndexEntry> = match index {
        Some(Ok(index)) if index.schema_version <= INDEX_VERSION => index.maps,
        other => {
            if other.is_none() && map_keys.is_empty() {
                loaded.first_start = true;
                return loaded;
            }
            if let Some(text) = kv.get(keys::INDEX) {
                let _ = kv.set(&keys::backup_key("index"), &text);
            }
            loaded.index_rebuilt = true;
            map_keys
                .iter()
                .filter_map(|k| keys::map_id(k))
                .map(|id| IndexEntry { id: id.to_string(), name: id.to_string(), updated_at: 0.0 })
                .collect()
        }
    };
    let mut entries = entries;
    for id in map_keys.iter().filter_map(|k| keys::map_id(k)) {
        if !entries.iter().any(|e| e.id == id) {
            entries.push(IndexEntry { id: id.to_string(), name: id.to_string(), updated_at: 0.0 });
        }
    }
    for entry in entries {
        let text = kv.get(&keys::map_key(&entry.id));
        match text.as_deref().map(read_stored_map) {
            Some(Ok(map)) if map.id == entry.id => loaded.library.maps.push(map),
            Some(Ok(mut map)) => {
                // The key is the truth: a map copied by hand under another key keeps that key.
                map.id = entry.id.clone();
                loaded.library.maps.push(map);
            }
            Some(Err(error)) => {
                let backup_key = keys::backup_key(&entry.id);
                let raw = text.unwrap_or_default();
                if kv.get(&backup_key).as_deref() != Some(raw.as_str()) {
                    let _ = kv.set(&backup_key, &raw);
                }
                loaded.unreadable.push(Unreadable { entry, error: Some(error), backup_key });
            }
            None => {
                let backup_key = keys::backup_key(&entry.id);
                loaded.unreadable.push(Unreadable { entry, error: None, backup_key });
            }
        }
    }
    loaded
}

/// Writes one map. On failure the previously stored version stays as it was.
pub fn save_map(kv: &dyn KeyValue, map: &JourneyMap) -> Result<(), SetError> {
    super::timing::measured("save", || kv.set(&keys::map_key(&map.id), &pack_map(map)))
}

/// Writes the index of all maps, keeping the entries of unreadable maps.
pub fn save_index(kv: &dyn KeyValue, library: &Library, unreadable: &[Unreadable]) -> Result<(), SetError> {
    save_index_except(kv, library, unreadable, &[])
}

/// The stored index entries, empty when there is no readable index.
pub fn stored_entries(kv: &dyn KeyValue) -> Vec<IndexEntry> {
    kv.get(keys::INDEX)
        .and_then(|text| serde_json::from_str::<Index>(&text).ok())
        .filter(|i| i.schema_version <= INDEX_VERSION)
        .map(|i| i.maps)
        .unwrap_or_default()
}

/// Writes the index: an entry per map of `library`, except that a map in `not_saved`
/// (its write failed) keeps its stored entry, or stays out when it was never stored —
/// a failed save changes nothing stored, the index included. Entries of unreadable maps
/// stay, and so do stored entries of maps this tab does not know whose key exists (made
/// by another tab). Nothing is written when the index would not change.
pub fn save_index_except(
    kv: &dyn KeyValue,
    library: &Library,
    unreadable: &[Unreadable],
    not_saved: &[String],
) -> Result<(), SetError> {
    let stored = stored_entries(kv);
    let stored_entry = |id: &str| stored.iter().find(|e| e.id == id).cloned();
    let mut maps: Vec<IndexEntry> = Vec::new();
    for m in &library.maps {
        if not_saved.iter().any(|id| id == &m.id) {
            maps.extend(stored_entry(&m.id));
        } else {
            maps.push(IndexEntry { id: m.id.clone(), name: m.name.clone(), updated_at: m.updated_at });
        }
    }
    maps.extend(unreadable.iter().map(|u| u.entry.clone()));
    for e in &stored {
        let known = maps.iter().any(|m| m.id == e.id) || library.get(&e.id).is_some();
        if !known && kv.get(&keys::map_key(&e.id)).is_some() {
            maps.push(e.clone());
        }
    }
    if kv.get(keys::INDEX).is_some() && maps == stored {
        return Ok(());
    }
    let index = Index { schema_version: INDEX_VERSION, maps };
    kv.set(keys::INDEX, &serde_json::to_string(&index).expect("index serialises"))
}

/// Removes a map's revision record and its key (the index is saved separately). The
/// record goes first: a save another tab makes in between is refused (its revision is
/// gone) instead of writing the map back.
pub fn delete_map(kv: &dyn KeyValue, id: &str) {
    super::revision::delete_revision(kv, id);
    kv.remove(&keys::map_key(id));
}
