//! The one navigation of a map's pages: the way back to the library (and to the map), and
//! a link to each view of the map, the current one marked with `aria-current`. Rendered
//! by the map frame (`MapFrame`) only.

use leptos::prelude::*;

// The map's pages are `route::MapView` (one route type); re-exported here, where pages
// name the one they are on.
pub use super::route::MapView;
use super::route::Page;
use crate::i18n::texts;
use crate::ui::state::AppState;

/// Test id of a view's link (`nav-map`, `nav-scores`, …).
fn testid(view: MapView) -> String {
    format!("nav-{view:?}").to_lowercase()
}

#[component]
pub fn MapNav(id: String, current: MapView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let links = MapView::ALL
        .into_iter()
        .map(|view| {
            let aria = (view == current).then_some("page");
            view! { <a href=view.page(&id).href() aria-current=aria data-testid=testid(view)>{move || view.label(t())}</a> }
        })
        .collect_view();
    let back_to_map = (current != MapView::Map).then(|| {
        view! { " · " <a href=Page::map(id.clone()).href() data-testid="back-to-map">{move || t().back_to_map}</a> }
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
