//! Comparing two states of a map — a snapshot and now, or two snapshots — to see whether
//! the measures taken made the journey better: which touchpoints were added, removed or
//! changed ([`diff`]), how touchpoint, stage and journey scores and the measurements moved
//! ([`deltas`]), both emotion curves in one chart ([`emotions`]); plus the map's
//! measurement coverage and data inventory ([`coverage`]).
//!
//! Touchpoints are matched by id: ids are never reused within a map, and a map restored
//! from a snapshot keeps its touchpoint ids, so it compares with its origin.

pub mod coverage;
pub mod deltas;
pub mod diff;
pub mod emotions;
mod value;

pub use coverage::{coverage, measurement_point, Coverage, MeasurementPoint, SourceCount, UnmeasuredTouchpoint};
pub use deltas::{measurement_deltas, score_deltas, Delta, MeasurementDelta, ScoreDeltas, StageDelta, TouchpointDelta};
pub use diff::{diff_maps, FieldChange, MapDiff, TouchpointChange, TouchpointField, TouchpointRef};
pub use emotions::emotion_comparison;
pub use value::FieldValue;
