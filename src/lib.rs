//! Journey Studio's browser app: Leptos components (`ui`) and local-storage persistence
//! (`store`) around the pure `journey-core` crate.

pub mod i18n;
pub mod pwa;
pub mod store;
pub mod ui;

/// Mounts the whole app into `<body>` (the module `src/main.rs`, loaded on demand).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::app::App);
}

/// Starts the first-load module (`src/bin/library.rs`): the library page alone, or the
/// whole app at once when the address is another page.
pub fn start_library() {
    console_error_panic_hook::set_once();
    ui::library_shell::start();
}
