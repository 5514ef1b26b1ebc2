//! The first-load module (`src/bin/library.rs`): the app's header, notices and the library
//! page, and nothing else, so that a first visit downloads a small wasm module. Any other
//! page is in the whole app (`src/main.rs`, built by Trunk as a module loaded on demand):
//! when the address leaves the library, this shell writes pending edits, loads the whole app
//! (which mounts itself and reads the maps from local storage) and then removes itself.
//! Loading shows a progress line after 200 ms (CSS delay) and a retry on failure.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::app::AppHeader;
use super::library::page::LibraryPage;
use super::shell::notices::Notices;
use super::shell::route::{use_page, Page};
use super::state::AppState;
use super::shell::update_notice::UpdateNotice;
use crate::i18n::texts;

/// The whole app's JS glue, next to `index.html` (Trunk does not hash on-demand modules).
const APP_MODULE: &str = "journey-studio.js";

#[wasm_bindgen(inline_js = "
export function load_module(name) {
  const base = document.baseURI;
  const wasm = new URL(name.replace(/\\.js$/, '_bg.wasm'), base).href;
  return import(new URL(name, base).href).then((m) => m.default({ module_or_path: wasm }));
}")]
extern "C" {
    /// Imports a wasm-bindgen module (target `web`) and runs its `main`.
    fn load_module(name: &str) -> js_sys::Promise;
}

thread_local! {
    /// The mounted shell; dropping it removes the shell's nodes and disposes its signals.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Starts the first-load module: the library, or straight the whole app for a deep link.
pub fn start() {
    let hash = window().location().hash().unwrap_or_default();
    if Page::from_hash(&hash) != Page::Library {
        wasm_bindgen_futures::spawn_local(async {
            let _ = JsFuture::from(load_module(APP_MODULE)).await;
        });
        return;
    }
    let Some(body) = document().body() else { return };
    let handle = leptos::mount::mount_to(body, LibraryShell);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

#[component]
fn LibraryShell() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let page = use_page();
    let t = move || texts(state.lang.get());
    let failed = RwSignal::new(None::<String>);
    let leaving = Memo::new(move |_| page.get() != Page::Library);

    Effect::new(move |_| {
        if !leaving.get() {
            return;
        }
        // Typed text and pending edits are written before the whole app reads storage.
        super::shell::typing::commit_pending(state, true);
        wasm_bindgen_futures::spawn_local(async move {
            match JsFuture::from(load_module(APP_MODULE)).await {
                // The whole app has mounted itself: the shell steps aside.
                Ok(_) => {
                    let handle = MOUNTED.with(|m| m.borrow_mut().take());
                    drop(handle);
                }
                Err(e) => failed.set(Some(e.as_string().or_else(|| {
                    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))
                }).unwrap_or_default())),
            }
        });
    });
    // As in the whole app (`app.rs`): typing saved, other tabs followed.
    super::shell::typing::install(state);
    super::shell::other_tabs::install(state);

    view! {
        <AppHeader/>
        <Notices/>
        <UpdateNotice/>
        <main class="app-main">
            {move || if !leaving.get() {
                view! { <LibraryPage/> }.into_any()
            } else if let Some(why) = failed.get() {
                view! {
                    <div class="notice error" role="alert" data-testid="module-failed">
                        {(t().module_failed)(&why)} " "
                        <button type="button" on:click=move |_| { let _ = window().location().reload(); }>
                            {t().retry}
                        </button>
                    </div>
                }.into_any()
            } else {
                view! { <p class="module-loading" role="status" data-testid="module-loading">{t().loading_page}</p> }.into_any()
            }}
        </main>
    }
}
