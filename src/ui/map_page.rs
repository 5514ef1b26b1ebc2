//! One map: the way back to the library, the links to the map's other views (scores,
//! dashboard, …), and the editor (`ui::editor`) — or a message when the map does not exist.

use leptos::prelude::*;

use journey_core::score::{score_map, MapScores};

use super::route::Page;
use super::scores::{IllusionNotice, JourneyScoreHeader};
use super::state::AppState;
use crate::i18n::texts;

#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    // Only whether the map exists: the editor reads the map itself, field by field.
    let exists = { let id = id.clone(); Memo::new(move |_| state.library.with(|l| l.get(&id).is_some())) };
    // Scored once per edit and shared with the cards (badges) through context.
    let scores = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|l| l.get(&id).map(score_map)))
    };
    let threshold = {
        let id = id.clone();
        Signal::derive(move || state.library.with(|l| l.get(&id).map(|m| m.scoring.effective_threshold()).unwrap_or_default()))
    };
    provide_context(MapScoresContext(scores));
    view! {
        <nav class="crumbs"><a href=Page::Library.href() data-testid="back">{move || t().back_to_library}</a></nav>
        <super::measures_nav::MapSectionsNav id=id.clone() current=super::measures_nav::Section::Map/>
        <MapViewsNav id=id.clone()/>
        <super::map_actions::MapActions/>
        <Show when=move || exists.get()>
            <div class="map-score-header" data-testid="map-score-header">
                <JourneyScoreHeader scores=scores/>
                <IllusionNotice scores=scores threshold=threshold/>
            </div>
        </Show>
        {move || match exists.get() {
            false => view! { <p class="empty" data-testid="map-missing">{move || t().map_not_found}</p> }.into_any(),
            true => view! { <super::editor::Editor id=id.clone()/> }.into_any(),
        }}
    }
}

/// Links from a map to its other views.
#[component]
fn MapViewsNav(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let scores_href = Page::MapScores(id.clone()).href();
    let dashboard_href = Page::Dashboard(id.clone()).href();
    let analytics_href = Page::MapAnalytics(id.clone()).href();
    view! {
        <nav class="map-views">
            <a href=scores_href data-testid="scores-link">{move || crate::i18n::scores::scores_texts(lang()).scores_tab}</a>
            <a href=dashboard_href data-testid="dashboard-link">{move || crate::i18n::dashboard::dashboard_texts(lang()).open_dashboard}</a>
            <a href=analytics_href data-testid="analytics-link">{move || crate::i18n::analytics::analytics_texts(lang()).nav_link}</a>
        </nav>
    }
}

/// The scores of the map on screen, for the score badges on the editor's cards.
#[derive(Clone, Copy)]
pub struct MapScoresContext(pub Memo<Option<MapScores>>);
