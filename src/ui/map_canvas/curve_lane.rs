//! The emotion lane: the curve from `journey_core::canvas::curve`, spanning every column so
//! its points sit under their cards, and its legend (one line per shown persona, to-be
//! dashed) in the lane's label. The SVG string escapes every label, so it is inserted as
//! markup; the legend's names are text nodes.

use journey_core::canvas::{canvas_curve, render_curve_svg};
use journey_core::canvas::curve::CURVE_H;
use leptos::prelude::*;

use super::ctx::Cv;

#[component]
pub fn CurveCell(cv: Cv, span: Signal<usize>) -> impl IntoView {
    let curve = Memo::new(move |_| {
        let persona = cv.persona.get();
        cv.layout.with(|l| cv.with_map(|m| canvas_curve(m, l, persona.as_deref())))
    });
    let svg = Memo::new(move |_| {
        let lang = cv.state.lang.get();
        curve.with(|c| c.as_ref().map(|c| render_curve_svg(c, CURVE_H, lang)).unwrap_or_default())
    });
    view! {
        <div class="cv-cell cv-curve" data-testid="emotion-curve" style=move || format!("grid-column: span {};", span.get())
            inner_html=move || svg.get()></div>
    }
}

#[component]
pub fn CurveLegend(cv: Cv) -> impl IntoView {
    // (name, colour, has a to-be line) per shown persona.
    let entries = Memo::new(move |_| {
        let persona = cv.persona.get();
        cv.with_map(|m| {
            let shown: Vec<_> = m.personas.iter().filter(|p| persona.as_deref().is_none_or(|f| f == p.id)).collect();
            let to_be = m.touchpoints.iter().any(|t| t.to_be_emotion.is_some());
            (shown.iter().enumerate().map(|(i, p)| (p.name.clone(), journey_core::canvas::curve::LINE_COLORS[i % 6])).collect::<Vec<_>>(), to_be)
        })
        .unwrap_or_default()
    });
    view! {
        <ul class="cv-legend" data-testid="curve-legend">
            {move || entries.with(|(lines, _)| lines.iter().map(|(name, color)| view! {
                <li><span class="cv-swatch" style=format!("border-top-color: {color};")></span> {name.clone()}</li>
            }).collect_view())}
            {move || entries.with(|(_, to_be)| *to_be).then(|| view! {
                <li><span class="cv-swatch cv-swatch-dashed"></span> {move || cv.t().legend_to_be}</li>
            })}
        </ul>
    }
}
