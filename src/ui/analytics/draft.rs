//! "Draft a map from this log" (an event log, in the worker, or a warehouse aggregate, on
//! the page): the two filters (share of activities, share of paths),
//! the number and names of the stages, a preview of the draft the worker computes
//! (`journey_core::analytics::draft`, `Request::Draft`) in which any activity can be moved
//! to another stage, then "Create this map" — a new map through `AppState::add_drafted_map`, opened
//! on the canvas. The goal is the page's (the goal step above). Undo on the new map removes
//! it again while it is unedited; after a reload or an edit it asks first (`AppState::undo`).

use journey_core::analytics::draft::{draft_from_aggregate, Draft, DraftOptions, StageMove, MAX_STAGES};
use journey_core::analytics::session::Request;
use journey_core::analytics::PlannedVsActual;
use journey_core::locale::{duration, number};
use leptos::prelude::*;

use super::goal::{activity_names, current_map, goal_of, timeout_s};
use super::more_note::{more_note, Kind};
use super::Ctx;
use crate::i18n::analytics_draft::draft_texts;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::{AppState, NewMap};

/// The draft step's signals (held by the page's `Ctx`, so worker replies reach them).
#[derive(Clone, Copy)]
pub struct DraftSignals {
    pub draft: RwSignal<Option<Draft>>,
    pub busy: RwSignal<bool>,
    pub planned_vs_actual: RwSignal<Option<PlannedVsActual>>,
    /// Planned vs actual shown on the canvas (`pva_open.rs`), and against what.
    pub canvas: RwSignal<Option<super::pva_open::CanvasFrom>>,
}

impl DraftSignals {
    pub fn new() -> DraftSignals {
        DraftSignals { draft: RwSignal::new(None), busy: RwSignal::new(false), planned_vs_actual: RwSignal::new(None), canvas: RwSignal::new(None) }
    }

    /// Forgets the draft and the comparison (a new file was chosen or imported).
    pub fn clear(&self) {
        self.draft.set(None);
        self.busy.set(false);
        self.planned_vs_actual.set(None);
        if self.canvas.with_untracked(|c| matches!(c, Some(super::pva_open::CanvasFrom::Log))) {
            self.canvas.set(None);
        }
    }
}

/// The user's choices before drafting.
#[derive(Clone, Copy)]
struct Choices {
    activity_pct: RwSignal<u32>,
    path_pct: RwSignal<u32>,
    stage_count: RwSignal<usize>,
    stage_names: RwSignal<Vec<String>>,
    moves: RwSignal<Vec<StageMove>>,
}

fn request_draft(ctx: Ctx, c: Choices) {
    let (Some(names), Some(map)) = (activity_names(ctx), current_map(ctx)) else { return };
    let lang = ctx.state.lang.get_untracked();
    let options = DraftOptions {
        source_name: ctx.file_name.get_untracked(),
        activity_share: c.activity_pct.get_untracked() as f64 / 100.0,
        path_share: c.path_pct.get_untracked() as f64 / 100.0,
        goal_activities: goal_of(&names, &map).activities,
        timeout_s: timeout_s(&map),
        stage_count: c.stage_count.get_untracked(),
        stage_names: c.stage_names.get_untracked(),
        moves: c.moves.get_untracked(),
        map_name: String::new(),
    };
    // An aggregate is drafted here (a few kilobytes, no worker): its goal and τ are the
    // query's own.
    if let Some(agg) = ctx.aggregate.get_untracked() {
        match draft_from_aggregate(&agg, &options, "draft", 0.0, lang) {
            Ok(d) => ctx.draft.draft.set(Some(d)),
            Err(refusal) => ctx.error.set(Some(refusal.reason.get(lang).to_string())),
        }
        return;
    }
    ctx.draft.busy.set(true);
    ctx.send(&Request::Draft { options, map_id: "draft".into(), now_ms: 0.0, lang }, None);
}

#[component]
pub fn DraftView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || draft_texts(state.lang.get());
    let c = Choices {
        activity_pct: RwSignal::new(100),
        path_pct: RwSignal::new(80),
        stage_count: RwSignal::new(5),
        stage_names: RwSignal::new(Vec::new()),
        moves: RwSignal::new(Vec::new()),
    };
    let goal = Memo::new(move |_| {
        if let Some(g) = ctx.aggregate.with(|a| a.as_ref().map(|a| a.goal_activities.join(", "))) {
            return Some(g);
        }
        let names = activity_names(ctx)?;
        let map = ctx.map.map.get()?;
        Some(goal_of(&names, &map).activities.join(", "))
    });
    let on_draft = move |_| request_draft(ctx, c);
    let stage_inputs = move || {
        let lang = state.lang.get();
        (0..c.stage_count.get())
            .map(|i| {
                let placeholder = ctx.draft.draft.with(|d| d.as_ref().and_then(|d| d.stages.get(i).map(|s| s.name.clone())));
                let value = move || c.stage_names.with(|n| n.get(i).cloned().unwrap_or_default());
                let on_input = move |ev: leptos::ev::Event| {
                    let v = event_target_value(&ev);
                    c.stage_names.update(|n| {
                        if n.len() <= i {
                            n.resize(i + 1, String::new());
                        }
                        n[i] = v;
                    });
                };
                let label = (draft_texts(lang).stage_name)(i + 1);
                view! {
                    <label class="draft-stage-name">{label}
                        <input type="text" prop:value=value placeholder=placeholder.unwrap_or_default() on:change=on_input
                            data-testid="draft-stage-name"/>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        {move || ctx.result.with(Option::is_some).then(|| view! {
            <section class="metrics draft" data-testid="draft" aria-labelledby="draft-title">
                <h2 id="draft-title">{t().title}</h2>
                <p class="intro">{t().intro}</p>
                <p data-testid="draft-goal">{move || match goal.get() {
                    Some(g) if !g.is_empty() => (t().goal)(&g),
                    _ => t().no_goal.to_string(),
                }}</p>
                <div class="draft-controls">
                    <label>{move || (t().activity_share)(c.activity_pct.get() as f64 / 100.0, state.lang.get())}
                        <input type="range" min="5" max="100" step="5" prop:value=move || c.activity_pct.get().to_string()
                            on:input=move |ev| c.activity_pct.set(event_target_value(&ev).parse().unwrap_or(100))
                            data-testid="draft-activity-share"/>
                    </label>
                    <label>{move || (t().path_share)(c.path_pct.get() as f64 / 100.0, state.lang.get())}
                        <input type="range" min="0" max="100" step="5" prop:value=move || c.path_pct.get().to_string()
                            on:input=move |ev| c.path_pct.set(event_target_value(&ev).parse().unwrap_or(80))
                            data-testid="draft-path-share"/>
                    </label>
                    <label>{move || t().stage_count}
                        <input type="number" min="1" max=MAX_STAGES.to_string() prop:value=move || c.stage_count.get().to_string()
                            on:change=move |ev| {
                                let n: usize = event_target_value(&ev).trim().parse().unwrap_or(5);
                                c.stage_count.set(n.clamp(1, MAX_STAGES));
                                c.moves.set(Vec::new());
                            }
                            data-testid="draft-stage-count"/>
                    </label>
                </div>
                <div class="draft-stage-names">{stage_inputs}</div>
                <p><button type="button" class="primary" on:click=on_draft data-testid="draft-button">{move || t().draft_button}</button>
                    {move || ctx.draft.busy.get().then(|| view! { " " <span role="status">{t().drafting}</span> })}</p>
                <DraftPreview choices=c/>
            </section>
        })}
    }
}

#[component]
fn DraftPreview(choices: Choices) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let created = RwSignal::new(None::<(String, String)>);
    let create = move |_| {
        let Some(draft) = ctx.draft.draft.get_untracked() else { return };
        let name = draft.map.name.clone();
        // The drafted map keeps how its log was read: next period's file re-measures it in one step.
        let recipe = ctx.recipe.get_untracked();
        let build = move |id: String, now: f64, _lang| {
            let mut map = draft.map;
            if let Some(r) = &recipe {
                map.analytics.set_recipe(r);
            }
            map.id = id;
            map.created_at = now;
            map.updated_at = now;
            map
        };
        if let Some(id) = state.add_drafted_map(NewMap::Builder(Box::new(build))) {
            created.set(Some((id.clone(), name)));
            // The map opens at its top (this page was scrolled down to the draft).
            window().scroll_to_with_x_and_y(0.0, 0.0);
            navigate(&Page::map(id));
        }
    };
    move || {
        let lang = state.lang.get();
        let t = draft_texts(lang);
        let d = ctx.draft.draft.get()?;
        let stage_names: Vec<String> = d.stages.iter().map(|s| s.name.clone()).collect();
        let rows = d
            .activities
            .iter()
            .map(|a| {
                let activity = a.activity.clone();
                let options = stage_names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| view! { <option value=i.to_string() selected=i == a.stage>{n.clone()}</option> })
                    .collect_view();
                let on_move = {
                    let activity = activity.clone();
                    move |ev: leptos::ev::Event| {
                        let Ok(stage) = event_target_value(&ev).parse::<usize>() else { return };
                        choices.moves.update(|m| {
                            m.retain(|x| x.activity != activity);
                            m.push(StageMove { activity: activity.clone(), stage });
                        });
                        request_draft(ctx, choices);
                    }
                };
                view! {
                    <tr data-testid="draft-row" data-activity=activity.clone() data-stage=a.stage.to_string()>
                        <th scope="row">{activity.clone()}</th>
                        <td>{number(a.cases as f64, 0, lang)}</td>
                        <td><select aria-label=(t.move_to)(&activity) on:change=on_move data-testid="draft-move">{options}</select></td>
                    </tr>
                }
            })
            .collect_view();
        let stage_times = d
            .stages
            .iter()
            .filter_map(|s| s.time_to_next_stage_s.map(|x| view! { <li>{(t.stage_time)(&s.name, &duration(x, lang))}</li> }))
            .collect_view();
        let list = |items: Vec<String>| items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
        let dropped_a: Vec<String> = d.dropped_activities.iter().map(|x| format!("{} ({})", x.activity, number(x.cases as f64, 0, lang))).collect();
        let dropped_p: Vec<String> = d.dropped_paths.iter().map(|x| format!("{} → {} ({})", x.from, x.to, number(x.cases as f64, 0, lang))).collect();
        // The worker sends at most `shown::SHOWN_ACTIVITIES` of each; the counts are of all.
        let (n_a, n_p) = (dropped_a.len() + d.more_dropped.count as usize, dropped_p.len() + d.more_dropped_paths.count as usize);
        Some(view! {
            <div class="draft-preview" data-testid="draft-preview">
                <h3>{(t.preview_title)(d.map.touchpoints.len(), d.map.stages.len())}</h3>
                <p data-testid="draft-main-route">{(t.main_route)(&d.main_route.join(" → "), d.main_route_cases, lang)}</p>
                <div class="table-scroll"><table data-testid="draft-table">
                    <thead><tr><th scope="col">{t.activity_col}</th><th scope="col">{t.cases_col}</th><th scope="col">{t.stage_col}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
                <ul class="draft-stage-times">{stage_times}</ul>
                {(!d.notes.is_empty()).then(|| view! {
                    <h4>{t.notes}</h4>
                    <ul data-testid="draft-notes">{list(d.notes.iter().map(|n| n.get(lang).to_string()).collect())}</ul>
                })}
                <h4>{t.to_fill_in}</h4>
                <ul data-testid="draft-to-fill">{list(d.to_fill_in.iter().map(|n| n.get(lang).to_string()).collect())}</ul>
                {(n_a > 0).then(|| view! {
                    <details data-testid="draft-dropped-activities"><summary>{(t.dropped_activities)(n_a)}</summary><ul>{list(dropped_a)}</ul>
                        {more_note(d.more_dropped, Kind::Other, lang)}</details>
                })}
                {(n_p > 0).then(|| view! {
                    <details data-testid="draft-dropped-paths"><summary>{(t.dropped_paths)(n_p)}</summary><ul>{list(dropped_p)}</ul>
                        {more_note(d.more_dropped_paths, Kind::Other, lang)}</details>
                })}
                <p><button type="button" class="primary" on:click=create data-testid="draft-create">{t.create}</button></p>
                {move || created.get().map(|(id, name)| view! {
                    <p role="status" data-testid="draft-created">{(draft_texts(state.lang.get()).created)(&name)} " "
                        <a href=Page::map(id).href()>{draft_texts(state.lang.get()).open_created}</a></p>
                })}
            </div>
        })
    }
}
