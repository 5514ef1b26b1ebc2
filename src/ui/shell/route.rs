//! Hash routing (`#/`, `#/map/<id>`). Chosen over leptos_router's path routing because a
//! hash never reaches the server: one build works from any sub-path (GitHub Pages project
//! sites) and opened from disk, and a reload of a deep link never needs a 404.html trick.
//!
//! [`Page`] is the one route type. A map's pages are one variant, [`Page::Map`], with the
//! [`MapView`] it shows: a new map page is a `MapView` variant (its address segment and tab
//! label below, the compiler asks for both) plus its component in `ui/modules/app.rs`.

use leptos::prelude::*;

use crate::i18n::Texts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Library,
    /// A page of one map: `#/map/<id>` (the map itself) or `#/map/<id>/<view>`.
    Map(String, MapView),
    /// A map opened from a share link: the fragment (`v1.…`) after `#/shared/`.
    Shared(String),
    NotFound,
}

/// The pages of one map, in the order the map navigation shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapView {
    Map,
    Scores,
    /// The charts dashboard.
    Dashboard,
    /// Event-log analytics.
    Analytics,
    Measures,
    Tracking,
    Snapshots,
    /// The presentation mode: full screen, no navigation.
    Present,
}

impl MapView {
    /// Every map page, in the navigation's order.
    pub const ALL: [MapView; 8] = [
        MapView::Map,
        MapView::Scores,
        MapView::Dashboard,
        MapView::Analytics,
        MapView::Measures,
        MapView::Tracking,
        MapView::Snapshots,
        MapView::Present,
    ];

    /// The address segment after `#/map/<id>/` (none for the map itself).
    fn segment(self) -> &'static str {
        match self {
            MapView::Map => "",
            MapView::Scores => "scores",
            MapView::Dashboard => "dashboard",
            MapView::Analytics => "analytics",
            MapView::Measures => "measures",
            MapView::Tracking => "measurements",
            MapView::Snapshots => "snapshots",
            MapView::Present => "present",
        }
    }

    /// The label of its tab in the map navigation.
    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            MapView::Map => t.nav_map,
            MapView::Scores => t.nav_scores,
            MapView::Dashboard => t.nav_dashboard,
            MapView::Analytics => t.nav_analytics,
            MapView::Measures => t.nav_measures,
            MapView::Tracking => t.nav_tracking,
            MapView::Snapshots => t.nav_snapshots,
            MapView::Present => t.nav_present,
        }
    }

    /// This page of map `id`.
    pub fn page(self, id: &str) -> Page {
        Page::Map(id.to_string(), self)
    }
}

impl Page {
    /// The map itself (`#/map/<id>`).
    pub fn map(id: impl Into<String>) -> Page {
        Page::Map(id.into(), MapView::Map)
    }

    /// The map a page belongs to.
    pub fn map_id(&self) -> Option<&str> {
        match self {
            Page::Map(id, _) => Some(id),
            _ => None,
        }
    }

    /// Parses a `location.hash` value such as `#/map/abc`.
    pub fn from_hash(hash: &str) -> Page {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        match segments.as_slice() {
            [""] => Page::Library,
            ["map", id] if !id.is_empty() => Page::map(decode(id)),
            ["map", id, view] if !id.is_empty() && !view.is_empty() => {
                match MapView::ALL.into_iter().find(|v| v.segment() == *view) {
                    Some(v) => Page::Map(decode(id), v),
                    None => Page::NotFound,
                }
            }
            // Share fragments are base64url plus "v1." — no "/" — so one segment holds them.
            ["shared", fragment] if !fragment.is_empty() => Page::Shared(fragment.to_string()),
            _ => Page::NotFound,
        }
    }

    /// The hash for this page, for links.
    pub fn href(&self) -> String {
        match self {
            Page::Library => "#/".to_string(),
            Page::Map(id, MapView::Map) => format!("#/map/{}", encode(id)),
            Page::Map(id, view) => format!("#/map/{}/{}", encode(id), view.segment()),
            Page::Shared(fragment) => format!("#/shared/{fragment}"),
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
