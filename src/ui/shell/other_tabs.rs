//! Listens to the `storage` event: another tab of the app wrote or removed a key. Typed
//! text not committed yet is an unsaved edit too, so it is committed first; then
//! `AppState::on_storage_event` (src/ui/state/other_tabs.rs) follows the other tab's
//! write or turns it into a conflict the user settles.

use leptos::prelude::*;

use super::typing;
use crate::ui::state::AppState;

/// Installs the listener (once, in the app's and the first-load module's shell).
pub fn install(state: AppState) {
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else { return };
        if crate::store::keys::map_id(&key).is_none() {
            return;
        }
        typing::commit_pending(state, false);
        state.on_storage_event(&key, ev.new_value());
    });
    on_cleanup(move || storage.remove());
}
