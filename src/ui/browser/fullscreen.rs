//! Full screen for the presentation mode. A refusal (headless browsers, iframes) is
//! swallowed: the presentation then simply fills the window.

use wasm_bindgen::JsCast;

/// Asks for full screen on the whole page. Must run inside a user gesture; a refusal (e.g.
/// headless browsers, iframes) is swallowed: the presentation then simply fills the window.
pub fn request_fullscreen() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let request = js_sys::Reflect::get(&root, &"requestFullscreen".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(promise) = request.and_then(|f| f.call0(&root).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        super::clipboard::ignore_rejection(&promise);
    }
}

pub fn in_fullscreen() -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.fullscreen_element()).is_some()
}

pub fn exit_fullscreen() {
    if in_fullscreen() {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.exit_fullscreen();
        }
    }
}
