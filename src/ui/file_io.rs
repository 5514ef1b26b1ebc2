//! The browser side of files and the clipboard: offering text as a download, reading a
//! file the user picked, copying text. Only plumbing; what goes into the files is the core's.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// The text of the first file picked in an `<input type=file>`, with its name, or `None`
/// when nothing was picked. The input is cleared so the same file can be picked again.
pub async fn read_picked(input: &HtmlInputElement) -> Option<(String, Result<String, String>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    input.set_value("");
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into())).unwrap_or_default())
        .map(|v| v.as_string().unwrap_or_default());
    Some((name, text))
}

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

/// A file name from a map name: letters, digits, `-` and `_` kept, runs of anything else
/// turned into one `-`; "journey-map" when nothing is left.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').chars().take(80).collect::<String>();
    if out.is_empty() {
        "journey-map".to_string()
    } else {
        out
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
