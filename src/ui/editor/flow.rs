//! The flow view: the core's SVG of touchpoints by stage and routes by kind. The string is
//! built by journey-core with every user text escaped, so it is inserted as markup.

use journey_core::editor::flow_view::render_svg;
use leptos::prelude::*;

use super::ctx::Ed;

#[component]
pub fn FlowView(ed: Ed) -> impl IntoView {
    let svg = Memo::new(move |_| {
        let lang = ed.state.lang.get();
        ed.with_map(|m| render_svg(m, lang)).unwrap_or_default()
    });
    view! {
        <section class="ed-flow" data-testid="flow-view">
            <p class="muted">{move || ed.t().flow_hint}</p>
            <div class="ed-flow-svg" inner_html=move || svg.get()></div>
        </section>
    }
}
