//! The presentation's first slide: the map's name, its four key numbers and the main insight
//! in words (`journey_core::presentation_opening`), beside the whole emotion curve. The stage
//! slides follow (`presentation.rs`).

use journey_core::charts::Chart;
use journey_core::model::Lang;
use journey_core::presentation_opening::OpeningSlide;
use leptos::prelude::*;

use crate::i18n::map::map_texts;

/// A slide's emotion curve, or why there is none yet (also the stage slides').
pub fn curve_view(c: Chart) -> AnyView {
    match c {
        // The core escapes every label in the SVG.
        Chart::Svg(svg) => view! { <div class="present-curve" data-testid="present-curve" inner_html=svg></div> }.into_any(),
        Chart::NeedsData(msg) => view! { <p class="present-curve muted">{msg}</p> }.into_any(),
    }
}

#[component]
pub fn OpeningSlideView(slide: OpeningSlide, lang: Lang, map_name: String, stages: usize, curve: Option<Chart>) -> impl IntoView {
    let it = map_texts(lang);
    view! {
        <header class="present-head">
            <span class="present-map">{it.present_overview}</span>
            <span class="present-position" data-testid="present-position" aria-live="polite">{(it.stages_follow)(stages)}</span>
        </header>
        <h1 class="present-stage" data-testid="present-title">{map_name}</h1>
        <dl class="present-numbers present-opening-numbers" data-testid="opening-numbers">
            {slide.numbers.into_iter().map(|(k, v)| view! {
                <div data-number=format!("{k:?}")><dt>{k.label(lang)}</dt><dd>{v}</dd></div>
            }).collect_view()}
        </dl>
        <div class="present-main">
            {curve.map(curve_view)}
            {slide.insight.map(|text| view! {
                <section class="present-insight" aria-labelledby="present-insight-heading">
                    <h2 id="present-insight-heading">{it.main_insight}</h2>
                    <p data-testid="opening-insight">{text}</p>
                </section>
            })}
        </div>
    }
}
