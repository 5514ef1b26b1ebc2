//! stub
use leptos::prelude::*;
#[component]
pub fn TrackingPage(id: String) -> impl IntoView { let _ = id; }
