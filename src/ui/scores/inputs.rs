//! Inline inputs for a touchpoint's score inputs: number fields (drop-off, CSAT, CES,
//! volume) and choices (emotion, importance, contact class and reason).
//!
//! A field commits on `change` (Enter or leaving it), so one typed value is one undo step.
//! Typed text is parsed by `journey_core::score::TouchpointField`; a refused value changes
//! nothing and the row shows why. Each input's shown value is a memo of the stored value,
//! so it only changes when that value does (undo, redo, an edit elsewhere).

use journey_core::entry::{EntryError, TouchpointField};
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;
use super::choice::{choice_select, Choice};

/// The refused entry of a row: which field (its key) and why.
pub type RowProblem = RwSignal<Option<(&'static str, EntryError)>>;

/// The id of the element that shows a row's problem, for `aria-describedby`.
pub fn problem_id(tp_id: &str) -> String {
    format!("score-problem-{tp_id}")
}

/// The accessible name of an input in a row: "Drop-off (%) – Pays".
fn label_for(ctx: MapHandle, tp_id: &str, field: &'static str) -> String {
    (scores_texts(ctx.state.lang.get()).field_for)(field, &ctx.title_of(tp_id))
}

#[component]
pub fn NumberField(tp_id: String, field: TouchpointField, problem: RowProblem) -> impl IntoView {
    let ctx = MapHandle::current();
    let shown = {
        let id = tp_id.clone();
        Memo::new(move |_| {
            let lang = ctx.state.lang.get();
            ctx.map.with(|m| m.as_ref().and_then(|m| m.touchpoint(&id)).map(|tp| field.show(tp, lang)).unwrap_or_default())
        })
    };
    let invalid = move || problem.with(|p| p.as_ref().is_some_and(|(k, _)| *k == field.key())).then_some("true");
    let label = {
        let id = tp_id.clone();
        move || label_for(ctx, &id, field.label(ctx.state.lang.get()))
    };
    let commit = {
        let id = tp_id.clone();
        move |text: String| match field.parse(&text, ctx.state.lang.get_untracked()) {
            Ok(value) => {
                problem.update(|p| {
                    if p.as_ref().is_some_and(|(k, _)| *k == field.key()) {
                        *p = None;
                    }
                });
                ctx.edit(|m| {
                    if let Some(tp) = m.touchpoint_mut(&id) {
                        field.set(tp, value);
                    }
                });
            }
            Err(e) => problem.set(Some((field.key(), e))),
        }
    };
    view! {
        <input type="text" inputmode="decimal" class="score-input" size="5"
            data-testid=format!("input-{}", field.key())
            aria-label=label
            aria-invalid=invalid
            aria-describedby=problem_id(&tp_id)
            prop:value=move || shown.get()
            on:change=move |ev| commit(event_target_value(&ev)) />
    }
}

/// A choice of a touchpoint in the table (the shared `choice` widget), edited through the
/// page's `MapHandle`.
#[component]
pub fn ChoiceField(tp_id: String, choice: Choice) -> impl IntoView {
    let ctx = MapHandle::current();
    let current = {
        let id = tp_id.clone();
        Memo::new(move |_| ctx.map.with(|m| m.as_ref().and_then(|m| m.touchpoint(&id)).map(choice.get).unwrap_or_default()))
    };
    let label = {
        let id = tp_id.clone();
        Signal::derive(move || label_for(ctx, &id, (choice.label)(ctx.state.lang.get())))
    };
    choice_select(choice, format!("input-{}", choice.key), "score-select", Some(label), ctx.state.lang, current, move |key| {
        ctx.edit(|m| {
            if let Some(tp) = m.touchpoint_mut(&tp_id) {
                (choice.set)(tp, &key);
            }
        });
    })
}
