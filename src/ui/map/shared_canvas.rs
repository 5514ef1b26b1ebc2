//! The map itself for the recipient of a share link, read-only: the canvas drawn by the core
//! (`journey_core::canvas::map_picture`: stages, every shown lane, the curve per persona, the
//! legend) with zoom out / fit to width / zoom in, and the flow view
//! (`editor::flow_view::render_svg`) as the other view. Nothing here can change the map; it
//! becomes the recipient's only through "Save a copy". Both drawings come from the core,
//! which escapes every label, so they are inserted as markup.

use journey_core::canvas::{map_picture, zoom_in, zoom_out, MAX_ZOOM};
use journey_core::editor::flow_view::render_svg;
use journey_core::model::JourneyMap;
use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::canvas::canvas_texts;
use crate::i18n::editor::editor_texts;
use crate::i18n::map::map_texts;
use crate::ui::state::AppState;

#[component]
pub fn SharedCanvas(map: JourneyMap) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let picture = {
        let map = map.clone();
        Memo::new(move |_| {
            let p = map_picture(&map, state.lang.get());
            (p.svg, p.width)
        })
    };
    let flow = Memo::new(move |_| render_svg(&map, state.lang.get()));
    let flow_shown = RwSignal::new(false);
    // `None`: fitted to the width of the area (the default, so the whole map is in view).
    let zoom = RwSignal::new(None::<f64>);
    let area = NodeRef::<Div>::new();
    // The area's width, measured once it is drawn and whenever the window changes size.
    let area_w = RwSignal::new(0.0_f64);
    let measure = move || {
        if let Some(el) = area.get_untracked() {
            area_w.set(f64::from(el.client_width()));
        }
    };
    Effect::new(move |_| {
        if area.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let fitted = move || {
        let width = area_w.get();
        let width = if width > 0.0 { width.max(200.0) } else { 1200.0 };
        ((width - 4.0) / picture.with(|p| p.1)).clamp(0.2, MAX_ZOOM)
    };
    let current = move || zoom.get().unwrap_or_else(fitted);
    let style = move || format!("width: {:.0}px", picture.with(|p| p.1) * current());
    view! {
        <section class="shared-canvas" data-testid="shared-canvas">
            <div class="shared-canvas-bar" role="toolbar" aria-label=move || map_texts(lang()).shared_title>
                <button type="button" data-testid="shared-view-map" aria-pressed=move || (!flow_shown.get()).to_string()
                    on:click=move |_| flow_shown.set(false)>{move || map_texts(lang()).shared_view_map}</button>
                <button type="button" data-testid="shared-view-flow" aria-pressed=move || flow_shown.get().to_string()
                    on:click=move |_| flow_shown.set(true)>{move || editor_texts(lang()).view_flow}</button>
                <span class="shared-canvas-zoom" hidden=move || flow_shown.get()>
                    <button type="button" data-testid="shared-zoom-out" aria-label=move || canvas_texts(lang()).zoom_out
                        on:click=move |_| zoom.set(Some(zoom_out(current())))>"−"</button>
                    <button type="button" data-testid="shared-zoom-fit" on:click=move |_| zoom.set(None)>
                        {move || map_texts(lang()).shared_fit} " · " {move || format!("{:.0} %", current() * 100.0)}
                    </button>
                    <button type="button" data-testid="shared-zoom-in" aria-label=move || canvas_texts(lang()).zoom_in
                        on:click=move |_| zoom.set(Some(zoom_in(current())))>"+"</button>
                </span>
            </div>
            <div class="shared-canvas-area" node_ref=area tabindex="0" role="region" data-testid="shared-canvas-area"
                aria-label=move || if flow_shown.get() { editor_texts(lang()).view_flow } else { map_texts(lang()).shared_view_map }>
                {move || if flow_shown.get() {
                    view! { <div class="ed-flow-svg" data-testid="flow-view" inner_html=move || flow.get()></div> }.into_any()
                } else {
                    view! { <div class="shared-picture" style=style inner_html=move || picture.with(|p| p.0.clone())></div> }.into_any()
                }}
            </div>
        </section>
    }
}
