//! The Leptos user interface. Components only wire signals to the core: they read
//! [`state::AppState`], call methods on core types, and render. No domain logic here.

pub mod analytics;
pub mod app;
pub mod format;
pub mod lang_switch;
pub mod library_page;
pub mod map_page;
pub mod notices;
pub mod route;
pub mod state;
