//! The Leptos user interface, one folder per feature. Components only wire signals to the
//! core: they read [`state::AppState`], call methods on core types, and render. No domain
//! logic here.
//!
//! Layers (imports go downwards only, `scripts/import_cycles.py` checks there is no circle):
//! `modules` (which wasm module holds which page, the whole app's router, the hand-over
//! between modules, the outer frame) → feature folders (`library`,
//! `map`, `editor`, `scores`, `dashboard`, `analytics`, `measures`, `snapshots`) →
//! `shell` (routes, notices, language switch, the map frame and navigation) → `browser`
//! (downloads, files, clipboard, time) and `state` (the one place that writes storage).

pub mod browser;
pub mod modules;
pub mod shell;
pub mod state;

pub mod analytics;
pub mod dashboard;
pub mod editor;
pub mod icons;
pub mod library;
pub mod map;
pub mod map_canvas;
pub mod measures;
pub mod planned_actual;
pub mod scores;
pub mod snapshots;
