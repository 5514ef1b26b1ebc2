//! Planned vs actual: the page's map (the plan) beside what the customers in the imported
//! log did (`journey_core::analytics::planned_vs_log`, asked of the worker after every import
//! and whenever the map changes). Two columns — planned touchpoints (reached or not) and
//! actual activities (planned or not) — and the findings with their numbers.

use journey_core::analytics::session::Request;
use leptos::prelude::*;

use super::more_note::{more_note, Kind};
use super::Ctx;
use crate::i18n::analytics_draft::draft_texts;
use crate::ui::state::AppState;

/// Asks the worker for planned vs actual of the map as it is now (raw logs only: an
/// aggregate's steps are not per case).
pub fn request(ctx: Ctx) {
    if ctx.aggregate.with_untracked(Option::is_some) || ctx.result.with_untracked(Option::is_none) {
        return;
    }
    if let Some(map) = ctx.map.get_untracked() {
        ctx.send(&Request::PlannedVsActual { map }, None);
    }
}

#[component]
pub fn PlannedActualView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    // The map changed (matching, apply, undo): compare again.
    Effect::new(move |prev: Option<()>| {
        ctx.map.map.track();
        if prev.is_some() {
            request(ctx);
        }
    });
    move || {
        let lang = state.lang.get();
        let t = draft_texts(lang);
        let r = ctx.draft.planned_vs_actual.get()?;
        let map = ctx.map.map.get()?;
        let unreached: std::collections::HashSet<&str> = r.unreached_touchpoints.iter().map(|u| u.touchpoint_id.as_str()).collect();
        let planned = map
            .touchpoints
            .iter()
            .map(|tp| {
                let missing = unreached.contains(tp.id.as_str());
                view! {
                    <li class:pva-missing=missing data-testid="pva-planned" data-reached=(!missing).to_string()>
                        {tp.title.clone()}
                        {missing.then(|| view! { " — " <strong>{t.no_case}</strong> })}
                    </li>
                }
            })
            .collect_view();
        // Every activity of the log, most cases first; those the plan lacks marked.
        let activities = ctx.result.with(|x| x.as_ref().map(|x| x.report.volumes.activities.clone())).unwrap_or_default();
        let unplanned: std::collections::HashSet<&str> = r.unplanned_activities.iter().map(|u| u.activity.as_str()).collect();
        let actual = activities
            .iter()
            .map(|a| {
                let extra = unplanned.contains(a.activity.as_str());
                view! {
                    <li class:pva-extra=extra data-testid="pva-actual" data-planned=(!extra).to_string()>
                        {a.activity.clone()} " — " {(t.cases_of)(a.cases, a.presence, lang)}
                        {extra.then(|| view! { ", " <strong>{t.not_in_plan}</strong> })}
                    </li>
                }
            })
            .collect_view();
        let section = |title: &'static str, testid: &'static str, lines: Vec<String>| {
            let empty = lines.is_empty();
            view! {
                <h4>{title}</h4>
                {if empty {
                    view! { <p class="muted" data-testid=testid>{t.none_found}</p> }.into_any()
                } else {
                    view! { <ul data-testid=testid>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                }}
            }
        };
        let text = |x: &journey_core::locale::Text| x.get(lang).to_string();
        let lines = r.lines();
        let (n_act, n_unr, n_rt, n_unt) =
            (r.unplanned_activities.len(), r.unreached_touchpoints.len(), r.unplanned_routes.len(), r.untaken_routes.len());
        let mut it = lines.iter();
        let mut take = |n: usize| it.by_ref().take(n).map(text).collect::<Vec<_>>();
        let (l_act, l_unr, l_rt, l_unt, l_vol) = (take(n_act), take(n_unr), take(n_rt), take(n_unt), take(usize::MAX));
        Some(view! {
            <section class="metrics planned-actual" data-testid="planned-actual" aria-labelledby="pva-title">
                <h2 id="pva-title">{t.pva_title}</h2>
                <p>{t.pva_intro} " " {(t.total_cases)(r.cases, lang)}</p>
                <super::pva_open::OpenFromLog/>
                {r.matches_plan().then(|| view! { <p data-testid="pva-matches">{t.matches_plan}</p> })}
                <div class="pva-columns">
                    <div><h3>{t.planned_col}</h3><ul>{planned}</ul></div>
                    <div><h3>{t.actual_col}</h3><ul>{actual}</ul></div>
                </div>
                {section(t.unplanned_activities, "pva-unplanned-activities", l_act)}
                {more_note(r.more_unplanned, Kind::Activities, lang)}
                {section(t.unreached, "pva-unreached", l_unr)}
                {section(t.unplanned_routes, "pva-unplanned-routes", l_rt)}
                {section(t.untaken_routes, "pva-untaken-routes", l_unt)}
                {if r.plan_has_volumes {
                    section(t.volume_differences, "pva-volumes", l_vol).into_any()
                } else {
                    view! { <h4>{t.volume_differences}</h4><p class="muted">{t.no_volumes}</p> }.into_any()
                }}
            </section>
        })
    }
}
