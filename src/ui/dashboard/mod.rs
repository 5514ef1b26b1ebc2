//! The charts dashboard of one map (`#/map/<id>/dashboard`): a card per chart of
//! [`ChartKind::ALL`]. The map and its scores come from the page's `MapHandle` (memos over
//! the library signal), so every
//! edit (and undo) redraws the charts; each chart is its own memo, so a chart whose input
//! did not change keeps its DOM. Drawing happens on the main thread, which is where plotters
//! may measure text on wasm32. When the map mixes measurement periods, one sentence above
//! the charts says so (the funnel marks the steps).

mod chart_card;

use journey_core::charts::dashboard::ChartKind;
use journey_core::model::period_mix;
use leptos::prelude::*;

use crate::i18n::dashboard::dashboard_texts;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;
use chart_card::ChartCard;

#[component]
pub fn DashboardPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || dashboard_texts(state.lang.get());
    let handle = MapHandle::new(state, id);
    let (map, scores) = (handle.map, handle.scores);
    view! {
        <MapFrame map=handle current=MapView::Dashboard>
            <article class="dashboard" data-testid="dashboard">
                <h1 data-testid="dashboard-title">{move || t().page_title} " – " {move || handle.name()}</h1>
                <p class="muted">{move || t().intro}</p>
                // Volumes of another period are marked in the funnel; this says so once.
                {move || map.with(|m| m.as_ref().and_then(|m| period_mix(m).note(state.lang.get())))
                    .map(|n| view! { <p class="period-note" data-testid="mixed-periods-note">{n}</p> })}
                <div class="chart-grid">
                    {ChartKind::ALL.into_iter().map(|kind| view! { <ChartCard kind map scores/> }).collect_view()}
                </div>
            </article>
        </MapFrame>
    }
}
