//! The library's "File" area: import a map or a backup (JSON), export a backup of all
//! maps, and create a map from a Mermaid `journey` diagram.

use journey_core::interop::export_backup;
use leptos::prelude::*;

use super::download::download_text;
use super::browser::time::today;
use super::json_import::JsonImport;
use super::mermaid_import::MermaidImport;
use super::state::{now_ms, AppState};
use crate::i18n::interop::interop_texts;

#[component]
pub fn LibraryFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || interop_texts(state.lang.get());
    let export = move |_| export_backup_file(state);
    view! {
        <details class="file-area" data-testid="library-files">
            <summary>{move || it().files_title}</summary>
            <div class="file-area-body">
                <JsonImport/>
                <button type="button" data-testid="export-backup" on:click=export>{move || it().export_backup}</button>
                <MermaidImport/>
            </div>
        </details>
    }
}

/// Downloads a backup of every map (used here and by the storage meter near the quota).
pub fn export_backup_file(state: AppState) {
    let text = state.library.with_untracked(|l| export_backup(&l.maps, now_ms()));
    let _ = download_text(&format!("journey-studio-backup-{}.json", today()), "application/json", &text);
}
