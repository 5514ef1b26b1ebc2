//! Files the user picks, and file names: reading the picked file's text or bytes, a safe file name
//! from a map name. Only plumbing; what goes into the files is the core's.

use wasm_bindgen::JsCast;
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

/// The bytes of the first file picked in an `<input type=file>`, with its name, or `None`
/// when nothing was picked; for CSV files, whose encoding the core detects (a text read
/// here would already have turned Windows-1252 umlauts into replacement characters).
pub async fn read_picked_bytes(input: &HtmlInputElement) -> Option<(String, Result<Vec<u8>, String>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    input.set_value("");
    let bytes = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into())).unwrap_or_default())
        .map(|v| js_sys::Uint8Array::new(&v).to_vec());
    Some((name, bytes))
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
