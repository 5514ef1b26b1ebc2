//! The bytes an import request brings: the `File`s the page sent (a handle each, none of
//! their bytes), read here in chunks straight into one buffer in wasm memory, the file the
//! page staged when it was chosen (read already, while the user confirmed the mapping), or
//! an `ArrayBuffer` the page transferred (a workbook's bytes).
//!
//! Why the worker reads: when the page read the file into an `ArrayBuffer`, transferred
//! it and the worker copied it into wasm memory, a 240 MB log was held twice at once and
//! read before the worker even started; `FileReaderSync` (dedicated workers only) reads
//! one chunk at a time, so only the buffer the import parses and one chunk exist.

use std::cell::RefCell;

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, FileReaderSync};

/// Bytes read per step: large enough that the per-call cost vanishes, small enough that
/// the chunk beside the buffer costs little memory.
const CHUNK: f64 = 8.0 * 1024.0 * 1024.0;

thread_local! {
    /// The staged file's bytes (`None`: nothing staged, or its read failed).
    static STAGED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// Reads the files of a `stage` message (true when `data` is one) and keeps their bytes for
/// the import that follows; a file staged before is forgotten first.
pub fn stage(data: &JsValue) -> bool {
    let Some(files) = Reflect::get(data, &"stage".into()).ok().and_then(|f| f.dyn_into::<Array>().ok()) else {
        return false;
    };
    STAGED.with(|s| s.borrow_mut().take());
    let bytes = read_files(&files);
    STAGED.with(|s| *s.borrow_mut() = bytes);
    true
}

/// The request's bytes; `None` when the browser could not read a file (it was moved,
/// deleted or changed since it was chosen) or the buffer could not be had.
pub fn request_bytes(data: &JsValue) -> Option<Vec<u8>> {
    // Taken by this request, or not wanted by it: either way not kept beside its bytes.
    let staged = STAGED.with(|s| s.borrow_mut().take());
    if Reflect::get(data, &"staged".into()).ok().is_some_and(|v| v.is_truthy()) {
        return staged;
    }
    drop(staged);
    let files = Reflect::get(data, &"files".into()).ok().and_then(|f| f.dyn_into::<Array>().ok());
    match files {
        Some(files) => read_files(&files),
        None => Some(transferred(data)),
    }
}

/// The transferred `ArrayBuffer` in `bytes`, copied into wasm memory (empty without one).
fn transferred(data: &JsValue) -> Vec<u8> {
    Reflect::get(data, &"bytes".into())
        .ok()
        .filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>())
        .map(|b| Uint8Array::new(&b).to_vec())
        .unwrap_or_default()
}

/// Every file in order, end to end, in one buffer sized once.
fn read_files(files: &Array) -> Option<Vec<u8>> {
    let blobs: Vec<Blob> = files.iter().map(|f| f.dyn_into::<Blob>()).collect::<Result<_, _>>().ok()?;
    let total = blobs.iter().map(|b| b.size()).sum::<f64>() as usize;
    let mut out = Vec::new();
    out.try_reserve_exact(total).ok()?;
    // Fresh wasm memory is zeroed already, so this costs little.
    out.resize(total, 0);
    let reader = FileReaderSync::new().ok()?;
    let mut at = 0;
    for blob in &blobs {
        let size = blob.size();
        let mut from = 0.0;
        while from < size {
            let to = (from + CHUNK).min(size);
            let part = blob.slice_with_f64_and_f64(from, to).ok()?;
            let chunk = Uint8Array::new(&reader.read_as_array_buffer(&part).ok()?.into());
            let n = chunk.length() as usize;
            // A file that grew since it was chosen does not fit: refused, not cut.
            chunk.copy_to(out.get_mut(at..at + n)?);
            at += n;
            from = to;
        }
    }
    (at == total).then_some(out)
}
