//! Step 1 of the draft: what the log says per activity, before anything is left out —
//! events, cases, drop-offs against the goal (by [`case_outcomes`], the definition every
//! number of the app uses), the median time to the next event and the most frequent
//! channel. The same facts from an aggregate's activity rows.

use crate::analytics::aggregate::Aggregate;
use crate::analytics::dropoff::{case_outcomes, CaseOutcome};
use crate::analytics::event_log::{EventLog, NONE_ID};
use crate::analytics::stats::median_ms;

use super::DraftOptions;

/// Per activity (index = the log's activity id, or the aggregate's row).
pub(crate) struct Observed {
    pub names: Vec<String>,
    pub events: Vec<u64>,
    pub cases: Vec<u64>,
    /// Cases that left at this activity; all zero without a goal.
    pub dropped: Vec<u64>,
    /// Median seconds from an event of it to the next event of the case.
    pub time_to_next_s: Vec<Option<f64>>,
    /// Most frequent channel name among its events (ties: first channel id).
    pub channel: Vec<Option<String>>,
    pub has_channels: bool,
    /// Goal activity ids known to the log; names the log does not know in `unknown_goals`.
    pub goals: Vec<u32>,
    pub unknown_goals: Vec<String>,
    /// Per case (log only): whether it reached a goal.
    pub completed: Vec<bool>,
    pub total_cases: u64,
    pub total_events: u64,
    pub cases_reaching_goal: u64,
    pub first_ms: i64,
    pub last_ms: i64,
}

impl Observed {
    pub fn is_goal(&self, a: u32) -> bool {
        self.goals.contains(&a)
    }
}

pub(crate) fn from_log(log: &EventLog, opts: &DraftOptions) -> Observed {
    let n = log.activity_names.len();
    let (first_ms, last_ms) = log.time_span_ms().unwrap_or((0, 0));
    let goals: Vec<u32> = opts.goal_activities.iter().filter_map(|g| log.activity_id(g)).collect();
    let unknown_goals = opts.goal_activities.iter().filter(|g| log.activity_id(g).is_none()).cloned().collect();
    let outcomes = case_outcomes(log, &goals, opts.timeout_s);
    let mut dropped = vec![0u64; n];
    let mut completed = Vec::with_capacity(outcomes.len());
    for o in &outcomes {
        if let CaseOutcome::DroppedAt(a) = o {
            dropped[*a as usize] += 1;
        }
        completed.push(*o == CaseOutcome::Completed);
    }
    let mut events = vec![0u64; n];
    let mut cases = vec![0u64; n];
    let mut last_case = vec![u32::MAX; n];
    let mut waits: Vec<Vec<i64>> = vec![Vec::new(); n];
    let n_ch = log.channel_names.len();
    // Channel counts per activity: a dense table while small, the usual case (a handful
    // of channels); beyond that only the first 64 channels are counted.
    let n_ch_counted = n_ch.min(64);
    let mut ch_counts = vec![0u32; n * n_ch_counted];
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        for i in r.clone() {
            let a = log.activity[i] as usize;
            events[a] += 1;
            if last_case[a] != c as u32 {
                last_case[a] = c as u32;
                cases[a] += 1;
            }
            if i + 1 < r.end {
                waits[a].push(log.time_ms[i + 1] - log.time_ms[i]);
            }
            if n_ch_counted > 0 {
                let ch = log.channel[i];
                if ch != NONE_ID && (ch as usize) < n_ch_counted {
                    ch_counts[a * n_ch_counted + ch as usize] += 1;
                }
            }
        }
    }
    let time_to_next_s = waits.iter_mut().map(|w| (!w.is_empty()).then(|| median_ms(w) / 1000.0)).collect();
    let channel = (0..n)
        .map(|a| {
            let row = &ch_counts[a * n_ch_counted..(a + 1) * n_ch_counted];
            let best = (0..n_ch_counted).filter(|&k| row[k] > 0).max_by_key(|&k| (row[k], std::cmp::Reverse(k)))?;
            Some(log.channel_names[best].clone())
        })
        .collect();
    let cases_reaching_goal = completed.iter().filter(|&&c| c).count() as u64;
    Observed {
        names: log.activity_names.clone(),
        events,
        cases,
        dropped,
        time_to_next_s,
        channel,
        has_channels: n_ch > 0,
        goals,
        unknown_goals,
        completed,
        total_cases: log.case_count() as u64,
        total_events: log.event_count() as u64,
        cases_reaching_goal,
        first_ms,
        last_ms,
    }
}

pub(crate) fn from_aggregate(a: &Aggregate) -> Observed {
    let names: Vec<String> = a.activities.iter().map(|x| x.activity.clone()).collect();
    let goals: Vec<u32> =
        a.goal_activities.iter().filter_map(|g| names.iter().position(|n| n == g)).map(|i| i as u32).collect();
    let unknown_goals = a.goal_activities.iter().filter(|g| !names.contains(g)).cloned().collect();
    Observed {
        events: a.activities.iter().map(|x| x.events).collect(),
        cases: a.activities.iter().map(|x| x.cases).collect(),
        dropped: a.activities.iter().map(|x| if goals.is_empty() { 0 } else { x.dropped_cases }).collect(),
        time_to_next_s: a.activities.iter().map(|x| x.time_to_next_s.p50).collect(),
        channel: vec![None; names.len()],
        has_channels: false,
        names,
        goals,
        unknown_goals,
        completed: Vec::new(),
        total_cases: a.cases,
        total_events: a.events,
        cases_reaching_goal: a.cases_reaching_goal,
        first_ms: a.first_event_ms,
        last_ms: a.last_event_ms,
    }
}
