//! stub
use leptos::prelude::*;
#[component]
pub fn SnapshotsPage(id: String) -> impl IntoView { let _ = id; }
