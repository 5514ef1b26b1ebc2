//! A crash of the page's own wasm while it handles a worker reply (a trap: `RuntimeError:
//! unreachable` after a panic, or running out of memory) throws out of the message handler
//! and reaches the window's `error` event, not this page's code. While the analytics page
//! is shown, this listener turns such an error during an import into a message and ends
//! the progress bar; the next import then starts a fresh worker (`worker.rs`), so it works
//! without a reload.

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics_bounds::bounds_texts;

/// Listens to the window's errors until the page goes.
pub fn watch(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::error, move |e| {
        let message = e.message();
        // Only a wasm trap or a handler wasm-bindgen refuses after one; a script error of
        // the page is not an import failure.
        let trap = ["unreachable", "RuntimeError", "closure invoked", "memory access out of bounds"].iter().any(|m| message.contains(m));
        let busy = ctx.progress.try_get_untracked().flatten().is_some();
        if !trap || !busy {
            return;
        }
        let lang = ctx.state.lang.get_untracked();
        ctx.progress.set(None);
        ctx.error.set(Some(format!("{} ({message})", bounds_texts(lang).page_crashed)));
    });
    on_cleanup(move || handle.remove());
}
