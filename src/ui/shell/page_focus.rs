//! What a screen reader hears when a page opens: `document.title` names the page and the map
//! ("Scores – Coffee to go – Journey Studio"), and after a page change (a link followed, not
//! a fresh load) the focus goes to the new page's heading, so it is read and Tab starts
//! there instead of at the top of the body. Also the skip link, the header's first stop,
//! which jumps to the map (or to the page's heading on other pages).
//!
//! One place for every page and every module: the module that sees the `hashchange` writes
//! the new address into a window property (`route::navigated`); whichever module draws that page's
//! heading first (this one, or the module it starts) focuses it and clears the property. A
//! reload, a first visit or a module started for something else (the flow view handed to the
//! whole app) finds nothing there and leaves the focus alone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::route::{focus_done, navigated, Page};
use crate::i18n::library::library_texts;
use crate::i18n::texts;
use crate::ui::state::AppState;

/// The document title of a page: page, map (when there is one), app.
fn title_of(state: AppState, page: &Page) -> String {
    let lang = state.lang.get();
    let t = texts(lang);
    let parts: Vec<String> = match page {
        Page::Library => vec![library_texts(lang).library_title.into()],
        Page::Shared(_) => vec![t.shared_map_title.into()],
        Page::NotFound => vec![t.page_not_found.into()],
        Page::Map(id, view) => {
            let name = state.library.with(|l| l.get(id).map(|m| m.name.clone())).unwrap_or_else(|| t.map_not_found.into());
            vec![view.label(t).into(), name]
        }
    };
    parts.into_iter().chain([t.app_title.to_string()]).collect::<Vec<_>>().join(" – ")
}

/// Keeps the title in step with the page (and language, and map name) and moves the focus
/// to the heading after a page change. Installed once per module shell and by the app.
pub fn install(state: AppState, page: ReadSignal<Page>) {
    // A memo: the title is read from the library, which every edit changes, but written only
    // when it changes (setting it on each edit cost a map edit ≈ 0.3 ms).
    let title = Memo::new(move |_| page.with(|p| title_of(state, p)));
    Effect::new(move |_| title.with(|t| document().set_title(t)));
    Effect::new(move |_| {
        page.track();
        if navigated() {
            focus_heading(8);
        }
    });
}

/// The page's heading (`main h1`) — or `main` itself — made focusable and focused, once the
/// page has drawn it (a few frames at most; a module still loading draws nothing here).
fn focus_heading(tries: u32) {
    request_animation_frame(move || {
        let found = document().query_selector("main h1").ok().flatten();
        match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Another module may have done it meanwhile.
            Some(h) if navigated() => {
                focus_done();
                focus_quietly(&h);
            }
            Some(_) => {}
            None if tries > 0 => focus_heading(tries - 1),
            None => {}
        }
    });
}

/// Focuses an element that is not a control (a heading, a region): `tabindex=-1` makes it
/// focusable without adding a Tab stop.
pub fn focus_quietly(el: &web_sys::HtmlElement) {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = el.focus();
}

/// The first Tab stop of every page: to the map area on the map page, else to the heading.
#[component]
pub fn SkipLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let on_map = RwSignal::new(false);
    // Whether the map area is there is known only when the link takes the focus.
    let check = move |_| on_map.set(map_area().is_some());
    let jump = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let target = map_area().or_else(|| {
            let el = document().query_selector("main h1").ok().flatten().or_else(|| document().query_selector("main").ok().flatten());
            el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
        if let Some(el) = target {
            focus_quietly(&el);
        }
    };
    view! {
        <a class="skip-link" href="#" data-testid="skip-link" on:focus=check on:click=jump>
            {move || if on_map.get() { t().skip_to_map } else { t().skip_to_content }}
        </a>
    }
}

fn map_area() -> Option<web_sys::HtmlElement> {
    document().query_selector("[data-testid=\"map-canvas\"]").ok().flatten().and_then(|e| e.dyn_into().ok())
}
