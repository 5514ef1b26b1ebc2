//! Whether something fits in storage before it is stored: an import that would not fit is
//! refused with its size, before any of it is written (a half-stored import, or "imported"
//! for a map that never reached storage, loses the user's trust and their data).

use journey_core::model::stored::pack_map;
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::AppState;
use crate::store::{keys, SetError};

impl AppState {
    /// The size `maps` take in storage (packed, as the app stores them), in the units
    /// browsers count (`storage_meter::entry_size`).
    pub fn stored_size(maps: &[JourneyMap]) -> usize {
        maps.iter()
            .map(|m| journey_core::storage_meter::entry_size(&keys::map_key(&m.id), &pack_map(m)) + 64)
            .sum()
    }

    /// Whether `units` more fit in storage now: a test write of that size, removed at once
    /// (the browser tells no quota). Always true in memory.
    pub fn room_for(&self, units: usize) -> Result<(), SetError> {
        if !self.persistent {
            return Ok(());
        }
        let probe = format!("{}room-probe", keys::PREFIX);
        let kv = self.kv.get_value();
        let result = kv.set(&probe, &"x".repeat(units));
        kv.remove(&probe);
        result
    }

    /// Whether map `id` is stored as this tab has it (written, nothing pending; in the
    /// page's memory when the browser gives no storage).
    pub fn is_stored(&self, id: &str) -> bool {
        !self.dirty.with_value(|d| d.contains(id)) && !self.in_conflict(id)
    }
}
