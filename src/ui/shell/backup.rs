//! A backup of every map as one JSON file: offered by the library's "File" area, by the
//! storage meter near the quota and by the "storage is full" notice. The backup carries
//! the library's customer key (never a single map's export does).

use journey_core::interop::export_backup_with_key;
use leptos::prelude::*;

use crate::ui::browser::download::download_text;
use crate::ui::browser::time::today;
use crate::ui::state::{now_ms, AppState};

/// Downloads a backup of every map; a refused download is shown (`AppState::report_download`).
pub fn export_backup_file(state: AppState) {
    let key = state.stored_customer_key();
    let text = state.library.with_untracked(|l| export_backup_with_key(&l.maps, now_ms(), key.as_deref()));
    state.report_download(download_text(&format!("journey-studio-backup-{}.json", today()), "application/json", &text));
}
