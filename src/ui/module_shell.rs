//! The shell of the two small wasm modules, so that neither a first visit nor opening a map
//! downloads the whole app:
//!
//! - `library` (`src/bin/library.rs`, the first load): the header, notices and the library
//!   page;
//! - `map` (`src/bin/map.rs`, loaded when a map opens): the same plus the map page (canvas,
//!   inspector, map bar, score line), so going back to the library stays in it.
//!
//! Every other page is in the whole app (`src/main.rs`). When the address leaves what the
//! running module shows, this shell writes pending edits, hands the undo history over
//! (`state::handover`), loads the module that shows the page (which mounts itself and reads
//! the maps from local storage) and then removes itself. Loading shows a progress line after
//! 200 ms (CSS delay) and a retry on failure. Each bin passes its own [`Module`]: the linker
//! keeps in a module only the pages its functions reach.

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::app::AppHeader;
use super::shell::notices::Notices;
use super::shell::route::{use_page, Page};
use super::state::AppState;
use super::shell::update_notice::UpdateNotice;
use crate::i18n::texts;

/// The whole app's JS glue, next to `index.html` (Trunk does not hash on-demand modules).
pub const APP_MODULE: &str = "journey-studio.js";
/// The map module's JS glue.
pub const MAP_MODULE: &str = "map.js";

/// What one small module shows itself, and where every other page is.
#[derive(Clone, Copy)]
pub struct Module {
    /// Whether this module shows the page.
    pub shows: fn(&Page) -> bool,
    /// The view of a page it shows (called only when `shows` says so).
    pub render: fn(&Page) -> AnyView,
    /// The module (JS glue file) that shows a page this one does not.
    pub elsewhere: fn(&Page) -> &'static str,
}

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

/// Starts a small module: its shell, or straight the module that shows a deep link.
pub fn start(module: Module) {
    let hash = window().location().hash().unwrap_or_default();
    let page = Page::from_hash(&hash);
    if !(module.shows)(&page) {
        let name = (module.elsewhere)(&page);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(load_module(name)).await;
        });
        return;
    }
    let Some(body) = document().body() else { return };
    let handle = leptos::mount::mount_to(body, move || view! { <ModuleShell module/> });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

#[component]
fn ModuleShell(module: Module) -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let page = use_page();
    let t = move || texts(state.lang.get());
    let failed = RwSignal::new(None::<String>);
    // The page this module shows, or `None` once the address left it.
    let shown = Memo::new(move |_| {
        let p = page.get();
        (module.shows)(&p).then_some(p)
    });

    Effect::new(move |_| {
        if shown.get().is_some() {
            return;
        }
        // Typed text and pending edits are written before the next module reads storage;
        // the undo history travels with it.
        super::shell::typing::commit_pending(state, true);
        state.hand_over();
        let name = (module.elsewhere)(&page.get_untracked());
        wasm_bindgen_futures::spawn_local(async move {
            match JsFuture::from(load_module(name)).await {
                // The next module has mounted itself: the shell steps aside.
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
            {move || if let Some(p) = shown.get() {
                (module.render)(&p)
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
