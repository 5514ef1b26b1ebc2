//! Into the map, with a preview: "Preview changes" asks the worker for a plan (every
//! change as touchpoint or route, field, before → after, plus the activities without a
//! touchpoint); the table shows it; Apply stores the plan's map through
//! `AppState::edit_map` (one undo step, Undo offered right here), Cancel drops it. Survey
//! results come through the same preview (see `survey.rs`).

use journey_core::analytics::session::Request;
use journey_core::analytics::{ApplyOptions, ApplyPlan, Change, ChangeField, ChangeTarget, ChangeValue};
use journey_core::model::{EvidenceKind, Lang};
use journey_core::locale::{number, percent, plain};
use leptos::prelude::*;

use super::coverage::{ApplyChoices, CoverageView};
use super::goal::{activity_names, current_map, goal_of, timeout_s};
use super::more_note::{more_note, Kind};
use super::Ctx;
use crate::i18n::analytics::{analytics_texts, AnalyticsTexts};
use crate::ui::state::AppState;

#[component]
pub fn ApplyView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    let p = move || analytics_texts(state.lang.get());
    let create_routes = RwSignal::new(false);
    let clear_other = RwSignal::new(false);
    let plan_now = move || {
        let (Some(map), Some(names)) = (current_map(ctx), activity_names(ctx)) else { return };
        ctx.contacts_potential.set(None);
        let mut options = ApplyOptions {
            source_file: ctx.file_name.get_untracked(),
            date: crate::ui::browser::time::today(),
            create_alternative_routes: create_routes.get_untracked(),
            drop_off: Default::default(),
            clear_other_periods: clear_other.get_untracked(),
        };
        // An aggregate is planned here (no worker, no raw events): the goal and τ are the
        // query's, fixed in the file.
        if let Some(agg) = ctx.aggregate.get_untracked() {
            return super::aggregate::plan(ctx, &agg, &map, &options);
        }
        options.drop_off.end_activities = goal_of(&names, &map).activities;
        options.drop_off.timeout_s = timeout_s(&map);
        ctx.send(&Request::PlanApply { map, options }, None);
    };
    provide_context(ApplyChoices { clear_other, replan: Callback::new(move |()| plan_now()) });
    // "Import next period with this map's recipe": the preview follows the import.
    Effect::new(move |_| {
        if ctx.result.with(Option::is_some) && ctx.auto_preview.get_untracked() {
            ctx.auto_preview.set(false);
            clear_other.set(false);
            plan_now();
        }
    });
    let preview = move |_| {
        clear_other.set(false); // a new preview starts without clearing anything
        plan_now();
    };
    let undo = move |_| {
        if state.undo(&ctx.map.id()) {
            ctx.plan.set(None);
            ctx.not_derivable.set(None);
            ctx.notice.set(Some(|l| analytics_texts(l).undone));
            ctx.request_deviation();
        }
    };
    // Undo stays offered after leaving and coming back: the history lives in AppState.
    let undo_button = move || {
        state.can_undo(&ctx.map.id()).then(|| view! {
            <button type="button" on:click=undo data-testid="undo-apply">{t().undo}</button>
        })
    };
    view! {
        <section class="metrics apply" data-testid="apply">
            {move || ctx.result.with(Option::is_some).then(|| view! {
                <h2>{t().apply_title}</h2>
                <p>{t().apply_hint}</p>
                <p><label><input type="checkbox" prop:checked=move || create_routes.get()
                    on:change=move |ev| create_routes.set(event_target_checked(&ev))/> " " {t().create_routes}</label></p>
                <button type="button" class="primary" on:click=preview data-testid="preview-apply">{p().preview_button}</button>
                " "
            })}
            {undo_button}
            {move || ctx.not_derivable.get().map(|titles| {
                let note = (crate::i18n::analytics::analytics_texts(state.lang.get()).not_derivable)(&titles);
                view! { <p class="muted" data-testid="not-derivable">{note}</p> }
            })}
        </section>
        <PlanPreview survey=false/>
    }
}

/// The preview of `ctx.plan`, with Apply and Cancel; shown by the part it came from
/// (`survey`: the survey section, else the apply section).
#[component]
pub fn PlanPreview(survey: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let apply = move |_| {
        if let Some(plan) = ctx.plan.get_untracked() {
            ctx.plan.set(None);
            ctx.contacts_potential.set(None);
            store_applied(ctx, plan.map);
        }
    };
    let cancel = move |_| {
        ctx.plan.set(None);
        ctx.contacts_potential.set(None);
        ctx.notice.set(Some(|l| analytics_texts(l).plan_cancelled));
    };
    move || {
        let lang = state.lang.get();
        let t = analytics_texts(lang);
        if ctx.plan_from_survey.get() != survey {
            return None;
        }
        let plan = ctx.plan.get()?;
        let rows = plan.changes.iter().map(|c| change_row(c, t, lang)).collect_view();
        let coverage = (!survey).then(|| view! { <CoverageView plan=plan.clone()/> });
        let unmatched = plan
            .unmatched_activities
            .iter()
            .map(|u| view! { <li>{format!("{} ({})", u.activity, number(u.events as f64, 0, lang))}</li> })
            .collect_view();
        Some(view! {
            <section class="metrics apply-preview" data-testid="apply-preview" aria-labelledby="apply-preview-title">
                <h2 id="apply-preview-title">{t.preview_title}</h2>
                {goal_line(&plan, t)}
                {(!survey).then(|| super::contacts_step::potential_line(ctx, lang))}
                {(!survey && ctx.recipe.with(Option::is_some) && ctx.contacts_potential.with(Option::is_none)).then(|| view! {
                    <p class="muted" data-testid="preview-recipe">{crate::i18n::analytics_history::history_texts(lang).recipe_stored}</p>
                })}
                {coverage}
                {if plan.changes.is_empty() {
                    view! { <p data-testid="preview-empty">{t.preview_empty}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll"><table data-testid="preview-table">
                            <thead><tr><th scope="col">{t.what}</th><th scope="col">{t.field}</th>
                                <th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table></div>
                    }.into_any()
                }}
                {(!plan.unmatched_activities.is_empty()).then(|| view! {
                    <h3>{t.unmatched_title}</h3>
                    <ul data-testid="preview-unmatched">{unmatched}</ul>
                })}
                {more_note(plan.more_unmatched, Kind::Activities, lang)}
                <p class="preview-actions">
                    <button type="button" class="primary" on:click=apply data-testid="apply-plan">{t.plan_apply}</button>
                    " "
                    <button type="button" on:click=cancel data-testid="cancel-plan">{t.plan_cancel}</button>
                </p>
            </section>
        })
    }
}

fn goal_line(plan: &ApplyPlan, t: &AnalyticsTexts) -> Option<AnyView> {
    if plan.goal_missing {
        return Some(view! { <p class="analytics-error" data-testid="preview-goal">{t.preview_no_goal}</p> }.into_any());
    }
    (!plan.goal_activities.is_empty())
        .then(|| view! { <p data-testid="preview-goal">{(t.preview_goal)(&plan.goal_activities.join(", "))}</p> }.into_any())
}

fn change_row(c: &Change, t: &AnalyticsTexts, lang: Lang) -> impl IntoView {
    let what = match &c.target {
        ChangeTarget::Touchpoint { title, .. } => title.clone(),
        ChangeTarget::Route { from_title, to_title, new: true, .. } => (t.new_route)(from_title, to_title),
        ChangeTarget::Route { from_title, to_title, .. } => (t.route)(from_title, to_title),
        ChangeTarget::Map => t.whole_map.to_string(),
    };
    let (field, key) = match c.field {
        ChangeField::Volume => (t.f_volume, "volume"),
        ChangeField::DropOffRate => (t.f_drop_off, "drop_off_rate"),
        ChangeField::ThroughputTimeS => (t.f_throughput, "throughput_time_s"),
        ChangeField::Csat => (t.f_csat, "csat"),
        ChangeField::Ces => (t.f_ces, "ces"),
        ChangeField::Nps => (t.f_nps, "nps"),
        ChangeField::Evidence => (t.f_evidence, "evidence"),
        ChangeField::JourneyThroughputs => (t.f_journeys, "journey_throughputs"),
        ChangeField::Period => (crate::i18n::analytics_trust::trust_texts(lang).f_period, "period"),
        ChangeField::ContactClass => (crate::i18n::analytics_contacts::contacts_texts(lang).class_col, "contact_class"),
        ChangeField::ContactReason => (crate::i18n::analytics_contacts::contacts_texts(lang).kind_col, "contact_reason"),
    };
    let show = |v: &Option<ChangeValue>| v.as_ref().map_or_else(|| "–".to_string(), |v| value(c.field, v, lang));
    let raw = |v: &Option<ChangeValue>| match v {
        Some(ChangeValue::Number(n)) => n.to_string(),
        Some(ChangeValue::Text(s)) => s.clone(),
        None => String::new(),
    };
    view! {
        <tr data-testid="preview-row" data-what=what.clone() data-field=key data-after=raw(&c.after) data-before=raw(&c.before)>
            <th scope="row">{what.clone()}</th><td>{field}</td>
            <td>{show(&c.before)}</td><td>{format!("→ {}", show(&c.after))}</td>
        </tr>
    }
}

/// A value as the field is read: rates as percentages, times in their unit.
fn value(field: ChangeField, v: &ChangeValue, lang: Lang) -> String {
    let n = match v {
        ChangeValue::Text(s) if field == ChangeField::Evidence => return evidence(s, lang),
        ChangeValue::Text(s) if field == ChangeField::ContactClass => {
            let class = journey_core::score::CLASSES.into_iter().find(|c| c.key() == s);
            return class.map_or_else(|| s.clone(), |c| journey_core::score::contact_class_label(c, lang).to_string());
        }
        ChangeValue::Text(s) if field == ChangeField::ContactReason => {
            let reason = journey_core::score::REASONS.into_iter().find(|c| c.key() == s);
            return reason.map_or_else(|| s.clone(), |c| journey_core::score::contact_reason_label(c, lang).to_string());
        }
        ChangeValue::Text(s) => return s.clone(),
        ChangeValue::Number(n) => *n,
    };
    match field {
        ChangeField::DropOffRate | ChangeField::Ces => percent(n, 1, lang),
        ChangeField::ThroughputTimeS => (analytics_texts(lang).seconds)(n),
        ChangeField::Csat => plain(n, 2, lang),
        ChangeField::Nps => {
            let s = plain(n, 0, lang);
            if n > 0.0 { format!("+{s}") } else { s }
        }
        _ => number(n, 0, lang),
    }
}

/// The core writes evidence as `kind` or `kind: source` with the English key; shown in
/// the UI language with the glossary's words.
fn evidence(text: &str, lang: Lang) -> String {
    let (kind, source) = match text.split_once(": ") {
        Some((k, s)) => (k, Some(s)),
        None => (text, None),
    };
    let word = EvidenceKind::from_key_or_label(kind).map_or(kind, |k| k.label(lang));
    match source {
        Some(s) => format!("{word}: {s}"),
        None => word.to_string(),
    }
}

/// Stores the planned map as one undoable edit.
pub fn store_applied(ctx: Ctx, new_map: journey_core::model::JourneyMap) {
    if new_map.id != ctx.map.id() {
        return;
    }
    ctx.map.edit(|m| *m = new_map);
    ctx.notice.set(Some(|l| analytics_texts(l).applied));
    ctx.request_deviation();
}
