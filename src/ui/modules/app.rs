//! The whole app (`src/main.rs`): every page, in the frame every module shares. A new page
//! is a route in `shell::route` (a map page: a `MapView` variant) and one line in the match
//! below with its component from its feature folder.

use leptos::prelude::*;

use super::frame::{start_state, Frame};
use super::handover::{take_intent, Intent};
use crate::i18n::texts;
use crate::ui::analytics::AnalyticsPage;
use crate::ui::dashboard::DashboardPage;
use crate::ui::editor::MapExtras;
use crate::ui::library::page::LibraryPage;
use crate::ui::map::actions::{MapActions, MapPrintSheet};
use crate::ui::map::page::MapPage;
use crate::ui::scores::ScoresPage;
use crate::ui::shell::route::{use_page, MapView, Page};

/// The map page's menu panel, print sheet and flow view in the whole app (see
/// `editor::MapExtras`); what the map module asked for before handing over opens at once.
pub const EXTRAS: MapExtras = MapExtras {
    panel: |_| view! { <MapActions/> }.into_any(),
    print_sheet: || view! { <MapPrintSheet print_now=take_intent(Intent::Print)/> }.into_any(),
    flow: |ed| view! { <crate::ui::editor::flow::FlowView ed/> }.into_any(),
    menu_at_start: || take_intent(Intent::MapMenu),
    flow_at_start: || take_intent(Intent::FlowView),
};

#[component]
pub fn App() -> impl IntoView {
    let state = start_state(Some(journey_core::templates::coffee_to_go));
    let page = use_page();
    let t = move || texts(state.lang.get());

    view! {
        <Frame>
            {move || match page.get() {
                Page::Library => view! { <LibraryPage/> }.into_any(),
                Page::Map(id, map_view) => match map_view {
                    MapView::Map => view! { <MapPage id=id parts=EXTRAS/> }.into_any(),
                    MapView::Scores => view! { <ScoresPage id=id/> }.into_any(),
                    MapView::Dashboard => view! { <DashboardPage id=id/> }.into_any(),
                    MapView::Analytics => view! { <AnalyticsPage id=id/> }.into_any(),
                    MapView::Measures => view! { <crate::ui::measures::page::MeasuresPage id=id/> }.into_any(),
                    MapView::Tracking => view! { <crate::ui::measures::tracking_page::TrackingPage id=id/> }.into_any(),
                    MapView::Snapshots => view! { <crate::ui::snapshots::page::SnapshotsPage id=id/> }.into_any(),
                    MapView::Present => view! { <crate::ui::map::presentation::PresentPage id/> }.into_any(),
                },
                Page::Shared(fragment) => view! { <crate::ui::map::shared::SharedPage fragment/> }.into_any(),
                Page::NotFound => view! {
                    <p class="empty" data-testid="not-found">{move || t().page_not_found}</p>
                }.into_any(),
            }}
        </Frame>
    }
}
