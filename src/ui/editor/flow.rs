//! The flow view: the core's SVG of touchpoints by stage and routes by kind. The string is
//! built by journey-core with every user text escaped, so it is inserted as markup. The
//! legend is drawn inside the SVG (one legend, also in a downloaded picture), so the page
//! adds none. The drawing shrinks to the page's width; when it is still wider or taller (many
//! touchpoints), its frame scrolls and takes the focus, so the keyboard can scroll it.

use journey_core::editor::flow_view::render_svg;
use leptos::prelude::*;

use super::ctx::Ed;

#[component]
pub fn FlowView(ed: Ed) -> impl IntoView {
    let svg = Memo::new(move |_| {
        let lang = ed.state.lang.get();
        ed.with_map(|m| render_svg(m, lang)).unwrap_or_default()
    });
    // Shown only when chosen (the view switch, or the map module handing it over): the
    // focus moves to it, so a screen reader says which view opened.
    let frame = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            let _ = el.focus();
        }
    });
    view! {
        <section class="ed-flow" data-testid="flow-view">
            <div class="ed-flow-svg" tabindex="0" role="region" aria-label=move || ed.t().view_flow node_ref=frame inner_html=move || svg.get()></div>
        </section>
    }
}
