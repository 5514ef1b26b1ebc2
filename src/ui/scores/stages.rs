//! Stage scores: one row per stage with its score, how it was averaged and how many of its
//! touchpoints have a score.

use journey_core::score::Weighting;
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;
use crate::ui::scores::badge::ScoreBadge;

#[component]
pub fn StageScores() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let stage_ids = move || ctx.map.with(|m| m.as_ref().map(|m| m.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <section class="stage-scores" data-testid="stage-scores" aria-labelledby="stage-scores-title">
            <h2 id="stage-scores-title">{move || t().stages_title}</h2>
            <table>
                <thead><tr>
                    <th scope="col">{move || t().stage}</th>
                    <th scope="col">{move || t().score}</th>
                    <th scope="col">{move || t().computed}</th>
                </tr></thead>
                <tbody>
                    <For each=stage_ids key=|id: &String| id.clone() children=move |id| view! { <StageRow id/> }/>
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn StageRow(id: String) -> impl IntoView {
    let ctx = MapHandle::current();
    let stage = {
        let id = id.clone();
        move || ctx.scores.with(|s| s.as_ref().and_then(|s| s.stage(&id)).cloned())
    };
    let value = Signal::derive({
        let stage = stage.clone();
        move || stage().and_then(|s| s.value)
    });
    let name = {
        let id = id.clone();
        move || ctx.stage_name(&id)
    };
    let how = move || {
        let t = scores_texts(ctx.state.lang.get());
        stage().map(|s| {
            let weighting = match s.weighting {
                Weighting::Volume => t.weighted_by_volume,
                Weighting::Equal => t.plain_mean,
            };
            if s.scored == 0 {
                (t.scored_of)(s.scored, s.touchpoints)
            } else {
                format!("{} · {}", (t.scored_of)(s.scored, s.touchpoints), weighting)
            }
        })
    };
    view! {
        <tr data-testid="stage-row" data-stage-id=id.clone()>
            <th scope="row">{name}</th>
            <td><ScoreBadge value testid="stage-score"/></td>
            <td class="muted">{how}</td>
        </tr>
    }
}
