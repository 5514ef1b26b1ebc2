//! The journey's goal and the two measuring controls: which activities complete the
//! journey (default: those matched to the end of the map's main route; several allowed;
//! when that end has no matched activity, the page names it and offers the matching for
//! it — `goal_end.rs`; the most frequent last activity is never a one-click default on a
//! map with a main route), the drop-off timeout and the funnel window. All three are stored with the map
//! (`map.analytics`), and every change re-analyses the log in the worker so the drop-off
//! table, the funnel and a later apply agree.

use journey_core::analytics::session::Request;
use journey_core::analytics::{goal_activities, in_journey_order, journey_order, AnalysisOptions, Goal, GoalSource, DEFAULT_TIMEOUT_S};
use journey_core::entry::read_number;
use journey_core::locale::plain;
use journey_core::model::{JourneyMap, Lang};
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use crate::i18n::analytics_trust::trust_texts;
use crate::ui::state::AppState;

/// The log's activity names (most frequent first), once a log is imported.
pub fn activity_names(ctx: Ctx) -> Option<Vec<String>> {
    ctx.result.with(|r| r.as_ref().map(|r| r.report.volumes.activities.iter().map(|a| a.activity.clone()).collect()))
}

/// The log's activity names in journey order: where they come in the customers' cases;
/// for an aggregate (no positions) matched ones along the map, then the rest.
pub fn ordered_names(ctx: Ctx, names: &[String], map: &JourneyMap) -> Vec<String> {
    let wanted: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
    ctx.result
        .with_untracked(|r| r.as_ref().and_then(|r| in_journey_order(&r.report.volumes.activities)))
        .map(|o| o.into_iter().filter(|a| wanted.contains(a.as_str())).collect::<Vec<_>>())
        .filter(|o| o.len() == names.len())
        .unwrap_or_else(|| journey_order(names, map))
}

/// How many activities the matching and goal steps list (a row each, with a select or a
/// checkbox): the most frequent; a log with more is almost surely mapped wrong
/// (`ImportWarning::TooManyActivities`), and thousands of selects would stall the page.
pub const LISTED: usize = 300;

/// The `LISTED` most frequent activity names, and the line saying how many of how many.
pub fn listed(ctx: Ctx, names: &[String], lang: Lang) -> (Vec<String>, Option<String>) {
    let total = ctx.result.with_untracked(|r| r.as_ref().map_or(0, |r| r.report.activities)).max(names.len() as u64);
    if total as usize <= LISTED {
        return (names.to_vec(), None);
    }
    let note = (crate::i18n::analytics_bounds::bounds_texts(lang).listed_of)(LISTED.min(names.len()) as u64, total);
    (names[..LISTED.min(names.len())].to_vec(), Some(note))
}

/// The page's map (untracked).
pub fn current_map(ctx: Ctx) -> Option<JourneyMap> {
    ctx.map.get_untracked()
}

/// The goal for the imported log on the map as it is now.
pub fn goal_of(names: &[String], map: &JourneyMap) -> Goal {
    goal_activities(names, map)
}

/// τ in seconds as stored with the map, or the default.
pub fn timeout_s(map: &JourneyMap) -> f64 {
    map.analytics.drop_off_timeout_s.filter(|t| t.is_finite() && *t >= 0.0).unwrap_or(DEFAULT_TIMEOUT_S)
}

/// Analysis options from the map's settings: its goal and timeout.
pub fn options_for(names: &[String], map: &JourneyMap) -> AnalysisOptions {
    let mut o = AnalysisOptions::default();
    o.drop_off.end_activities = goal_of(names, map).activities;
    o.drop_off.timeout_s = timeout_s(map);
    o
}

/// Asks the worker to analyse the kept log again with the map's goal and timeout.
pub fn reanalyze(ctx: Ctx) {
    let (Some(names), Some(map)) = (activity_names(ctx), current_map(ctx)) else { return };
    ctx.plan.set(None); // a preview of the old numbers would be stale
    if ctx.aggregate.with_untracked(Option::is_some) {
        return; // an aggregate's metrics are fixed by its query; nothing to re-run
    }
    ctx.send(&Request::Analyze { options: options_for(&names, &map) }, None);
}

#[component]
pub fn GoalView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let map = ctx.map.map;
    let names = Memo::new(move |_| activity_names(ctx));
    let edit = move |f: Box<dyn FnOnce(&mut JourneyMap)>| {
        ctx.map.edit(f);
        reanalyze(ctx);
    };
    move || {
        let t = analytics_texts(state.lang.get());
        let names = names.get()?;
        let map = map.get()?;
        let goal = goal_of(&names, &map);
        let end_title = goal
            .main_route_end
            .as_ref()
            .and_then(|id| map.touchpoints.iter().find(|tp| &tp.id == id))
            .map(|tp| tp.title.clone())
            .unwrap_or_default();
        let tt = trust_texts(state.lang.get());
        let source = match goal.source {
            GoalSource::MainRouteEnd => (t.goal_from_route)(&end_title),
            GoalSource::Chosen => t.goal_chosen.to_string(),
            GoalSource::EndNotMatched => (tt.goal_end_unmatched)(&end_title),
            GoalSource::NoMainRoute => tt.goal_no_route.to_string(),
        };
        let suggestion = ctx.result.with(|r| r.as_ref().and_then(|r| r.report.drop_off.suggested_end_activity.clone()));
        let missing = goal.source.is_missing();
        let current = goal.activities.clone();
        let end_step = (goal.source == GoalSource::EndNotMatched).then(|| goal.main_route_end.clone()).flatten().map(|end| {
            let end2 = end.clone();
            let on_choose = Callback::new(move |activity: String| {
                let end = end2.clone();
                ctx.map.edit(move |m| m.analytics.set_choice(&activity, Some(end)));
                reanalyze(ctx);
                ctx.request_deviation();
                ctx.funnel_version.update(|n| *n += 1);
            });
            view! { <super::goal_end::EndMatching end=end names=ordered_names(ctx, &listed(ctx, &names, state.lang.get()).0, &map) on_choose=on_choose/> }
        });
        let (shown, listed_note) = listed(ctx, &names, state.lang.get());
        let boxes = ordered_names(ctx, &shown, &map)
            .iter()
            .map(|a| {
                let checked = current.contains(a);
                let (a1, cur) = (a.clone(), current.clone());
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    let mut next: Vec<String> = cur.iter().filter(|g| **g != a1).cloned().collect();
                    if on {
                        next.push(a1.clone());
                    }
                    edit(Box::new(move |m| m.analytics.goal_activities = next));
                };
                view! {
                    <li><label><input type="checkbox" prop:checked=checked on:change=toggle
                        data-testid="goal-activity" data-activity=a.clone()/> " " {a.clone()}</label></li>
                }
            })
            .collect_view();
        // The frequency guess only on a map without a main route, and only as a labelled
        // suggestion: on a map with one, the goal comes from its end (matched above).
        let use_suggestion = suggestion.clone().filter(|_| goal.source == GoalSource::NoMainRoute).map(|s| {
            let s2 = s.clone();
            view! {
                <p><button type="button" data-testid="goal-suggestion"
                    on:click=move |_| { let s = s2.clone(); edit(Box::new(move |m| m.analytics.goal_activities = vec![s])) }>
                    {(t.goal_suggestion)(&s)}</button></p>
            }
        });
        let reset = (goal.source == GoalSource::Chosen && goal.main_route_end.is_some()).then(|| view! {
            <button type="button" class="link" data-testid="goal-reset"
                on:click=move |_| edit(Box::new(|m| m.analytics.goal_activities.clear()))>{t.goal_reset}</button>
        });
        // Shown and read in the UI's language through the one formatter and the one reader
        // (`locale::plain`, `entry::read_number`): "1.234,5" and "1,234.5" both work.
        let lang = state.lang.get();
        let days = plain(timeout_s(&map) / 86_400.0, 6, lang);
        let hours = map.analytics.funnel_window_s.map(|w| plain(w / 3600.0, 6, lang)).unwrap_or_default();
        Some(view! {
            <section class="metrics goal" data-testid="goal">
                <h2>{t.goal_title}</h2>
                <p class="muted">{t.goal_hint}</p>
                <p data-testid="goal-source" class:analytics-error=missing>{source} " " {reset}</p>
                {end_step}
                {missing.then(|| view! { <p class="muted" data-testid="pick-goal">{tt.pick_goal}</p> })}
                {use_suggestion}
                <fieldset class="goal-activities">
                    <legend>{t.goal_legend}</legend>
                    {listed_note.map(|n| view! { <p class="muted" data-testid="listed-note">{n}</p> })}
                    <ul class="goal-list">{boxes}</ul>
                </fieldset>
                <div class="funnel-controls">
                    <p class="mapping-field">
                        <label for="drop-off-days">{t.timeout_label}</label>
                        <input id="drop-off-days" type="text" inputmode="decimal" prop:value=days data-testid="drop-off-days"
                            on:change=move |ev| {
                                if let Some(d) = typed(&event_target_value(&ev), lang) {
                                    if d >= 0.0 {
                                        edit(Box::new(move |m| m.analytics.drop_off_timeout_s = Some(d * 86_400.0)));
                                    }
                                }
                            }/>
                    </p>
                    <p class="mapping-field">
                        <label for="funnel-window">{t.window_label}</label>
                        <input id="funnel-window" type="text" inputmode="decimal" prop:value=hours placeholder=t.window_hint data-testid="funnel-window"
                            on:change=move |ev| {
                                let w = typed(&event_target_value(&ev), lang).filter(|h| *h > 0.0).map(|h| h * 3600.0);
                                ctx.map.edit(move |m| m.analytics.funnel_window_s = w);
                                ctx.funnel_version.update(|n| *n += 1);
                            }/>
                    </p>
                </div>
            </section>
        })
    }
}

/// A number typed into a goal control in `lang` (`None`: empty, not a number, or a `%`).
fn typed(text: &str, lang: Lang) -> Option<f64> {
    read_number(text, Some(lang)).ok().flatten().filter(|t| !t.percent).map(|t| t.value)
}
