//! The question an undo asks before it removes a drafted map (`AppState::undo`): a map the
//! draft step made is undone by removing it, but after a reload, in another module, or
//! once the user edited it, only when the user confirms. Shown by the frame of every module,
//! so the toolbar's Undo and Ctrl+Z ask the same on every map page.

use leptos::prelude::*;

use super::dialog::ConfirmBox;
use super::route::{current_page, navigate, Page};
use crate::i18n::texts;
use crate::ui::state::AppState;

#[component]
pub fn RemoveDraftQuestion() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let id = state.remove_draft.get()?;
        let name = state.library.with_untracked(|l| l.get(&id).map(|m| m.name.clone()))?;
        let t = move || texts(state.lang.get());
        let question = Signal::derive(move || (t().remove_draft_question)(&name));
        let close = move || state.remove_draft.set(None);
        let on_yes = move || {
            state.remove_draft.set(None);
            let on_it = current_page().map_id() == Some(id.as_str());
            state.delete(&id);
            if on_it {
                navigate(&Page::Library);
            }
        };
        Some(view! {
            <div class="notice warning remove-draft">
                <ConfirmBox question yes=Signal::derive(move || t().remove_draft_yes.to_string())
                    no=Signal::derive(move || t().remove_draft_no.to_string()) on_yes close
                    testid="remove-draft" yes_testid="remove-draft-yes" no_testid="remove-draft-no"/>
            </div>
        })
    }
}
