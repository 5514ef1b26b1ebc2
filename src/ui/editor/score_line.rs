//! The map page's score line: the journey score, completion and weakest stage in one line,
//! and the touchpoint-illusion warning as a word in that line — the full header and warning
//! (the scores page's) open on demand, so the map keeps the screen.

use journey_core::icons::Tool;
use journey_core::locale::percent;
use journey_core::score::format_score;
use leptos::prelude::*;

use crate::i18n::canvas::canvas_texts;
use crate::i18n::scores::scores_texts;
use crate::ui::icons::tool_icon;
use crate::ui::scores::{IllusionNotice, JourneyScoreHeader, ScoreBadge};
use crate::ui::shell::map_frame::MapHandle;

#[component]
pub fn ScoreLine(map: MapHandle) -> impl IntoView {
    let scores = map.scores;
    let lang = move || map.state.lang.get();
    let journey = Signal::derive(move || scores.with(|s| s.as_ref()?.journey.as_ref().map(|j| j.value)));
    let completion = move || {
        scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.journey.as_ref()?.completion.as_ref())
                .map(|c| percent(c.rate, 1, lang()))
                .unwrap_or_else(|| scores_texts(lang()).unknown.to_string())
        })
    };
    let weakest = move || {
        scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.journey.as_ref()?.weakest_stage.as_ref())
                .map(|w| format!("{} {}", w.stage_name, format_score(w.value, lang())))
                .unwrap_or_else(|| scores_texts(lang()).unknown.to_string())
        })
    };
    let illusion = Memo::new(move |_| scores.with(|s| s.as_ref().is_some_and(|s| s.illusion.is_some())));
    view! {
        <details class="score-line" data-testid="map-score-header">
            <summary>
                <span class="score-line-label">{move || scores_texts(lang()).journey_score}</span>
                <ScoreBadge testid="map-journey-score" value=journey/>
                <span class="score-line-part">{move || canvas_texts(lang()).completion_short} " " <strong>{completion}</strong></span>
                <span class="score-line-part">{move || canvas_texts(lang()).weakest_short} " " <strong>{weakest}</strong></span>
                <Show when=move || illusion.get()>
                    <span class="illusion-chip" data-testid="illusion-chip">{tool_icon(Tool::Warning)} " " {move || canvas_texts(lang()).illusion_short}</span>
                </Show>
                <span class="score-line-more">{move || canvas_texts(lang()).score_details}</span>
            </summary>
            <div class="score-line-details">
                <JourneyScoreHeader scores=map.scores/>
                <IllusionNotice scores=map.scores threshold=map.threshold()/>
            </div>
        </details>
    }
}
