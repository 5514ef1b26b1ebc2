//! The app's reactive state and the only place that writes storage.
//!
//! Every write goes through here: map edits through [`AppState::edit_map`], new maps
//! through [`AppState::add_map`] (blank, example, template, import, restored snapshot,
//! shared copy, duplicate), renames and deletes, snapshots ([`AppState::save_snapshot`],
//! [`AppState::delete_snapshot`]). An edit changes the plain `Library` inside a signal,
//! marks the map dirty, and the debounced autosave writes it. A failed write leaves the
//! stored version as it was and tells the user. [`AppState::version`] is the one signal
//! that says "something stored or undoable changed".
//!
//! Two tabs on one map never overwrite each other silently: every map is saved with
//! `store::revision::save_map_checked`, only over the revision this tab loaded or last
//! wrote; other tabs' writes are followed in [`other_tabs`] (the `storage` event), and a
//! map changed in both becomes a [`Conflict`] the user settles ("load theirs" / "keep
//! mine as a copy"). A full storage at start is read and shown (`storage_health`), never
//! replaced by an empty library in memory.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use journey_core::history::History;
use journey_core::interop::{ImportAction, LibraryEntry};
use journey_core::library::Library;
use journey_core::model::snapshot::{Snapshot, SnapshotHeader};
use journey_core::model::{JourneyMap, Lang};
use journey_core::storage_meter::StorageUsage;
use leptos::prelude::*;

use crate::store::backend::{BrowserStorage, StorageHealth};
use crate::store::library_store::{self, save_index_except};
use crate::store::revision::{read_revision, save_map_checked, SaveError};
use crate::store::snapshot_store::{self, BadSnapshot, SnapshotLoadError};
use crate::store::page_memory::PageMemory;
use crate::store::{load_library, preferences, KeyValue, SetError, Unreadable};
use crate::ui::browser::download::DownloadError;

mod conflict;
pub mod customer_key;
mod other_tabs;
mod room;
mod unsaved;
pub use conflict::Conflict;

/// How long edits are collected before they are written.
const AUTOSAVE_DELAY_MS: u64 = 300;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// The named map could not be written. `kept`: an earlier version of it is stored
    /// (false for a map that never fit: it lives in this tab only).
    Failed { map_name: String, error: SetError, kept: bool },
}

/// The example map seeded on the very first start (`journey_core::templates::coffee_to_go`).
pub type ExampleBuilder = fn(String, f64, Lang) -> JourneyMap;

/// Where a new map comes from (see [`AppState::add_map`]).
pub enum NewMap {
    /// A blank five-stage map; an empty name gets the default name of the UI language.
    Blank(String),
    /// Built from a new id, the time and the UI language: an example or a template of
    /// `journey_core::templates`. A function rather than a list of the templates, so that
    /// only the module that offers them carries their text (the map module does not).
    Builder(Box<dyn FnOnce(String, f64, Lang) -> JourneyMap>),
    /// A copy of a map of the library, named "<name> (copy)".
    CopyOf(String),
    /// A map that comes with its own id: imported, restored from a snapshot, or saved
    /// from a share link.
    Ready(JourneyMap),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub library: RwSignal<Library>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub index_rebuilt: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub persistent: bool,
    /// The one version signal: bumped whenever an undo/redo stack or anything stored
    /// changes (maps written, snapshots saved or deleted), so undo buttons, snapshot lists
    /// and the storage meter follow.
    pub version: RwSignal<u64>,
    /// A problem the user must see that belongs to no form (a download that failed).
    pub alert: RwSignal<Option<String>>,
    /// What the start-up test write found; `Full` turns back into `Writable` when space
    /// is freed (see [`AppState::retry_full_storage`]).
    pub storage_health: RwSignal<StorageHealth>,
    /// Maps this tab and another tab both changed: the user chooses (shell notice).
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// An undo reached the creation of a drafted map that was reloaded or edited since:
    /// the map is removed only when the user says so (`shell/remove_draft.rs`).
    pub remove_draft: RwSignal<Option<String>>,
    /// Maps the draft step created in this module's lifetime: only their undo, before
    /// any edit, removes them without asking.
    drafted_here: StoredValue<BTreeSet<String>, LocalStorage>,
    history: StoredValue<HashMap<String, History>, LocalStorage>,
    kv: StoredValue<Rc<dyn KeyValue>, LocalStorage>,
    dirty: StoredValue<BTreeSet<String>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The stored revision each map had when this tab loaded or last wrote it.
    revisions: StoredValue<HashMap<String, u64>, LocalStorage>,
    /// This page's id in the revision records.
    tab: StoredValue<String, LocalStorage>,
    /// Text typed into a field and not committed yet (`shell/typing.rs` says so): the
    /// header must not say "saved", and leaving asks first.
    typing: StoredValue<bool, LocalStorage>,
    /// Maps a page of this tab shows now (how many pages each): a map another tab deletes
    /// while it is open here stays, and the user decides (`state/other_tabs.rs`).
    open: StoredValue<HashMap<String, usize>, LocalStorage>,
}

impl AppState {
    /// Opens storage (or memory when the browser refuses it), loads the library and seeds
    /// `example` on the very first start. The map module passes `None`: it opens after the
    /// library module, which has seeded and written the example already.
    pub fn load(example: Option<ExampleBuilder>) -> AppState {
        // A full storage is still read: its maps are shown, never hidden behind an empty
        // library in memory; only an unavailable one is replaced by memory.
        let (kv, health): (Rc<dyn KeyValue>, StorageHealth) = match BrowserStorage::probe() {
            (Some(storage), health) => (Rc::new(storage), health),
            // In the page's memory, shared with the app's other modules (`page_memory.rs`).
            (None, health) => (Rc::new(PageMemory::shared()), health),
        };
        let persistent = kv.is_persistent();
        let lang = preferences::initial_lang(persistent);
        let loaded = load_library(kv.as_ref());
        let revisions: HashMap<String, u64> =
            loaded.library.maps.iter().map(|m| (m.id.clone(), read_revision(kv.as_ref(), &m.id).revision)).collect();
        let state = AppState {
            lang: RwSignal::new(lang),
            library: RwSignal::new(loaded.library),
            unreadable: RwSignal::new(loaded.unreadable),
            index_rebuilt: RwSignal::new(loaded.index_rebuilt),
            save_status: RwSignal::new(SaveStatus::Saved),
            persistent,
            version: RwSignal::new(0),
            alert: RwSignal::new(None),
            storage_health: RwSignal::new(health),
            conflicts: RwSignal::new(Vec::new()),
            remove_draft: RwSignal::new(None),
            drafted_here: StoredValue::new_local(BTreeSet::new()),
            // Undo steps the previous module handed over come in with `adopt_histories`
            // (`ui/modules/handover.rs`).
            history: StoredValue::new_local(HashMap::new()),
            kv: StoredValue::new_local(kv),
            dirty: StoredValue::new_local(BTreeSet::new()),
            timer: StoredValue::new_local(None),
            revisions: StoredValue::new_local(revisions),
            tab: StoredValue::new_local(new_id()),
            typing: StoredValue::new_local(false),
            open: StoredValue::new_local(HashMap::new()),
        };
        // A full storage gets no example: the user's maps are there, and nothing fits.
        if let Some(example) = example.filter(|_| loaded.first_start && health != StorageHealth::Full) {
            state.add_map(NewMap::Builder(Box::new(example)));
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
            self.bump();
            self.mark_dirty(id);
        }
    }

    /// Undoes the last edit of a map; false when there is nothing to undo. A map drafted
    /// from an event log and not edited since (nothing left to undo) has its creation as
    /// its first step: undone right after the draft step made it, the map is removed; after
    /// a reload, in another module, or once it was edited here, the user is asked first
    /// ([`AppState::remove_draft`]) — an undo never deletes such a map silently.
    pub fn undo(&self, id: &str) -> bool {
        if self.step_history(id, |h, map| h.undo(map)) {
            return true;
        }
        if self.is_unedited_draft(id) {
            let untouched = self.history.with_value(|h| h.get(id).is_none_or(|h| !h.can_undo() && !h.can_redo()));
            if untouched && self.drafted_here.with_value(|d| d.contains(id)) {
                self.delete(id);
            } else {
                self.remove_draft.set(Some(id.to_string()));
            }
            return true;
        }
        false
    }

    /// Adds a map the draft step built from a log (see [`AppState::undo`]).
    pub fn add_drafted_map(&self, new: NewMap) -> Option<String> {
        let id = self.add_map(new)?;
        self.drafted_here.update_value(|d| {
            d.insert(id.clone());
        });
        Some(id)
    }

    /// A map drafted from a log whose creation is still its last change.
    fn is_unedited_draft(&self, id: &str) -> bool {
        self.library.with_untracked(|lib| {
            lib.maps.iter().any(|m| m.id == id && m.analytics.drafted_from.is_some() && m.updated_at == m.created_at)
        })
    }

    /// Redoes the last undone edit of a map; false when there is nothing to redo.
    pub fn redo(&self, id: &str) -> bool {
        self.step_history(id, |h, map| h.redo(map))
    }

    /// Every map's undo history, read (the hand-over to the next wasm module,
    /// `ui/modules/handover.rs`).
    pub fn with_histories<R>(&self, f: impl FnOnce(&HashMap<String, History>) -> R) -> R {
        self.history.with_value(f)
    }

    /// Takes the undo histories the previous wasm module handed over, for maps of the library.
    pub fn adopt_histories(&self, histories: HashMap<String, History>) {
        let known: HashMap<String, History> =
            self.library.with_untracked(|l| histories.into_iter().filter(|(id, _)| l.get(id).is_some()).collect());
        self.history.update_value(|h| h.extend(known));
    }

    pub fn can_undo(&self, id: &str) -> bool {
        self.version.track();
        self.history.with_value(|h| h.get(id).is_some_and(History::can_undo)) || self.is_unedited_draft(id)
    }

    pub fn can_redo(&self, id: &str) -> bool {
        self.version.track();
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
            self.bump();
            self.mark_dirty(id);
        }
        done
    }

    /// Adds a new map — the one way a map enters the library — and schedules its save.
    /// Returns its id; `None` only for a copy of a map that does not exist.
    pub fn add_map(&self, new: NewMap) -> Option<String> {
        let (id, now, lang) = (new_id(), now_ms(), self.lang.get_untracked());
        let t = crate::i18n::library::library_texts(lang);
        let mut added = None;
        self.library.update(|lib| {
            added = match new {
                NewMap::Blank(name) => Some(lib.create_blank(&id, &name, t.new_map_default_name, now, lang)),
                NewMap::CopyOf(source) => lib.duplicate(&source, &id, t.copy_suffix, now),
                NewMap::Builder(build) => Some(push(lib, build(id.clone(), now, lang))),
                NewMap::Ready(map) => Some(push(lib, map)),
            }
        });
        if let Some(id) = &added {
            self.mark_dirty(id);
        }
        added
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

    /// The maps an import must not collide with: the library's and the unreadable ones,
    /// whose stored text stays untouched (an import with their id becomes a copy or waits
    /// for a choice, never a silent write over that key).
    pub fn import_entries(&self) -> Vec<LibraryEntry> {
        let mut entries: Vec<LibraryEntry> = self.library.with_untracked(|l| l.maps.iter().map(LibraryEntry::of).collect());
        self.unreadable.with_untracked(|u| {
            entries.extend(u.iter().map(|u| LibraryEntry { id: u.entry.id.clone(), name: u.entry.name.clone() }))
        });
        entries
    }

    /// Stores what an import resolved to (see `journey_core::interop::import_plan`). A
    /// replacement goes through [`AppState::edit_map`], so it can be undone.
    pub fn store_import(&self, action: ImportAction) -> Option<String> {
        match action {
            ImportAction::Add(map) => self.add_map(NewMap::Ready(map)),
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
        self.drafted_here.update_value(|d| {
            d.remove(id);
        });
        self.dirty.update_value(|d| {
            d.remove(id);
        });
        self.revisions.update_value(|r| {
            r.remove(id);
        });
        // Deleted here too: nothing waits for a choice about it any more.
        self.conflicts.update(|c| c.retain(|x| x.map_id != id));
        self.kv.with_value(|kv| library_store::delete_map(kv.as_ref(), id));
        self.write_index();
        self.bump();
    }

    /// The snapshots of a map, newest first, and the stored ones that cannot be read
    /// (tracks [`AppState::version`]).
    pub fn snapshots(&self, map_id: &str) -> (Vec<SnapshotHeader>, Vec<BadSnapshot>) {
        self.version.track();
        self.kv.with_value(|kv| snapshot_store::list_snapshots(kv.as_ref(), map_id))
    }

    pub fn load_snapshot(&self, map_id: &str, id: &str) -> Result<Snapshot, SnapshotLoadError> {
        self.kv.with_value(|kv| snapshot_store::load_snapshot(kv.as_ref(), map_id, id))
    }

    /// Stores a snapshot, after writing pending edits so the snapshot and the stored map
    /// agree.
    pub fn save_snapshot(&self, snapshot: &Snapshot) -> Result<(), SetError> {
        self.flush();
        let result = self.kv.with_value(|kv| snapshot_store::save_snapshot(kv.as_ref(), snapshot));
        self.bump();
        result
    }

    pub fn delete_snapshot(&self, map_id: &str, id: &str) {
        self.kv.with_value(|kv| snapshot_store::delete_snapshot(kv.as_ref(), map_id, id));
        self.bump();
    }

    /// How much of the storage the app's keys take (tracks [`AppState::version`]).
    pub fn storage_usage(&self) -> StorageUsage {
        self.version.track();
        self.kv.with_value(|kv| snapshot_store::storage_usage(kv.as_ref()))
    }

    /// The oldest snapshots that would free the most room near the quota (tracked).
    pub fn snapshots_to_drop(&self) -> Vec<SnapshotHeader> {
        self.version.track();
        self.kv.with_value(|kv| snapshot_store::snapshots_to_drop(kv.as_ref()))
    }

    /// Shows a failed download to the user (and clears an old message on success).
    pub fn report_download(&self, result: Result<(), DownloadError>) {
        let lang = self.lang.get_untracked();
        self.alert.set(result.err().map(|e| (crate::i18n::texts(lang).download_failed)(&e.0)));
    }

    fn bump(&self) {
        self.version.update(|v| *v += 1);
    }

    fn mark_dirty(&self, id: &str) {
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        // Set only when it changes: a set re-runs every reader (the header's status) even
        // with the same value, and every edit of a run of edits comes here.
        if self.save_status.with_untracked(|s| *s != SaveStatus::Pending) {
            self.save_status.set(SaveStatus::Pending);
        }
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

    /// Writes every dirty map and the index now. Maps that fail stay dirty; a map whose
    /// stored revision another tab changed is not written but becomes a [`Conflict`]; the
    /// index keeps the stored entries of maps not written.
    pub fn flush(&self) {
        // A flush by hand makes the scheduled one pointless (and the first-load module's
        // state is gone by the time it would fire).
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let ids: Vec<String> = self.dirty.with_value(|d| d.iter().cloned().collect());
        if ids.is_empty() {
            // Everything pending was written another way (e.g. a deleted map): nothing waits.
            if self.save_status.get_untracked() == SaveStatus::Pending && !self.typing.get_value() {
                self.save_status.set(SaveStatus::Saved);
            }
            return;
        }
        let mut failure = None;
        let kv = self.kv.get_value();
        let tab = self.tab.get_value();
        let mut conflicts = Vec::new();
        self.library.with_untracked(|lib| {
            for id in &ids {
                if self.in_conflict(id) {
                    continue;
                }
                let Some(map) = lib.get(id) else {
                    self.dirty.update_value(|d| {
                        d.remove(id);
                    });
                    continue;
                };
                let expected = self.revisions.with_value(|r| r.get(id).copied().unwrap_or(0));
                // Timed for benchmarks/storage_bench.mjs, like every map save.
                match crate::store::timing::measured("save", || save_map_checked(kv.as_ref(), map, expected, &tab)) {
                    Ok(revision) => {
                        self.revisions.update_value(|r| {
                            r.insert(id.clone(), revision);
                        });
                        self.dirty.update_value(|d| {
                            d.remove(id);
                        });
                    }
                    Err(SaveError::Conflict { .. }) => conflicts.push(id.clone()),
                    Err(SaveError::Write(error)) => {
                        let kept = kv.get(&crate::store::keys::map_key(id)).is_some();
                        failure = Some(SaveStatus::Failed { map_name: map.name.clone(), error, kept })
                    }
                }
            }
        });
        for id in conflicts {
            let deleted = kv.get(&crate::store::keys::map_key(&id)).is_none();
            self.add_conflict(&id, deleted);
        }
        let not_saved = self.not_stored();
        let index_result = self.library.with_untracked(|lib| {
            self.unreadable.with_untracked(|u| save_index_except(kv.as_ref(), lib, u, &not_saved))
        });
        if let (Err(error), None) = (index_result, &failure) {
            failure = Some(SaveStatus::Failed { map_name: String::new(), error, kept: true });
        }
        let waiting = self.dirty.with_value(|d| !d.is_empty()) || self.typing.get_value();
        self.save_status.set(failure.unwrap_or(if waiting { SaveStatus::Pending } else { SaveStatus::Saved }));
        self.bump();
    }

    /// Text is being typed that is not committed yet: the header must not say "saved".
    pub fn note_typing(&self) {
        self.typing.set_value(true);
        if self.save_status.get_untracked() == SaveStatus::Saved {
            self.save_status.set(SaveStatus::Pending);
        }
    }

    /// The typed text went through its field's handler (an edit, or nothing changed); the
    /// next [`AppState::flush`] may say "saved" again.
    pub fn typing_committed(&self) {
        self.typing.set_value(false);
    }

    /// Whether leaving the page now would lose something: a write pending, failed or
    /// held back by a conflict.
    pub fn unsaved_work(&self) -> bool {
        !self.dirty.with_value(|d| d.is_empty())
            || self.typing.get_value()
            || matches!(self.save_status.get_untracked(), SaveStatus::Failed { .. })
    }

    /// After snapshots were deleted in a full storage: if a test write fits now, saving
    /// resumes (pending edits are written at once).
    pub fn retry_full_storage(&self) {
        let probe = format!("{}probe", crate::store::keys::PREFIX);
        let kv = self.kv.get_value();
        if kv.set(&probe, "1").is_ok() {
            kv.remove(&probe);
            self.storage_health.set(StorageHealth::Writable);
            self.flush();
        }
    }

    /// Deletes the snapshots that free the most room (oldest first, see
    /// `store::snapshot_store::snapshots_to_drop`); returns how many.
    pub fn drop_old_snapshots(&self) -> usize {
        let kv = self.kv.get_value();
        let drop = crate::store::snapshot_store::snapshots_to_drop(kv.as_ref());
        for s in &drop {
            crate::store::snapshot_store::delete_snapshot(kv.as_ref(), &s.map_id, &s.id);
        }
        self.bump();
        drop.len()
    }

    /// The maps whose stored version (and index entry) is not this tab's: dirty ones and
    /// those waiting for a conflict's choice (a map deleted in another tab keeps no entry).
    fn not_stored(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.dirty.with_value(|d| d.iter().cloned().collect());
        self.conflicts.with_untracked(|c| ids.extend(c.iter().map(|x| x.map_id.clone())));
        ids
    }

    fn write_index(&self) {
        let kv = self.kv.get_value();
        let not_saved = self.not_stored();
        let result = self.library.with_untracked(|lib| {
            self.unreadable.with_untracked(|u| save_index_except(kv.as_ref(), lib, u, &not_saved))
        });
        if let Err(error) = result {
            self.save_status.set(SaveStatus::Failed { map_name: String::new(), error, kept: true });
        }
    }
}

/// Adds `map` to the library and returns its id.
fn push(lib: &mut Library, map: JourneyMap) -> String {
    let id = map.id.clone();
    lib.maps.push(map);
    id
}

pub fn now_ms() -> f64 {
    crate::ui::browser::time::now_ms()
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
