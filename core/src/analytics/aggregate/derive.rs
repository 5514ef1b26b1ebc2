//! Every log metric that an aggregate determines, as the same report types the raw-log
//! path produces, so the page shows both alike. What an aggregate cannot give (and why) is
//! listed by [`needs_raw_events`].

use serde::{Deserialize, Serialize};

use super::format::{Aggregate, Stats};
use crate::analytics::dfg::{ActivityTiming, DfgEdge, DfgReport, NamedCount};
use crate::analytics::dropoff::{DropOffByActivity, DropOffReport};
use crate::analytics::report::Report;
use crate::analytics::stats::Summary;
use crate::analytics::throughput::ThroughputReport;
use crate::analytics::variants::{Variant, VariantsReport};
use crate::analytics::volumes::{share, ActivityVolume, VolumesReport};

/// A metric of the raw-log analysis that an aggregate does not determine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawOnly {
    /// Funnels depend on the order of several steps within each case.
    Funnel,
    /// The histogram needs every case's duration; the aggregate has fixed quantiles.
    ThroughputHistogram,
    /// Drop-off for other goal activities or another timeout than the query's.
    DropOffOtherGoal,
    /// Cases with at least one step off the map's routes: a per-case question.
    CasesDeviating,
    /// Variants beyond the `top_k` the query kept.
    VariantsBeyondTop,
    /// Skipped rows, timestamp ties, channels and ratings stay in the warehouse.
    ImportDetails,
}

impl RawOnly {
    pub const ALL: [RawOnly; 6] = [
        RawOnly::Funnel,
        RawOnly::ThroughputHistogram,
        RawOnly::DropOffOtherGoal,
        RawOnly::CasesDeviating,
        RawOnly::VariantsBeyondTop,
        RawOnly::ImportDetails,
    ];
}

/// The metrics an aggregate cannot give; the page lists them.
pub fn needs_raw_events() -> &'static [RawOnly] {
    &RawOnly::ALL
}

/// Stats as the report's summary (mean = sum / count; a missing value reads 0 with count 0).
pub fn summary(s: &Stats) -> Summary {
    let v = |x: Option<f64>| x.unwrap_or(0.0);
    Summary {
        count: s.count,
        mean: if s.count == 0 { 0.0 } else { s.sum / s.count as f64 },
        median: v(s.p50),
        p90: v(s.p90),
        min: v(s.min),
        max: v(s.max),
    }
}

/// The report of the aggregate: volumes, directly-follows graph, top variants, throughput
/// (without histogram), drop-off against the query's goal. No funnel; `timestamp_ties` is
/// 0 because the aggregate does not say (see [`RawOnly::ImportDetails`]).
pub fn report(a: &Aggregate) -> Report {
    let activities = a
        .activities
        .iter()
        .map(|x| ActivityVolume {
            activity: x.activity.clone(),
            events: x.events,
            cases: x.cases,
            presence: share(x.cases, a.cases),
            mean_rating: None,
            ratings: 0,
            first_position: None,
        })
        .collect();
    let volumes = VolumesReport { cases: a.cases, events: a.events, activities, channels: Vec::new(), events_without_channel: 0 };
    let named = |f: fn(&super::format::ActivityAggregate) -> u64| {
        let mut v: Vec<NamedCount> =
            a.activities.iter().filter(|x| f(x) > 0).map(|x| NamedCount { activity: x.activity.clone(), count: f(x) }).collect();
        v.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.activity.cmp(&y.activity)));
        v
    };
    let dfg = DfgReport {
        edges: a
            .edges
            .iter()
            .map(|e| DfgEdge { from: e.from.clone(), to: e.to.clone(), count: e.count, cases: e.cases, waiting_s: summary(&e.waiting_s) })
            .collect(),
        start_activities: named(|x| x.start_cases),
        end_activities: named(|x| x.end_cases),
        activity_timing: a
            .activities
            .iter()
            .map(|x| ActivityTiming { activity: x.activity.clone(), time_to_next_s: summary(&x.time_to_next_s) })
            .collect(),
    };
    let mut cumulative = 0;
    let top = a
        .variants
        .top
        .iter()
        .map(|v| {
            cumulative += v.cases;
            Variant {
                activities: v.activities.clone(),
                cases: v.cases,
                coverage: share(v.cases, a.cases),
                cumulative_coverage: share(cumulative, a.cases),
            }
        })
        .collect();
    let variants = VariantsReport { count: a.variants.distinct, top };
    let throughput = ThroughputReport { summary_s: summary(&a.throughput_s), histogram: Vec::new() };
    Report {
        cases: a.cases,
        events: a.events,
        activities: a.activities.len() as u64,
        dfg_edges: a.edges.len() as u64,
        variants: a.variants.distinct,
        throughput_median_s: throughput.summary_s.median,
        timestamp_ties: 0,
        first_event_ms: a.first_event_ms,
        last_event_ms: a.last_event_ms,
        volumes,
        dfg,
        top_variants: variants,
        throughput,
        drop_off: drop_off(a),
        funnel: None,
        omitted: None,
    }
}

/// Whether the query named a goal activity that occurs in the log: only then can drop-off
/// be measured (otherwise nothing counts as dropped and the page asks for a goal).
pub fn goal_known(a: &Aggregate) -> bool {
    a.goal_activities.iter().any(|g| a.activity(g).is_some())
}

/// Drop-off against the query's goal. Without a goal in the query nothing counts as
/// dropped: the page asks for a goal instead of guessing one.
pub fn drop_off(a: &Aggregate) -> DropOffReport {
    let goal_named = goal_known(a);
    let dropped = if goal_named { a.dropped_cases() } else { 0 };
    let completed = if goal_named { a.cases_reaching_goal } else { 0 };
    let mut by_activity: Vec<DropOffByActivity> = a
        .activities
        .iter()
        .filter(|x| goal_named && x.dropped_cases > 0)
        .map(|x| DropOffByActivity {
            activity: x.activity.clone(),
            reached: x.cases,
            dropped: x.dropped_cases,
            share_of_drop_offs: share(x.dropped_cases, dropped),
            rate: share(x.dropped_cases, x.cases),
        })
        .collect();
    by_activity.sort_by(|x, y| y.dropped.cmp(&x.dropped).then_with(|| x.activity.cmp(&y.activity)));
    DropOffReport {
        end_activities: a.goal_activities.clone(),
        goal_missing: !goal_named,
        unknown_end_activities: Vec::new(),
        // The aggregate has end-activity counts: the most frequent one, as a suggestion only.
        suggested_end_activity: a.activities.iter().filter(|x| x.end_cases > 0).max_by_key(|x| x.end_cases).map(|x| x.activity.clone()),
        timeout_s: a.timeout_s,
        completed,
        in_progress: a.cases - completed - dropped,
        dropped,
        rate: share(dropped, a.cases),
        by_activity,
    }
}
