//! The quiet delete button of an inspector and the question it opens ("Delete …?" with
//! Delete and Cancel). The Delete key opens the same question (`Cv::ask_delete`); deleting
//! selects its neighbour (focus stays on the map) and shows the undo notice; Esc cancels; cancelling gives the focus back to the
//! selection. One place, so the touchpoint and the stage inspector cannot drift apart.

use journey_core::icons::Tool;
use leptos::prelude::*;

use super::ctx::Cv;
use crate::ui::icons::tool_icon;
use crate::ui::shell::dialog;

#[component]
pub fn ConfirmDelete(
    cv: Cv,
    /// `data-testid` of the quiet button that asks.
    testid: &'static str,
    /// The button's label, also the question's accessible name.
    label: Signal<&'static str>,
    /// The question, naming what goes.
    question: Signal<String>,
    /// The name of what goes, for the undo notice.
    name: Signal<String>,
    /// Removes it from the map (inside one undoable edit).
    remove: impl Fn(&mut journey_core::model::JourneyMap) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let confirm = cv.confirm_delete;
    let delete = move |_| {
        let gone = name.get_untracked();
        // The focus goes to the neighbour of what goes (the next card, else the one before,
        // else its stage), so the keyboard stays on the map.
        let next = cv.neighbour();
        cv.edit(remove);
        cv.inspector.set(false);
        cv.deleted.set(Some(gone));
        cv.selection.set(next);
        cv.focus_selection();
    };
    let cancel = move || {
        confirm.set(false);
        cv.focus_selection();
    };
    view! {
        <Show when=move || confirm.get()
            fallback=move || view! {
                <button type="button" class="cv-quiet" data-testid=testid on:click=move |_| confirm.set(true)>
                    {tool_icon(Tool::Trash)} " " {move || label.get()}
                </button>
            }>
            {
            let node = NodeRef::<leptos::html::Div>::new();
            let keys = dialog::use_dialog(node, cancel, dialog::nowhere);
            view! {
            <div class="cv-confirm" role="alertdialog" aria-label=move || label.get() node_ref=node on:keydown=keys>
                <p>{move || question.get()}</p>
                <button type="button" class="danger" data-testid="confirm-delete" on:click=delete>{move || cv.t().delete}</button>
                <button type="button" data-testid="cancel-delete" data-cancel="" on:click=move |_| cancel()>{move || cv.t().cancel}</button>
            </div>
            }
            }
        </Show>
    }
}
