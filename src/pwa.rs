//! Offline support, the page's side: registers the service worker (`sw.js`, written into the
//! built site by `pwa/precache.mjs`) and tells the shell when a new deployment has been
//! installed beside the running one, so that it can offer "new version — reload".
//!
//! The page never reloads by itself: a new version takes over only when the user asks for it
//! (`apply_update`, after the shell has saved every edit) or once every tab is closed.
//! Debug builds (`trunk serve`) do not register: live rebuilds must come from the server.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Relative, so the worker's scope is the folder the app is served from (any sub-path).
const SCRIPT: &str = "./sw.js";
/// The message `pwa/sw.js` answers with `skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

thread_local! {
    /// Set by `apply_update`: the next controller change is the version the user asked for.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// The browser's service-worker container, if it has one (not in every browser, and not
/// for pages opened from disk).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers the service worker once the page has loaded (so that precaching never competes
/// with the first load) and calls `on_update` whenever a newer version is ready to take over.
pub fn register(on_update: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    let start = move || start(on_update.clone());
    let loaded = window.document().map(|d| d.ready_state() == "complete").unwrap_or(true);
    if loaded {
        start();
    } else {
        let cb = Closure::once_into_js(start);
        let _ = window.add_event_listener_with_callback("load", cb.unchecked_ref());
    }
}

fn start(on_update: Rc<dyn Fn()>) {
    let Some(container) = container() else { return };

    // A controller change is either the version the user asked for (reload into it), the
    // very first installation (nothing to say), or another tab having switched to a new
    // version under this one (this page now runs beside a newer build: offer the reload).
    let had_controller = Rc::new(Cell::new(container.controller().is_some()));
    let on_change = {
        let (on_update, had_controller) = (on_update.clone(), had_controller.clone());
        Closure::<dyn Fn()>::new(move || {
            if RELOAD_ON_CHANGE.get() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else if had_controller.replace(true) {
                on_update();
            }
        })
    };
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let registering = container.register(SCRIPT);
    spawn_local(async move {
        // A failed registration (private mode, storage refused) leaves the app online-only.
        // (Or a browser that blocks workers, resolving with nothing: checked, not assumed.)
        let Ok(registration) = JsFuture::from(registering).await else { return };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        let controlled = move || container.controller().is_some();
        // A new version found by the browser's own check (it makes one on every navigation):
        // it installs (stores the new build) and then waits; that is when the notice shows.
        // The check may have started before this page registered, so look at both states.
        let watch = {
            let (on_update, controlled) = (on_update.clone(), controlled.clone());
            move |worker: web_sys::ServiceWorker| {
                let (w, on_update, controlled) = (worker.clone(), on_update.clone(), controlled.clone());
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if w.state() == ServiceWorkerState::Installed && controlled() {
                        on_update();
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        };
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        if let Some(installing) = registration.installing() {
            watch(installing);
        }
        let reg = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = reg.installing() {
                watch(installing);
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Switches to the waiting version and reloads into it. The caller has saved every edit.
pub fn apply_update() {
    let reload = || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let Some(container) = container() else { return reload() };
    spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await.ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok());
        match registration.and_then(|r| r.waiting()) {
            Some(waiting) => {
                RELOAD_ON_CHANGE.set(true);
                let _ = waiting.post_message(&JsValue::from_str(SKIP_WAITING));
            }
            // Another tab already switched: this page only needs to load the new files.
            None => reload(),
        }
    });
}
