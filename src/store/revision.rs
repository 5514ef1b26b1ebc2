//! Per-map revisions, so that two tabs on one map never overwrite each other silently.
//!
//! Every stored map has a revision record under its own key
//! (`journey-studio:rev:<map id>`, see [`keys::revision_key`]): a counter that each save
//! raises by one, and the id of the tab that wrote it. The record lives beside the map
//! and not in the map's JSON: the map format (`schema_version`, core/src/model/schema.rs)
//! stays the app's exchange format, while the revision is a fact about this browser's
//! storage only.
//!
//! A tab remembers the revision it loaded or last wrote. [`save_map_checked`] writes only
//! when the stored revision is still that one; otherwise another tab wrote in between and
//! the save is refused with [`SaveError::Conflict`] (the UI then offers "load theirs" or
//! "keep mine as a copy"). The `storage` event tells the other tabs which key changed.
//!
//! Format history (the record's `format` field):
//! - none: maps stored before revisions existed have no record; they read as revision 0.
//! - 1: `{"format":1,"revision":N,"tab":"<tab id>"}`.

use serde::{Deserialize, Serialize};

use super::{keys, KeyValue, SetError};
use journey_core::model::stored::pack_map;
use journey_core::model::JourneyMap;

/// The format written today.
pub const REVISION_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionRecord {
    pub format: u32,
    pub revision: u64,
    /// The tab that wrote this revision (random per page load).
    #[serde(default)]
    pub tab: String,
}

/// Why a checked save did not write.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab stored revision `stored` since this tab's `expected`.
    Conflict { expected: u64, stored: u64, tab: String },
    /// The browser refused the write (full storage, …); nothing stored changed.
    Write(SetError),
}

/// The stored revision record of a map. A map without a record (stored before
/// revisions existed, or written by hand) is revision 0; a record from a newer format
/// or one that does not read is also 0, and never overwritten by [`read_revision`].
pub fn read_revision(kv: &dyn KeyValue, map_id: &str) -> RevisionRecord {
    kv.get(&keys::revision_key(map_id))
        .and_then(|text| parse_record(&text))
        .unwrap_or(RevisionRecord { format: REVISION_FORMAT, revision: 0, tab: String::new() })
}

/// Reads a record's text; `None` when it is not a record this version understands.
pub fn parse_record(text: &str) -> Option<RevisionRecord> {
    let record: RevisionRecord = serde_json::from_str(text).ok()?;
    (record.format <= REVISION_FORMAT).then_some(record)
}

/// Writes `map` if the stored revision is still `expected`, as revision `expected + 1`
/// by `tab`, and returns the new revision. On any error nothing stored has changed: the
/// record is written first (small) and put back if the map's write fails.
pub fn save_map_checked(kv: &dyn KeyValue, map: &JourneyMap, expected: u64, tab: &str) -> Result<u64, SaveError> {
    let rev_key = keys::revision_key(&map.id);
    let old_text = kv.get(&rev_key);
    let stored = old_text.as_deref().and_then(parse_record).map_or(0, |r| r.revision);
    if stored != expected {
        let tab = old_text.as_deref().and_then(parse_record).map(|r| r.tab).unwrap_or_default();
        return Err(SaveError::Conflict { expected, stored, tab });
    }
    let next = RevisionRecord { format: REVISION_FORMAT, revision: expected + 1, tab: tab.to_string() };
    kv.set(&rev_key, &serde_json::to_string(&next).expect("record serialises")).map_err(SaveError::Write)?;
    if let Err(e) = kv.set(&keys::map_key(&map.id), &pack_map(map)) {
        // Put the record back as it was: the same or a smaller value always fits.
        match old_text {
            Some(text) => {
                let _ = kv.set(&rev_key, &text);
            }
            None => kv.remove(&rev_key),
        }
        return Err(SaveError::Write(e));
    }
    Ok(expected + 1)
}

/// Removes a map's revision record (with the map).
pub fn delete_revision(kv: &dyn KeyValue, map_id: &str) {
    kv.remove(&keys::revision_key(map_id));
}
