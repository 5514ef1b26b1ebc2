//! Every user-visible string of the app, in English and German, as typed tables.
//!
//! Each feature has one file here with a struct of its strings and two constants, `EN` and
//! `DE`, of that struct: a string missing in one language is a compile error. Components read
//! `texts(lang).field` (or their feature's table) and never hold ad-hoc literals. Strings
//! with values are functions (`fn(&str) -> String`) so word order can differ by language.

// One table per folder of `src/ui` (shell's also serves `ui/modules`;
// `canvas` is `ui/map_canvas`'s, `shortcuts` the `?` list of `ui/shell/shortcuts.rs`).
pub mod analytics;
pub mod analytics_bounds;
pub mod analytics_draft;
pub mod analytics_contacts;
pub mod analytics_history;
pub mod analytics_trust;
pub mod canvas;
pub mod dashboard;
pub mod editor;
pub mod library;
pub mod map;
pub mod measures;
pub mod planned_actual;
pub mod scores;
pub mod shell;
pub mod shortcuts;
pub mod snapshots;
pub mod sources;

pub use journey_core::model::Lang;
pub use shell::{texts, Texts};
