//! The analysis as a whole: [`analyze`] runs every log metric and gathers them in one
//! serialisable [`Report`], whose first fields are the headline numbers.

use serde::{Deserialize, Serialize};

use super::dfg::{directly_follows, DfgReport};
use super::dropoff::{drop_off, DropOffOptions, DropOffReport};
use super::event_log::EventLog;
use super::shown::Omitted;
use super::funnel::{funnel, FunnelReport, FunnelSpec};
use super::throughput::{throughput, ThroughputReport};
use super::variants::{variants, VariantsReport};
use super::volumes::{volumes, VolumesReport};
use crate::side_by_side::{side_by_side, WORTH_A_THREAD};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    /// How many variants the report lists.
    #[serde(default = "default_top")]
    pub top_variants: usize,
    /// Bins of the throughput-time histogram.
    #[serde(default = "default_bins")]
    pub histogram_bins: usize,
    #[serde(default)]
    pub drop_off: DropOffOptions,
    #[serde(default)]
    pub funnel: Option<FunnelSpec>,
}

fn default_top() -> usize {
    10
}
fn default_bins() -> usize {
    20
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions { top_variants: default_top(), histogram_bins: default_bins(), drop_off: DropOffOptions::default(), funnel: None }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub cases: u64,
    pub events: u64,
    /// Number of distinct activities.
    pub activities: u64,
    /// Number of distinct directly-follows pairs.
    pub dfg_edges: u64,
    /// Number of distinct variants.
    pub variants: u64,
    pub throughput_median_s: f64,
    pub timestamp_ties: u64,
    /// First and last event, milliseconds since the epoch.
    pub first_event_ms: i64,
    pub last_event_ms: i64,
    pub volumes: VolumesReport,
    pub dfg: DfgReport,
    pub top_variants: VariantsReport,
    pub throughput: ThroughputReport,
    pub drop_off: DropOffReport,
    pub funnel: Option<FunnelReport>,
    /// Activities (and directly-follows pairs) left out of the lists sent to the page
    /// (`shown.rs`); none in the full report the CLI writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omitted: Option<OmittedLists>,
}

/// What the page's copy of a [`Report`] leaves out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OmittedLists {
    pub activities: Omitted,
    /// Directly-follows pairs (their `count` as events).
    pub edges: Omitted,
    /// Rows of the drop-off table (their `dropped` as events).
    #[serde(default)]
    pub drop_off_rows: Omitted,
}

impl Report {
    /// The span the log's counts cover (first to last event), for the unit every count is
    /// shown with ("in 14 days"); `None` for a log without events.
    pub fn period(&self) -> Option<crate::model::MeasuredPeriod> {
        (self.events > 0).then(|| crate::model::MeasuredPeriod::new(self.first_event_ms as f64, self.last_event_ms as f64, ""))
    }
}

pub fn analyze(log: &EventLog, opts: &AnalysisOptions) -> Report {
    // The metrics only read the log: natively the directly-follows graph (about half the
    // work of a big log) is built on a second core while the rest are measured.
    let (dfg, (volumes, top_variants, throughput, drop_off, funnel)) = side_by_side(
        log.event_count() >= WORTH_A_THREAD,
        || directly_follows(log),
        || {
            (
                volumes(log),
                variants(log, opts.top_variants),
                throughput(log, opts.histogram_bins),
                drop_off(log, &opts.drop_off),
                opts.funnel.as_ref().map(|f| funnel(log, f)),
            )
        },
    );
    let (first, last) = log.time_span_ms().unwrap_or((0, 0));
    Report {
        cases: log.case_count() as u64,
        events: log.event_count() as u64,
        activities: log.activity_names.len() as u64,
        dfg_edges: dfg.edges.len() as u64,
        variants: top_variants.count,
        throughput_median_s: throughput.summary_s.median,
        timestamp_ties: log.timestamp_ties,
        first_event_ms: first,
        last_event_ms: last,
        volumes,
        dfg,
        top_variants,
        throughput,
        drop_off,
        funnel,
        omitted: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_log_gives_an_all_zero_report() {
        let log = EventLog::from_events::<&str, &str>(&[]);
        let opts = AnalysisOptions {
            funnel: Some(FunnelSpec { steps: vec!["a".into()], mode: Default::default(), window_s: Some(f64::NAN) }),
            ..AnalysisOptions::default()
        };
        let r = analyze(&log, &opts);
        assert_eq!((r.cases, r.events, r.dfg_edges, r.variants), (0, 0, 0, 0));
        assert_eq!(r.period(), None, "no events, no period: counts get no made-up unit");
        assert!(r.throughput.histogram.is_empty() && r.drop_off.end_activities.is_empty());
        assert_eq!(r.funnel.unwrap().steps[0].cases, 0);
        // The report is what the UI stores and the CLI prints: it must serialise.
        assert!(serde_json::to_string(&analyze(&log, &AnalysisOptions::default())).is_ok());
    }

    #[test]
    fn counts_carry_the_log_span_as_their_unit() {
        const DAY: i64 = 86_400_000;
        let mar1 = 1_709_251_200_000_i64; // 2024-03-01T00:00:00Z
        let log = EventLog::from_events(&[("a", "Visit", mar1 + 3_600_000), ("b", "Visit", mar1 + 13 * DAY + 7_200_000)]);
        let p = analyze(&log, &AnalysisOptions::default()).period().unwrap();
        assert_eq!(p.unit_with_dates(crate::model::Lang::En), "in 14 days (2024-03-01 – 2024-03-14)");
    }
}
