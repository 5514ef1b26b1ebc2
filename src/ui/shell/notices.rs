//! What the user must know about storage: unreadable maps (with their backup key), storage
//! that is unavailable or full (with a backup export and snapshot clean-up), maps changed
//! here and in another tab (load theirs / keep mine as a copy), whether the last edits are
//! saved, and a failed download.

use leptos::prelude::*;

use super::route::{self, Page};
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
                <p>{move || t().storage_unavailable}</p>
                <p class="notice-actions">
                    <button type="button" data-testid="memory-export-backup" on:click=move |_| super::backup::export_backup_file(state)>
                        {move || t().export_backup_now}
                    </button>
                </p>
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
            SaveStatus::Failed { map_name, error, kept } => {
                let msg = match error {
                    // A map that never fit has no "last saved version": it lives in this tab.
                    SetError::QuotaExceeded if !kept => (t().quota_exceeded_unstored)(&map_name),
                    SetError::QuotaExceeded => (t().quota_exceeded)(&map_name),
                    SetError::Other(why) => (t().save_failed)(&map_name, &why),
                };
                Some(view! { <div class="notice error" role="alert" data-testid="save-error">{msg}</div> })
            }
            _ => None,
        }}
    }
}

/// "All changes saved" / "Saving…" in the header — never "saved" while a map waits for a
/// conflict's choice, and never while nothing can be stored: then it says "not saved" and
/// exports a backup when clicked.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let held = move || !state.conflicts.with(|c| c.is_empty());
    let unstored = move || !state.persistent || matches!(state.save_status.get(), SaveStatus::Failed { kept: false, .. });
    view! {
        <Show
            when=unstored
            fallback=move || view! {
                <span class="save-status" data-testid="save-status" aria-live="polite"
                    data-state=move || match state.save_status.get() {
                        SaveStatus::Failed { .. } => "failed",
                        _ if held() => "held",
                        SaveStatus::Saved => "saved",
                        SaveStatus::Pending => "pending",
                    }
                >
                    // Never "Saving…" for what waits for the user (a conflict) or was refused.
                    {move || match state.save_status.get() {
                        SaveStatus::Saved if !held() => t().saved,
                        SaveStatus::Pending if !held() => t().saving,
                        _ => t().not_saved_see_above,
                    }}
                </span>
            }
        >
            <button type="button" class="save-status unsaved" data-testid="save-status" aria-live="polite"
                data-state=move || if state.persistent { "failed" } else { "memory" }
                on:click=move |_| super::backup::export_backup_file(state)
            >
                {move || t().not_saved_export_backup}
            </button>
        </Show>
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
/// copy of their own; until then nothing of the map is written. A map another tab deleted
/// is kept as a new map (the page moves to it) or deleted here too (the page goes to the
/// library).
#[component]
fn Conflicts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    move || {
        state.conflicts.get().into_iter().map(|c| {
            let id = StoredValue::new(c.map_id.clone());
            let name = c.map_name.clone();
            let deleted = c.deleted;
            let text = move || if deleted { (t().conflict_deleted)(&name) } else { (t().conflict_changed)(&name) };
            let theirs = move |_| {
                let id = id.get_value();
                state.load_theirs(&id);
                if deleted && route::current_page().map_id() == Some(id.as_str()) {
                    route::navigate(&Page::Library);
                }
            };
            let mine = move |_| {
                let id = id.get_value();
                let copy = state.keep_mine_as_copy(&id);
                let page = route::current_page();
                if let (true, Some(copy), Page::Map(shown, view)) = (deleted, copy, &page) {
                    if *shown == id {
                        route::navigate(&view.page(&copy));
                    }
                }
            };
            view! {
                <div class="notice warning notice-sticky" role="alert" data-testid="conflict" data-deleted=deleted.to_string()>
                    <p>{text}</p>
                    <p class="notice-actions">
                        <button type="button" data-testid="keep-mine" on:click=mine>
                            {move || if deleted { t().keep_mine_as_new } else { t().keep_mine_as_copy }}
                        </button>
                        <button type="button" data-testid="load-theirs" on:click=theirs>
                            {move || if deleted { t().discard_mine } else { t().load_theirs }}
                        </button>
                    </p>
                </div>
            }
        }).collect_view()
    }
}
