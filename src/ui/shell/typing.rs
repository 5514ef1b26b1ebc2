//! Typing is saved without leaving the field. The editor's text fields commit on `change`
//! (when the field loses focus); text typed and then left by a reload or a closed tab
//! never got there. Here, for every text field of the app at once:
//!
//! - an `input` event marks the field as holding uncommitted text and the save status as
//!   pending ("All changes saved" only when it is true);
//! - half a second after the last keystroke the field's own `change` handler runs (a
//!   `change` event is dispatched on it), so the text goes through `AppState::edit_map` like
//!   any edit, and the autosave writes it. What the field shows is left as the user typed it
//!   (a handler that trims would otherwise take a trailing space while typing);
//! - on `pagehide`, on `visibilitychange` to hidden and on `beforeunload` every uncommitted
//!   field is committed and the autosave flushed at once (local storage writes are
//!   synchronous, so this finishes before the page goes);
//! - `beforeunload` asks before leaving while a write is still pending or has failed.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::AppState;

/// Quiet time after the last keystroke before the text is committed.
const COMMIT_AFTER_MS: u64 = 500;

thread_local! {
    /// Fields with text typed since their last commit.
    static PENDING: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
    static TIMER: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

/// A text field whose typing is saved: text inputs and text areas (not numbers, whose
/// half-typed values would be refused).
fn text_field(target: Option<web_sys::EventTarget>) -> Option<web_sys::HtmlElement> {
    let el = target?.dyn_into::<web_sys::HtmlElement>().ok()?;
    if el.is_instance_of::<web_sys::HtmlTextAreaElement>() {
        return Some(el);
    }
    let input = el.dyn_ref::<web_sys::HtmlInputElement>()?;
    matches!(input.type_().as_str(), "text" | "search" | "url" | "email" | "").then_some(el)
}

fn value_of(el: &web_sys::HtmlElement) -> Option<String> {
    el.dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .or_else(|| el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
}

fn set_value(el: &web_sys::HtmlElement, value: &str) {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let (start, end) = (t.selection_start().ok().flatten(), t.selection_end().ok().flatten());
        t.set_value(value);
        if let (Some(s), Some(e)) = (start, end) {
            let _ = t.set_selection_range(s, e);
        }
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let (start, end) = (i.selection_start().ok().flatten(), i.selection_end().ok().flatten());
        i.set_value(value);
        if let (Some(s), Some(e)) = (start, end) {
            let _ = i.set_selection_range(s, e);
        }
    }
}

/// Whether some typed text is not committed yet.
pub fn has_pending() -> bool {
    PENDING.with(|p| !p.borrow().is_empty())
}

/// Runs the `change` handlers of every field with uncommitted text, then writes.
/// `leaving`: the page is going away, so what the fields show does not matter.
pub fn commit_pending(state: AppState, leaving: bool) {
    TIMER.with(|t| {
        if let Some(h) = t.borrow_mut().take() {
            h.clear();
        }
    });
    let fields: Vec<web_sys::HtmlElement> = PENDING.with(|p| p.borrow_mut().drain(..).collect());
    state.typing_committed();
    for el in fields {
        if !el.is_connected() {
            continue;
        }
        let typed = value_of(&el);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("change", &init) {
            let _ = el.dispatch_event(&event);
        }
        if leaving {
            continue;
        }
        // The handler's edit re-renders the field with the stored (e.g. trimmed) text a
        // moment later; the user keeps what they typed, the next commit takes it again.
        if let Some(typed) = typed {
            set_timeout(
                move || {
                    if value_of(&el).as_deref() != Some(typed.as_str()) && el.is_same_node(document().active_element().as_deref().map(|e| e.as_ref())) {
                        set_value(&el, &typed);
                    }
                },
                std::time::Duration::from_millis(0),
            );
        }
    }
    state.flush();
}

/// Installs the listeners for the whole app (once, in the shell).
pub fn install(state: AppState) {
    let on_input = window_event_listener(leptos::ev::input, move |ev| {
        let Some(el) = text_field(ev.target()) else { return };
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            if !p.iter().any(|f| f.is_same_node(Some(el.as_ref()))) {
                p.push(el);
            }
        });
        state.note_typing();
        TIMER.with(|t| {
            if let Some(h) = t.borrow_mut().take() {
                h.clear();
            }
            *t.borrow_mut() =
                set_timeout_with_handle(move || commit_pending(state, false), std::time::Duration::from_millis(COMMIT_AFTER_MS)).ok();
        });
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| commit_pending(state, true));
    let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            commit_pending(state, true);
        }
    });
    let on_beforeunload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        commit_pending(state, true);
        if state.unsaved_work() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || {
        // The first-load module's shell is unmounted when the whole app takes over: a
        // commit scheduled now would reach a disposed state.
        TIMER.with(|t| {
            if let Some(h) = t.borrow_mut().take() {
                h.clear();
            }
        });
        on_input.remove();
        on_pagehide.remove();
        on_visibility.remove();
        on_beforeunload.remove();
    });
}
