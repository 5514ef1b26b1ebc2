//! The journey map editor: toolbar, map name and description, personas, the grid (or the
//! flow view), and routes. Every change goes through `AppState::edit_map`, so it is undoable
//! and autosaved; the domain operations are methods in journey-core.

mod card;
mod channel_icon;
mod ctx;
mod curve;
mod flow;
mod grid;
mod lane_field;
mod personas;
mod routes;
mod stage_header;
pub mod template_picker;
mod toolbar;

use leptos::prelude::*;

use crate::ui::state::AppState;
use ctx::Ed;

#[component]
pub fn Editor(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ed = Ed::new(state, id);
    let flow = RwSignal::new(false);
    let name = Memo::new(move |_| ed.with_map(|m| m.name.clone()).unwrap_or_default());
    let description = Memo::new(move |_| ed.with_map(|m| m.description.clone()).unwrap_or_default());
    view! {
        <article class="map ed" data-testid="map-view">
            <h1 data-testid="map-title">{move || name.get()}</h1>
            <div class="ed-meta">
                <label class="ed-col"><span>{move || ed.t().map_name}</span>
                    <input type="text" data-testid="map-name" prop:value=move || name.get()
                        on:change=move |ev| { let v = event_target_value(&ev); if !v.trim().is_empty() { ed.edit(move |m| m.rename(&v)); } } />
                </label>
                <label class="ed-col"><span>{move || ed.t().map_description}</span>
                    <textarea rows="2" data-testid="map-description" prop:value=move || description.get()
                        on:change=move |ev| { let v = event_target_value(&ev); ed.edit(move |m| m.description = v.trim().to_string()); }></textarea>
                </label>
            </div>
            <toolbar::Toolbar ed flow/>
            {move || ed.problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="editor-problem">{p}</p> })}
            <personas::PersonaPanel ed/>
            <Show when=move || !flow.get() fallback=move || view! { <flow::FlowView ed/> }>
                {match use_context::<crate::ui::map_page::MapScoresContext>() {
                    Some(scores) => view! { <crate::ui::map_canvas::MapCanvas id=ed.map_id.get_value() scores=scores.0/> }.into_any(),
                    None => view! { <grid::Grid ed/> }.into_any(),
                }}
            </Show>
            <routes::RoutePanel ed/>
        </article>
    }
}
