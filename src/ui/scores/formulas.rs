//! Every formula of the scores in plain words (the long form is docs/scoring.md).

use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;

#[component]
pub fn Formulas() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    view! {
        <details class="formulas" data-testid="formulas">
            <summary>{move || t().formulas_title}</summary>
            <ul>{move || t().formulas.iter().map(|f| view! { <li>{*f}</li> }).collect_view()}</ul>
        </details>
    }
}
