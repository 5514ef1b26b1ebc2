//! The app's reactive state and the only place that joins library edits to storage.
//!
//! Every edit goes through [`AppState::edit_map`] or a library method here: it changes the
//! plain `Library` inside a signal, marks the map dirty, and the debounced autosave writes
//! it. A failed write leaves the stored version as it was and tells the user.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use journey_core::history::History;
use journey_core::library::Library;
use journey_core::model::{JourneyMap, Lang};
use leptos::prelude::*;

use crate::store::backend::BrowserStorage;
use crate::store::library_store::{self, save_index, save_map};
use crate::store::{load_library, preferences, KeyValue, MemoryStorage, SetError, Unreadable};

/// How long edits are collected before they are written.
const AUTOSAVE_DELAY_MS: u64 = 300;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// The named map could not be written.
    Failed { map_name: String, error: SetError },
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub library: RwSignal<Library>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub index_rebuilt: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub persistent: bool,
    /// Bumped whenever an undo/redo stack changes, so buttons can track `can_undo`.
    pub history_version: RwSignal<u64>,
    history: StoredValue<HashMap<String, History>, LocalStorage>,
    kv: StoredValue<Rc<dyn KeyValue>, LocalStorage>,
    dirty: StoredValue<BTreeSet<String>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl AppState {
    /// Opens storage (or memory when the browser refuses it), loads the library and seeds
    /// the example map on the very first start.
    pub fn load() -> AppState {
        let kv: Rc<dyn KeyValue> = match BrowserStorage::open() {
            Some(storage) => Rc::new(storage),
            None => Rc::new(MemoryStorage::default()),
        };
        let persistent = kv.is_persistent();
        let lang = preferences::initial_lang(persistent);
        let loaded = load_library(kv.as_ref());
        let state = AppState {
            lang: RwSignal::new(lang),
            library: RwSignal::new(loaded.library),
            unreadable: RwSignal::new(loaded.unreadable),
            index_rebuilt: RwSignal::new(loaded.index_rebuilt),
            save_status: RwSignal::new(SaveStatus::Saved),
            persistent,
            history_version: RwSignal::new(0),
            history: StoredValue::new_local(HashMap::new()),
            kv: StoredValue::new_local(kv),
            dirty: StoredValue::new_local(BTreeSet::new()),
            timer: StoredValue::new_local(None),
        };
        if loaded.first_start {
            state.create_example();
        }
        if loaded.index_rebuilt {
            state.write_index();
        }
        state
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        preferences::remember_lang(lang, self.persistent);
    }

    /// Changes one map, records the step for undo and schedules the autosave. An edit
    /// that changes nothing records nothing. Does nothing for an unknown id.
    pub fn edit_map(&self, id: &str, edit: impl FnOnce(&mut JourneyMap)) {
        let now = now_ms();
        let mut before = None;
        self.library.update(|lib| {
            if let Some(map) = lib.get_mut(id) {
                let old = map.clone();
                edit(map);
                if *map != old {
                    map.touch(now);
                    before = Some(old);
                }
            }
        });
        if let Some(old) = before {
            self.history.update_value(|h| h.entry(id.to_string()).or_default().record(old));
            self.history_version.update(|v| *v += 1);
            self.mark_dirty(id);
        }
    }

    /// Undoes the last edit of a map; false when there is nothing to undo.
    pub fn undo(&self, id: &str) -> bool {
        self.step_history(id, |h, map| h.undo(map))
    }

    /// Redoes the last undone edit of a map; false when there is nothing to redo.
    pub fn redo(&self, id: &str) -> bool {
        self.step_history(id, |h, map| h.redo(map))
    }

    pub fn can_undo(&self, id: &str) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.get(id).is_some_and(History::can_undo))
    }

    pub fn can_redo(&self, id: &str) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.get(id).is_some_and(History::can_redo))
    }

    fn step_history(&self, id: &str, step: impl FnOnce(&mut History, &mut JourneyMap) -> bool) -> bool {
        let mut done = false;
        self.library.update(|lib| {
            if let Some(map) = lib.get_mut(id) {
                self.history.update_value(|h| done = step(h.entry(id.to_string()).or_default(), map));
            }
        });
        if done {
            self.history_version.update(|v| *v += 1);
            self.mark_dirty(id);
        }
        done
    }

    pub fn create_blank(&self, name: &str) -> String {
        let id = new_id();
        let lang = self.lang.get_untracked();
        let default_name = crate::i18n::texts(lang).new_map_default_name;
        self.library.update(|lib| {
            lib.create_blank(&id, name, default_name, now_ms(), lang);
        });
        self.mark_dirty(&id);
        id
    }

    pub fn create_example(&self) -> String {
        let id = new_id();
        let lang = self.lang.get_untracked();
        self.library.update(|lib| {
            lib.create_example(&id, now_ms(), lang);
        });
        self.mark_dirty(&id);
        id
    }

    /// Adds a map built from a template in the UI language (see `journey_core::templates::Template`).
    pub fn create_from_template(&self, template: journey_core::templates::Template) -> String {
        let id = new_id();
        let map = template.build(&id, now_ms(), self.lang.get_untracked());
        self.library.update(|lib| lib.maps.push(map));
        self.mark_dirty(&id);
        id
    }

    /// Adds a ready-made map built by a `journey_core::templates` function in the UI
    /// language, e.g. the "running shoes online" example of the touchpoint illusion.
    pub fn create_from_builder(&self, build: impl FnOnce(String, f64, Lang) -> JourneyMap) -> String {
        let id = new_id();
        let map = build(id.clone(), now_ms(), self.lang.get_untracked());
        self.library.update(|lib| lib.maps.push(map));
        self.mark_dirty(&id);
        id
    }

    /// Renames a map; an empty name is refused and returns false.
    pub fn rename(&self, id: &str, name: &str) -> bool {
        let mut ok = false;
        self.library.update(|lib| ok = lib.rename(id, name, now_ms()));
        if ok {
            self.mark_dirty(id);
        }
        ok
    }

    pub fn duplicate(&self, id: &str) -> Option<String> {
        let new = new_id();
        let suffix = crate::i18n::texts(self.lang.get_untracked()).copy_suffix;
        let mut done = None;
        self.library.update(|lib| done = lib.duplicate(id, &new, suffix, now_ms()));
        if let Some(id) = &done {
            self.mark_dirty(id);
        }
        done
    }

    /// The maps an import must not collide with: the library's and the unreadable ones,
    /// whose stored text stays untouched (an import with their id becomes a copy or waits
    /// for a choice, never a silent write over that key).
    pub fn import_entries(&self) -> Vec<journey_core::interop::LibraryEntry> {
        use journey_core::interop::LibraryEntry;
        let mut entries: Vec<LibraryEntry> = self.library.with_untracked(|l| l.maps.iter().map(LibraryEntry::of).collect());
        self.unreadable.with_untracked(|u| {
            entries.extend(u.iter().map(|u| LibraryEntry { id: u.entry.id.clone(), name: u.entry.name.clone() }))
        });
        entries
    }

    /// Stores what an import resolved to (see `journey_core::interop::import_plan`). A
    /// replacement goes through [`AppState::edit_map`], so it can be undone.
    pub fn store_import(&self, action: journey_core::interop::ImportAction) -> Option<String> {
        use journey_core::interop::ImportAction;
        match action {
            ImportAction::Add(map) => {
                let id = map.id.clone();
                self.library.update(|lib| lib.maps.push(map));
                self.mark_dirty(&id);
                Some(id)
            }
            ImportAction::Replace { replaced_id, map } => {
                // An unreadable map is not in the library: it is never replaced.
                if self.library.with_untracked(|l| l.get(&replaced_id).is_none()) {
                    return None;
                }
                self.edit_map(&replaced_id, |old| *old = map);
                Some(replaced_id)
            }
            ImportAction::Skip => None,
        }
    }

    /// Deletes a map at once (after the user confirmed it in the UI).
    pub fn delete(&self, id: &str) {
        self.library.update(|lib| {
            lib.delete(id);
        });
        self.dirty.update_value(|d| {
            d.remove(id);
        });
        self.kv.with_value(|kv| library_store::delete_map(kv.as_ref(), id));
        self.write_index();
    }

    /// The storage the app writes to (snapshots and the storage meter use it directly).
    pub fn storage(&self) -> Rc<dyn KeyValue> {
        self.kv.get_value()
    }

    /// Adds a map restored from a snapshot (it already has its new id) and saves it.
    pub fn add_restored_map(&self, map: JourneyMap) -> String {
        let id = map.id.clone();
        self.library.update(|lib| lib.maps.push(map));
        self.mark_dirty(&id);
        id
    }

    fn mark_dirty(&self, id: &str) {
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        self.save_status.set(SaveStatus::Pending);
        self.schedule_flush();
    }

    fn schedule_flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(
            move || this.flush(),
            std::time::Duration::from_millis(AUTOSAVE_DELAY_MS),
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// Writes every dirty map and the index now. Maps that fail stay dirty.
    pub fn flush(&self) {
        // A flush by hand makes the scheduled one pointless (and the first-load module's
        // state is gone by the time it would fire).
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let ids: Vec<String> = self.dirty.with_value(|d| d.iter().cloned().collect());
        if ids.is_empty() {
            // Everything pending was written another way (e.g. a deleted map): nothing waits.
            if self.save_status.get_untracked() == SaveStatus::Pending {
                self.save_status.set(SaveStatus::Saved);
            }
            return;
        }
        let mut failure = None;
        let kv = self.kv.get_value();
        self.library.with_untracked(|lib| {
            for id in &ids {
                match lib.get(id) {
                    Some(map) => match save_map(kv.as_ref(), map) {
                        Ok(()) => self.dirty.update_value(|d| {
                            d.remove(id);
                        }),
                        Err(error) => failure = Some(SaveStatus::Failed { map_name: map.name.clone(), error }),
                    },
                    None => self.dirty.update_value(|d| {
                        d.remove(id);
                    }),
                }
            }
        });
        let index_result = self.library.with_untracked(|lib| {
            self.unreadable.with_untracked(|u| save_index(kv.as_ref(), lib, u))
        });
        if let (Err(error), None) = (index_result, &failure) {
            failure = Some(SaveStatus::Failed { map_name: String::new(), error });
        }
        self.save_status.set(failure.unwrap_or(SaveStatus::Saved));
    }

    fn write_index(&self) {
        let kv = self.kv.get_value();
        let result = self.library.with_untracked(|lib| {
            self.unreadable.with_untracked(|u| save_index(kv.as_ref(), lib, u))
        });
        if let Err(error) = result {
            self.save_status.set(SaveStatus::Failed { map_name: String::new(), error });
        }
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A new map id: `crypto.randomUUID()` where the page is a secure context, otherwise time
/// plus a random part (opened from disk in some browsers).
pub fn new_id() -> String {
    let uuid = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| js_sys::Reflect::has(&c, &"randomUUID".into()).ok().filter(|b| *b).map(|_| c))
        .map(|c| c.random_uuid());
    uuid.unwrap_or_else(|| {
        format!("m{}-{:08x}", js_sys::Date::now() as u64, (js_sys::Math::random() * u32::MAX as f64) as u32)
    })
}
