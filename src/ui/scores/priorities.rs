//! "Where to act first": scored touchpoints ranked by importance × gap × volume share,
//! with every factor shown so the order can be checked by hand; the first 20 of a long map.

use journey_core::score::{format_score, Weighting};
use journey_core::locale::{plain, percent};
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;

/// Rows of the ranking: where to act first is the top of it; a 3,000-touchpoint map's whole
/// ranking was 24,000 elements.
const SHOWN: usize = 20;

#[component]
pub fn Priorities() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let body = move || {
        let lang = ctx.state.lang.get();
        let t = scores_texts(lang);
        ctx.scores.with(|s| {
            let Some(list) = s.as_ref().map(|s| &s.priorities) else { return ().into_any() };
            if list.entries.is_empty() {
                return view! { <p class="empty">{t.no_priorities}</p> }.into_any();
            }
            let rows = list
                .entries
                .iter()
                .take(SHOWN)
                .map(|e| {
                    let importance = if e.importance_assumed {
                        format!("{} {}", plain(e.importance, 0, lang), t.importance_assumed)
                    } else {
                        plain(e.importance, 0, lang)
                    };
                    view! {
                        <tr data-testid="priority-row">
                            <td>{e.rank}</td>
                            <th scope="row">{ctx.title_of(&e.touchpoint_id)}</th>
                            <td>{importance}</td>
                            <td>{format_score(e.gap, lang)}</td>
                            <td>{percent(e.volume_share, 1, lang)}</td>
                            <td><strong>{plain(e.priority, 2, lang)}</strong></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{t.rank}</th>
                        <th scope="col">{t.touchpoint}</th>
                        <th scope="col">{t.importance}</th>
                        <th scope="col">{t.gap}</th>
                        <th scope="col">{t.volume_share}</th>
                        <th scope="col">{t.priority}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {(list.entries.len() > SHOWN).then(|| view! { <p class="muted" data-testid="priorities-more">{(t.priorities_more)(SHOWN, list.entries.len())}</p> })}
                {(list.volume_weighting == Weighting::Equal).then(|| view! { <p class="muted">{t.equal_shares}</p> })}
            }
            .into_any()
        })
    };
    view! {
        <section class="priorities" data-testid="priorities" aria-labelledby="priorities-title">
            <h2 id="priorities-title">{move || t().priorities_title}</h2>
            <p class="formula">{move || t().priority_formula}</p>
            {body}
        </section>
    }
}
