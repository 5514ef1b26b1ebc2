//! "The map this page shows", once for every map page: [`MapHandle`] holds the map id, the
//! map as a memo, its scores computed once per change (shared by the score header, the
//! editor's badges, the scores page, the dashboard), and the one way to edit it.
//! [`MapFrame`] renders the map navigation and, when the map does not exist (deleted, or a
//! stale link), the "map not found" message instead of the page; it provides the handle as
//! context, so components below take it with `expect_context::<MapHandle>()`.

use journey_core::model::JourneyMap;
use journey_core::score::{score_map, MapScores};
use leptos::prelude::*;

use super::map_nav::{MapNav, MapView};
use crate::i18n::texts;
use crate::ui::state::AppState;

#[derive(Clone, Copy)]
pub struct MapHandle {
    pub state: AppState,
    pub id: StoredValue<String>,
    /// The map (a clone, made only when something reads it: memos are lazy).
    pub map: Memo<Option<JourneyMap>>,
    /// Whether the map exists; cheap, without cloning.
    pub exists: Memo<bool>,
    /// `score_map` of the map, computed once per change for everything on the page.
    pub scores: Memo<Option<MapScores>>,
}

impl MapHandle {
    pub fn new(state: AppState, id: String) -> MapHandle {
        let id = StoredValue::new(id);
        let map = Memo::new(move |_| state.library.with(|l| id.with_value(|id| l.get(id).cloned())));
        let exists = Memo::new(move |_| state.library.with(|l| id.with_value(|id| l.get(id).is_some())));
        // Scored from the library directly, so the map page (which never reads `map`)
        // does not clone the map on every edit.
        let scores = Memo::new(move |_| state.library.with(|l| id.with_value(|id| l.get(id).map(score_map))));
        MapHandle { state, id, map, exists, scores }
    }

    /// The handle of the page being rendered (provided by [`MapFrame`]).
    pub fn current() -> MapHandle {
        expect_context::<MapHandle>()
    }

    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// Changes the map through [`AppState::edit_map`] (undo step + autosave).
    pub fn edit(&self, change: impl FnOnce(&mut JourneyMap)) {
        self.id.with_value(|id| self.state.edit_map(id, change));
    }

    /// Undoes the map's last edit; false when there is nothing to undo.
    pub fn undo(&self) -> bool {
        self.id.with_value(|id| self.state.undo(id))
    }

    /// Redoes the map's last undone edit; false when there is nothing to redo.
    pub fn redo(&self) -> bool {
        self.id.with_value(|id| self.state.redo(id))
    }

    /// Whether there is an edit to undo (tracked).
    pub fn can_undo(&self) -> bool {
        self.id.with_value(|id| self.state.can_undo(id))
    }

    /// Whether there is an undone edit to redo (tracked).
    pub fn can_redo(&self) -> bool {
        self.id.with_value(|id| self.state.can_redo(id))
    }

    /// The map as it is now, untracked: for event handlers, tasks and worker replies, which
    /// run outside any reactive scope. `None` when it does not exist.
    pub fn get_untracked(&self) -> Option<JourneyMap> {
        self.with_untracked(JourneyMap::clone)
    }

    /// Reads the map without cloning it, untracked (see [`MapHandle::get_untracked`]).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.state.library.with_untracked(|l| self.id.with_value(|id| l.get(id).map(f)))
    }

    /// Reads the map without cloning it (tracked); `None` when it does not exist.
    pub fn with<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.state.library.with(|l| self.id.with_value(|id| l.get(id).map(f)))
    }

    /// The map's name ("" when it is gone).
    pub fn name(&self) -> String {
        self.with(|m| m.name.clone()).unwrap_or_default()
    }

    /// A touchpoint's title, for messages and labels ("" when it is gone).
    pub fn title_of(&self, tp_id: &str) -> String {
        self.with(|m| m.touchpoint(tp_id).map(|t| t.title.clone())).flatten().unwrap_or_default()
    }

    /// A stage's name ("" when it is gone).
    pub fn stage_name(&self, stage_id: &str) -> String {
        self.with(|m| m.stage(stage_id).map(|s| s.name.clone())).flatten().unwrap_or_default()
    }

    /// The illusion-warning threshold of the map's scoring settings.
    pub fn threshold(&self) -> Signal<f64> {
        let this = *self;
        Signal::derive(move || this.with(|m| m.scoring.effective_threshold()).unwrap_or_default())
    }
}

/// The frame of every map page: navigation, then the page — or "map not found".
/// `current` marks the current link; the presentation mode shows no navigation.
#[component]
pub fn MapFrame(map: MapHandle, current: MapView, children: ChildrenFn) -> impl IntoView {
    provide_context(map);
    let state = map.state;
    let id = map.id();
    // The presentation shows no navigation — unless the map is missing: then it is the
    // way out.
    let nav = move || (current != MapView::Present || !map.exists.get()).then(|| view! { <MapNav id=id.clone() current/> });
    view! {
        {nav}
        <Show
            when=move || map.exists.get()
            fallback=move || view! { <p class="empty" data-testid="map-missing">{move || texts(state.lang.get()).map_not_found}</p> }
        >
            {children()}
        </Show>
    }
}
