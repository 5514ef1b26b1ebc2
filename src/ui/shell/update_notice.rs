//! "A new version is ready — Reload": shown when the service worker (`crate::pwa`) has
//! installed a newer deployment beside the running one. Nothing reloads by itself; the
//! button first writes every pending edit and reloads only when all of them are saved.

use leptos::prelude::*;

use crate::ui::state::{AppState, SaveStatus};
use crate::i18n::texts;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ready = RwSignal::new(false);
    let blocked = RwSignal::new(false);
    crate::pwa::register(move || ready.set(true));
    let t = move || texts(state.lang.get());
    let reload = move |_| {
        // Text typed a moment ago (a rename not yet left) is committed and written too.
        super::typing::commit_pending(state, false);
        // Without storage nothing survives a reload: the maps live in this page only.
        let saved = state.persistent && state.save_status.get_untracked() == SaveStatus::Saved;
        blocked.set(!saved);
        if saved {
            crate::pwa::apply_update();
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="notice info update-notice" role="status" data-testid="update-notice">
                <span>{move || t().new_version}</span>
                " "
                <button type="button" on:click=reload>{move || t().reload}</button>
                <Show when=move || blocked.get()>
                    <p>{move || t().not_saved}</p>
                </Show>
            </div>
        </Show>
    }
}
