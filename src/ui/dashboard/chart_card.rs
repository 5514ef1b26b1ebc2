//! One chart of the dashboard: heading, the SVG from journey-core in a captioned figure (or
//! the message saying which data it needs), and the SVG and PNG downloads.

use journey_core::charts::dashboard::{draw, file_name, ChartKind};
use journey_core::charts::{Chart, ChartOptions};
use journey_core::model::JourneyMap;
use journey_core::score::MapScores;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::dashboard::dashboard_texts;
use crate::ui::browser::download::{download_svg_as_png, download_text};
use crate::ui::state::AppState;

#[component]
pub fn ChartCard(kind: ChartKind, map: Memo<Option<JourneyMap>>, scores: Memo<Option<MapScores>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || dashboard_texts(state.lang.get());
    let key = kind.key();
    let heading_id = format!("chart-heading-{key}");
    let labelled_by = heading_id.clone();
    // The buttons say what they do; the chart they belong to is read out as their description.
    let described_by = heading_id.clone();
    let caption_id = format!("chart-caption-{key}");
    let options = Memo::new(move |_| {
        let name = map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
        ChartOptions::new(state.lang.get()).about(name)
    });
    // Memo: an edit that leaves this chart's picture unchanged does not touch its DOM.
    let chart = Memo::new(move |_| {
        map.with(|m| {
            scores.with(|s| match (m, s) {
                (Some(m), Some(s)) => options.with(|o| draw(kind, m, s, o)),
                _ => Chart::NeedsData(String::new()),
            })
        })
    });
    let error = RwSignal::new(None::<String>);

    let file = move |ext: &str| map.with_untracked(|m| file_name(m.as_ref().map_or("", |m| m.name.as_str()), kind, ext));
    let download_svg = move |_| {
        let Some(svg) = chart.with_untracked(|c| c.svg().map(str::to_string)) else { return };
        let failed = dashboard_texts(state.lang.get_untracked()).svg_failed;
        error.set(download_text(&file("svg"), "image/svg+xml", &svg).err().map(|e| failed(&e.0)));
    };
    let download_png = move |_| {
        let Some(svg) = chart.with_untracked(|c| c.svg().map(str::to_string)) else { return };
        let (width, height) = options.with_untracked(ChartOptions::size);
        let name = file("png");
        let failed = dashboard_texts(state.lang.get_untracked()).png_failed;
        error.set(None);
        spawn_local(async move {
            if let Err(e) = download_svg_as_png(&name, &svg, width, height).await {
                error.set(Some(failed(&e.0)));
            }
        });
    };

    view! {
        <section class="chart-card" data-testid="chart-card" data-chart=key aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || t().title(kind)}</h2>
            {move || match chart.get() {
                Chart::Svg(svg) => view! {
                    <figure role="figure" aria-labelledby=caption_id.clone() data-testid="chart-figure">
                        // The core escapes every label it writes into the SVG (docs/charts.md).
                        <div class="chart-svg" inner_html=svg></div>
                        <figcaption id=caption_id.clone()>{move || t().caption(kind)}</figcaption>
                    </figure>
                    <div class="chart-actions">
                        <button type="button" data-testid="download-svg" aria-describedby=described_by.clone() on:click=download_svg>{move || t().download_svg}</button>
                        <button type="button" data-testid="download-png" aria-describedby=described_by.clone() on:click=download_png>{move || t().download_png}</button>
                    </div>
                }.into_any(),
                Chart::NeedsData(message) => view! {
                    <p class="needs-data" data-testid="needs-data">
                        <strong>{move || t().needs_data_label} ": "</strong>{message}
                    </p>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="chart-error" role="alert" data-testid="download-error">{e}</p> })}
        </section>
    }
}
