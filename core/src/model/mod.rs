//! The journey map and everything on it: plain data types (no signals), with the state
//! changes as methods on [`JourneyMap`]. Serialised as JSON with a `schema_version`
//! (see [`schema`]).

mod analytics_settings;
mod channel;
mod import_recipe;
mod period_history;
mod journey_map;
mod journey_throughput;
mod period;
mod period_mix;
mod reorder;
mod scoring_settings;
mod measure;
mod map_measures;
mod map_records;
pub mod snapshot;
mod tracking;
pub mod schema;
pub mod stored;
pub mod envelope;
mod touchpoint;

pub use analytics_settings::{ActivityMatch, AnalyticsSettings, DraftSource};
pub use channel::Channel;
pub use import_recipe::{ImportRecipe, RecipeColumns, RecipeSource};
pub use period_history::{record_period, trend, HistoryPeriod, PeriodVolume, Trend, MAX_HISTORY_PERIODS};
pub use period::{volume_unit, MeasuredPeriod, MONTH_DAYS};
pub use period_mix::{other_period_mark, period_mix, PeriodMix};
pub use journey_map::{JourneyMap, Persona, Route, RouteKind, Stage, DEFAULT_STAGES};
pub use journey_throughput::MAX_JOURNEY_THROUGHPUTS;
// The language lives in `crate::locale`; the model re-exports it because every map and
// template is built in one.
pub use crate::locale::Lang;
pub use reorder::Step;
pub use scoring_settings::{ScoreWeights, ScoringSettings, DEFAULT_ILLUSION_THRESHOLD};
pub use touchpoint::{
    ContactClass, ContactReason, Evidence, EvidenceKind, Measurements, Opportunity, Touchpoint,
    Visibility,
};
pub use measure::{
    board, EffectDirection, EffectTarget, ExpectedEffect, Measure, MeasureDraft, MeasureError, MeasureFilter,
    MeasureLink, MeasureStatus,
};
pub use tracking::{day_number, is_iso_date, DataSource, MeasurementKind, MeasurementRecord, RecordError};
