//! The aggregate format, version 2: what a data warehouse (or `journey-analyze aggregate`)
//! computes from a large event log so that the app can measure the journey without the
//! raw events. Field by field in `docs/scale.md`; this file is the Rust side of it.
//!
//! Everything is a count, a sum, a minimum, a maximum or a fixed quantile, so an engine
//! computes it with one pass of window functions and GROUP BYs. Durations are seconds.

use serde::{Deserialize, Serialize};

/// The value of the `format` field: tells an aggregate from any other JSON file.
pub const FORMAT: &str = "journey-studio-aggregate";
/// The version this build writes and the newest it reads. Version 2 added [`Ties`];
/// version-1 files are still read (their `ties` is `None`: they did not say).
pub const VERSION: u32 = 2;
/// The quantile levels every [`Stats`] carries (`p25` … `p95`).
pub const QUANTILE_LEVELS: [f64; 5] = [0.25, 0.5, 0.75, 0.9, 0.95];

/// Count, sum, extremes and fixed quantiles of a set of durations, in seconds. With
/// `count == 0` the extremes and quantiles are `null`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    pub count: u64,
    pub sum: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub p25: Option<f64>,
    pub p50: Option<f64>,
    pub p75: Option<f64>,
    pub p90: Option<f64>,
    pub p95: Option<f64>,
}

impl Stats {
    /// The quantiles in the order of [`QUANTILE_LEVELS`].
    pub fn quantiles(&self) -> [Option<f64>; 5] {
        [self.p25, self.p50, self.p75, self.p90, self.p95]
    }
}

/// How the quantiles were computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum QuantileMethod {
    /// Linear interpolation between the two nearest ranks (numpy's default; DuckDB
    /// `quantile_cont`, Spark `percentile`, ClickHouse `quantileExactInclusive`).
    Exact,
    /// A sketch or sample whose value lies within `rank_error` · count ranks of the exact
    /// one (Spark `percentile_approx`, BigQuery `APPROX_QUANTILES`, ClickHouse t-digest).
    Approximate,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantiles {
    pub method: QuantileMethod,
    /// Relative rank error bound: 0 for exact quantiles, e.g. 0.0001 for Spark's
    /// `percentile_approx(…, 10000)`.
    pub rank_error: f64,
}

/// How the events of a case that share a timestamp were put in order. It decides
/// variants, directly-follows pairs, start/end activities and drop-off wherever two
/// different activities of a case share a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieOrder {
    /// By the row of the file (the app, `journey-analyze aggregate`).
    FileRow,
    /// By a column the query was given (`${ORDER_COLUMN}`: the export's row number or
    /// event id), which the app's file row corresponds to.
    OrderColumn,
    /// By activity name (the SQL without an order column): may differ from the app for
    /// the `cases_with_ties`.
    ActivityName,
}

/// Version 2: the tie order and how many cases it can matter for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ties {
    pub order: TieOrder,
    /// Cases in which two events of different activities share a timestamp (only there
    /// does the order of equal timestamps change anything).
    pub cases_with_ties: u64,
}

/// One activity: volumes, where cases start, end and leave, and its time to the next event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityAggregate {
    pub activity: String,
    /// Events with this activity.
    pub events: u64,
    /// Cases containing it at least once.
    pub cases: u64,
    /// Cases whose first event it is.
    pub start_cases: u64,
    /// Cases whose last event it is.
    pub end_cases: u64,
    /// Cases that left here: it is their last activity, they never reached a goal
    /// activity, and their last event is more than the timeout before the log's end.
    pub dropped_cases: u64,
    /// Cases in which it occurs more than once (rework).
    pub cases_with_repeat: u64,
    /// Time from an event of this activity to the next event of the same case (events that
    /// end their case are not counted).
    pub time_to_next_s: Stats,
}

/// One directly-follows pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeAggregate {
    pub from: String,
    pub to: String,
    /// Occurrences of `from` directly followed by `to` in the same case.
    pub count: u64,
    /// Cases with at least one occurrence.
    pub cases: u64,
    /// Time from the `from` event to the `to` event; `waiting_s.count == count`.
    pub waiting_s: Stats,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantAggregate {
    /// The case's activities in time order.
    pub activities: Vec<String>,
    pub cases: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantsAggregate {
    /// Number of distinct variants.
    pub distinct: u64,
    /// The most frequent variants, most cases first; ties by the activity lists compared
    /// element by element (byte order of the names).
    pub top: Vec<VariantAggregate>,
    /// Cases covered by `top`.
    pub top_cases: u64,
}

/// A whole aggregate file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version, at most [`VERSION`].
    pub version: u32,
    /// What produced the file, e.g. `journey-analyze 0.1.0` or `duckdb sql/duckdb/aggregate.sql`.
    #[serde(default)]
    pub producer: String,
    /// The journey's goal (end) activities named in the query; drop-off is measured
    /// against them. Empty: the query named none, and drop-off cannot be used.
    pub goal_activities: Vec<String>,
    /// Inactivity after which a case that has not reached a goal counts as dropped.
    pub timeout_s: f64,
    /// How many variants `variants.top` was asked to hold.
    pub top_k: u64,
    pub quantiles: Quantiles,
    pub cases: u64,
    pub events: u64,
    /// First and last event of the log, milliseconds since the epoch (UTC).
    pub first_event_ms: i64,
    pub last_event_ms: i64,
    /// Cases with at least one goal event.
    pub cases_reaching_goal: u64,
    /// Cases in which any activity occurs more than once.
    pub cases_with_rework: u64,
    /// How equal timestamps inside a case were ordered (version 2; `None` when read
    /// from a version-1 file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ties: Option<Ties>,
    /// Per case: last event − first event.
    pub throughput_s: Stats,
    /// Most events first; ties by name.
    pub activities: Vec<ActivityAggregate>,
    /// Most occurrences first; ties by (from, to).
    pub edges: Vec<EdgeAggregate>,
    pub variants: VariantsAggregate,
}

impl Aggregate {
    pub fn activity(&self, name: &str) -> Option<&ActivityAggregate> {
        self.activities.iter().find(|a| a.activity == name)
    }

    /// Cases that dropped off (sum over activities).
    pub fn dropped_cases(&self) -> u64 {
        self.activities.iter().map(|a| a.dropped_cases).sum()
    }

    /// Writes the file as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
