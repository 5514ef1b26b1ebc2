//! The scores view of one map (`#/map/<id>/scores`): the journey score header with the
//! touchpoint-illusion warning, stage scores, the touchpoint table where the score inputs
//! are edited, the scoring settings, where to act first, contacts and opportunities.
//!
//! Everything is computed by `journey_core::score::score_map` once, in the page's
//! `MapHandle` (shared with the sections through context); every edit goes through the
//! handle (`AppState::edit_map`), so it is saved and can be undone, and every number on the
//! page follows at once. `badge` is the score badge other features (the editor) reuse.

pub mod badge;
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

use leptos::prelude::*;

pub use badge::ScoreBadge;
pub use header::{IllusionNotice, JourneyScoreHeader};

use crate::i18n::scores::scores_texts;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;

#[component]
pub fn ScoresPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = MapHandle::new(state, id);
    let t = move || scores_texts(state.lang.get());
    view! {
        <MapFrame map=handle current=MapView::Scores>
            <div class="scores-top">
                <div class="history-buttons">
                    <button type="button" data-testid="scores-undo"
                        disabled=move || !handle.can_undo()
                        on:click=move |_| { handle.undo(); }>
                        {move || t().undo}
                    </button>
                    <button type="button" data-testid="scores-redo"
                        disabled=move || !handle.can_redo()
                        on:click=move |_| { handle.redo(); }>
                        {move || t().redo}
                    </button>
                </div>
            </div>
            <article class="scores" data-testid="scores-view">
                <h1 data-testid="scores-title">{move || (t().page_title)(&handle.name())}</h1>
                <JourneyScoreHeader scores=handle.scores/>
                <IllusionNotice scores=handle.scores threshold=handle.threshold()/>
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
        </MapFrame>
    }
}
