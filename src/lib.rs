//! Journey Studio's browser app: Leptos components (`ui`) and local-storage persistence
//! (`store`) around the pure `journey-core` crate.

pub mod i18n;
pub mod pwa;
pub mod store;
pub mod ui;

/// Mounts the app into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::app::App);
}
