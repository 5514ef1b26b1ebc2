//! Journey Studio's browser app: Leptos components (`ui`) and local-storage persistence
//! (`store`) around the pure `journey-core` crate.

pub mod i18n;
pub mod pwa;
pub mod store;
pub mod ui;

use leptos::prelude::*;
use ui::module_shell::{Module, Target};
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
        me: Target::Library,
        shows: |page| *page == Page::Library,
        render: |_| view! { <ui::library::page::LibraryPage/> }.into_any(),
        elsewhere: |page| if matches!(page, Page::Map(_)) { Target::Map } else { Target::App },
        example: Some(journey_core::templates::coffee_to_go),
    });
}

/// Starts the map module (`src/bin/map.rs`): the map page; the library is the library
/// module's (in memory since the first load), any other page the whole app's.
pub fn start_map() {
    console_error_panic_hook::set_once();
    ui::module_shell::start(Module {
        me: Target::Map,
        shows: |page| matches!(page, Page::Map(_)),
        render: |page| match page {
            Page::Map(id) => view! { <ui::map::page::MapPage id=id.clone() parts=ui::module_shell::MAP_EXTRAS/> }.into_any(),
            _ => ().into_any(),
        },
        elsewhere: |page| if *page == Page::Library { Target::Library } else { Target::App },
        // Opened after the library module, which has seeded the example on a first start.
        example: None,
    });
}
