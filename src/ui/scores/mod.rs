//! The scores view of one map (`#/map/<id>/scores`): the journey score header with the
//! touchpoint-illusion warning, stage scores, the touchpoint table where the score inputs
//! are edited, the scoring settings, where to act first, contacts and opportunities.
//!
//! Everything is computed by `journey_core::score::score_map` in one memo; every edit goes
//! through `AppState::edit_map`, so it is saved and can be undone, and every number on the
//! page follows at once.

mod contacts;
pub(crate) mod explain;
mod formulas;
mod header;
mod inputs;
mod opportunities;
mod priorities;
mod settings;
mod stages;
mod touchpoint_table;

use journey_core::model::JourneyMap;
use journey_core::score::{score_map, MapScores};
use leptos::prelude::*;

pub use header::{IllusionNotice, JourneyScoreHeader};

use super::route::Page;
use super::state::AppState;
use crate::i18n::scores::scores_texts;
use crate::i18n::texts;

/// What every section of the view reads: the map and its scores, both memoised so a
/// section only updates when something it shows changed.
#[derive(Clone, Copy)]
pub(crate) struct ScoresCtx {
    pub state: AppState,
    pub id: StoredValue<String>,
    pub map: Memo<Option<JourneyMap>>,
    pub scores: Memo<Option<MapScores>>,
}

impl ScoresCtx {
    /// Changes the map through the app state (undo step + autosave).
    pub fn edit(&self, change: impl FnOnce(&mut JourneyMap)) {
        self.id.with_value(|id| self.state.edit_map(id, change));
    }

    /// A touchpoint's title, for messages and labels ("" when it is gone).
    pub fn title_of(&self, tp_id: &str) -> String {
        self.map.with(|m| m.as_ref().and_then(|m| m.touchpoint(tp_id)).map(|t| t.title.clone()).unwrap_or_default())
    }

    /// A stage's name ("" when it is gone).
    pub fn stage_name(&self, stage_id: &str) -> String {
        self.map.with(|m| m.as_ref().and_then(|m| m.stage(stage_id)).map(|s| s.name.clone()).unwrap_or_default())
    }
}

#[component]
pub fn ScoresPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = id.clone();
    let map = Memo::new(move |_| state.library.with(|l| l.get(&key).cloned()));
    let scores = Memo::new(move |_| map.with(|m| m.as_ref().map(score_map)));
    let ctx = ScoresCtx { state, id: StoredValue::new(id.clone()), map, scores };
    provide_context(ctx);

    let t = move || scores_texts(state.lang.get());
    let exists = move || map.with(Option::is_some);
    let (undo_id, redo_id, can_undo_id, can_redo_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    view! {
        <nav class="crumbs"><a href=Page::Library.href() data-testid="back">{move || texts(state.lang.get()).back_to_library}</a></nav>
        <Show when=exists fallback=move || view! {
            <p class="empty" data-testid="map-missing">{move || texts(state.lang.get()).map_not_found}</p>
        }>
            <div class="scores-top">
                <nav class="map-views" aria-label=move || t().views_label>
                    <a href=Page::Map(id.clone()).href() data-testid="map-link">{move || t().map_tab}</a>
                    <a href=Page::MapScores(id.clone()).href() aria-current="page">{move || t().scores_tab}</a>
                </nav>
                <div class="history-buttons">
                    <button type="button" data-testid="scores-undo"
                        disabled={ let id = can_undo_id.clone(); move || !state.can_undo(&id) }
                        on:click={ let id = undo_id.clone(); move |_| { state.undo(&id); } }>
                        {move || t().undo}
                    </button>
                    <button type="button" data-testid="scores-redo"
                        disabled={ let id = can_redo_id.clone(); move || !state.can_redo(&id) }
                        on:click={ let id = redo_id.clone(); move |_| { state.redo(&id); } }>
                        {move || t().redo}
                    </button>
                </div>
            </div>
            <article class="scores" data-testid="scores-view">
                <h1 data-testid="scores-title">
                    {move || (t().page_title)(&map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default()))}
                </h1>
                <JourneyScoreHeader scores=scores/>
                <IllusionNotice scores=scores threshold=Signal::derive(move || map.with(|m| m.as_ref().map(|m| m.scoring.effective_threshold()).unwrap_or_default()))/>
                <stages::StageScores/>
                <touchpoint_table::TouchpointTable/>
                <div class="scores-columns">
                    <priorities::Priorities/>
                    <settings::SettingsPanel/>
                </div>
                <contacts::Contacts/>
                <contacts::Steering/>
                <opportunities::Opportunities/>
                <formulas::Formulas/>
            </article>
        </Show>
    }
}
