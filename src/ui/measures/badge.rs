//! The measure count badge of touchpoint cards.

use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::i18n::measures::measures_texts;

/// "2 measures" on a touchpoint card; nothing when the touchpoint has none.
#[component]
pub fn MeasureBadge(count: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    (count > 0).then(|| {
        view! {
            <span class="measure-badge" data-testid="measure-badge">{move || (measures_texts(state.lang.get()).measure_badge)(count)}</span>
        }
    })
}
