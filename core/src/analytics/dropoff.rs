//! Drop-off (Abbruch), measured against the journey's **goal activities**.
//!
//! The one definition every number in the app uses (drop-off table, funnel, the value
//! written into the map, the CLI, the warehouse SQL of `sql/`) is [`case_outcomes`]:
//!
//! * a case that contains at least one goal activity is **completed**, whatever it did
//!   before or afterwards (a review after the payment is not a drop-off);
//! * a case without a goal activity whose last event lies **more than** τ (the timeout)
//!   before the last event of the whole log has **dropped off at its last activity**:
//!   that is where the customer left;
//! * every other case (no goal yet, active within τ) is **in progress**.
//!
//! The drop-off rate of an activity = cases dropped at it ÷ cases that contain it.
//!
//! Without goal activities nothing can be called a drop-off: [`drop_off`] then reports
//! `goal_missing` and offers the most frequent last activity only as a labelled
//! suggestion. It never picks an end by itself (an earlier version did, and called the
//! real goal the worst drop-off).

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::volumes::share;

/// Default τ: a week without activity.
pub const DEFAULT_TIMEOUT_S: f64 = 7.0 * 86_400.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffOptions {
    /// The journey's goal activities (names, matched exactly). Empty: no drop-off can be
    /// measured and the report says so (`goal_missing`).
    #[serde(default, alias = "goal_activities")]
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

/// What became of one case, judged against the goal activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseOutcome {
    /// The case reached a goal activity.
    Completed,
    /// No goal yet, but active within τ of the log's end.
    InProgress,
    /// No goal, quiet for more than τ: left at this activity (its last event's activity id).
    DroppedAt(u32),
}

/// **The drop-off definition** (see the module doc and docs/analytics.md, "Drop-off"):
/// the outcome of every case, in case order. `goals` are activity ids; with no goals
/// every case counts as in progress (callers must ask for a goal instead, see
/// [`DropOffReport::goal_missing`]). τ is compared strictly: a case whose last event is
/// exactly τ before the log's end is still in progress.
pub fn case_outcomes(log: &EventLog, goals: &[u32], timeout_s: f64) -> Vec<CaseOutcome> {
    if goals.is_empty() {
        return vec![CaseOutcome::InProgress; log.case_count()];
    }
    let log_end = log.time_span_ms().map_or(0, |s| s.1);
    let timeout_ms = if timeout_s.is_finite() { (timeout_s.max(0.0) * 1000.0).round() as i64 } else { i64::MAX };
    let mut is_goal = vec![false; log.activity_names.len()];
    for &g in goals {
        if let Some(slot) = is_goal.get_mut(g as usize) {
            *slot = true;
        }
    }
    (0..log.case_count())
        .map(|c| {
            let r = log.case_range(c);
            if r.is_empty() {
                return CaseOutcome::InProgress;
            }
            if log.activity[r.clone()].iter().any(|&a| is_goal[a as usize]) {
                return CaseOutcome::Completed;
            }
            let last = r.end - 1;
            if log_end.saturating_sub(log.time_ms[last]) > timeout_ms {
                CaseOutcome::DroppedAt(log.activity[last])
            } else {
                CaseOutcome::InProgress
            }
        })
        .collect()
}

/// Goal activity ids for the names in `opts` (names the log does not know are skipped;
/// [`drop_off`] lists them).
pub(crate) fn goal_ids(log: &EventLog, opts: &DropOffOptions) -> Vec<u32> {
    opts.end_activities.iter().filter_map(|n| log.activity_id(n)).collect()
}

/// The most frequent last activity of a case (ties: first seen). Only ever shown as a
/// suggestion for the goal, never used without the user's say.
pub fn most_frequent_last_activity(log: &EventLog) -> Option<String> {
    let mut last_counts = vec![0u64; log.activity_names.len()];
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        if !r.is_empty() {
            last_counts[log.activity[r.end - 1] as usize] += 1;
        }
    }
    (0..last_counts.len())
        .filter(|&a| last_counts[a] > 0)
        .max_by_key(|&a| (last_counts[a], std::cmp::Reverse(a)))
        .map(|a| log.activity_names[a].clone())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffByActivity {
    pub activity: String,
    /// Cases that reached the activity (contain it at least once).
    #[serde(default)]
    pub reached: u64,
    /// Dropped cases whose last activity this is.
    pub dropped: u64,
    /// `dropped` / all dropped cases.
    pub share_of_drop_offs: f64,
    /// `dropped` / `reached`: the drop-off rate written into the map.
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DropOffReport {
    /// The goal activities used (as given and known to the log).
    pub end_activities: Vec<String>,
    /// True when no usable goal was given: then nothing below counts as dropped and the
    /// page must ask for the goal.
    #[serde(default)]
    pub goal_missing: bool,
    /// Goal names given that the log does not contain.
    #[serde(default)]
    pub unknown_end_activities: Vec<String>,
    /// The most frequent last activity, offered as a suggestion (labelled as such).
    #[serde(default)]
    pub suggested_end_activity: Option<String>,
    pub timeout_s: f64,
    pub completed: u64,
    pub in_progress: u64,
    pub dropped: u64,
    /// `dropped` / all cases.
    pub rate: f64,
    /// Every activity with at least one drop-off, most dropped first (ties by name).
    pub by_activity: Vec<DropOffByActivity>,
}

pub fn drop_off(log: &EventLog, opts: &DropOffOptions) -> DropOffReport {
    let goals = goal_ids(log, opts);
    let unknown: Vec<String> = opts.end_activities.iter().filter(|n| log.activity_id(n).is_none()).cloned().collect();
    let outcome = case_outcomes(log, &goals, opts.timeout_s);
    let n_act = log.activity_names.len();
    let mut dropped_at = vec![0u64; n_act];
    let mut completed = 0;
    for o in &outcome {
        match o {
            CaseOutcome::DroppedAt(a) => dropped_at[*a as usize] += 1,
            CaseOutcome::Completed => completed += 1,
            CaseOutcome::InProgress => {}
        }
    }
    let dropped: u64 = dropped_at.iter().sum();
    let reached = cases_containing(log);
    let mut by_activity: Vec<DropOffByActivity> = (0..n_act)
        .filter(|&a| dropped_at[a] > 0)
        .map(|a| DropOffByActivity {
            activity: log.activity_names[a].clone(),
            reached: reached[a],
            dropped: dropped_at[a],
            share_of_drop_offs: share(dropped_at[a], dropped),
            rate: share(dropped_at[a], reached[a]),
        })
        .collect();
    by_activity.sort_by(|x, y| y.dropped.cmp(&x.dropped).then_with(|| x.activity.cmp(&y.activity)));
    let cases = log.case_count() as u64;
    DropOffReport {
        end_activities: goals.iter().map(|&a| log.activity_names[a as usize].clone()).collect(),
        goal_missing: goals.is_empty(),
        unknown_end_activities: unknown,
        suggested_end_activity: most_frequent_last_activity(log),
        timeout_s: opts.timeout_s,
        completed,
        in_progress: cases.saturating_sub(completed + dropped),
        dropped,
        rate: share(dropped, cases),
        by_activity,
    }
}

/// Per activity id: the cases containing it at least once.
pub(crate) fn cases_containing(log: &EventLog) -> Vec<u64> {
    let mut cases = vec![0u64; log.activity_names.len()];
    let mut last_case = vec![u32::MAX; log.activity_names.len()];
    for (&c, &a) in log.case.iter().zip(&log.activity) {
        if last_case[a as usize] != c {
            last_case[a as usize] = c;
            cases[a as usize] += 1;
        }
    }
    cases
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn opts(goals: &[&str]) -> DropOffOptions {
        DropOffOptions { end_activities: goals.iter().map(|s| s.to_string()).collect(), timeout_s: 7.0 * 86_400.0 }
    }

    #[test]
    fn hand_checked_drop_off() {
        // Log ends at day 30. Case 1 reaches "paid" (completed). Case 2 stops at "cart" on
        // day 2 (dropped). Case 3 stops at "cart" on day 28 (in progress with τ = 7 days).
        // Case 4 pays, then writes a review and goes quiet: completed, not dropped.
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "cart", DAY), ("1", "paid", 30 * DAY),
            ("2", "visit", 0), ("2", "cart", 2 * DAY),
            ("3", "visit", 27 * DAY), ("3", "cart", 28 * DAY),
            ("4", "visit", 0), ("4", "paid", DAY), ("4", "review", 2 * DAY),
        ]);
        let r = drop_off(&log, &opts(&["paid"]));
        assert_eq!((r.completed, r.in_progress, r.dropped), (2, 1, 1));
        assert_eq!(r.by_activity.len(), 1);
        assert_eq!((r.by_activity[0].activity.as_str(), r.by_activity[0].reached), ("cart", 3));
        assert!((r.by_activity[0].rate - 1.0 / 3.0).abs() < 1e-12);
        assert!(!r.goal_missing);
    }

    #[test]
    fn without_a_goal_nothing_is_dropped_and_the_last_activity_is_only_a_suggestion() {
        // "cart" is the most frequent last activity: the old code took it as the end.
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "cart", DAY), ("1", "paid", 30 * DAY),
            ("2", "visit", 0), ("2", "cart", 2 * DAY),
            ("3", "visit", 0), ("3", "cart", 3 * DAY),
        ]);
        let r = drop_off(&log, &DropOffOptions::default());
        assert!(r.goal_missing);
        assert_eq!(r.suggested_end_activity.as_deref(), Some("cart"));
        assert!(r.end_activities.is_empty());
        assert_eq!((r.completed, r.in_progress, r.dropped), (0, 3, 0));
        // A goal the log does not know is reported, not silently replaced.
        let r = drop_off(&log, &opts(&["Pay"]));
        assert!(r.goal_missing);
        assert_eq!(r.unknown_end_activities, vec!["Pay"]);
    }

    #[test]
    fn timeout_is_strict_and_several_goals_count() {
        // Log end is day 10. Case 2 ended exactly τ = 7 days before: still in progress.
        let log = EventLog::from_events(&[
            ("1", "a", 0), ("1", "b", 10 * DAY),
            ("2", "a", 0), ("2", "x", 3 * DAY),
            ("3", "a", 0), ("3", "y", DAY),
        ]);
        let out = case_outcomes(&log, &[log.activity_id("x").unwrap(), log.activity_id("b").unwrap()], 7.0 * 86_400.0);
        assert_eq!(out, vec![CaseOutcome::Completed, CaseOutcome::Completed, CaseOutcome::DroppedAt(log.activity_id("y").unwrap())]);
        let out = case_outcomes(&log, &[log.activity_id("b").unwrap()], 7.0 * 86_400.0);
        assert_eq!(out[1], CaseOutcome::InProgress);
    }
}
