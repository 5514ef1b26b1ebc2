//! App-wide keys: undo/redo of the map on every page of a map, wherever the focus is, and
//! `?` for the overlay that lists every shortcut (also opened by a button in the header).
//!
//! Undo/redo listen on the window in the capture phase, so they run before any field or page
//! handler and are the only undo in the app: Ctrl+Z inside a text field does not run the
//! browser's own text undo (which would leave the map and the field disagreeing). The field
//! is committed first — blurring it fires its `change`, which writes the typed text into the
//! map as one undo step — and then that step is undone, so Ctrl+Z right after typing takes
//! back the typing. The focus returns to the field afterwards.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::route::{use_page, Page};
use crate::i18n::shortcuts::shortcut_texts;
use crate::ui::state::AppState;

/// The map a page shows, for the pages where undo/redo act on a map.
fn map_of(page: &Page) -> Option<String> {
    match page {
        Page::Map(id, _) => Some(id.clone()),
        Page::Library | Page::Shared(_) | Page::NotFound => None,
    }
}

/// The element the key was typed into, when it is a text field (typing, not choosing).
fn text_field(ev: &web_sys::KeyboardEvent) -> Option<web_sys::HtmlElement> {
    let el = ev.target()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    let tag = el.tag_name().to_ascii_lowercase();
    let typing = match tag.as_str() {
        "textarea" => true,
        "input" => !matches!(
            el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        _ => el.is_content_editable(),
    };
    typing.then_some(el)
}

#[derive(Clone, Copy, PartialEq)]
enum History {
    Undo,
    Redo,
}

fn history_key(ev: &web_sys::KeyboardEvent) -> Option<History> {
    if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
        return None;
    }
    match ev.key().to_ascii_lowercase().as_str() {
        "z" if ev.shift_key() => Some(History::Redo),
        "z" => Some(History::Undo),
        "y" => Some(History::Redo),
        _ => None,
    }
}

/// Mounted once by the app: the key handling and the overlay.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = use_page();
    let open = RwSignal::new(false);
    // The element that had the focus before the overlay opened, to give it back.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let show = move || {
        before.set_value(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
        open.set(true);
        request_animation_frame(|| {
            if let Some(b) = document().get_element_by_id("shortcuts-close").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = b.focus();
            }
        });
    };
    let hide = move || {
        open.set(false);
        if let Some(el) = before.get_value() {
            let _ = el.focus();
        }
    };

    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
        if open.get_untracked() {
            // The overlay is modal: Esc and ? close it, Tab stays on its button.
            match ev.key().as_str() {
                "Escape" | "?" => hide(),
                "Tab" => {}
                _ => return,
            }
            ev.prevent_default();
            ev.stop_propagation();
            return;
        }
        if let Some(which) = history_key(&ev) {
            let Some(id) = map_of(&page.get_untracked()) else { return };
            ev.prevent_default();
            ev.stop_propagation();
            let step = move || match which {
                History::Undo => state.undo(&id),
                History::Redo => state.redo(&id),
            };
            match text_field(&ev) {
                Some(field) => {
                    let _ = field.blur();
                    // Let the page draw the committed value before stepping back, so that
                    // every field shows the map again (a field whose value went "" → typed
                    // → "" within one tick would keep showing the typed text).
                    request_animation_frame(move || {
                        step();
                        request_animation_frame(move || {
                            if field.is_connected() {
                                let _ = field.focus();
                            }
                        });
                    });
                }
                None => {
                    step();
                }
            }
            return;
        }
        if ev.key() == "?" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && text_field(&ev).is_none() {
            ev.prevent_default();
            show();
        }
    });
    let _ = window().add_event_listener_with_callback_and_bool("keydown", on_key.as_ref().unchecked_ref(), true);
    let on_key = StoredValue::new_local(Some(on_key));
    on_cleanup(move || {
        if let Some(f) = on_key.try_update_value(Option::take).flatten() {
            let _ = window().remove_event_listener_with_callback_and_bool("keydown", f.as_ref().unchecked_ref(), true);
        }
    });

    let t = move || shortcut_texts(state.lang.get());
    view! {
        <button type="button" class="shortcuts-button" data-testid="shortcuts-open" aria-keyshortcuts="?"
            on:click=move |_| show()>{move || t().open}</button>
        <Show when=move || open.get()>
            <div class="shortcuts-backdrop" on:click=move |_| hide()></div>
            <div class="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts">
                <div class="shortcuts-head">
                    <h2 id="shortcuts-title">{move || t().title}</h2>
                    <button type="button" id="shortcuts-close" data-testid="shortcuts-close" on:click=move |_| hide()>{move || t().close}</button>
                </div>
                <p class="muted">{move || t().intro}</p>
                {move || t().sections.iter().map(|(heading, rows)| view! {
                    <section>
                        <h3>{*heading}</h3>
                        <dl>
                            {rows.iter().map(|(keys, what)| view! {
                                <div data-testid="shortcut"><dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd></div>
                            }).collect_view()}
                        </dl>
                    </section>
                }).collect_view()}
            </div>
        </Show>
    }
}
