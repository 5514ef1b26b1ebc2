//! The bytes an import request brings: the `File`s the page sent (a handle each, none of
//! their bytes), read here in chunks straight into one buffer in wasm memory, the file the
//! page staged when it was chosen (read while the user confirms the mapping), or an
//! `ArrayBuffer` the page transferred (a workbook's bytes).
//!
//! Why the worker reads: when the page read the file into an `ArrayBuffer`, transferred
//! it and the worker copied it into wasm memory, a 240 MB log was held twice at once and
//! read before the worker even started; `FileReaderSync` (dedicated workers only) reads
//! one chunk at a time, so only the buffer the import parses and one chunk exist.
//!
//! The staged file is read asynchronously (`Blob.arrayBuffer` of one chunk at a time), so
//! the worker stays free for messages: an import request that arrives before the read is
//! done is handed to the reading (`hand_over`), which runs it when the file is read — or,
//! for an event log, starts it at once and takes the rows of each chunk while the browser
//! reads the next (`streaming.rs`). Before any request, the import starts on the mapping
//! the page proposes for the file's first 64 KiB, which the request joins when it asks
//! for that mapping.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use journey_core::analytics::session::Request;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, FileReaderSync};

use crate::streaming::Streaming;

/// Bytes read per step: large enough that the per-call cost vanishes, small enough that
/// the chunk beside the buffer costs little memory.
const CHUNK: f64 = 8.0 * 1024.0 * 1024.0;

thread_local! {
    /// The staged file's bytes (`None`: nothing staged, or its read failed).
    static STAGED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
    /// The staged file, read whole, held by the import started on the proposed mapping.
    static STAGED_STREAM: RefCell<Option<Streaming>> = const { RefCell::new(None) };
    /// Which staging is current (a newer `stage` message ends an older read).
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Whether the current staged file is still being read.
    static READING: Cell<bool> = const { Cell::new(false) };
    /// A request for the staged file that came while it was being read.
    static HANDED: RefCell<Option<Request>> = const { RefCell::new(None) };
    /// Whether the reading holds a request it has not answered yet.
    static HOLDS: Cell<bool> = const { Cell::new(false) };
    /// Messages that came after it, answered in order once it is.
    static QUEUED: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
}

/// Whether a request handed to the staged file's reading is not answered yet.
pub fn holds_request() -> bool {
    HOLDS.with(Cell::get)
}

/// Keeps a message until the held request is answered.
pub fn queue(data: JsValue) {
    QUEUED.with(|q| q.borrow_mut().push(data));
}

/// The held request is answered (or dropped): the messages queued meanwhile, in order.
fn release() {
    HOLDS.with(|h| h.set(false));
    let queued = QUEUED.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for data in queued {
        crate::dispatch(data);
    }
}

/// Bytes per asynchronous read of the staged file: small enough that the rows of the
/// last chunk, taken after it arrives, take little time; large enough that the calls cost
/// nothing to speak of.
const STAGE_CHUNK: f64 = 4.0 * 1024.0 * 1024.0;

/// Chunk reads asked for before the first of them is taken.
const READS_AHEAD: usize = 3;

/// Starts reading the files of a `stage` message (true when `data` is one) and keeps their
/// bytes for the import that follows; a file staged before is forgotten first.
pub fn stage(data: &JsValue) -> bool {
    let Some(files) = Reflect::get(data, &"stage".into()).ok().and_then(|f| f.dyn_into::<Array>().ok()) else {
        return false;
    };
    STAGED.with(|s| s.borrow_mut().take());
    STAGED_STREAM.with(|s| s.borrow_mut().take());
    HANDED.with(|h| h.borrow_mut().take());
    release();
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    READING.with(|r| r.set(true));
    wasm_bindgen_futures::spawn_local(read_staged(files, generation));
    true
}

/// Whether `data` asks for the staged file while it is still being read: then the
/// request goes to the reading ([`hand_over`]).
pub fn staged_still_reading(data: &JsValue) -> bool {
    Reflect::get(data, &"staged".into()).ok().is_some_and(|v| v.is_truthy()) && READING.with(Cell::get)
}

/// Leaves `request` to the staged file's reading, which runs it when it can.
pub fn hand_over(request: Request) {
    HANDED.with(|h| *h.borrow_mut() = Some(request));
    HOLDS.with(|h| h.set(true));
}

/// Reads the staged files chunk by chunk; a request handed over meanwhile is started as
/// soon as it can be (an event log: while the rest is read) or run when all is read.
async fn read_staged(files: Array, generation: u32) {
    let current = move || GENERATION.with(Cell::get) == generation;
    let bytes = read_staged_bytes(&files, &current).await;
    if !current() {
        // A newer file was staged, or other files asked for: the request held for this one
        // (if any) is dropped with it, as the page no longer waits for it.
        return;
    }
    READING.with(|r| r.set(false));
    let handed = HANDED.with(|h| h.borrow_mut().take());
    match (bytes, handed) {
        (Staged::Streaming(mut s), Some(request)) => match s.join(request) {
            Ok(()) => s.end(),
            Err(request) => crate::run(request, s.into_file().0),
        },
        (Staged::Streaming(s), None) if s.is_asked() => s.end(),
        (Staged::Streaming(s), None) => STAGED_STREAM.with(|t| *t.borrow_mut() = Some(s)),
        (Staged::Read(file), Some(request)) => crate::run(request, file),
        (Staged::Read(file), None) => STAGED.with(|s| *s.borrow_mut() = Some(file)),
        (Staged::Failed, Some(_)) => crate::post(&journey_core::analytics::session::Reply::ReadFailed),
        (Staged::Failed, None) => {}
    }
    release();
}

enum Staged {
    Read(Vec<u8>),
    Streaming(Streaming),
    Failed,
}

/// The staged files' bytes, or the streamed import that holds them.
async fn read_staged_bytes(files: &Array, current: &dyn Fn() -> bool) -> Staged {
    let Ok(blobs) = files.iter().map(|f| f.dyn_into::<Blob>()).collect::<Result<Vec<Blob>, _>>() else {
        return Staged::Failed;
    };
    let total = blobs.iter().map(|b| b.size()).sum::<f64>() as usize;
    let mut file = Vec::new();
    if file.try_reserve_exact(total).is_err() {
        return Staged::Failed;
    }
    // Fresh wasm memory is zeroed already, so this costs little.
    file.resize(total, 0);
    let mut streaming: Option<Streaming> = None;
    let mut proposed_tried = false;
    let mut at = 0;
    // Every chunk's place in the files, in order.
    let mut parts = Vec::new();
    for blob in &blobs {
        let size = blob.size();
        let mut from = 0.0;
        while from < size {
            let to = (from + STAGE_CHUNK).min(size);
            parts.push((blob, from, to));
            from = to;
        }
    }
    // Several reads asked for at once: one at a time, the browser's read of a slice is
    // bound by its round trips (file, pipe, this thread), not by the disk.
    let mut parts = parts.into_iter();
    let mut inflight = std::collections::VecDeque::new();
    loop {
        while inflight.len() < READS_AHEAD {
            let Some((blob, from, to)) = parts.next() else { break };
            let Ok(part) = blob.slice_with_f64_and_f64(from, to) else { return Staged::Failed };
            inflight.push_back(JsFuture::from(part.array_buffer()));
        }
        let Some(pending) = inflight.pop_front() else { break };
        // The browser reads the next chunks while the rows read so far are taken.
        if let Some(s) = streaming.as_mut() {
            s.take_ready_rows();
        }
        let Ok(buffer) = pending.await else { return Staged::Failed };
        if !current() {
            return Staged::Failed;
        }
        let chunk = Uint8Array::new(&buffer);
        let n = chunk.length() as usize;
        // A file that grew since it was chosen does not fit: refused, not cut.
        let into = match streaming.as_mut() {
            Some(s) => s.unread(n),
            None => file.get_mut(at..at + n),
        };
        let Some(into) = into else { return Staged::Failed };
        chunk.copy_to(into);
        at += n;
        if let Some(s) = streaming.as_mut() {
            s.filled(n);
        }
        // An import asked for meanwhile joins the one running on the proposed mapping, or
        // starts on what is read (with the file back from that one when it asks otherwise).
        if let Some(request) = HANDED.with(|h| h.borrow_mut().take()) {
            let request = match streaming.as_mut() {
                Some(s) if s.is_asked() => Err(request),
                Some(s) => s.join(request),
                None => Err(request),
            };
            if let Err(request) = request {
                if let Some(s) = streaming.take() {
                    file = s.into_file().0;
                }
                match Streaming::start(std::mem::take(&mut file), at, request) {
                    Ok(s) => streaming = Some(s),
                    Err((back, request)) => {
                        file = back;
                        HANDED.with(|h| *h.borrow_mut() = Some(request));
                    }
                }
            }
        } else if streaming.is_none() && !proposed_tried {
            // Nothing asked yet: start on the mapping the page proposes (once its sample is read).
            match Streaming::on_proposed(std::mem::take(&mut file), at) {
                Ok(s) => {
                    streaming = Some(s);
                    proposed_tried = true;
                }
                Err(back) => {
                    proposed_tried = at >= total.min(64 * 1024);
                    file = back;
                }
            }
        }
    }
    if at != total {
        return Staged::Failed;
    }
    match streaming {
        Some(s) => Staged::Streaming(s),
        None => Staged::Read(file),
    }
}

/// Answers `request` with the import already running on the staged file when it asks for
/// that file and that import's mapping (`None`: answered); else hands the request back,
/// with the staged file's bytes left for [`request_bytes`].
pub fn join_staged(data: &JsValue, request: Request) -> Option<Request> {
    let Some(mut s) = STAGED_STREAM.with(|s| s.borrow_mut().take()) else { return Some(request) };
    if !Reflect::get(data, &"staged".into()).ok().is_some_and(|v| v.is_truthy()) {
        return Some(request);
    }
    match s.join(request) {
        Ok(()) => {
            s.end();
            None
        }
        Err(request) => {
            STAGED.with(|t| *t.borrow_mut() = Some(s.into_file().0));
            Some(request)
        }
    }
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
    // Other files: a staged file still being read (or held by an import) is not wanted either.
    STAGED_STREAM.with(|s| s.borrow_mut().take());
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    READING.with(|r| r.set(false));
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
