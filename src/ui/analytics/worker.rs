//! The page's side of the analytics Web Worker (`src/bin/analytics-worker.rs`): starts it,
//! queues requests until it reports ready, hands replies to the page, and replaces it to
//! cancel an import (terminating is immediate; the import loop needs no cancel checks).
//!
//! A crash of either side leaves the next import working without a reload: a worker that
//! dies (its `error` event) is replaced by the page (`Incoming::Crashed`); a crash of the
//! page's own wasm while it handles a reply poisons this worker's message handler, so every
//! import runs in a worker that has not answered a request yet (`WorkerClient::fresh`; a
//! worker that held a log is ended, which gives its memory back), and `crash_watch.rs`
//! tells the user. `window.__journeyTestPanic` (`"worker"` or `"page"`) makes one side
//! panic once, for the e2e test.
//!
//! Why a spare worker: starting a worker on the click costs its start-up (script, wasm
//! instantiation) inside the import, and a worker started after the last one ended
//! compiles the wasm again, from its slow first tier, while it imports. So the worker the
//! page opens with waits for the first import, and after each import ends a spare is
//! started beside the worker that holds the log; the browser shares the compiled (and
//! already optimised) module between workers that live at the same time. The next import
//! takes the spare.

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

/// One started worker with its handlers.
struct Slot {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Requests sent before the worker said it is ready.
    pending: Rc<RefCell<Vec<Pending>>>,
    /// False while the worker is the spare: it then only reports that it is ready, and a
    /// failure to start marks it `broken` instead of reaching the page.
    active: Rc<Cell<bool>>,
    broken: Rc<Cell<bool>>,
    /// Set by the first request: the worker may hold a log from now on.
    used: Cell<bool>,
    /// The file this worker has read ahead for the next import (`WorkerClient::stage`).
    staged: RefCell<Option<web_sys::File>>,
    // Kept alive as long as the worker they are attached to.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Slot {
    fn start(on_incoming: &Rc<dyn Fn(Incoming)>, active: bool) -> Result<Slot, ()> {
        let worker = Worker::new(WORKER_URL).map_err(|_| ())?;
        let ready = Rc::new(Cell::new(false));
        let pending: Rc<RefCell<Vec<Pending>>> = Rc::new(RefCell::new(Vec::new()));
        let active = Rc::new(Cell::new(active));
        let broken = Rc::new(Cell::new(false));
        let (r, p, a, cb, w) = (ready.clone(), pending.clone(), active.clone(), on_incoming.clone(), worker.clone());
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let data = e.unchecked_into::<MessageEvent>().data();
            if let Some(text) = data.as_string() {
                match serde_json::from_str::<Reply>(&text) {
                    Ok(Reply::Ready) => {
                        r.set(true);
                        for (msg, transfer) in p.borrow_mut().drain(..) {
                            post_to(&w, &msg, transfer.as_ref());
                        }
                    }
                    _ if !a.get() => {}
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
        let (a, b, cb) = (active.clone(), broken.clone(), on_incoming.clone());
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            if !a.get() {
                return b.set(true);
            }
            let detail = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| {
                let file = e.filename();
                let file = file.rsplit('/').next().unwrap_or_default().to_string();
                format!("{} ({file}:{})", e.message(), e.lineno())
            });
            cb(Incoming::Crashed(detail))
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Slot { worker, ready, pending, active, broken, used: Cell::new(false), staged: RefCell::new(None), _handlers: vec![on_message, on_error] })
    }

    fn send(&self, msg: JsValue, transfer: Option<js_sys::Array>) {
        self.used.set(true);
        self.post(msg, transfer);
    }

    fn post(&self, msg: JsValue, transfer: Option<js_sys::Array>) {
        if self.ready.get() {
            post_to(&self.worker, &msg, transfer.as_ref());
        } else {
            self.pending.borrow_mut().push((msg, transfer));
        }
    }

    fn end(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

pub struct WorkerClient {
    active: RefCell<Option<Slot>>,
    spare: RefCell<Option<Slot>>,
    on_incoming: Rc<dyn Fn(Incoming)>,
}

impl WorkerClient {
    /// Starts the worker the first import will use.
    pub fn new(on_incoming: impl Fn(Incoming) + 'static) -> Rc<WorkerClient> {
        let client = Rc::new(WorkerClient { active: RefCell::new(None), spare: RefCell::new(None), on_incoming: Rc::new(on_incoming) });
        client.start();
        client
    }

    fn start(&self) {
        match Slot::start(&self.on_incoming, true) {
            Ok(slot) => *self.active.borrow_mut() = Some(slot),
            Err(()) => (self.on_incoming)(Incoming::Crashed(None)),
        }
    }

    /// Sends a request; `bytes` is transferred (not copied) to the worker.
    pub fn send(&self, request: &Request, bytes: Option<js_sys::ArrayBuffer>) {
        let msg = message(request);
        let transfer = bytes.map(|b| {
            let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &b);
            js_sys::Array::of1(&b)
        });
        self.post(msg.into(), transfer);
    }

    /// Sends a request with files the worker reads itself, in order, into one buffer
    /// (posting a `File` passes a handle, none of its bytes), or, when it is the file the
    /// answering worker staged, with the bytes it read already.
    pub fn send_files(&self, request: &Request, files: &[web_sys::File]) {
        let msg = message(request);
        let staged = self.active.borrow().as_ref().and_then(|s| s.staged.borrow_mut().take());
        if let ([file], Some(staged)) = (files, staged) {
            if js_sys::Object::is(file, &staged) {
                let _ = js_sys::Reflect::set(&msg, &"staged".into(), &JsValue::TRUE);
                return self.post(msg.into(), None);
            }
        }
        let list: js_sys::Array = files.iter().collect();
        let _ = js_sys::Reflect::set(&msg, &"files".into(), &list);
        self.post(msg.into(), None);
    }

    /// Has the worker the next import will run in read `file` now, while the user still
    /// confirms the mapping (the import then starts parsing at once): the answering worker
    /// while it is unused, else the spare (started for it if needed).
    pub fn stage(&self, file: &web_sys::File) {
        let unused = self.active.borrow().as_ref().is_some_and(|s| !s.used.get());
        if !unused {
            self.keep_spare();
        }
        let slots = if unused { self.active.borrow() } else { self.spare.borrow() };
        if let Some(slot) = slots.as_ref() {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"stage".into(), &js_sys::Array::of1(file));
            slot.post(msg.into(), None);
            *slot.staged.borrow_mut() = Some(file.clone());
        }
    }

    fn post(&self, msg: JsValue, transfer: Option<js_sys::Array>) {
        if let Some(slot) = self.active.borrow().as_ref() {
            slot.send(msg, transfer);
        }
    }

    /// A worker that has not been asked anything yet for the next import: the current one
    /// when it is still unused, else the spare (or a new worker). Requests queued for the
    /// one ended are dropped.
    pub fn fresh(&self) {
        let unused = self.active.borrow().as_ref().is_some_and(|s| !s.used.get());
        if !unused {
            self.restart();
        }
    }

    /// Stops whatever the worker is doing (and forgets its log); the spare, when one is
    /// ready to take over, answers from now on.
    pub fn restart(&self) {
        self.terminate_active();
        match self.spare.borrow_mut().take() {
            Some(spare) if !spare.broken.get() => {
                spare.active.set(true);
                *self.active.borrow_mut() = Some(spare);
            }
            other => {
                if let Some(s) = other {
                    s.end();
                }
                self.start();
            }
        }
    }

    /// Starts a spare beside the worker that answers (called when an import has ended, so
    /// its start does not compete with the import), unless one is waiting already.
    pub fn keep_spare(&self) {
        if self.spare.borrow().is_some() || self.active.borrow().is_none() {
            return;
        }
        if let Ok(slot) = Slot::start(&self.on_incoming, false) {
            *self.spare.borrow_mut() = Some(slot);
        }
    }

    fn terminate_active(&self) {
        if let Some(slot) = self.active.borrow_mut().take() {
            slot.end();
        }
    }

    /// Ends every worker (the page goes).
    pub fn terminate(&self) {
        self.terminate_active();
        if let Some(slot) = self.spare.borrow_mut().take() {
            slot.end();
        }
    }
}

/// The message object with the request as JSON.
fn message(request: &Request) -> js_sys::Object {
    let msg = js_sys::Object::new();
    let json = serde_json::to_string(request).unwrap_or_default();
    let _ = js_sys::Reflect::set(&msg, &"request".into(), &JsValue::from_str(&json));
    msg
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
