//! Snapshots in local storage, one key per snapshot (see [`keys::snapshot_key`]), so that the
//! autosaved map JSON never grows with them. Like maps, a stored snapshot that does not read
//! is reported and left untouched; a failed write changes nothing.

use journey_core::model::snapshot::{oldest_to_free, parse_header, parse_snapshot, Snapshot, SnapshotError, SnapshotHeader};
use journey_core::storage_meter::{self, StorageUsage};

use super::{keys, KeyValue, SetError};

/// A stored snapshot that could not be read: its key and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BadSnapshot {
    pub key: String,
    pub error: SnapshotError,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotLoadError {
    Missing,
    Unreadable(SnapshotError),
}

pub fn save_snapshot(kv: &dyn KeyValue, snapshot: &Snapshot) -> Result<(), SetError> {
    kv.set(&keys::snapshot_key(&snapshot.map_id, &snapshot.id), &snapshot.to_json())
}

fn headers_under(kv: &dyn KeyValue, prefix: &str) -> (Vec<SnapshotHeader>, Vec<BadSnapshot>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for key in kv.keys().into_iter().filter(|k| k.starts_with(prefix)) {
        let Some(text) = kv.get(&key) else { continue };
        match parse_header(&text) {
            Ok(h) => good.push(h),
            Err(error) => bad.push(BadSnapshot { key, error }),
        }
    }
    good.sort_by(|a: &SnapshotHeader, b| b.taken_at.total_cmp(&a.taken_at));
    (good, bad)
}

/// The snapshots of one map, newest first, and those that could not be read.
pub fn list_snapshots(kv: &dyn KeyValue, map_id: &str) -> (Vec<SnapshotHeader>, Vec<BadSnapshot>) {
    headers_under(kv, &keys::snapshot_prefix(map_id))
}

/// The snapshots of every map (also of maps deleted since), newest first.
pub fn all_snapshots(kv: &dyn KeyValue) -> Vec<SnapshotHeader> {
    headers_under(kv, keys::SNAPSHOT).0
}

pub fn load_snapshot(kv: &dyn KeyValue, map_id: &str, id: &str) -> Result<Snapshot, SnapshotLoadError> {
    let text = kv.get(&keys::snapshot_key(map_id, id)).ok_or(SnapshotLoadError::Missing)?;
    parse_snapshot(&text).map_err(SnapshotLoadError::Unreadable)
}

pub fn delete_snapshot(kv: &dyn KeyValue, map_id: &str, id: &str) {
    kv.remove(&keys::snapshot_key(map_id, id));
}

/// How much of the storage the app's keys take, against the estimated quota.
pub fn storage_usage(kv: &dyn KeyValue) -> StorageUsage {
    let entries: Vec<(String, String)> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(keys::PREFIX))
        .filter_map(|k| kv.get(&k).map(|v| (k, v)))
        .collect();
    storage_meter::measure(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())), keys::is_snapshot_key, storage_meter::ESTIMATED_QUOTA)
}

/// The oldest snapshots (of any map) whose deletion brings usage back under the warning
/// line; at least one when there are snapshots. Only offered, never deleted here.
pub fn snapshots_to_drop(kv: &dyn KeyValue) -> Vec<SnapshotHeader> {
    let usage = storage_usage(kv);
    oldest_to_free(&all_snapshots(kv), usage.excess().max(1))
}
