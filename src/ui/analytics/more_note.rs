//! The line under a list the worker cut (`journey_core::analytics::shown`): how many
//! entries were left out and that each is rare, so a cut list never looks complete.

use journey_core::analytics::shown::Omitted;
use journey_core::model::Lang;
use leptos::prelude::*;

use crate::i18n::analytics_bounds::bounds_texts;

/// What a cut list shows about its rest.
#[derive(Clone, Copy)]
pub enum Kind {
    Activities,
    Pairs,
    Other,
}

/// The note for `o` (nothing when nothing was left out).
pub fn more_note(o: Omitted, kind: Kind, lang: Lang) -> Option<impl IntoView> {
    if o.is_none() {
        return None;
    }
    let t = bounds_texts(lang);
    let text = match kind {
        Kind::Activities => (t.more_activities)(o.count, o.max_events, o.events),
        Kind::Pairs => (t.more_pairs)(o.count, o.max_events),
        Kind::Other => (t.more_rare)(o.count, o.max_events),
    };
    Some(view! { <p class="muted" data-testid="list-cut">{text}</p> })
}
