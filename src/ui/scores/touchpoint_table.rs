//! The touchpoint table: one row per touchpoint in stage order with its score (number,
//! band word and colour), how it was computed, and its score inputs edited inline. A volume
//! of another measurement period than the map's (`model::period_mix`) is marked, with one
//! sentence above the table, so volumes of different periods are not read as one. A long
//! map's table shows [`ROWS_PER_PART`] rows at a time with Previous / Next.

use journey_core::model::{other_period_mark, period_mix, JourneyMap, Lang, PeriodMix};
use journey_core::entry::TouchpointField;
use leptos::prelude::*;

use super::explain::{formula_line, left_out_line, used_line};
use super::choice::{Choice, CLASS, EMOTION, IMPORTANCE, REASON};
use super::inputs::{problem_id, ChoiceField, NumberField, RowProblem};
use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;
use crate::ui::scores::badge::ScoreBadge;

/// Touchpoint ids in stage order (and within a stage in map order), as on the board.
fn ids_in_stage_order(map: &JourneyMap) -> Vec<String> {
    map.stages.iter().flat_map(|s| map.touchpoints_in(&s.id)).map(|t| t.id.clone()).collect()
}

/// Rows the table shows at once: every row holds eight inputs, so a 3,000-touchpoint map
/// built 216,000 elements and took seconds to open; a part of 100 stays well under a
/// second (benchmarks/README.md, "Big maps").
pub const ROWS_PER_PART: usize = 100;

#[component]
pub fn TouchpointTable() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let all = Memo::new(move |_| ctx.map.with(|m| m.as_ref().map(ids_in_stage_order).unwrap_or_default()));
    // The part shown, kept in range when touchpoints go (undo, another tab).
    let part = RwSignal::new(0usize);
    let parts = move || all.with(|a| a.len().div_ceil(ROWS_PER_PART)).max(1);
    let shown_part = move || part.get().min(parts() - 1);
    let ids = move || {
        let p = shown_part();
        all.with(|a| a.iter().skip(p * ROWS_PER_PART).take(ROWS_PER_PART).cloned().collect::<Vec<_>>())
    };
    let pager = move || {
        let n = all.with(Vec::len);
        (n > ROWS_PER_PART).then(|| {
            let p = shown_part();
            let (from, to) = (p * ROWS_PER_PART + 1, ((p + 1) * ROWS_PER_PART).min(n));
            let (first, last) = (p == 0, p + 1 >= parts());
            view! {
                <nav class="table-pager" data-testid="score-pager" aria-label=move || t().touchpoints_title>
                    <button type="button" disabled=first data-testid="score-rows-previous"
                        on:click=move |_| part.set(p.saturating_sub(1))>{t().rows_previous}</button>
                    " " <span role="status" data-testid="score-rows">{(t().rows_of)(from, to, n)}</span> " "
                    <button type="button" disabled=last data-testid="score-rows-next"
                        on:click=move |_| part.set(p + 1)>{t().rows_next}</button>
                </nav>
            }
        })
    };
    let lang = move || ctx.state.lang.get();
    let field = move |f: TouchpointField| move || f.label(lang());
    let mix = Memo::new(move |_| ctx.map.with(|m| m.as_ref().map(period_mix)).unwrap_or_default());
    provide_context(mix);
    view! {
        <section class="touchpoint-scores" aria-labelledby="touchpoint-scores-title">
            <h2 id="touchpoint-scores-title">{move || t().touchpoints_title}</h2>
            <p class="hint">{move || t().table_hint}</p>
            {move || mix.with(|m| m.note(lang())).map(|n| view! { <p class="period-note" data-testid="mixed-periods-note">{n}</p> })}
            {pager}
            <Show when=move || all.with(Vec::is_empty)>
                <p class="empty">{move || t().no_touchpoints}</p>
            </Show>
            <div class="table-scroll">
                <table class="score-table" data-testid="score-table">
                    <thead><tr>
                        <th scope="col">{move || t().touchpoint}</th>
                        <th scope="col">{move || t().score}</th>
                        <th scope="col">{move || t().computed}</th>
                        <th scope="col">{move || t().emotion}</th>
                        <th scope="col">{field(TouchpointField::Csat)}</th>
                        <th scope="col">{field(TouchpointField::Ces)}</th>
                        <th scope="col">{field(TouchpointField::DropOff)}</th>
                        <th scope="col">{move || t().importance}</th>
                        <th scope="col">{field(TouchpointField::Volume)}</th>
                        <th scope="col">{move || t().contact_class}</th>
                        <th scope="col">{move || t().contact_reason}</th>
                    </tr></thead>
                    <tbody>
                        <For each=ids key=|id: &String| id.clone() children=move |id| view! { <TouchpointRow id/> }/>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn TouchpointRow(id: String) -> impl IntoView {
    let ctx = MapHandle::current();
    let problem: RowProblem = RwSignal::new(None);
    let result = {
        let id = id.clone();
        Memo::new(move |_| ctx.scores.with(|s| s.as_ref().and_then(|s| s.touchpoint(&id)).cloned()))
    };
    let on_route = {
        let id = id.clone();
        Memo::new(move |_| ctx.scores.with(|s| s.as_ref().is_some_and(|s| s.main_route.touchpoint_ids.contains(&id))))
    };
    let value = Signal::derive(move || result.with(|r| r.as_ref()?.score.as_ref().map(|s| s.value)));
    let title = {
        let id = id.clone();
        move || ctx.title_of(&id)
    };
    let stage = {
        let id = id.clone();
        move || {
            let stage_id = ctx.map.with(|m| m.as_ref().and_then(|m| m.touchpoint(&id)).map(|t| t.stage_id.clone()));
            stage_id.map(|s| ctx.stage_name(&s)).unwrap_or_default()
        }
    };
    let lang = move || ctx.state.lang.get();
    let other_period = {
        let (id, mix) = (id.clone(), expect_context::<Memo<PeriodMix>>());
        move || mix.with(|m| m.touchpoint_is_other(&id))
    };
    let explanation = move || {
        let lang: Lang = lang();
        result.with(|r| {
            let Some(r) = r else { return view! { <div></div> }.into_any() };
            let used: Vec<String> = r.score.as_ref().map(|s| s.used.iter().map(|u| used_line(u, lang)).collect()).unwrap_or_default();
            let formula = formula_line(r, lang);
            let left_out = left_out_line(r, lang);
            view! {
                <div>
                    <ul class="used">{used.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
                    {formula.map(|f| view! { <p class="formula">{f}</p> })}
                    {left_out.map(|l| view! { <p class="left-out muted">{l}</p> })}
                </div>
            }
            .into_any()
        })
    };
    let message = {
        let id = id.clone();
        move || {
            let lang = lang();
            problem.with(|p| p.as_ref().map(|(_, e)| (scores_texts(lang).refused)(&ctx.title_of(&id), &e.message(lang))))
        }
    };
    let no_message = {
        let message = message.clone();
        move || message().is_none()
    };
    let number = |field: TouchpointField| view! { <td><NumberField tp_id=id.clone() field problem/></td> };
    let choice = |choice: Choice| view! { <td><ChoiceField tp_id=id.clone() choice/></td> };
    view! {
        <tr data-testid="score-row" data-touchpoint-id=id.clone() data-main-route=move || on_route.get().to_string()>
            <th scope="row">
                <span class="tp-title">{title}</span>
                <span class="tp-stage muted">{stage}</span>
                <Show when=move || on_route.get()>
                    <span class="route-mark">"➜ " {move || scores_texts(lang()).on_main_route}</span>
                </Show>
                // Also beside the name: at 1366 px the volume column may lie beyond the
                // table's scroll edge, and the mark must be seen without scrolling.
                {
                    let other_period = other_period.clone();
                    move || other_period().then(|| view! {
                        <span class="period-mark" data-testid="other-period-row">{move || scores_texts(lang()).volume_other_period}</span>
                    })
                }
            </th>
            <td><ScoreBadge value testid="touchpoint-score"/></td>
            <td class="explain">{explanation}</td>
            {choice(EMOTION)}
            {number(TouchpointField::Csat)}
            {number(TouchpointField::Ces)}
            {number(TouchpointField::DropOff)}
            {choice(IMPORTANCE)}
            <td>
                <NumberField tp_id=id.clone() field=TouchpointField::Volume problem/>
                {move || other_period().then(|| view! {
                    <span class="period-mark" data-testid="other-period-mark">{other_period_mark(lang())}</span>
                })}
            </td>
            {choice(CLASS)}
            {choice(REASON)}
        </tr>
        <tr class="row-problem" hidden=no_message>
            // The cell keeps its role; the alert exists only while there is something to say.
            <td colspan="11" id=problem_id(&id) data-testid="score-problem">
                {move || message().map(|m| view! { <span role="alert">{m}</span> })}
            </td>
        </tr>
    }
}
