//! The one navigation of a map's pages: the way back to the library (and to the map), and
//! a link to each view of the map, the current one marked with `aria-current`. Rendered
//! by the map frame (`MapFrame`) only.

use leptos::prelude::*;

use super::route::Page;
use crate::i18n::{texts, Texts};
use crate::ui::state::AppState;

/// The views of one map, in the order the navigation shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapView {
    Map,
    Scores,
    Dashboard,
    Analytics,
    Measures,
    Tracking,
    Snapshots,
    /// The presentation mode: full screen, no navigation.
    Present,
}

impl MapView {
    const LINKED: [MapView; 8] = [
        MapView::Map,
        MapView::Scores,
        MapView::Dashboard,
        MapView::Analytics,
        MapView::Measures,
        MapView::Tracking,
        MapView::Snapshots,
        MapView::Present,
    ];

    /// The route of this view of map `id`.
    pub fn page(self, id: &str) -> Page {
        let id = id.to_string();
        match self {
            MapView::Map => Page::Map(id),
            MapView::Scores => Page::MapScores(id),
            MapView::Dashboard => Page::Dashboard(id),
            MapView::Analytics => Page::MapAnalytics(id),
            MapView::Measures => Page::Measures(id),
            MapView::Tracking => Page::Tracking(id),
            MapView::Snapshots => Page::Snapshots(id),
            MapView::Present => Page::Present(id),
        }
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            MapView::Map => t.nav_map,
            MapView::Scores => t.nav_scores,
            MapView::Dashboard => t.nav_dashboard,
            MapView::Analytics => t.nav_analytics,
            MapView::Measures => t.nav_measures,
            MapView::Tracking => t.nav_tracking,
            MapView::Snapshots => t.nav_snapshots,
            MapView::Present => t.nav_present,
        }
    }

    /// Test id of the view's link (`nav-map`, `nav-scores`, …).
    fn testid(self) -> String {
        format!("nav-{self:?}").to_lowercase()
    }
}

#[component]
pub fn MapNav(id: String, current: MapView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let links = MapView::LINKED
        .into_iter()
        .map(|view| {
            let aria = (view == current).then_some("page");
            view! { <a href=view.page(&id).href() aria-current=aria data-testid=view.testid()>{move || view.label(t())}</a> }
        })
        .collect_view();
    let back_to_map = (current != MapView::Map).then(|| {
        view! { " · " <a href=Page::Map(id.clone()).href() data-testid="back-to-map">{move || t().back_to_map}</a> }
    });
    // One bar: the way back, then the map's pages as tabs.
    view! {
        <div class="map-tabs-bar">
            <nav class="crumbs">
                <a href=Page::Library.href() data-testid="back">"← " {move || t().back_to_library}</a>
                {back_to_map}
            </nav>
            <nav class="map-views map-tabs" aria-label=move || t().map_nav_label>{links}</nav>
        </div>
    }
}
