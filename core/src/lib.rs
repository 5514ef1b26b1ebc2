//! Journey Studio's pure core: the domain model, scores, analytics, import/export and
//! charts. Nothing here touches the browser (no leptos, web-sys or gloo), so the compiler
//! keeps it pure and `cargo test -p journey-core` runs it natively in seconds.

pub mod locale;
pub mod entry;
pub mod history;
pub mod library;
pub mod model;
pub mod templates;
pub mod analytics;
pub mod charts;
pub mod interop;
pub mod score;
pub mod editor;
pub mod canvas;
pub mod icons;
pub mod presentation;
pub mod presentation_opening;
pub mod compare;
pub mod storage_meter;
pub mod text_file;
#[cfg(unix)]
pub mod mapped_file;
pub mod batch_heap;
pub mod side_by_side;
pub mod text_metrics;
