//! Drop-off (Abbruch): a case has dropped off when its last activity is not a planned end
//! activity and its last event lies more than the timeout τ before the end of the log.
//! Cases that are not at an end but were active within τ are still in progress. Drop-offs
//! are counted by the last activity, which is where the customer left.

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::volumes::share;

/// Default τ: a week without activity.
pub const DEFAULT_TIMEOUT_S: f64 = 7.0 * 86_400.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffOptions {
    /// Planned end activities. Empty: the most frequent last activity is taken as the end.
    #[serde(default)]
    pub end_activities: Vec<String>,
    /// τ in seconds.
    #[serde(default = "default_timeout")]
    pub timeout_s: f64,
}

fn default_timeout() -> f64 {
    DEFAULT_TIMEOUT_S
}

impl Default for DropOffOptions {
    fn default() -> Self {
        DropOffOptions { end_activities: Vec::new(), timeout_s: DEFAULT_TIMEOUT_S }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffByActivity {
    pub activity: String,
    /// Dropped cases whose last activity this is.
    pub dropped: u64,
    /// `dropped` / all dropped cases.
    pub share_of_drop_offs: f64,
    /// `dropped` / cases containing the activity: how often a visit here is the last.
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffReport {
    /// The end activities used (given, or inferred when none were given).
    pub end_activities: Vec<String>,
    pub end_activities_inferred: bool,
    pub timeout_s: f64,
    pub completed: u64,
    pub in_progress: u64,
    pub dropped: u64,
    /// `dropped` / all cases.
    pub rate: f64,
    /// Most dropped first.
    pub by_activity: Vec<DropOffByActivity>,
}

/// The outcome of each case: `Some(last activity)` if it dropped off.
pub(crate) fn dropped_cases(log: &EventLog, ends: &[u32], timeout_s: f64) -> Vec<Option<u32>> {
    let log_end = log.time_span_ms().map_or(0, |s| s.1);
    let timeout_ms = (timeout_s * 1000.0).round() as i64;
    (0..log.case_count())
        .map(|c| {
            let last = last_event(log, c)?;
            let a = log.activity[last];
            (!ends.contains(&a) && log_end - log.time_ms[last] > timeout_ms).then_some(a)
        })
        .collect()
}

/// The index of the last event of case `c`; `None` for a case without events (the
/// importer never makes one, but a hand-built log must not make this subtract past 0).
fn last_event(log: &EventLog, c: usize) -> Option<usize> {
    log.case_range(c).end.checked_sub(1).filter(|&i| i >= log.case_range(c).start)
}

/// End activity ids from the options, or the most frequent last activity.
pub(crate) fn end_ids(log: &EventLog, opts: &DropOffOptions) -> (Vec<u32>, bool) {
    if !opts.end_activities.is_empty() {
        return (opts.end_activities.iter().filter_map(|n| log.activity_id(n)).collect(), false);
    }
    let mut last_counts = vec![0u64; log.activity_names.len()];
    for c in 0..log.case_count() {
        if let Some(last) = last_event(log, c) {
            last_counts[log.activity[last] as usize] += 1;
        }
    }
    // Most frequent; on a tie the smaller id (first seen) for a stable answer.
    let best = (0..last_counts.len()).max_by_key(|&a| (last_counts[a], std::cmp::Reverse(a)));
    (best.map(|a| vec![a as u32]).unwrap_or_default(), true)
}

pub fn drop_off(log: &EventLog, opts: &DropOffOptions) -> DropOffReport {
    let (ends, inferred) = end_ids(log, opts);
    let outcome = dropped_cases(log, &ends, opts.timeout_s);
    let n_act = log.activity_names.len();
    let mut dropped_at = vec![0u64; n_act];
    let mut completed = 0;
    for c in 0..log.case_count() {
        match outcome[c] {
            Some(a) => dropped_at[a as usize] += 1,
            None if last_event(log, c).is_some_and(|i| ends.contains(&log.activity[i])) => completed += 1,
            None => {}
        }
    }
    let dropped: u64 = dropped_at.iter().sum();
    let presence = super::volumes::volumes(log);
    let cases_with = |name: &str| presence.activities.iter().find(|v| v.activity == name).map_or(0, |v| v.cases);
    let mut by_activity: Vec<DropOffByActivity> = (0..n_act)
        .filter(|&a| dropped_at[a] > 0)
        .map(|a| {
            let name = &log.activity_names[a];
            DropOffByActivity {
                activity: name.clone(),
                dropped: dropped_at[a],
                share_of_drop_offs: share(dropped_at[a], dropped),
                rate: share(dropped_at[a], cases_with(name)),
            }
        })
        .collect();
    by_activity.sort_by(|x, y| y.dropped.cmp(&x.dropped).then_with(|| x.activity.cmp(&y.activity)));
    let cases = log.case_count() as u64;
    DropOffReport {
        end_activities: ends.iter().map(|&a| log.activity_names[a as usize].clone()).collect(),
        end_activities_inferred: inferred,
        timeout_s: opts.timeout_s,
        completed,
        in_progress: cases.saturating_sub(completed + dropped),
        dropped,
        rate: share(dropped, cases),
        by_activity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn hand_checked_drop_off() {
        // Log ends at day 30. Case 1 ends at "paid" (completed). Case 2 stops at "cart" on
        // day 2 (dropped). Case 3 stops at "cart" on day 28 (in progress with τ = 7 days).
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "cart", DAY), ("1", "paid", 30 * DAY),
            ("2", "visit", 0), ("2", "cart", 2 * DAY),
            ("3", "visit", 27 * DAY), ("3", "cart", 28 * DAY),
        ]);
        let r = drop_off(&log, &DropOffOptions { end_activities: vec!["paid".into()], timeout_s: 7.0 * 86_400.0 });
        assert_eq!((r.completed, r.in_progress, r.dropped), (1, 1, 1));
        assert_eq!(r.by_activity[0].activity, "cart");
        assert!((r.by_activity[0].rate - 1.0 / 3.0).abs() < 1e-12);
        // Inferred end: "cart" is the most frequent last activity, so nobody dropped.
        let r = drop_off(&log, &DropOffOptions::default());
        assert!(r.end_activities_inferred);
        assert_eq!(r.end_activities, vec!["cart"]);
        assert_eq!(r.dropped, 0);
    }
}
