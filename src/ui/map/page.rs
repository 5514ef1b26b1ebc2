//! One map (`#/map/<id>`): the map frame (navigation, or a message when the map does not
//! exist), the map's file actions, the journey score header, and the editor
//! (`ui::editor`). The editor's cards read the scores from the page's [`MapHandle`].

use leptos::prelude::*;

use crate::ui::map::actions::MapActions;
use crate::ui::scores::{IllusionNotice, JourneyScoreHeader};
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;

#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The editor reads the map itself, field by field; the page never clones it.
    let handle = MapHandle::new(state, id);
    view! {
        <MapFrame map=handle current=MapView::Map>
            <MapActions/>
            <div class="map-score-header" data-testid="map-score-header">
                <JourneyScoreHeader scores=handle.scores/>
                <IllusionNotice scores=handle.scores threshold=handle.threshold()/>
            </div>
            <crate::ui::editor::Editor/>
        </MapFrame>
    }
}
