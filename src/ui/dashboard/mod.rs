//! The charts dashboard of one map (`#/map/<id>/dashboard`): a card per chart of
//! [`ChartKind::ALL`]. The map and its scores are memos over the library signal, so every
//! edit (and undo) redraws the charts; each chart is its own memo, so a chart whose input
//! did not change keeps its DOM. Drawing happens on the main thread, which is where plotters
//! may measure text on wasm32.

mod chart_card;

use journey_core::charts::dashboard::ChartKind;
use journey_core::score::score_map;
use leptos::prelude::*;

use super::route::Page;
use super::state::AppState;
use crate::i18n::dashboard::dashboard_texts;
use crate::i18n::texts;
use chart_card::ChartCard;

#[component]
pub fn DashboardPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || dashboard_texts(state.lang.get());
    let map_href = Page::Map(id.clone()).href();
    let map = Memo::new(move |_| state.library.with(|l| l.get(&id).cloned()));
    let scores = Memo::new(move |_| map.with(|m| m.as_ref().map(score_map)));
    let exists = Memo::new(move |_| map.with(Option::is_some));
    let name = Memo::new(move |_| map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default()));
    view! {
        <nav class="crumbs">
            <a href=Page::Library.href()>{move || texts(state.lang.get()).back_to_library}</a>
            " · " <a href=map_href data-testid="back-to-map">{move || t().back_to_map}</a>
        </nav>
        <Show
            when=move || exists.get()
            fallback=move || view! { <p class="empty" data-testid="map-missing">{move || texts(state.lang.get()).map_not_found}</p> }
        >
            <article class="dashboard" data-testid="dashboard">
                <h1 data-testid="dashboard-title">{move || t().page_title} " – " {move || name.get()}</h1>
                <p class="muted">{move || t().intro}</p>
                <div class="chart-grid">
                    {ChartKind::ALL.into_iter().map(|kind| view! { <ChartCard kind map scores/> }).collect_view()}
                </div>
            </article>
        </Show>
    }
}
