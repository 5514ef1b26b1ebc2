//! Funnel over a chosen sequence of steps: pick activities one after another, choose the
//! mode, and the worker computes conversion and drop-off per step on the loaded log. The
//! steps start as the activities along the map's main route, the conversion window is the
//! one set with the goal (stored with the map), and each step also shows its drop-off rate
//! against the goal: the same number the table above shows and Apply writes into the map.

use journey_core::analytics::session::Request;
use journey_core::analytics::{main_route_activities, FunnelMode, FunnelSpec};
use leptos::prelude::*;

use super::goal::current_map;
use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use journey_core::locale::percent;
use crate::ui::state::AppState;

#[component]
pub fn FunnelView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    let steps = RwSignal::new(Vec::<String>::new());
    let choice = RwSignal::new(String::new());
    let mode = RwSignal::new(FunnelMode::Ordered);
    let activities = Memo::new(move |_| {
        ctx.result.with(|r| r.as_ref().map(|r| r.report.volumes.activities.iter().map(|a| a.activity.clone()).collect::<Vec<_>>()))
    });
    let add = move |_| {
        let pick = choice.get_untracked();
        let pick = if pick.is_empty() { activities.get_untracked().and_then(|a| a.first().cloned()).unwrap_or_default() } else { pick };
        if !pick.is_empty() {
            steps.update(|s| s.push(pick));
        }
    };
    let compute = move || {
        if ctx.aggregate.with_untracked(Option::is_some) {
            return; // an aggregate has no per-case order to build a funnel from
        }
        let window_s = current_map(ctx).and_then(|m| m.analytics.funnel_window_s);
        let spec = FunnelSpec { steps: steps.get_untracked(), mode: mode.get_untracked(), window_s };
        if !spec.steps.is_empty() {
            ctx.send(&Request::Funnel { spec }, None);
        }
    };
    let run = move |_| compute();
    // A new import, a new match or window: start from the main route if no steps are
    // chosen yet, and compute again.
    Effect::new(move |_| {
        ctx.funnel_version.track();
        let Some(acts) = activities.get_untracked() else { return };
        if steps.with_untracked(Vec::is_empty) {
            if let Some(map) = current_map(ctx) {
                steps.set(main_route_activities(&acts, &map));
            }
        }
        compute();
    });
    move || {
        if ctx.aggregate.with(Option::is_some) {
            let note = crate::i18n::analytics_aggregate::aggregate_texts(state.lang.get()).funnel_needs_raw;
            return Some(view! {
                <section class="metrics funnel" data-testid="funnel-needs-raw"><h2>{t().funnel}</h2><p class="muted">{note}</p></section>
            }.into_any());
        }
        let acts = activities.get()?;
        let options = acts.iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view();
        Some(view! {
            <section class="metrics funnel" data-testid="funnel">
                <h2>{t().funnel}</h2>
                <div class="funnel-controls">
                    <p class="mapping-field">
                        <label for="funnel-activity">{t().funnel_add_label}</label>
                        <select id="funnel-activity" on:change=move |ev| choice.set(event_target_value(&ev))>{options}</select>
                    </p>
                    <button type="button" on:click=add data-testid="funnel-add">{t().funnel_add}</button>
                    <p class="mapping-field">
                        <label for="funnel-mode">{t().funnel_mode}</label>
                        <select id="funnel-mode" on:change=move |ev| mode.set(match event_target_value(&ev).as_str() {
                            "strict" => FunnelMode::Strict,
                            "unordered" => FunnelMode::Unordered,
                            _ => FunnelMode::Ordered,
                        })>
                            <option value="ordered">{t().mode_ordered}</option>
                            <option value="strict">{t().mode_strict}</option>
                            <option value="unordered">{t().mode_unordered}</option>
                        </select>
                    </p>
                </div>
                <ol class="funnel-steps" data-testid="funnel-steps">
                    {move || steps.get().into_iter().enumerate().map(|(i, s)| view! {
                        <li>{s.clone()} " "
                            <button type="button" class="link" aria-label=format!("{} {}", t().remove, s)
                                on:click=move |_| steps.update(|v| { if i < v.len() { v.remove(i); } })>{t().remove}</button>
                        </li>
                    }).collect_view()}
                </ol>
                {move || steps.with(Vec::is_empty).then(|| view! { <p class="muted">{t().funnel_empty}</p> })}
                <button type="button" on:click=move |_| steps.set(Vec::new())>{t().funnel_clear}</button>
                " "
                <button type="button" class="primary" on:click=run disabled=move || steps.with(Vec::is_empty) data-testid="funnel-run">{t().funnel_run}</button>
                <FunnelTable/>
            </section>
        }.into_any())
    }
}

#[component]
fn FunnelTable() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = analytics_texts(lang);
        let f = ctx.funnel.get()?;
        // Drop-off against the goal, per step activity: the number written into the map.
        let goal_rate = |a: &str| {
            ctx.result.with(|r| {
                let d = &r.as_ref()?.report.drop_off;
                if d.goal_missing {
                    return None;
                }
                Some(d.by_activity.iter().find(|x| x.activity == a).map_or(0.0, |x| x.rate))
            })
        };
        let rows = f.steps.iter().enumerate().map(|(i, s)| view! {
            <tr><td>{i + 1}</td><th scope="row">{s.activity.clone()}</th><td>{s.cases}</td>
                <td>{percent(s.step_conversion, 0, lang)}</td><td>{percent(s.overall_conversion, 0, lang)}</td><td>{s.drop_off}</td>
                <td data-testid="funnel-goal-rate">{goal_rate(&s.activity).map(|r| percent(r, 0, lang)).unwrap_or_else(|| "–".into())}</td></tr>
        }).collect_view();
        Some(view! {
            <div class="table-scroll"><table data-testid="funnel-table">
                <thead><tr><th scope="col">{t.step}</th><th scope="col">{t.activity}</th><th scope="col">{t.cases}</th>
                    <th scope="col">{t.step_conversion}</th><th scope="col">{t.overall_conversion}</th><th scope="col">{t.drop_off}</th>
                    <th scope="col">{t.drop_off_rate_goal}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        })
    }
}
