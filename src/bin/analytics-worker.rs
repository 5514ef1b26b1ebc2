//! The analytics Web Worker: a second wasm entry point that Trunk builds with
//! `data-type="worker"`. It keeps the page responsive while a large event log is imported.
//!
//! Only glue lives here: messages are JSON strings of
//! `journey_core::analytics::session::{Request, Reply}`; an import request carries the
//! chosen `File`s in `files`, which the worker reads itself (`analytics-worker/read.rs`),
//! or bytes as a transferred `ArrayBuffer` in `bytes` (a workbook). The page cancels an import by
//! terminating the worker (and starting a fresh one), which is immediate and needs no
//! cooperation from the import loop. No leptos, no chart drawing here.

use std::cell::RefCell;

use journey_core::analytics::session::{Reply, Request, Session};
use journey_core::analytics::sources;
use journey_core::model::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

// A crate root finds its modules beside it, so the folder is named (not a bin of its own:
// it has no main.rs).
#[path = "analytics-worker/read.rs"]
mod read;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    /// The language of the last request, for the panic report.
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// A panic ends the worker (the release build aborts), and the page replaces it. Before
/// that, the page is told what failed and where, so the user can report it.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let message = match LANG.with(|l| l.get()) {
            Lang::En => format!("The import stopped with an internal error ({what}) at {place}. The background worker was restarted; you can import again."),
            Lang::De => format!("Der Import brach mit einem internen Fehler ab ({what}) bei {place}. Der Hintergrund-Worker wurde neu gestartet; Sie können erneut importieren."),
        };
        post(&Reply::Failed { message });
    }));
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    let json = serde_json::to_string(reply).unwrap_or_else(|e| {
        serde_json::to_string(&Reply::Failed { message: e.to_string() }).unwrap_or_default()
    });
    let _ = scope().post_message(&JsValue::from_str(&json));
}

/// Posts the case durations as a transferred `Float64Array` for the histogram.
fn post_durations(durations: &[f64]) {
    let array = js_sys::Float64Array::from(durations);
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"durations".into(), &array);
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = scope().post_message_with_transfer(&msg, &transfer);
}

fn now_ms() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or_else(|| js_sys::Date::now())
}

/// Posts an import's reply, then (when it worked) the case durations for the histogram.
fn post_imported(session: &Session, reply: Reply) {
    let imported = matches!(reply, Reply::Imported { .. });
    post(&reply);
    if imported {
        post_durations(&session.case_durations_s());
    }
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    if read::stage(&data) {
        return;
    }
    let Some(text) = js_sys::Reflect::get(&data, &"request".into()).ok().and_then(|v| v.as_string()) else {
        return;
    };
    let request: Request = match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(e) => return post(&Reply::Failed { message: e.to_string() }),
    };
    let carries_bytes = matches!(request, Request::Import { .. } | Request::ImportSource { .. } | Request::ImportHub { .. } | Request::ReadSheet { .. });
    let bytes = if carries_bytes {
        match read::request_bytes(&data) {
            Some(bytes) => bytes,
            None => return post(&Reply::ReadFailed),
        }
    } else {
        Vec::new()
    };
    SESSION.with(|s| {
        let mut session = s.borrow_mut();
        match request {
            Request::Import { mapping, options, lang, map, encoding } => {
                session.encoding = encoding;
                LANG.with(|l| l.set(lang));
                let reply = session.import(bytes, &mapping, &options, map.as_ref(), lang, &now_ms, &mut |p| post(&p));
                post_imported(&session, reply);
            }
            Request::ImportSource { source, options, lang, map } => {
                LANG.with(|l| l.set(lang));
                let reply = sources::import_source_into(&mut session, bytes, &source, &options, map.as_ref(), lang, &now_ms);
                post_imported(&session, reply);
            }
            Request::ImportHub { sources, lengths, options, lang, map } => {
                LANG.with(|l| l.set(lang));
                let reply = sources::import_hub_into(&mut session, bytes, &lengths, &sources, &options, map.as_ref(), lang, &now_ms);
                post_imported(&session, reply);
            }
            Request::ReadSheet { sheet, lang } => {
                post(&journey_core::analytics::session::read_sheet_reply(&bytes, sheet.as_deref(), lang));
            }
            other => post(&session.handle(other)),
        }
    });
}

fn main() {
    report_panics();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&Reply::Ready);
    // While the user picks a file, a small generated import gets the hot code optimised
    // (`session/warm_up.rs`); a request posted meanwhile waits the few ms it takes.
    let warm = Closure::once_into_js(|| SESSION.with(|s| s.borrow_mut().warm_up()));
    let _ = scope().set_timeout_with_callback(warm.unchecked_ref());
}
