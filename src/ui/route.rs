//! Hash routing (`#/`, `#/map/<id>`). Chosen over leptos_router's path routing because a
//! hash never reaches the server: one build works from any sub-path (GitHub Pages project
//! sites) and opened from disk, and a reload of a deep link never needs a 404.html trick.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Library,
    Map(String),
    /// `#/map/<id>/analytics`: event-log analytics for one map.
    MapAnalytics(String),
    NotFound,
}

impl Page {
    /// Parses a `location.hash` value such as `#/map/abc`.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), None, None) => Page::Library,
            (Some("map"), Some(id), None) if !id.is_empty() => Page::Map(decode(id)),
            (Some("map"), Some(id), Some("analytics")) if !id.is_empty() && parts.next().is_none() => Page::MapAnalytics(decode(id)),
            _ => Page::NotFound,
        }
    }

    /// The hash for this page, for links.
    pub fn href(&self) -> String {
        match self {
            Page::Library => "#/".to_string(),
            Page::Map(id) => format!("#/map/{}", encode(id)),
            Page::MapAnalytics(id) => format!("#/map/{}/analytics", encode(id)),
            Page::NotFound => "#/".to_string(),
        }
    }
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s).map(String::from).unwrap_or_else(|_| s.to_string())
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current page as a signal that follows `hashchange`.
pub fn use_page() -> ReadSignal<Page> {
    let (page, set_page) = signal(Page::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_page.set(Page::from_hash(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    page
}

/// Goes to a page (adds a history entry, like following a link).
pub fn navigate(page: &Page) {
    let _ = window().location().set_hash(&page.href());
}
