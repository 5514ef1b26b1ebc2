//! The library's "File" area: import a map or a backup (JSON), export a backup of all
//! maps, and create a map from a Mermaid `journey` diagram.

use leptos::prelude::*;

use crate::ui::library::json_import::JsonImport;
use crate::ui::library::mermaid_import::MermaidImport;
use crate::ui::shell::backup::export_backup_file;
use crate::ui::state::AppState;
use crate::i18n::library::library_texts;

#[component]
pub fn LibraryFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || library_texts(state.lang.get());
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
