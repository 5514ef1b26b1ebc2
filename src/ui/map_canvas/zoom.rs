//! Zoom: the canvas area fills the window below its top edge, and "fit to screen" (the
//! default when a map opens) picks the zoom at which the whole map fits it
//! (`journey_core::canvas::fit_zoom`). The fit is redone when the window changes size or the
//! map's shape changes (columns, lanes, persona filter) — not when a column just grows, so
//! typing never makes the map jump. Zooming by hand ends fitting until "fit" is pressed.

use journey_core::canvas::{fit_zoom, meeting_zoom};
use leptos::html::Div;
use leptos::prelude::*;

use super::ctx::Cv;

/// Keeps the canvas area as tall as the window allows and the zoom fitted.
pub fn use_fit(cv: Cv, scroll: NodeRef<Div>, grid: NodeRef<Div>) {
    let size = RwSignal::new(window_size());
    let resize = window_event_listener(leptos::ev::resize, move |_| size.set(window_size()));
    on_cleanup(move || resize.remove());
    let shape = Memo::new(move |_| {
        let (cols, stages) = cv.layout.with(|l| (l.columns.len(), l.stages.len()));
        (cols, stages, cv.lanes.get(), cv.persona.get(), cv.state.lang.get(), cv.meeting.get())
    });
    Effect::new(move |_| {
        shape.track();
        size.track();
        let fitted = cv.fitted.get();
        // Twice: once the new rows are drawn, then after the zoom took effect.
        request_animation_frame(move || {
            // The page may have been left before this frame (its signals are gone then).
            if cv.zoom.try_get_untracked().is_none() {
                return;
            }
            size_area(scroll);
            if fitted {
                fit_now(cv, scroll, grid);
            }
        });
    });
}

fn window_size() -> (f64, f64) {
    let w = window();
    let num = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (num(w.inner_width()), num(w.inner_height()))
}

/// Room under the map area for the line with the evidence meter and the keys.
const FOOT: f64 = 30.0;

/// The canvas area reaches from its top to the line above the bottom of the window (at
/// least 320 px).
fn size_area(scroll: NodeRef<Div>) {
    let Some(el) = scroll.try_get_untracked().flatten() else { return };
    let top = el.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
    let height = (window_size().1 - top - FOOT).max(320.0);
    let _ = el.set_attribute("style", &format!("height: {height:.0}px"));
}

/// Sets the zoom at which the whole canvas fits its area.
pub fn fit_now(cv: Cv, scroll: NodeRef<Div>, grid: NodeRef<Div>) {
    let (Some(area), Some(g)) = (scroll.try_get_untracked().flatten(), grid.try_get_untracked().flatten()) else { return };
    let zoom = cv.zoom.get_untracked();
    // The drawn height divided by the zoom in force is the height at zoom 1.
    let natural_h = g.get_bounding_client_rect().height() / zoom;
    let natural_w = cv.layout.with_untracked(|l| l.total_width());
    let view = (f64::from(area.client_width()) - 2.0, f64::from(area.client_height()) - 2.0);
    let z = if cv.meeting.get_untracked() { meeting_zoom(natural_w, view.0) } else { fit_zoom((natural_w, natural_h), view) };
    if (z - zoom).abs() > 0.005 {
        cv.zoom.set(z);
    }
}
