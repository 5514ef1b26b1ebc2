//! A funnel over a chosen sequence of steps (activities). Per step: the cases reaching it,
//! the conversion from the previous step and from the first, the drop-off and the time to
//! convert. How a case "reaches" step k depends on the mode:
//!
//! * `Ordered`: steps 1..=k occur in this order, other events may lie between them.
//! * `Strict`: steps 1..=k occur as directly consecutive events.
//! * `Unordered`: steps 1..=k all occur, in any order.
//!
//! Every attempt starts at an occurrence of step 1 (for `Unordered`: of any step) and
//! only events within the conversion window after it count. A case is judged by its best
//! attempt (the one reaching the most steps; the earliest on a tie), so counts never grow
//! from one step to the next.

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::stats::median_ms;
use super::volumes::share;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FunnelMode {
    #[default]
    Ordered,
    Strict,
    Unordered,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelSpec {
    /// Activity names, matched exactly.
    pub steps: Vec<String>,
    #[serde(default)]
    pub mode: FunnelMode,
    /// Conversion window from the first step in seconds; `None` is unlimited.
    #[serde(default)]
    pub window_s: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelStep {
    pub activity: String,
    /// False when the log has no such activity (then no case reaches it).
    pub known: bool,
    pub cases: u64,
    /// `cases` / cases at the previous step (1 for the first step when it has cases).
    pub step_conversion: f64,
    /// `cases` / cases at the first step.
    pub overall_conversion: f64,
    /// Cases at the previous step that did not reach this one.
    pub drop_off: u64,
    /// Time from the first step to reaching this one, over the cases reaching it.
    pub time_to_convert_median_s: f64,
    pub time_to_convert_mean_s: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelReport {
    pub mode: FunnelMode,
    pub window_s: Option<f64>,
    pub steps: Vec<FunnelStep>,
}

pub fn funnel(log: &EventLog, spec: &FunnelSpec) -> FunnelReport {
    let ids: Vec<Option<u32>> = spec.steps.iter().map(|s| log.activity_id(s)).collect();
    let window_ms = spec.window_s.map(|w| (w * 1000.0).round() as i64).unwrap_or(i64::MAX);
    let k = ids.len();
    // times[j]: time to convert of every case reaching step j.
    let mut times: Vec<Vec<i64>> = vec![Vec::new(); k];
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        let (acts, ts) = (&log.activity[r.clone()], &log.time_ms[r]);
        let best = match spec.mode {
            FunnelMode::Ordered => best_attempt(acts, &ids, |start| ordered(acts, ts, &ids, start, window_ms)),
            FunnelMode::Strict => best_attempt(acts, &ids, |start| strict(acts, ts, &ids, start, window_ms)),
            FunnelMode::Unordered => unordered(acts, ts, &ids, window_ms),
        };
        for (j, t) in times.iter_mut().enumerate().take(best.len()) {
            t.push(best[j]);
        }
    }
    let first = times.first().map_or(0, |t| t.len() as u64);
    let mut prev = first;
    let steps = spec
        .steps
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let t = &mut times[j];
            let cases = t.len() as u64;
            let mean = if t.is_empty() { 0.0 } else { t.iter().sum::<i64>() as f64 / t.len() as f64 / 1000.0 };
            let step = FunnelStep {
                activity: name.clone(),
                known: ids[j].is_some(),
                cases,
                step_conversion: share(cases, prev),
                overall_conversion: share(cases, first),
                drop_off: prev - cases,
                time_to_convert_median_s: median_ms(t) / 1000.0,
                time_to_convert_mean_s: mean,
            };
            prev = cases;
            step
        })
        .collect();
    FunnelReport { mode: spec.mode, window_s: spec.window_s, steps }
}

/// Tries every occurrence of step 1 as a start and keeps the deepest result (earliest on
/// a tie). `attempt` returns the times to convert of the steps it reached.
fn best_attempt(acts: &[u32], ids: &[Option<u32>], mut attempt: impl FnMut(usize) -> Vec<i64>) -> Vec<i64> {
    let Some(Some(first)) = ids.first() else { return Vec::new() };
    let mut best: Vec<i64> = Vec::new();
    for (i, &a) in acts.iter().enumerate() {
        if a == *first {
            let got = attempt(i);
            if got.len() > best.len() {
                best = got;
            }
            if best.len() == ids.len() {
                break;
            }
        }
    }
    best
}

fn ordered(acts: &[u32], ts: &[i64], ids: &[Option<u32>], start: usize, window: i64) -> Vec<i64> {
    let t0 = ts[start];
    let mut out = vec![0];
    let mut i = start + 1;
    for id in &ids[1..] {
        let Some(id) = id else { break };
        match (i..acts.len()).find(|&p| acts[p] == *id) {
            Some(p) if ts[p] - t0 <= window => {
                out.push(ts[p] - t0);
                i = p + 1;
            }
            _ => break,
        }
    }
    out
}

fn strict(acts: &[u32], ts: &[i64], ids: &[Option<u32>], start: usize, window: i64) -> Vec<i64> {
    let t0 = ts[start];
    let mut out = vec![0];
    for (j, id) in ids.iter().enumerate().skip(1) {
        let p = start + j;
        match id {
            Some(id) if p < acts.len() && acts[p] == *id && ts[p] - t0 <= window => out.push(ts[p] - t0),
            _ => break,
        }
    }
    out
}

/// Anchored at the first event that is any step; each step's first occurrence within the
/// window counts; step k is reached when steps 1..=k all occurred.
fn unordered(acts: &[u32], ts: &[i64], ids: &[Option<u32>], window: i64) -> Vec<i64> {
    let Some(start) = acts.iter().position(|a| ids.contains(&Some(*a))) else { return Vec::new() };
    let t0 = ts[start];
    let mut out = Vec::new();
    let mut latest = 0;
    for id in ids {
        let Some(id) = id else { break };
        match (start..acts.len()).find(|&p| acts[p] == *id) {
            Some(p) if ts[p] - t0 <= window => {
                latest = latest.max(ts[p] - t0);
                out.push(latest);
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> EventLog {
        // 1: a b c (0, 10, 20 s)   2: a x b (0, 5, 100 s)   3: b a (0, 1 s)   4: c
        EventLog::from_events(&[
            ("1", "a", 0), ("1", "b", 10_000), ("1", "c", 20_000),
            ("2", "a", 0), ("2", "x", 5_000), ("2", "b", 100_000),
            ("3", "b", 0), ("3", "a", 1_000),
            ("4", "c", 0),
        ])
    }

    fn spec(mode: FunnelMode, window_s: Option<f64>) -> FunnelSpec {
        FunnelSpec { steps: vec!["a".into(), "b".into(), "c".into()], mode, window_s }
    }

    fn counts(r: &FunnelReport) -> Vec<u64> {
        r.steps.iter().map(|s| s.cases).collect()
    }

    #[test]
    fn modes_hand_checked() {
        let l = log();
        assert_eq!(counts(&funnel(&l, &spec(FunnelMode::Ordered, None))), vec![3, 2, 1]);
        assert_eq!(counts(&funnel(&l, &spec(FunnelMode::Strict, None))), vec![3, 1, 1]);
        assert_eq!(counts(&funnel(&l, &spec(FunnelMode::Unordered, None))), vec![3, 3, 1]);
        assert_eq!(counts(&funnel(&l, &spec(FunnelMode::Ordered, Some(60.0)))), vec![3, 1, 1]);
        let r = funnel(&l, &spec(FunnelMode::Ordered, None));
        assert_eq!(r.steps[1].drop_off, 1);
        assert_eq!(r.steps[1].time_to_convert_median_s, 55.0);
        assert!((r.steps[2].overall_conversion - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.steps[2].step_conversion, 0.5);
    }

    #[test]
    fn unknown_step_reaches_nobody() {
        let mut s = spec(FunnelMode::Ordered, None);
        s.steps[1] = "nope".into();
        let r = funnel(&log(), &s);
        assert_eq!(counts(&r), vec![3, 0, 0]);
        assert!(!r.steps[1].known);
    }
}
