//! Other tabs of the app in the same browser. They share the local storage, and each
//! write fires a `storage` event in every other tab. With the per-map revisions of
//! `store::revision`, nothing is overwritten silently:
//!
//! - a map another tab changed, which this tab has no unsaved edits of, is replaced here
//!   by the stored version at once (the page shows it in place);
//! - if this tab has unsaved edits of it, or its save is refused because another tab
//!   wrote first, the map gets a [`Conflict`]: the user chooses "load theirs" or "keep
//!   mine as a copy" (`shell/notices.rs`); until then nothing of it is written;
//! - maps another tab added, renamed or deleted appear, change or go in the library list.
//!
//! Only the map key's event is acted on: a save writes the revision record first and the
//! map second, so when the map's event arrives its revision is already stored.

use journey_core::model::schema::read_stored_map;
use leptos::prelude::*;

use super::{AppState, Conflict, NewMap};
use crate::store::keys;
use crate::store::revision::read_revision;

impl AppState {
    /// Reacts to a `storage` event for `key` (its new value, `None` when removed).
    pub fn on_storage_event(&self, key: &str, new_value: Option<String>) {
        let Some(id) = keys::map_id(key) else { return };
        let id = id.to_string();
        // (Typed text not committed yet is an unsaved edit too: the shell's listener
        // commits it before calling this.)
        let known = self.library.with_untracked(|l| l.get(&id).is_some());
        let dirty = self.dirty.with_value(|d| d.contains(&id));
        match new_value.map(|text| read_stored_map(&text)) {
            None if known && dirty => self.add_conflict(&id, true),
            None => {
                self.library.update(|l| {
                    l.delete(&id);
                });
                self.revisions.update_value(|r| {
                    r.remove(&id);
                });
                self.bump();
            }
            Some(Ok(_)) if known && dirty => self.add_conflict(&id, false),
            Some(Ok(mut map)) => {
                map.id = id.clone();
                let revision = self.kv.with_value(|kv| read_revision(kv.as_ref(), &id)).revision;
                self.revisions.update_value(|r| {
                    r.insert(id.clone(), revision);
                });
                // Undo steps recorded on the old version would bring it back: they go.
                self.history.update_value(|h| {
                    h.remove(&id);
                });
                self.library.update(|l| match l.get_mut(&id) {
                    Some(old) => *old = map,
                    None => l.maps.push(map),
                });
                self.bump();
            }
            // Another tab never writes a map that does not read; if one appears, the next
            // load reports it. Nothing to do here.
            Some(Err(_)) => {}
        }
    }

    pub(super) fn add_conflict(&self, id: &str, deleted: bool) {
        let name = self.library.with_untracked(|l| l.get(id).map(|m| m.name.clone())).unwrap_or_default();
        self.conflicts.update(|c| {
            if !c.iter().any(|x| x.map_id == id) {
                c.push(Conflict { map_id: id.to_string(), map_name: name, deleted });
            }
        });
    }

    /// Whether this map waits for the user's choice (its saves are held back).
    pub(super) fn in_conflict(&self, id: &str) -> bool {
        self.conflicts.with_untracked(|c| c.iter().any(|x| x.map_id == id))
    }

    /// "Load theirs": the stored version replaces this tab's (gone when the other tab
    /// deleted it). This tab's version stays one undo step away.
    pub fn load_theirs(&self, id: &str) {
        let stored = self.kv.with_value(|kv| kv.get(&keys::map_key(id))).and_then(|t| read_stored_map(&t).ok());
        let revision = self.kv.with_value(|kv| read_revision(kv.as_ref(), id)).revision;
        self.dirty.update_value(|d| {
            d.remove(id);
        });
        self.conflicts.update(|c| c.retain(|x| x.map_id != id));
        match stored {
            Some(mut map) => {
                map.id = id.to_string();
                self.revisions.update_value(|r| {
                    r.insert(id.to_string(), revision);
                });
                let mut mine = None;
                self.library.update(|l| {
                    if let Some(old) = l.get_mut(id) {
                        mine = Some(std::mem::replace(old, map));
                    }
                });
                if let Some(mine) = mine {
                    self.history.update_value(|h| h.entry(id.to_string()).or_default().record(mine));
                }
            }
            None => {
                self.library.update(|l| {
                    l.delete(id);
                });
                self.revisions.update_value(|r| {
                    r.remove(id);
                });
            }
        }
        self.bump();
        self.flush();
    }

    /// "Keep mine as a copy": this tab's version is saved as a new map ("… (copy)"), and
    /// the original shows the other tab's version. Returns the copy's id.
    pub fn keep_mine_as_copy(&self, id: &str) -> Option<String> {
        let copy = self.add_map(NewMap::CopyOf(id.to_string()));
        self.load_theirs(id);
        copy
    }
}
