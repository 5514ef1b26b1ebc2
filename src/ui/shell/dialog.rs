//! The keyboard side of every small confirm ("Delete …?" in the library, on the canvas, for
//! snapshots and measures): when it opens it takes the focus (its safe button, marked
//! `data-cancel`), Esc closes it, and when it closes the focus goes back to the button that
//! opened it — or, when that is gone (the thing was deleted), where `fallback` says. Its
//! accessible name is its question, through [`question_id`].

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::page_focus::focus_quietly;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A fresh element id for a dialog's question (`aria-labelledby`).
pub fn question_id() -> String {
    NEXT.with(|n| {
        n.set(n.get() + 1);
        format!("dialog-question-{}", n.get())
    })
}

/// Wires a dialog that is being shown: call it in the view that shows the dialog (its owner
/// lives exactly as long as the dialog). Returns the keydown handler for the dialog's element
/// (Esc runs `close`).
pub fn use_dialog(
    node: NodeRef<leptos::html::Div>,
    close: impl Fn() + Copy + 'static,
    fallback: fn(),
) -> impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static {
    let opener = StoredValue::new_local(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let safe = el.query_selector("[data-cancel]").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = safe {
                let _ = b.focus();
            }
        }
    });
    on_cleanup(move || {
        let opener = opener.try_get_value().flatten();
        // After the dialog's nodes are gone: only when the focus went with them.
        request_animation_frame(move || {
            let lost = document().active_element().is_none_or(|e| e.node_name().eq_ignore_ascii_case("body"));
            if !lost {
                return;
            }
            match opener.filter(|o| o.is_connected()) {
                Some(o) => {
                    let _ = o.focus();
                }
                None => fallback(),
            }
        });
    });
    move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
    }
}

/// The usual fallback: the page's heading.
pub fn to_heading() {
    let h = document().query_selector("main h1").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = h {
        focus_quietly(&h);
    }
}

/// No fallback: the caller puts the focus somewhere itself.
pub fn nowhere() {}
