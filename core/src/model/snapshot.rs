//! Snapshots: a named, timestamped copy of a map, stored apart from the map itself so that
//! they never bloat the map's autosaved JSON. Versioned JSON of its own; the map inside is
//! read through [`super::schema::map_from_value`], so old maps in old snapshots migrate.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::schema::{map_from_value, LoadError};
use super::{JourneyMap, Lang};

/// Version of the snapshot envelope (the map inside carries its own `schema_version`).
pub const SNAPSHOT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub id: String,
    pub map_id: String,
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub taken_at: f64,
    pub map: JourneyMap,
}

/// What a list of snapshots needs, read without building the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotHeader {
    pub id: String,
    pub map_id: String,
    pub name: String,
    pub taken_at: f64,
    /// Size of the stored JSON in characters (for the storage meter).
    #[serde(skip)]
    pub size: usize,
}

#[derive(Serialize)]
struct Envelope<'a> {
    snapshot_version: u32,
    id: &'a str,
    map_id: &'a str,
    name: &'a str,
    taken_at: f64,
    map: &'a JourneyMap,
}

#[derive(Deserialize)]
struct HeaderOnly {
    snapshot_version: u32,
    id: String,
    map_id: String,
    name: String,
    taken_at: f64,
}

/// Why a stored snapshot could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotError {
    /// The envelope is damaged or not a snapshot.
    Invalid(String),
    NewerVersion { found: u32, supported: u32 },
    /// The map inside could not be read.
    Map(LoadError),
}

impl SnapshotError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SnapshotError::Invalid(d), Lang::En) => format!("Not a readable snapshot: {d}"),
            (SnapshotError::Invalid(d), Lang::De) => format!("Kein lesbarer Schnappschuss: {d}"),
            (SnapshotError::NewerVersion { found, supported }, Lang::En) => {
                format!("Snapshot format {found} is newer than this app reads ({supported}).")
            }
            (SnapshotError::NewerVersion { found, supported }, Lang::De) => {
                format!("Schnappschuss-Format {found} ist neuer, als diese App lesen kann ({supported}).")
            }
            (SnapshotError::Map(e), _) => e.message(lang),
        }
    }
}

impl Snapshot {
    /// A snapshot of `map` as it is now.
    pub fn take(id: impl Into<String>, name: &str, map: &JourneyMap, now_ms: f64) -> Snapshot {
        Snapshot { id: id.into(), map_id: map.id.clone(), name: name.trim().to_string(), taken_at: now_ms, map: map.clone() }
    }

    pub fn to_json(&self) -> String {
        let envelope = Envelope {
            snapshot_version: SNAPSHOT_VERSION,
            id: &self.id,
            map_id: &self.map_id,
            name: &self.name,
            taken_at: self.taken_at,
            map: &self.map,
        };
        serde_json::to_string(&envelope).expect("a snapshot always serialises")
    }

    /// The snapshot's map as a new map of the library: new id, the given name, created now.
    /// Touchpoint ids stay, so the copy can be compared with the snapshot and the original.
    pub fn restore_as_copy(&self, new_id: impl Into<String>, name: &str, now_ms: f64) -> JourneyMap {
        self.map.duplicate(new_id, name.trim(), now_ms)
    }
}

fn check_version(found: u32) -> Result<(), SnapshotError> {
    if found > SNAPSHOT_VERSION {
        Err(SnapshotError::NewerVersion { found, supported: SNAPSHOT_VERSION })
    } else {
        Ok(())
    }
}

/// Reads a whole snapshot.
pub fn parse_snapshot(text: &str) -> Result<Snapshot, SnapshotError> {
    let header = parse_header(text)?;
    let mut value: Value = serde_json::from_str(text).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
    let map_value = value.get_mut("map").map(Value::take).ok_or_else(|| SnapshotError::Invalid("map: missing".into()))?;
    let map = map_from_value(map_value).map_err(SnapshotError::Map)?;
    Ok(Snapshot { id: header.id, map_id: header.map_id, name: header.name, taken_at: header.taken_at, map })
}

/// Reads only the name, time and ids of a stored snapshot (for lists).
pub fn parse_header(text: &str) -> Result<SnapshotHeader, SnapshotError> {
    let h: HeaderOnly = serde_json::from_str(text).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
    check_version(h.snapshot_version)?;
    Ok(SnapshotHeader { id: h.id, map_id: h.map_id, name: h.name, taken_at: h.taken_at, size: text.chars().count() })
}

/// The oldest snapshots whose removal frees at least `chars_to_free` (sizes from the
/// headers), oldest first. Offered to the user near the storage quota, never applied alone.
pub fn oldest_to_free(headers: &[SnapshotHeader], chars_to_free: usize) -> Vec<SnapshotHeader> {
    let mut sorted: Vec<&SnapshotHeader> = headers.iter().collect();
    sorted.sort_by(|a, b| a.taken_at.total_cmp(&b.taken_at));
    let mut freed = 0;
    let mut out = Vec::new();
    for h in sorted {
        if freed >= chars_to_free {
            break;
        }
        freed += h.size;
        out.push(h.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    fn map() -> JourneyMap {
        let mut m = JourneyMap::blank("m1", "Shop", 1.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "Ad", Channel::SocialMedia).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(1));
        m
    }

    #[test]
    fn round_trips_and_reads_header_alone() {
        let snap = Snapshot::take("s1", " Before relaunch ", &map(), 5.0);
        let text = snap.to_json();
        assert_eq!(parse_snapshot(&text).unwrap(), snap);
        let h = parse_header(&text).unwrap();
        assert_eq!((h.name.as_str(), h.map_id.as_str(), h.taken_at), ("Before relaunch", "m1", 5.0));
        assert_eq!(h.size, text.chars().count());
    }

    #[test]
    fn damaged_or_newer_snapshots_are_refused_with_a_reason() {
        assert!(matches!(parse_snapshot("{"), Err(SnapshotError::Invalid(_))));
        let newer = Snapshot::take("s", "n", &map(), 1.0).to_json().replace("\"snapshot_version\":1", "\"snapshot_version\":9");
        assert_eq!(parse_snapshot(&newer), Err(SnapshotError::NewerVersion { found: 9, supported: 1 }));
        let broken_map = Snapshot::take("s", "n", &map(), 1.0).to_json().replace(&format!("\"schema_version\":{}", crate::model::schema::SCHEMA_VERSION), "\"schema_version\":\"x\"");
        let err = parse_snapshot(&broken_map).unwrap_err();
        assert!(err.message(Lang::En).contains("schema_version"), "{err:?}");
    }

    #[test]
    fn restore_keeps_touchpoint_ids_under_a_new_map_id() {
        let snap = Snapshot::take("s", "n", &map(), 1.0);
        let copy = snap.restore_as_copy("m2", "Shop (restored)", 9.0);
        assert_eq!(copy.id, "m2");
        assert_eq!(copy.name, "Shop (restored)");
        assert_eq!(copy.touchpoints, snap.map.touchpoints);
    }

    #[test]
    fn oldest_snapshots_are_offered_until_enough_is_freed() {
        let h = |id: &str, at: f64, size: usize| SnapshotHeader { id: id.into(), map_id: "m".into(), name: id.into(), taken_at: at, size };
        let all = [h("new", 3.0, 100), h("old", 1.0, 100), h("mid", 2.0, 100)];
        let ids: Vec<String> = oldest_to_free(&all, 150).into_iter().map(|h| h.id).collect();
        assert_eq!(ids, ["old", "mid"]);
        assert!(oldest_to_free(&all, 0).is_empty());
    }
}
