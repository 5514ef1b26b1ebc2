//! The map canvas: the journey map as a picture that reads at a glance — stages across,
//! lanes down, cards with an icon and a title, the emotion curve drawn through the
//! touchpoint columns — with editing on demand in an inspector beside the map.
//!
//! The map area holds no form controls until something is selected: a click (or the arrow
//! keys, then Enter) selects a card or stage and the inspector shows every field of it; F2 or
//! a double-click edits a title in place. Geometry, zoom and keyboard navigation are pure
//! functions in `journey_core::canvas`; the map is read and changed through the page's
//! `MapHandle` (and so `AppState::edit_map`), so every change is undoable and autosaved.

mod card;
mod cells;
mod confirm_delete;
mod ctx;
mod curve_lane;
mod grid;
mod inspector;
mod keys;
mod stage_head;
mod stage_inspector;
mod toolbar;
mod zoom;

use leptos::prelude::*;

pub use ctx::Cv;

use crate::ui::shell::map_frame::MapHandle;

/// The canvas of the page's map with its toolbar and inspector. The handle's scores (one
/// `score_map` per change for the whole page) feed the badges and the inspector. `children`
/// (the page's score line) share the toolbar's row, so the map keeps the height.
#[component]
pub fn MapCanvas(map: MapHandle, children: Children) -> impl IntoView {
    let cv = Cv::new(map);
    provide_context(cv);
    view! {
        <div class="cv">
            <div class="cv-top">
                {children()}
                <toolbar::CanvasToolbar cv/>
            </div>
            {move || cv.problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="editor-problem">{p}</p> })}
            {move || cv.deleted.get().map(|name| view! {
                <p class="notice cv-deleted" role="status" data-testid="deleted-notice">
                    {(cv.t().deleted)(&name)} " "
                    <button type="button" data-testid="undo-delete" on:click=move |_| {
                        cv.map.undo();
                        cv.deleted.set(None);
                    }>{cv.t().undo}</button>
                </p>
            })}
            <div class="cv-body">
                <grid::CanvasGrid cv/>
                <Show when=move || cv.inspector.get() && cv.selection.with(Option::is_some)>
                    {move || match cv.selection.get() {
                        Some(journey_core::canvas::Selection::Touchpoint(id)) => view! { <inspector::Inspector cv id/> }.into_any(),
                        Some(journey_core::canvas::Selection::Stage(id)) => view! { <stage_inspector::StageInspector cv id/> }.into_any(),
                        None => ().into_any(),
                    }}
                </Show>
            </div>
            <toolbar::CanvasFoot cv/>
        </div>
    }
}
