//! The Leptos user interface. Components only wire signals to the core: they read
//! [`state::AppState`], call methods on core types, and render. No domain logic here.

pub mod app;
pub mod format;
pub mod lang_switch;
pub mod library_page;
pub mod map_page;
pub mod notices;
pub mod route;
pub mod state;
pub mod measures_nav;
pub mod measure_form;
pub mod measures_page;
pub mod tracking_page;
pub mod tracking_panel;
pub mod snapshots_page;
pub mod snapshot_compare;
pub mod snapshot_view;
pub mod storage_meter;
