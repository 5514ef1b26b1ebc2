//! Journey Studio's browser app: Leptos components (`ui`) and local-storage persistence
//! (`store`) around the pure `journey-core` crate.

pub mod i18n;
pub mod pwa;
pub mod store;
pub mod ui;

use leptos::prelude::*;
use ui::module_shell::{Module, APP_MODULE, MAP_MODULE};
use ui::shell::route::Page;

/// Mounts the whole app into `<body>` (the module `src/main.rs`, loaded on demand).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::app::App);
}

/// Starts the first-load module (`src/bin/library.rs`): the library page alone; a map
/// opens in the map module, any other page in the whole app.
pub fn start_library() {
    console_error_panic_hook::set_once();
    ui::module_shell::start(Module {
        shows: |page| *page == Page::Library,
        render: |_| view! { <ui::library::page::LibraryPage/> }.into_any(),
        elsewhere: |page| if matches!(page, Page::Map(_)) { MAP_MODULE } else { APP_MODULE },
    });
}

/// Starts the map module (`src/bin/map.rs`): the map page and the library page (so the way
/// back is instant); any other page opens in the whole app.
pub fn start_map() {
    console_error_panic_hook::set_once();
    ui::module_shell::start(Module {
        shows: |page| matches!(page, Page::Library | Page::Map(_)),
        render: |page| match page {
            Page::Map(id) => view! { <ui::map::page::MapPage id=id.clone()/> }.into_any(),
            _ => view! { <ui::library::page::LibraryPage/> }.into_any(),
        },
        elsewhere: |_| APP_MODULE,
    });
}

