//! The quiet delete button of an inspector and the question it opens ("Delete …?" with
//! Delete and Cancel). The Delete key opens the same question (`Cv::ask_delete`); deleting
//! clears the selection and shows the undo notice, cancelling gives the focus back to the
//! selection. One place, so the touchpoint and the stage inspector cannot drift apart.

use journey_core::icons::Tool;
use leptos::prelude::*;

use super::ctx::Cv;
use crate::ui::icons::tool_icon;

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
        cv.edit(remove);
        cv.selection.set(None);
        cv.inspector.set(false);
        cv.deleted.set(Some(gone));
    };
    view! {
        <Show when=move || confirm.get()
            fallback=move || view! {
                <button type="button" class="cv-quiet" data-testid=testid on:click=move |_| confirm.set(true)>
                    {tool_icon(Tool::Trash)} " " {move || label.get()}
                </button>
            }>
            <div class="cv-confirm" role="alertdialog" aria-label=move || label.get()>
                <p>{move || question.get()}</p>
                <button type="button" class="danger" data-testid="confirm-delete" on:click=delete>{move || cv.t().delete}</button>
                <button type="button" data-testid="cancel-delete" on:click=move |_| { confirm.set(false); cv.focus_selection(); }>{move || cv.t().cancel}</button>
            </div>
        </Show>
    }
}
