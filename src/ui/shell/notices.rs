//! What the user must know about storage: unreadable maps (with their backup key), storage
//! that is unavailable or full (with a backup export and snapshot clean-up), maps changed
//! here and in another tab (load theirs / keep mine as a copy), whether the last edits are
//! saved, and a failed download.

use leptos::prelude::*;

use crate::ui::state::{AppState, SaveStatus};
use crate::i18n::texts;
use crate::store::backend::StorageHealth;
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
        <StorageFull/>
        <Conflicts/>
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
                SaveStatus::Pending if !state.conflicts.with(|c| c.is_empty()) => "held",
                SaveStatus::Pending => "pending",
                SaveStatus::Failed { .. } => "failed",
            }
        >
            // Never "Saving…" for what waits for the user (a conflict) or was refused.
            {move || match state.save_status.get() {
                SaveStatus::Saved => t().saved,
                SaveStatus::Pending if state.conflicts.with(|c| c.is_empty()) => t().saving,
                _ => t().not_saved_see_above,
            }}
        </span>
    }
}

/// The storage was full at start (or is still): the maps are listed (they are read), this
/// says why nothing is saved and offers what makes room.
#[component]
fn StorageFull() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let dropped = RwSignal::new(None::<usize>);
    let export = move |_| super::backup::export_backup_file(state);
    let drop_snapshots = move |_| {
        dropped.set(Some(state.drop_old_snapshots()));
        state.retry_full_storage();
    };
    view! {
        <Show when=move || state.storage_health.get() == StorageHealth::Full>
            <div class="notice error" role="alert" data-testid="storage-full">
                <p>{move || t().storage_full}</p>
                <p class="notice-actions">
                    <button type="button" data-testid="full-export-backup" on:click=export>{move || t().export_backup_now}</button>
                    <button type="button" data-testid="full-drop-snapshots" on:click=drop_snapshots>{move || t().drop_old_snapshots}</button>
                </p>
                {move || dropped.get().map(|n| view! { <p role="status">{(t().snapshots_dropped)(n)}</p> })}
            </div>
        </Show>
    }
}

/// Maps changed here and in another tab: the user loads theirs or keeps theirs and a
/// copy of their own; until then nothing of the map is written.
#[component]
fn Conflicts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    move || {
        state.conflicts.get().into_iter().map(|c| {
            let id = StoredValue::new(c.map_id.clone());
            let name = c.map_name.clone();
            let text = move || if c.deleted { (t().conflict_deleted)(&name) } else { (t().conflict_changed)(&name) };
            view! {
                <div class="notice warning notice-sticky" role="alert" data-testid="conflict">
                    <p>{text}</p>
                    <p class="notice-actions">
                        <button type="button" data-testid="load-theirs" on:click=move |_| state.load_theirs(&id.get_value())>
                            {move || if c.deleted { t().discard_mine } else { t().load_theirs }}
                        </button>
                        <button type="button" data-testid="keep-mine" on:click=move |_| { state.keep_mine_as_copy(&id.get_value()); }>
                            {move || t().keep_mine_as_copy}
                        </button>
                    </p>
                </div>
            }
        }).collect_view()
    }
}
