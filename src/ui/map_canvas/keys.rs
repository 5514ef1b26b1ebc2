//! The canvas keyboard: arrow keys, Home and End move the selection (see
//! `journey_core::canvas::nav`), Alt+←/→ moves the selected card along its row (or the
//! selected stage), Enter opens the inspector, F2 renames in place, Delete asks whether to
//! delete the selection, Esc closes the inspector and then clears the selection. Keys typed
//! into a field are the field's.

use journey_core::canvas::{navigate, nav::move_along_row, Move, Selection};
use journey_core::model::Step;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctx::Cv;

/// True when the key goes to a text field, a select or a button the user is on.
fn in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select" | "button"))
}

pub fn on_canvas_key(cv: Cv, ev: web_sys::KeyboardEvent) {
    if in_field(&ev) || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let key = ev.key();
    let selection = cv.selection.get_untracked();
    if ev.alt_key() {
        let Some(m) = Move::from_key(&key).filter(|m| matches!(m, Move::Left | Move::Right)) else { return };
        ev.prevent_default();
        match selection {
            Some(Selection::Touchpoint(id)) => cv.edit(|map| {
                move_along_row(map, &id, m);
            }),
            Some(Selection::Stage(id)) => cv.edit(|map| {
                map.step_stage(&id, if m == Move::Left { Step::Left } else { Step::Right });
            }),
            None => return,
        }
        cv.focus_selection();
        return;
    }
    if let Some(m) = Move::from_key(&key) {
        ev.prevent_default();
        let next = cv.layout.with_untracked(|l| navigate(l, selection.as_ref(), m));
        cv.confirm_delete.set(false);
        cv.selection.set(next);
        cv.focus_selection();
        return;
    }
    match key.as_str() {
        "Enter" if selection.is_some() => {
            ev.prevent_default();
            cv.inspector.set(true);
            focus_inspector();
        }
        "F2" => {
            let id = match selection {
                Some(Selection::Touchpoint(id)) | Some(Selection::Stage(id)) => id,
                None => return,
            };
            ev.prevent_default();
            cv.renaming.set(Some(id));
        }
        "Delete" if selection.is_some() => {
            ev.prevent_default();
            cv.ask_delete();
        }
        "Escape" => {
            ev.prevent_default();
            if cv.inspector.get_untracked() {
                cv.inspector.set(false);
            } else {
                cv.selection.set(None);
            }
        }
        _ => {}
    }
}

/// Moves the focus to the inspector's first field once it is drawn.
pub fn focus_inspector() {
    request_animation_frame(|| {
        let first = document().query_selector("[data-testid=\"inspector\"] input, [data-testid=\"inspector\"] textarea").ok().flatten();
        if let Some(el) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
