//! The ways from the analytics page to planned vs actual on the canvas
//! (`ui::planned_actual`): "Show planned vs actual on the canvas" under the list of the
//! imported log's findings, and — without a log — a picker of the as-is maps drafted from a
//! log earlier (`journey_core::analytics::planned_vs_drafted`, computed here: it reads two
//! maps, not events). While the canvas shows, the page's steps stay mounted but hidden, so
//! "Back" finds the import as it was and the focus on the button that opened it.

use journey_core::analytics::{planned_vs_drafted, PlannedVsActual};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Ctx;
use crate::i18n::planned_actual::pva_canvas_texts;
use crate::ui::planned_actual::PlannedActualCanvas;
use crate::ui::state::AppState;

/// What the plan is compared with on the canvas.
#[derive(Clone, PartialEq)]
pub enum CanvasFrom {
    /// The log imported on this page (the worker's comparison, followed live).
    Log,
    /// An as-is map of the library, drafted from a log (its id).
    Drafted(String),
}

impl CanvasFrom {
    /// The test id of the button that opens it (the focus goes back there).
    fn opener(&self) -> &'static str {
        match self {
            CanvasFrom::Log => "pva-open-canvas",
            CanvasFrom::Drafted(_) => "pva-open-drafted",
        }
    }
}

/// "Show planned vs actual on the canvas" for the imported log.
#[component]
pub fn OpenFromLog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    view! {
        <p><button type="button" class="primary" data-testid="pva-open-canvas" on:click=move |_| ctx.draft.canvas.set(Some(CanvasFrom::Log))>
            {move || pva_canvas_texts(state.lang.get()).open}
        </button></p>
    }
}

/// The as-is maps of the library drafted from a log (other than this map), by name.
fn drafted_maps(state: AppState, except: &str) -> Vec<(String, String)> {
    state.library.with(|l| {
        l.maps.iter().filter(|m| m.id != except && m.analytics.drafted_from.is_some()).map(|m| (m.id.clone(), m.name.clone())).collect()
    })
}

/// Planned vs actual against an as-is map drafted earlier (no log needed).
#[component]
pub fn OpenFromDrafted() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let chosen = RwSignal::new(String::new());
    move || {
        let t = pva_canvas_texts(state.lang.get());
        let maps = drafted_maps(state, &ctx.map.id());
        // A drafted map is compared with a plan, not with itself or another draft's plan.
        if ctx.map.with(|m| m.analytics.drafted_from.is_some()).unwrap_or(true) {
            return None;
        }
        // Offered only when there is one to pick (nothing to say before the first draft).
        let first = maps.first()?.0.clone();
        let ids: Vec<String> = maps.iter().map(|m| m.0.clone()).collect();
        // Drawn again when the library changes: the choice stays selected.
        let picked = chosen.get_untracked();
        let options = maps
            .iter()
            .map(|(id, name)| view! { <option value=id.clone() selected=*id == picked>{name.clone()}</option> })
            .collect_view();
        Some(view! {
            <section class="metrics pva-drafted" data-testid="pva-drafted" aria-labelledby="pva-drafted-title">
                <h2 id="pva-drafted-title">{t.drafted_compare}</h2>
                <p>
                    <label>{t.drafted_pick} " "
                        <select data-testid="pva-drafted-pick" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
                    </label> " "
                    <button type="button" class="primary" data-testid="pva-open-drafted" on:click=move |_| {
                        let id = chosen.get_untracked();
                        // Nothing picked yet (the first shows), or a map deleted since.
                        let id = if ids.contains(&id) { id } else { first.clone() };
                        ctx.draft.canvas.set(Some(CanvasFrom::Drafted(id)));
                    }>{t.open}</button>
                </p>
            </section>
        })
    }
}

/// The canvas view while one is chosen.
#[component]
pub fn CanvasMode() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let plan = Signal::derive(move || ctx.map.map.get());
    let report = Signal::derive(move || -> Option<PlannedVsActual> {
        match ctx.draft.canvas.get()? {
            CanvasFrom::Log => ctx.draft.planned_vs_actual.get(),
            CanvasFrom::Drafted(id) => {
                let plan = plan.get()?;
                state.library.with(|l| l.get(&id).map(|as_is| planned_vs_drafted(&plan, as_is)))
            }
        }
    });
    let source = Signal::derive(move || match ctx.draft.canvas.get() {
        Some(CanvasFrom::Drafted(id)) => {
            let name = state.library.with(|l| l.get(&id).map(|m| m.name.clone())).unwrap_or_default();
            (pva_canvas_texts(state.lang.get()).drafted_source)(&name)
        }
        _ => ctx.file_name.get(),
    });
    let back = Callback::new(move |_| {
        let Some(from) = ctx.draft.canvas.get_untracked() else { return };
        ctx.draft.canvas.set(None);
        // Back on the button that opened it, once the page's steps show again.
        request_animation_frame(move || {
            let button = document()
                .query_selector(&format!("[data-testid=\"{}\"]", from.opener()))
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = button {
                b.scroll_into_view_with_bool(false);
                let _ = b.focus();
            }
        });
    });
    move || ctx.draft.canvas.with(Option::is_some).then(|| view! { <PlannedActualCanvas plan report source on_back=back/> })
}
