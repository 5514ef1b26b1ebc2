//! Maps the browser refused to store (a full storage: a new map that never fit) travel to
//! the next wasm module of the app with the undo history (`ui/modules/handover.rs`): the
//! next module reads the maps from storage and would otherwise say "this map does not
//! exist". There they stay unsaved, and the header keeps saying so.

use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::AppState;

impl AppState {
    /// The maps with edits not written (called after the last flush before a module
    /// switch: what is still dirty was refused by the storage).
    pub fn unsaved_maps(&self) -> Vec<JourneyMap> {
        self.dirty.with_value(|d| self.library.with_untracked(|l| d.iter().filter_map(|id| l.get(id).cloned()).collect()))
    }

    /// Takes the maps the previous module could not store: each replaces the stored
    /// version of its id (or is added) and is still to be saved.
    pub fn adopt_unsaved(&self, maps: Vec<JourneyMap>) {
        if maps.is_empty() {
            return;
        }
        let ids: Vec<String> = maps.iter().map(|m| m.id.clone()).collect();
        self.library.update(|l| {
            for map in maps {
                match l.get_mut(&map.id) {
                    Some(stored) => *stored = map,
                    None => l.maps.push(map),
                }
            }
        });
        for id in &ids {
            self.mark_dirty(id);
        }
    }
}
