//! The keyboard side of every small confirm ("Delete …?" in the library, on the canvas, for
//! snapshots and measures): when it opens it takes the focus (its safe button, marked
//! `data-cancel`), Esc closes it, and when it closes the focus goes back to the button that
//! opened it — or, when that is gone (the thing was deleted), where `fallback` says. Its
//! accessible name is its question. [`ConfirmBox`] is the whole confirm; the canvas's own
//! (`map_canvas/confirm_delete.rs`) uses [`use_dialog`] only.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::page_focus::focus_quietly;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A fresh element id for a dialog's question (`aria-labelledby`).
fn question_id() -> String {
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

/// A confirm as the library, snapshots, measures and the storage meter ask it: the question
/// (its accessible name), anything to list under it, the destructive button and "Cancel" —
/// wired by [`use_dialog`]. Shown by its caller (e.g. in a `Show`); `close` hides it.
#[component]
pub fn ConfirmBox(
    question: Signal<String>,
    yes: Signal<String>,
    no: Signal<String>,
    on_yes: impl Fn() + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] yes_testid: Option<&'static str>,
    #[prop(optional)] no_testid: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let keys = use_dialog(node, close, to_heading);
    let q = question_id();
    let labelled = q.clone();
    view! {
        <div class="confirm" role="alertdialog" aria-modal="false" data-testid=testid
            aria-labelledby=labelled node_ref=node on:keydown=keys>
            <p id=q>{move || question.get()}</p>
            {children.map(|c| c())}
            <button type="button" class="danger" data-testid=yes_testid on:click=move |_| on_yes()>{move || yes.get()}</button>
            <button type="button" data-testid=no_testid data-cancel="" on:click=move |_| close()>{move || no.get()}</button>
        </div>
    }
}
