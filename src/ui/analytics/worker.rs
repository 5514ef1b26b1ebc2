//! The page's side of the analytics Web Worker (`src/bin/analytics-worker.rs`): starts it,
//! queues requests until it reports ready, hands replies to the page, and restarts it to
//! cancel an import (terminating is immediate; the import loop needs no cancel checks).
//!
//! A crash of either side leaves the next import working without a reload: a worker that
//! dies (its `error` event) is replaced by the page (`Incoming::Crashed`); a crash of the
//! page's own wasm while it handles a reply poisons this worker's message handler, so every
//! import starts a fresh worker (`WorkerClient::restart`; it also gives the previous log's
//! memory back), and `crash_watch.rs` tells the user. `window.__journeyTestPanic`
//! (`"worker"` or `"page"`) makes one side panic once, for the e2e test.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use journey_core::analytics::session::{Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// Trunk writes this loader next to index.html (`data-loader-shim`); it loads the
/// worker's wasm. Relative, so the site works under any sub-path.
const WORKER_URL: &str = "./analytics-worker_loader.js";

/// What the worker said.
pub enum Incoming {
    Reply(Reply),
    /// Throughput time of every case, for the histogram.
    Durations(Vec<f64>),
    /// The worker script failed to load or crashed; what the browser said, with file and
    /// line, when it said something.
    Crashed(Option<String>),
}

type Pending = (JsValue, Option<js_sys::Array>);

pub struct WorkerClient {
    worker: RefCell<Option<Worker>>,
    ready: Rc<Cell<bool>>,
    pending: Rc<RefCell<Vec<Pending>>>,
    on_incoming: Rc<dyn Fn(Incoming)>,
    // Kept alive as long as the worker they are attached to.
    handlers: RefCell<Vec<Closure<dyn FnMut(JsValue)>>>,
}

impl WorkerClient {
    pub fn new(on_incoming: impl Fn(Incoming) + 'static) -> Rc<WorkerClient> {
        let client = Rc::new(WorkerClient {
            worker: RefCell::new(None),
            ready: Rc::new(Cell::new(false)),
            pending: Rc::new(RefCell::new(Vec::new())),
            on_incoming: Rc::new(on_incoming),
            handlers: RefCell::new(Vec::new()),
        });
        client.start();
        client
    }

    fn start(&self) {
        self.ready.set(false);
        let worker = match Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(_) => return (self.on_incoming)(Incoming::Crashed(None)),
        };
        let (ready, pending, cb, w) = (self.ready.clone(), self.pending.clone(), self.on_incoming.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let data = e.unchecked_into::<MessageEvent>().data();
            if let Some(text) = data.as_string() {
                match serde_json::from_str::<Reply>(&text) {
                    Ok(Reply::Ready) => {
                        ready.set(true);
                        for (msg, transfer) in pending.borrow_mut().drain(..) {
                            post_to(&w, &msg, transfer.as_ref());
                        }
                    }
                    Ok(reply) => {
                        // Before any signal is touched, as a trap in parsing a reply would.
                        if test_panic("page") {
                            panic!("asked to panic while handling a worker reply (test hook)");
                        }
                        cb(Incoming::Reply(reply))
                    }
                    Err(e) => cb(Incoming::Reply(Reply::Failed { message: e.to_string() })),
                }
            } else if let Ok(array) = js_sys::Reflect::get(&data, &"durations".into()) {
                if let Some(array) = array.dyn_ref::<js_sys::Float64Array>() {
                    cb(Incoming::Durations(array.to_vec()));
                }
            }
        });
        let cb = self.on_incoming.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let detail = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| {
                let file = e.filename();
                let file = file.rsplit('/').next().unwrap_or_default().to_string();
                format!("{} ({file}:{})", e.message(), e.lineno())
            });
            cb(Incoming::Crashed(detail))
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.handlers.borrow_mut() = vec![on_message, on_error];
        *self.worker.borrow_mut() = Some(worker);
    }

    /// Sends a request; `bytes` is transferred (not copied) to the worker.
    pub fn send(&self, request: &Request, bytes: Option<js_sys::ArrayBuffer>) {
        let msg = js_sys::Object::new();
        let json = serde_json::to_string(request).unwrap_or_default();
        let _ = js_sys::Reflect::set(&msg, &"request".into(), &JsValue::from_str(&json));
        let transfer = bytes.map(|b| {
            let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &b);
            js_sys::Array::of1(&b)
        });
        if self.ready.get() {
            if let Some(w) = self.worker.borrow().as_ref() {
                post_to(w, &msg, transfer.as_ref());
            }
        } else {
            self.pending.borrow_mut().push((msg.into(), transfer));
        }
    }

    /// Stops whatever the worker is doing (and forgets its log), then starts a fresh one.
    pub fn restart(&self) {
        self.terminate();
        self.pending.borrow_mut().clear();
        self.start();
    }

    pub fn terminate(&self) {
        if let Some(w) = self.worker.borrow_mut().take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        self.handlers.borrow_mut().clear();
    }
}

/// Whether a test asked this side (`"worker"` or `"page"`) to panic now; the request is
/// used up. Never set by the app itself.
pub fn test_panic(side: &str) -> bool {
    let key = JsValue::from_str("__journeyTestPanic");
    let window = js_sys::global();
    let asked = js_sys::Reflect::get(&window, &key).ok().and_then(|v| v.as_string()).is_some_and(|v| v == side);
    if asked {
        let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    }
    asked
}

fn post_to(worker: &Worker, msg: &JsValue, transfer: Option<&js_sys::Array>) {
    let _ = match transfer {
        Some(t) => worker.post_message_with_transfer(msg, t),
        None => worker.post_message(msg),
    };
}
