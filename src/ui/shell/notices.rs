//! What the user must know about storage: unreadable maps (with their backup key), storage
//! that is unavailable or full, whether the last edits are saved, and a failed download.

use leptos::prelude::*;

use crate::ui::state::{AppState, SaveStatus};
use crate::i18n::texts;
use crate::store::SetError;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    view! {
        <Show when=move || !state.persistent>
            <div class="notice warning" role="alert" data-testid="storage-unavailable">
                {move || t().storage_unavailable}
            </div>
        </Show>
        <Show when=move || state.index_rebuilt.get()>
            <div class="notice info" role="status">{move || t().index_rebuilt}</div>
        </Show>
        <Show when=move || !state.unreadable.with(|u| u.is_empty())>
            <div class="notice error" role="alert" data-testid="unreadable-maps">
                <strong>{move || t().unreadable_title}</strong>
                <ul>
                    {move || {
                        let lang = state.lang.get();
                        state.unreadable.get().into_iter().map(|u| {
                            let why = match &u.error {
                                Some(e) => e.message(lang),
                                None => texts(lang).unreadable_missing.to_string(),
                            };
                            view! { <li>{(texts(lang).unreadable_entry)(&u.entry.name, &why, &u.backup_key)}</li> }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </Show>
        {move || state.alert.get().map(|message| view! {
            <div class="notice error" role="alert" data-testid="alert">
                {message} " "
                <button type="button" on:click=move |_| state.alert.set(None)>{move || t().dismiss}</button>
            </div>
        })}
        {move || match state.save_status.get() {
            SaveStatus::Failed { map_name, error } => {
                let msg = match error {
                    SetError::QuotaExceeded => (t().quota_exceeded)(&map_name),
                    SetError::Other(why) => (t().save_failed)(&map_name, &why),
                };
                Some(view! { <div class="notice error" role="alert" data-testid="save-error">{msg}</div> })
            }
            _ => None,
        }}
    }
}

/// "All changes saved" / "Saving…" in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    view! {
        <span class="save-status" data-testid="save-status" aria-live="polite"
            data-state=move || match state.save_status.get() {
                SaveStatus::Saved => "saved",
                SaveStatus::Pending => "pending",
                SaveStatus::Failed { .. } => "failed",
            }
        >
            {move || match state.save_status.get() {
                SaveStatus::Saved => t().saved,
                _ => t().saving,
            }}
        </span>
    }
}
