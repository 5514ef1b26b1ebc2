//! Hash routing (`#/`, `#/map/<id>`). Chosen over leptos_router's path routing because a
//! hash never reaches the server: one build works from any sub-path (GitHub Pages project
//! sites) and opened from disk, and a reload of a deep link never needs a 404.html trick.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Library,
    Map(String),
    /// `#/map/<id>/scores`: the scores view of a map.
    MapScores(String),
    /// The charts dashboard of a map: `#/map/<id>/dashboard`.
    Dashboard(String),
    /// A map opened from a share link: the fragment (`v1.…`) after `#/shared/`.
    Shared(String),
    /// The presentation mode of a map.
    Present(String),
    Measures(String),
    Tracking(String),
    Snapshots(String),
    /// `#/map/<id>/analytics`: event-log analytics for one map.
    MapAnalytics(String),
    NotFound,
}

impl Page {
    /// Parses a `location.hash` value such as `#/map/abc`.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        match segments.as_slice() {
            [""] => Page::Library,
            ["map", id] if !id.is_empty() => Page::Map(decode(id)),
            ["map", id, view] if !id.is_empty() => {
                let id = decode(id);
                match *view {
                    "scores" => Page::MapScores(id),
                    "dashboard" => Page::Dashboard(id),
                    "present" => Page::Present(id),
                    "measures" => Page::Measures(id),
                    "measurements" => Page::Tracking(id),
                    "snapshots" => Page::Snapshots(id),
                    "analytics" => Page::MapAnalytics(id),
                    _ => Page::NotFound,
                }
            }
            // Share fragments are base64url plus "v1." — no "/" — so one segment holds them.
            ["shared", fragment] if !fragment.is_empty() => Page::Shared(fragment.to_string()),
            _ => Page::NotFound,
        }
    }

    /// The map this page shows, if it is a map's page.
    pub fn map_id(&self) -> Option<&str> {
        match self {
            Page::Map(id)
            | Page::MapScores(id)
            | Page::Dashboard(id)
            | Page::Present(id)
            | Page::Measures(id)
            | Page::Tracking(id)
            | Page::Snapshots(id)
            | Page::MapAnalytics(id) => Some(id),
            Page::Library | Page::Shared(_) | Page::NotFound => None,
        }
    }

    /// The same page of another map (the library when this is no map's page).
    pub fn for_map(&self, other: &str) -> Page {
        let other = other.to_string();
        match self {
            Page::Map(_) => Page::Map(other),
            Page::MapScores(_) => Page::MapScores(other),
            Page::Dashboard(_) => Page::Dashboard(other),
            Page::Present(_) => Page::Present(other),
            Page::Measures(_) => Page::Measures(other),
            Page::Tracking(_) => Page::Tracking(other),
            Page::Snapshots(_) => Page::Snapshots(other),
            Page::MapAnalytics(_) => Page::MapAnalytics(other),
            Page::Library | Page::Shared(_) | Page::NotFound => Page::Library,
        }
    }

    /// The hash for this page, for links.
    pub fn href(&self) -> String {
        match self {
            Page::Library => "#/".to_string(),
            Page::Map(id) => format!("#/map/{}", encode(id)),
            Page::MapScores(id) => format!("#/map/{}/scores", encode(id)),
            Page::Dashboard(id) => format!("#/map/{}/dashboard", encode(id)),
            Page::Shared(fragment) => format!("#/shared/{fragment}"),
            Page::Present(id) => format!("#/map/{}/present", encode(id)),
            Page::Measures(id) => format!("#/map/{}/measures", encode(id)),
            Page::Tracking(id) => format!("#/map/{}/measurements", encode(id)),
            Page::Snapshots(id) => format!("#/map/{}/snapshots", encode(id)),
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

/// The page the address shows now.
pub fn current_page() -> Page {
    Page::from_hash(&current_hash())
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
