//! The Leptos user interface. Components only wire signals to the core: they read
//! [`state::AppState`], call methods on core types, and render. No domain logic here.

pub mod analytics;
pub mod app;
pub mod editor;
pub mod dashboard;
pub mod download;
pub mod format;
pub mod icons;
pub mod map_canvas;
pub mod lang_switch;
pub mod library_page;
pub mod map_page;
pub mod notices;
pub mod route;
pub mod score_badge;
pub mod scores;
pub mod state;
pub mod csv_import;
pub mod export_panels;
pub mod file_io;
pub mod json_import;
pub mod library_files;
pub mod map_actions;
pub mod map_sheet;
pub mod mermaid_import;
pub mod present_page;
pub mod shared_page;
pub mod measures_nav;
pub mod measure_form;
pub mod measures_page;
pub mod tracking_page;
pub mod tracking_panel;
pub mod snapshots_page;
pub mod snapshot_compare;
pub mod snapshot_view;
pub mod storage_meter;
