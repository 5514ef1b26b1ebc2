//! `ScoreBadge`: a score as number and word ("72 · good" / "72 · gut"), coloured by its
//! band as an extra cue only. Made to sit on touchpoint cards, in tables and headers:
//!
//! ```ignore
//! let scores = Memo::new(move |_| map.with(|m| m.as_ref().map(journey_core::score::score_map)));
//! view! { <ScoreBadge value=Signal::derive(move || scores.with(|s| s.as_ref()?.touchpoint_value(&tp_id)))/> }
//! ```
//!
//! `None` reads "– · no score": a touchpoint without inputs has no score, which is not 0.

use journey_core::score::{score_label, ScoreBand};
use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::i18n::scores::scores_texts;

#[component]
pub fn ScoreBadge(
    /// The score 0..=100, or `None` when there is none.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// A `data-testid` for tests (e.g. `journey-score`).
    #[prop(optional, into)]
    testid: Option<String>,
    /// Names what the score is for screen readers, e.g. the touchpoint's title.
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let band = move || value.get().map(ScoreBand::of).map(ScoreBand::key).unwrap_or("none");
    let text = move || {
        let lang = state.lang.get();
        match value.get() {
            Some(v) => score_label(v, lang),
            None => format!("– · {}", scores_texts(lang).no_score),
        }
    };
    view! {
        <span class=move || format!("score-badge band-{}", band()) data-band=band data-testid=testid title=title>
            <span class="score-swatch" aria-hidden="true"></span>
            {text}
        </span>
    }
}
