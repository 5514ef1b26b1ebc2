//! A map opened from a share link (`#/shared/<fragment>`): decoded by the core, shown
//! read-only, and kept only when the user saves a copy. Saving goes through the import
//! plan, so it never overwrites a map of the library: a conflict becomes a copy.

use journey_core::interop::{decode_share_fragment, resolve_import, ImportChoice, LibraryEntry};
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use crate::ui::map::print_sheet::MapSheet;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::{new_id, now_ms, AppState};
use crate::i18n::map::map_texts;

/// Adds the shared map to the library: as it is when nothing conflicts, else as a copy.
fn save_copy(state: &AppState, map: JourneyMap) -> Option<String> {
    let lang = state.lang.get_untracked();
    let entries: Vec<LibraryEntry> = state.import_entries();
    let action = resolve_import(&entries, map.clone(), None, lang, now_ms())
        .or_else(|_| resolve_import(&entries, map, Some(ImportChoice::ImportAsCopy { new_id: new_id() }), lang, now_ms()))
        .ok()?;
    state.store_import(action)
}

#[component]
pub fn SharedPage(fragment: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let back = view! { <nav class="crumbs"><a href=Page::Library.href()>{move || map_texts(state.lang.get()).back_to_library}</a></nav> };
    match decode_share_fragment(&fragment) {
        Err(error) => view! {
            {back}
            <div class="notice error" role="alert" data-testid="shared-error">
                <p>{move || it().shared_error}</p>
                <p>{move || error.message(state.lang.get())}</p>
            </div>
        }.into_any(),
        Ok(map) => {
            let to_save = map.clone();
            // A shared map is not in the library, so no `MapHandle` scores it: scored once here.
            let scores = journey_core::score::score_map(&map);
            view! {
                {back}
                <div class="notice info shared-banner" role="status" data-testid="shared-banner">
                    <strong>{move || it().shared_title}</strong>
                    <p>{move || it().shared_note}</p>
                    <button type="button" data-testid="save-copy" on:click=move |_| {
                        if let Some(id) = save_copy(&state, to_save.clone()) {
                            navigate(&Page::map(id));
                        }
                    }>{move || it().save_copy}</button>
                </div>
                <div class="print-sheet on-screen">
                    {move || view! { <MapSheet map=map.clone() scores=scores.clone() lang=state.lang.get()/> }}
                </div>
            }.into_any()
        }
    }
}
