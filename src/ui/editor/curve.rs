//! The emotion lane: the core's emotion curve (as-is, and to-be dashed where designed) for
//! every persona — or the filtered persona — drawn across all stages. The SVG string comes
//! from journey-core, which escapes every label, so it may be inserted as markup.

use journey_core::charts::{emotion_curve, Chart, ChartOptions};
use journey_core::editor::emotion_curve_with_to_be;
use leptos::prelude::*;

use super::ctx::Ed;

#[component]
pub fn EmotionLane(ed: Ed, span: Signal<usize>) -> impl IntoView {
    let chart = Memo::new(move |_| {
        let lang = ed.state.lang.get();
        let persona = ed.persona.get();
        ed.with_map(|m| {
            let input = emotion_curve_with_to_be(m, lang, persona.as_deref());
            let width = (m.stages.len() as u32 * 272).clamp(640, 3840);
            emotion_curve(&input, &ChartOptions::new(lang).sized(width, 360))
        })
    });
    view! {
        <div class="ed-cell ed-curve" data-testid="emotion-curve" style=move || format!("grid-column: span {};", span.get())>
            {move || match chart.get() {
                Some(Chart::Svg(svg)) => view! { <div class="ed-curve-svg" inner_html=svg></div> }.into_any(),
                Some(Chart::NeedsData(msg)) => view! { <p class="empty">{msg}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}
