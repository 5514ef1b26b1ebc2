//! The shell of the two small wasm modules, so that neither a first visit nor opening a map
//! downloads the whole app:
//!
//! - `library` (`src/bin/library.rs`, the first load): the header, notices and the library
//!   page;
//! - `map` (`src/bin/map.rs`, loaded when a map opens): the header, notices and the map page
//!   (canvas, inspector, map bar, score line, personas and routes). Its menu panel, print
//!   sheet and flow view are stand-ins ([`MAP_EXTRAS`]): opening the menu or the flow view
//!   loads the whole app, which opens it.
//!
//! Every other page is in the whole app (`src/main.rs`). When the address leaves what the
//! running module shows, this shell writes pending edits, hands the undo history over
//! (`handover.rs`) and starts the module that shows the page, then removes itself. A
//! small module registers itself when it starts, so going back (map → library → map) starts
//! the module already in memory again at once, without a download; a module not loaded yet is
//! imported, with a progress line after 200 ms (CSS delay) and a retry on failure. Each bin
//! passes its own [`Module`] (`modules/mod.rs`): the linker keeps in a module only the pages
//! its functions reach.

use std::any::Any;
use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::frame::{start_state, Frame};
use super::handover::{hand_over, hand_over_intent, Intent};
use crate::i18n::texts;
use crate::ui::editor::{Ed, MapExtras};
use crate::ui::shell::route::{use_page, Page};
use crate::ui::state::{AppState, ExampleBuilder};

/// The modules of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Library,
    Map,
    /// The whole app: every page.
    App,
}

impl Target {
    fn key(self) -> &'static str {
        match self {
            Target::Library => "library",
            Target::Map => "map",
            Target::App => "app",
        }
    }

    /// The module's JS glue next to `index.html` (Trunk does not hash on-demand modules).
    /// The library module is started by `index.html` under a hashed name, so it is always in
    /// memory; should it not be, the whole app shows the library.
    fn file(self) -> &'static str {
        match self {
            Target::Map => "map.js",
            Target::Library | Target::App => "journey-studio.js",
        }
    }
}

/// What one small module shows itself, and where every other page is.
#[derive(Clone, Copy)]
pub struct Module {
    pub me: Target,
    /// Whether this module shows the page.
    pub shows: fn(&Page) -> bool,
    /// The view of a page it shows (called only when `shows` says so).
    pub render: fn(&Page) -> AnyView,
    /// The module that shows a page this one does not.
    pub elsewhere: fn(&Page) -> Target,
    /// The example seeded on the very first start, if this module can be the first one.
    pub example: Option<ExampleBuilder>,
}

#[wasm_bindgen(inline_js = "
export function load_module(name) {
  const base = document.baseURI;
  const wasm = new URL(name.replace(/\\.js$/, '_bg.wasm'), base).href;
  return import(new URL(name, base).href).then((m) => m.default({ module_or_path: wasm }));
}
const started = () => (globalThis.__journeyStudioModules ||= {});
export function register(key, start) { started()[key] = start; }
export function start_again(key) {
  const start = started()[key];
  if (!start) return false;
  start();
  return true;
}")]
extern "C" {
    /// Imports a wasm-bindgen module (target `web`) and runs its `main`.
    fn load_module(name: &str) -> js_sys::Promise;
    /// Remembers how to start module `key` again once it has left the screen.
    fn register(key: &str, start: &JsValue);
    /// Starts module `key` again if it is in memory; false when it is not.
    fn start_again(key: &str) -> bool;
}

thread_local! {
    /// The mounted shell and its number; dropping it removes the shell's nodes and disposes
    /// its signals.
    static MOUNTED: RefCell<Option<(u32, Box<dyn Any>)>> = const { RefCell::new(None) };
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
}

/// Starts a small module: its shell, or straight the module that shows a deep link. Also
/// what another module calls to bring this one back.
pub fn start(module: Module) {
    let again = Closure::<dyn Fn()>::new(move || start(module)).into_js_value();
    register(module.me.key(), &again);
    let hash = window().location().hash().unwrap_or_default();
    let page = Page::from_hash(&hash);
    if !(module.shows)(&page) {
        let target = (module.elsewhere)(&page);
        if !start_again(target.key()) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(load_module(target.file())).await;
            });
        }
        return;
    }
    let Some(body) = document().body() else { return };
    let number = MOUNTS.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    let handle = leptos::mount::mount_to(body, move || view! { <ModuleShell module number/> });
    // A shell still mounted (started again while leaving) gives way to the new one.
    let old = MOUNTED.with(|m| m.borrow_mut().replace((number, Box::new(handle))));
    drop(old);
}

/// Removes shell `number` if it is still the mounted one.
fn unmount(number: u32) {
    let handle = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        if m.as_ref().is_some_and(|(n, _)| *n == number) { m.take() } else { None }
    });
    drop(handle);
}

/// Asks the shell to hand the page to the whole app (the map module's menu).
#[derive(Clone, Copy)]
struct ToApp(RwSignal<bool>);

/// The map module's menu panel, print sheet and flow view: opening the menu or the flow view
/// loads the whole app, which opens it (`Intent`); the print sheet is the whole app's too:
/// Ctrl+P loads it and prints, and paper printed from the browser's menu says where to find it.
pub const MAP_EXTRAS: MapExtras = MapExtras {
    panel: |menu| {
        to_app_when(move || menu.get(), Intent::MapMenu);
        ().into_any()
    },
    print_sheet: || {
        let state = expect_context::<AppState>();
        // Ctrl+P (Cmd+P) is the usual way to print: the whole app takes over and prints the
        // map's sheet. The stand-in below is what paper shows when the browser's own menu
        // prints from here.
        let to_app = expect_context::<ToApp>();
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("p") {
                ev.prevent_default();
                hand_over_intent(Intent::Print);
                to_app.0.set(true);
            }
        });
        on_cleanup(move || keys.remove());
        view! { <div class="print-sheet"><p>{move || texts(state.lang.get()).print_from_menu}</p></div> }.into_any()
    },
    flow: |_: Ed| {
        // Rendered only when the flow view was chosen.
        to_app_when(|| true, Intent::FlowView);
        ().into_any()
    },
    menu_at_start: || false,
    flow_at_start: || false,
};

/// Hands the page to the whole app with `intent` as soon as `asked` is true.
fn to_app_when(asked: impl Fn() -> bool + 'static, intent: Intent) {
    let to_app = expect_context::<ToApp>();
    Effect::new(move |_| {
        if asked() {
            hand_over_intent(intent);
            to_app.0.set(true);
        }
    });
}

#[component]
fn ModuleShell(module: Module, number: u32) -> impl IntoView {
    let state = start_state(module.example);
    let to_app = RwSignal::new(false);
    provide_context(ToApp(to_app));
    let page = use_page();
    let t = move || texts(state.lang.get());
    let failed = RwSignal::new(None::<String>);
    // The page this module shows, or `None` once the address (or the menu) left it.
    let shown = Memo::new(move |_| {
        let p = page.get();
        ((module.shows)(&p) && !to_app.get()).then_some(p)
    });

    Effect::new(move |_| {
        if shown.get().is_some() {
            return;
        }
        // Typed text and pending edits are written before the next module reads storage;
        // the undo history travels with it.
        crate::ui::shell::typing::commit_pending(state, true);
        hand_over(state);
        let p = page.get_untracked();
        let target = if (module.shows)(&p) { Target::App } else { (module.elsewhere)(&p) };
        // A module in memory starts at once and this shell steps aside.
        if start_again(target.key()) {
            unmount(number);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            match JsFuture::from(load_module(target.file())).await {
                // The next module has mounted itself: the shell steps aside.
                Ok(_) => unmount(number),
                Err(e) => failed.set(Some(e.as_string().or_else(|| {
                    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))
                }).unwrap_or_default())),
            }
        });
    });
    view! {
        <Frame>
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
        </Frame>
    }
}
