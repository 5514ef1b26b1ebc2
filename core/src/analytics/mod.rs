//! Process analytics on a business's own event log, computed entirely in the tab.
//!
//! The flow the UI follows:
//! 1. [`detect_columns`] on the first bytes of the file: encoding (see
//!    [`crate::text_file`]), delimiter, headers and a guess of
//!    which column is case, activity, time and lifecycle.
//! 2. [`Importer`] with the confirmed [`ColumnMapping`]: call [`Importer::step`] with a row
//!    budget until it reports completion (the worker shows rows and rows/s between steps
//!    and can cancel by dropping the importer), then [`Importer::finish`] gives an
//!    [`EventLog`] (events sorted by case and time) and an [`ImportSummary`] (skipped rows
//!    with line numbers and reasons, timestamp ties).
//! 3. [`analyze`] with [`AnalysisOptions`] gives a serialisable [`Report`]: volumes,
//!    directly-follows graph, variants, throughput, drop-off and optionally a funnel.
//! 4. [`suggest_matches`] pairs log activities with the map's touchpoints (the user's
//!    choices are stored with the map); [`goal_activities`] gives the journey's goal
//!    (default: the main route's end). Drop-off is judged by [`case_outcomes`], the one
//!    definition every number uses.
//! 5. [`deviation`] compares the log with a [`JourneyMap`](crate::model::JourneyMap);
//!    [`plan_apply`] gives the preview of every change and the changed map.
//! 6. [`survey`] turns a survey CSV into CSAT, CES and NPS per touchpoint and stage.
//!
//! 7. [`draft`]: the as-is journey map drafted from the log (or an aggregate), and
//!    [`planned_vs_log`]: a planned map beside what customers did.
//!
//! 6. [`aggregate`]: the same metrics from a warehouse's aggregate file instead of raw
//!    events (`docs/scale.md`).
//!
//! Metric definitions live in `docs/analytics.md`. [`generator`] makes seeded synthetic
//! logs for tests and benchmarks.

pub mod aggregate;
mod apply;
mod apply_scope;
pub mod contacts_plan;
mod detect;
mod deviation;
mod dfg;
pub mod draft;
mod dropoff;
mod error;
mod event_log;
mod fast_hash;
mod funnel;
pub mod generator;
mod importer;
#[cfg(not(target_arch = "wasm32"))]
mod import_parts;
mod interner;
pub mod mapping;
pub mod planted;
mod planned_actual;
pub mod planned_actual_board;
pub mod planned_actual_layout;
mod period_entry;
pub mod recipe;
mod report;
pub mod rows;
mod sanity;
mod source_types;
pub mod sources;
pub mod long_fields;
pub mod session;
pub mod shown;
mod stats;
pub mod survey;
mod throughput;
mod time_form;
mod timestamp;
mod variants;
mod volumes;
pub mod workbook;

pub use apply::{
    apply_to_map, diff_maps, plan_apply, plan_survey, ApplyOptions, Coverage, ApplyPlan, Change, ChangeField, ChangeTarget, ChangeValue,
    UnmatchedActivity as PlanUnmatched,
};
pub use detect::{detect_columns, detect_columns_with, detect_delimiter, ColumnDetection, ColumnGuess};
pub use deviation::{deviation, DeviatingRoute, DeviationReport, ReworkStats, UnmappedActivity};
pub use dfg::{directly_follows, DfgEdge, DfgReport};
pub use dropoff::{
    case_outcomes, drop_off, most_frequent_last_activity, CaseOutcome, DropOffByActivity, DropOffOptions, DropOffReport,
    DEFAULT_TIMEOUT_S,
};
pub use error::{ImportError, RowIssue, RowProblem};
pub use event_log::{EventLog, NONE_ID};
pub use funnel::{funnel, FunnelMode, FunnelReport, FunnelSpec, FunnelStep};
pub use importer::{ColumnMapping, ImportProgress, ImportSummary, Importer, import_all};
pub use mapping::{goal_activities, journey_order, main_route_activities, similar_activities, suggest_matches, ActivityMapping, Goal, GoalSource, MatchKind, MatchRow};
pub use planned_actual::{
    planned_vs_drafted, planned_vs_log, PlannedVsActual, RouteFinding, UnplannedActivity, UnreachedTouchpoint, VolumeDifference,
    VolumeTarget,
};
pub use period_entry::attach_recipe;
pub use report::{analyze, AnalysisOptions, OmittedLists, Report};
pub use sanity::{check_import, ImportWarning, UsedColumns};
pub use stats::Summary;
pub use throughput::{throughput, HistogramBin, ThroughputReport};
pub use time_form::{detect_form, FormGuess, TimeForm, TimeReader};
pub use timestamp::parse_timestamp_ms;
pub use variants::{variants, Variant, VariantsReport};
pub use volumes::{in_journey_order, volumes, ActivityVolume, ChannelVolume, VolumesReport};
