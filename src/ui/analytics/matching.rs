//! The matching step: which touchpoint each log activity stands for. Exact and
//! same-letters matches are shown as found; similar names are offered as a labelled
//! suggestion that takes a click; any activity can be matched by hand or left unmatched.
//! Choices are stored with the map (`map.analytics.activity_matches`), so the next import
//! of the same export needs none, and deviation, goal, funnel and apply all follow them.

use journey_core::analytics::{suggest_matches, MatchKind};
use leptos::prelude::*;

use super::goal::{activity_names, listed, ordered_names, reanalyze};
use super::Ctx;
use crate::i18n::analytics::{analytics_texts, AnalyticsTexts};
use crate::ui::state::AppState;

fn kind_label(kind: MatchKind, t: &AnalyticsTexts) -> &'static str {
    match kind {
        MatchKind::Chosen => t.kind_chosen,
        MatchKind::ChosenUnmatched => t.kind_unmatched_chosen,
        MatchKind::EventKey => t.kind_event_key,
        MatchKind::ExactTitle => t.kind_exact,
        MatchKind::CaseInsensitiveTitle => t.kind_case,
        MatchKind::None => t.kind_none,
    }
}

#[component]
pub fn MatchingView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let map = ctx.map.map;
    let names = Memo::new(move |_| activity_names(ctx));
    let choose = move |activity: String, touchpoint: Option<String>| {
        ctx.map.edit(move |m| m.analytics.set_choice(&activity, touchpoint));
        reanalyze(ctx);
        ctx.request_deviation();
        ctx.funnel_version.update(|n| *n += 1);
    };
    move || {
        let t = analytics_texts(state.lang.get());
        let names = names.get()?;
        let map = map.get()?;
        let (names, listed_note) = listed(ctx, &names, state.lang.get());
        let rows = suggest_matches(&ordered_names(ctx, &names, &map), &map)
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let id = format!("match-{i}");
                let current = row.touchpoint_id.clone().unwrap_or_default();
                let options = map
                    .touchpoints
                    .iter()
                    .map(|tp| {
                        let selected = tp.id == current;
                        view! { <option value=tp.id.clone() selected=selected>{tp.title.clone()}</option> }
                    })
                    .collect_view();
                let activity = row.activity.clone();
                let on_change = {
                    let activity = activity.clone();
                    move |ev: leptos::ev::Event| {
                        let v = event_target_value(&ev);
                        choose(activity.clone(), (!v.is_empty()).then_some(v));
                    }
                };
                let suggestion = row.suggestions.first().cloned().map(|s| {
                    let (activity, tp) = (activity.clone(), s.touchpoint_id.clone());
                    view! {
                        <button type="button" class="link suggestion" data-testid="use-suggestion"
                            on:click=move |_| choose(activity.clone(), Some(tp.clone()))>{(t.use_suggestion)(&s.title)}</button>
                    }
                });
                view! {
                    <tr data-testid="match-row" data-activity=row.activity.clone()>
                        <th scope="row"><label for=id.clone()>{row.activity.clone()}</label></th>
                        <td><select id=id on:change=on_change data-testid="match-select">
                            <option value="" selected=current.is_empty()>{t.unmatched}</option>
                            {options}
                        </select></td>
                        <td data-testid="match-kind">{kind_label(row.kind, t)} " " {suggestion}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="metrics matching" data-testid="activity-matching">
                <h2>{t.matching_title}</h2>
                <p class="muted">{t.matching_hint}</p>
                {listed_note.map(|n| view! { <p class="muted" data-testid="listed-note">{n}</p> })}
                <div class="table-scroll"><table>
                    <thead><tr><th scope="col">{crate::i18n::analytics::analytics_texts(state.lang.get()).activity}</th>
                        <th scope="col">{t.touchpoint}</th><th scope="col">{t.how}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </section>
        })
    }
}
