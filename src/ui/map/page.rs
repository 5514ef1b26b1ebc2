//! One map (`#/map/<id>`): the map frame (navigation, or a message when the map does not
//! exist) around the editor (`ui::editor`: map bar with the file menu, score line, canvas).
//! The editor reads the map and its scores from the page's [`MapHandle`]; the menu's panel,
//! the print sheet and the flow view are the module's choice ([`MapExtras`]: the whole app
//! passes `ui::modules::app::EXTRAS`, the map module `ui::modules::shell::MAP_EXTRAS`).

use leptos::prelude::*;

use crate::ui::editor::MapExtras;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;

#[component]
pub fn MapPage(id: String, parts: MapExtras) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The editor reads the map itself, field by field; the page never clones it.
    let handle = MapHandle::new(state, id);
    view! {
        <MapFrame map=handle current=MapView::Map>
            <crate::ui::editor::Editor parts/>
        </MapFrame>
    }
}
