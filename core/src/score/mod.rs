//! Scores that tell the truth about a journey map (see docs/scoring.md for every formula
//! and a worked example).
//!
//! - Touchpoint score 0–100 from experience (CSAT or emotion), effort (CES), pass-through
//!   (1 − drop-off) and importance, stating which inputs it used; no inputs, no score.
//! - Stage scores (volume-weighted when volumes exist) and a journey score from end-to-end
//!   completion along the main route and the weakest stage, with a "touchpoint illusion"
//!   warning when touchpoints look much better than the journey.
//! - Improvement priorities, contact classification with reduction potential, channel
//!   steering, the opportunity matrix, and CSAT/CES/NPS from raw ratings.
//!
//! The UI calls [`score_map`] once per change; everything is pure and cheap.

mod band;
mod contacts;
mod illusion;
mod journey;
mod main_route;
mod map_scores;
mod opportunity;
mod priority;
mod ratings;
mod stage;
mod steering;
mod touchpoint;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod worked_example;

pub use band::{format_score, score_label, ScoreBand};
pub use contacts::{
    contact_class_from_key, contact_class_key, contact_class_label, contact_reason_from_key, contact_reason_key,
    contact_reason_label, contact_summary, is_reducible, recommendation, ClassTotal,
    ContactRow, ContactSummary, ReasonTotal, CLASSES, REASONS,
};
pub use illusion::{completion_missing, illusion_warning, CompletionMissing, IllusionWarning};
pub use journey::{completion, journey_score, weakest_stage, Completion, CompletionSource, JourneyScore, WeakestStage};
pub use main_route::{main_route, MainRoute, RouteBasis};
pub use map_scores::{score_map, MapScores};
pub use opportunity::{
    opportunity_matrix, place, IncompleteOpportunity, OpportunityField, OpportunityMatrix, OpportunityPoint,
    Quadrant, EFFORT_SPLIT, VALUE_SPLIT,
};
pub use priority::{priorities, PriorityEntry, PriorityList, ASSUMED_IMPORTANCE};
pub use ratings::{ces_share_agreeing, csat, nps, CesScale, CsatSummary, NpsSummary, RatingError};
// The settings are part of the map (`JourneyMap::scoring`), so they live in the model.
pub use crate::model::{ScoreWeights, ScoringSettings, DEFAULT_ILLUSION_THRESHOLD};
pub use stage::{score_stages, StageScore, Weighting};
pub use steering::{channel_steering, SteeringRow};
pub use touchpoint::{
    score_touchpoint, ScoreInput, SkipReason, SkippedInput, TouchpointResult, TouchpointScore, UsedInput,
};
