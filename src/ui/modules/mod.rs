//! Module wiring, in one place: which wasm module holds which page, the hand-over between
//! modules, and the outer frame every module shares.
//!
//! | module        | entry                          | pages                                   |
//! |---------------|--------------------------------|-----------------------------------------|
//! | library       | `src/bin/library.rs` (first)   | the library (`#/`)                      |
//! | map           | `src/bin/map.rs` (on demand)   | the map itself (`#/map/<id>`)           |
//! | whole app     | `src/main.rs` (on demand)      | every page ([`app::App`])               |
//! | analytics     | `src/bin/analytics-worker.rs`  | none: a Web Worker, journey-core only   |
//!
//! The two small modules are [`Module`] values below, run by [`shell`]; the linker keeps in
//! a module only what its function pointers reach, so a page added to the whole app's match
//! (`app.rs`) does not grow the library or the map module. Leaving a module hands the undo
//! history and what the user asked for to the next one ([`handover`]).

pub mod app;
pub mod frame;
pub mod handover;
pub mod shell;

use leptos::prelude::*;

use crate::ui::shell::route::{MapView, Page};
pub use shell::{Module, Target};

/// Mounts the whole app into `<body>` (the module `src/main.rs`, loaded on demand).
pub fn start_app() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// Starts the first-load module (`src/bin/library.rs`): the library page alone; a map
/// opens in the map module, any other page in the whole app.
pub fn start_library() {
    console_error_panic_hook::set_once();
    shell::start(Module {
        me: Target::Library,
        shows: |page| *page == Page::Library,
        render: |_| view! { <crate::ui::library::page::LibraryPage/> }.into_any(),
        elsewhere: |page| if matches!(page, Page::Map(_, MapView::Map)) { Target::Map } else { Target::App },
        example: Some(journey_core::templates::coffee_to_go),
    });
}

/// Starts the map module (`src/bin/map.rs`): the map page; the library is the library
/// module's (in memory since the first load), any other page the whole app's.
pub fn start_map() {
    console_error_panic_hook::set_once();
    shell::start(Module {
        me: Target::Map,
        shows: |page| matches!(page, Page::Map(_, MapView::Map)),
        render: |page| match page {
            Page::Map(id, MapView::Map) => {
                view! { <crate::ui::map::page::MapPage id=id.clone() parts=shell::MAP_EXTRAS/> }.into_any()
            }
            _ => ().into_any(),
        },
        elsewhere: |page| if *page == Page::Library { Target::Library } else { Target::App },
        // Opened after the library module, which has seeded the example on a first start.
        example: None,
    });
}
