//! The app's own icons (drawn in `journey_core::icons`) as views. Each is decorative
//! (`aria-hidden`): a word or an accessible name always stands beside it, so the meaning
//! never rests on the drawing alone — nor on an emoji font.

use journey_core::icons::{self, Tool};
use journey_core::model::{Channel, EvidenceKind, RouteKind};
use leptos::prelude::*;

/// An icon body in the standard frame. The markup is the app's own constant drawing (no
/// user text), so it is inserted as markup.
pub fn icon(body: &'static str) -> impl IntoView {
    view! { <span class="icon-box" aria-hidden="true" inner_html=icons::svg(body)></span> }
}

pub fn tool_icon(t: Tool) -> impl IntoView {
    icon(icons::tool(t))
}

pub fn channel_icon(c: &Channel) -> impl IntoView {
    icon(icons::channel(c))
}

pub fn face_icon(emotion: Option<i8>) -> impl IntoView {
    icon(icons::face(emotion))
}

pub fn evidence_icon(kind: EvidenceKind) -> impl IntoView {
    icon(icons::evidence(kind))
}

pub fn route_icon(kind: RouteKind) -> impl IntoView {
    icon(icons::route(kind))
}
