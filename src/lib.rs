//! Journey Studio's browser app: Leptos components (`ui`) and local-storage persistence
//! (`store`) around the pure `journey-core` crate. The wasm modules' entry points are in
//! `ui::modules` (which module holds which page).

pub mod i18n;
pub mod pwa;
pub mod store;
pub mod ui;

/// Mounts the whole app (`src/main.rs`).
pub fn start() {
    ui::modules::start_app();
}

/// Starts the first-load module, the library (`src/bin/library.rs`).
pub fn start_library() {
    ui::modules::start_library();
}

/// Starts the map module (`src/bin/map.rs`).
pub fn start_map() {
    ui::modules::start_map();
}
