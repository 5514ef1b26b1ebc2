//! The clipboard, and quietly handled promise rejections the app expects (a refused
//! clipboard or full-screen permission).

use wasm_bindgen::{JsCast, JsValue};

/// Copies text to the clipboard where the browser allows it; false otherwise (the text is
/// always also shown in a field the user can copy from).
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else { return false };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match write.and_then(|f| f.call1(&clipboard, &JsValue::from_str(text)).ok()) {
        Some(promise) => {
            // A refused permission rejects the promise; swallow it instead of logging an error.
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                ignore_rejection(&promise);
            }
            true
        }
        None => false,
    }
}

/// Handles a promise's rejection by doing nothing, so that a refusal the app expects (no
/// clipboard or full-screen permission) is not logged as an uncaught error.
pub fn ignore_rejection(promise: &js_sys::Promise) {
    let handler = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&handler);
    // Lives as long as the promise may call it; one tiny closure per user action.
    handler.forget();
}
