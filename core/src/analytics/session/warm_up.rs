//! A fresh worker's first import runs in the browser's quick first-tier wasm code while the
//! optimised code for its hot functions is compiled beside it, so the first log a user
//! imports was read by slower code than the next. `Session::warm_up` imports and analyses
//! the small generated log made here (and forgets it) while the worker waits for the user:
//! the hot functions are then optimised before the real file arrives. Every worker alive
//! at the same time shares that code (`src/ui/analytics/worker.rs`).

use crate::analytics::{generator, AnalysisOptions, ColumnMapping};

/// Enough rows that every per-row function runs often enough to be optimised; few enough
/// that an import arriving meanwhile waits only milliseconds.
pub(super) const WARM_UP_EVENTS: usize = 30_000;

/// The warm-up's file, its mapping and options (with a goal, so drop-off runs too).
pub fn input() -> (Vec<u8>, ColumnMapping, AnalysisOptions) {
    let mut options = AnalysisOptions::default();
    options.drop_off.end_activities = vec![generator::TRUTH_GOAL.into()];
    (generator::generate_csv(WARM_UP_EVENTS, 1).into_bytes(), generator::column_mapping(), options)
}
