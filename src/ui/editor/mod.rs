//! The map page's editor: the map bar (name, undo/redo, grid/flow, the menu), the score
//! line, the map canvas (`ui::map_canvas`) or the flow view, and below the map its
//! description, personas and routes. Every change goes through the page's `MapHandle` (and
//! so `AppState::edit_map`), so it is undoable and autosaved; the domain operations are
//! methods in journey-core.

mod ctx;
pub mod flow;
mod map_bar;
pub use map_bar::{MapExtras, PaperChoice};
mod personas;
mod routes;
mod score_line;

pub use ctx::Ed;

use leptos::prelude::*;

use crate::ui::map_canvas::MapCanvas;
use crate::ui::shell::map_frame::MapHandle;

/// The editor of the page's map (rendered inside its `MapFrame`).
#[component]
pub fn Editor(parts: MapExtras) -> impl IntoView {
    let handle = MapHandle::current();
    let ed = Ed::new(handle);
    let flow = RwSignal::new((parts.flow_at_start)());
    let description = Memo::new(move |_| ed.with_map(|m| m.description.clone()).unwrap_or_default());
    view! {
        <article class="map ed" data-testid="map-view">
            <map_bar::MapBar ed flow parts/>
            {move || ed.problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="editor-problem">{p}</p> })}
            <Show when=move || !flow.get()
                fallback=move || view! { <score_line::ScoreLine map=handle/> {(parts.flow)(ed)} }>
                <MapCanvas map=handle><score_line::ScoreLine map=handle/></MapCanvas>
            </Show>
            <div class="ed-below">
                <label class="ed-col ed-description"><span>{move || ed.t().map_description}</span>
                    <textarea rows="2" data-testid="map-description" prop:value=move || description.get()
                        on:change=move |ev| { let v = event_target_value(&ev); ed.edit(move |m| m.description = v.trim().to_string()); }></textarea>
                </label>
                <personas::PersonaPanel ed/>
                <routes::RoutePanel ed/>
            </div>
        </article>
    }
}
