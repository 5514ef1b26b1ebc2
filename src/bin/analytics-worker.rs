//! The analytics Web Worker: a second wasm entry point that Trunk builds with
//! `data-type="worker"`. It keeps the page responsive while a large event log is imported.
//!
//! Only glue lives here: messages are JSON strings of
//! `journey_core::analytics::session::{Request, Reply}`; an import request carries the
//! file's bytes as a transferred `ArrayBuffer` in `bytes`. The page cancels an import by
//! terminating the worker (and starting a fresh one), which is immediate and needs no
//! cooperation from the import loop. No leptos, no chart drawing here.

use std::cell::RefCell;

use journey_core::analytics::session::{Reply, Request, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
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

fn on_message(event: MessageEvent) {
    let data = event.data();
    let Some(text) = js_sys::Reflect::get(&data, &"request".into()).ok().and_then(|v| v.as_string()) else {
        return;
    };
    let request: Request = match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(e) => return post(&Reply::Failed { message: e.to_string() }),
    };
    SESSION.with(|s| {
        let mut session = s.borrow_mut();
        match request {
            Request::Import { mapping, options, lang, map } => {
                let bytes = js_sys::Reflect::get(&data, &"bytes".into())
                    .ok()
                    .filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>())
                    .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                    .unwrap_or_default();
                let reply = session.import(bytes, &mapping, &options, map.as_ref(), lang, &now_ms, &mut |p| post(&p));
                let imported = matches!(reply, Reply::Imported { .. });
                post(&reply);
                if imported {
                    post_durations(&session.case_durations_s());
                }
            }
            other => post(&session.handle(other)),
        }
    });
}

fn main() {
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&Reply::Ready);
}
