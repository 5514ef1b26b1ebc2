//! Whether an aggregate adds up: a file from a hand-edited or half-finished query must be
//! refused with the place that is wrong, not turned into wrong numbers in a map. The
//! checks are identities that every correct aggregate satisfies (for example, the
//! directly-follows counts add up to events − cases), so they hold for every engine.

use std::collections::HashSet;

use super::format::{Aggregate, Stats};
use super::locate::Seg;

type Problem = (Vec<Seg>, String);

/// Slack for comparing quantiles computed in floating point.
const EPS: f64 = 1e-6;

pub fn validate(a: &Aggregate) -> Result<(), Problem> {
    use Seg::{Index as I, Key as K};
    let err = |path: Vec<Seg>, detail: String| Err((path, detail));
    if !(a.timeout_s.is_finite() && a.timeout_s >= 0.0) {
        return err(vec![K("timeout_s")], format!("must be a duration in seconds ≥ 0, found {}", a.timeout_s));
    }
    if !(0.0..1.0).contains(&a.quantiles.rank_error) {
        return err(vec![K("quantiles"), K("rank_error")], format!("must be at least 0 and below 1, found {}", a.quantiles.rank_error));
    }
    if a.first_event_ms > a.last_event_ms {
        return err(vec![K("first_event_ms")], "the first event is later than the last event".into());
    }
    if a.events < a.cases {
        return err(vec![K("events")], format!("{} events cannot make {} cases", a.events, a.cases));
    }
    for (field, n) in [("cases_reaching_goal", a.cases_reaching_goal), ("cases_with_rework", a.cases_with_rework)] {
        if n > a.cases {
            return err(vec![K(field)], format!("{n} is more than the {} cases", a.cases));
        }
    }
    if let Some(t) = a.ties.filter(|t| t.cases_with_ties > a.cases) {
        return err(vec![K("ties"), K("cases_with_ties")], format!("{} is more than the {} cases", t.cases_with_ties, a.cases));
    }
    stats(&a.throughput_s, a.cases, || vec![K("throughput_s")])?;
    let mut names = HashSet::new();
    let (mut events, mut starts, mut ends, mut dropped) = (0u64, 0u64, 0u64, 0u64);
    for (i, act) in a.activities.iter().enumerate() {
        let at = |f: &'static str| vec![K("activities"), I(i), K(f)];
        if act.activity.is_empty() {
            return err(at("activity"), "an activity name is empty".into());
        }
        if !names.insert(act.activity.as_str()) {
            return err(at("activity"), format!("“{}” is listed twice", act.activity));
        }
        if act.cases > a.cases || act.cases > act.events {
            return err(at("cases"), format!("{} cases, but {} events of it and {} cases in all", act.cases, act.events, a.cases));
        }
        for (f, n) in [("start_cases", act.start_cases), ("end_cases", act.end_cases), ("cases_with_repeat", act.cases_with_repeat)] {
            if n > act.cases {
                return err(at(f), format!("{n} is more than the {} cases containing “{}”", act.cases, act.activity));
            }
        }
        if act.dropped_cases > act.end_cases {
            return err(at("dropped_cases"), format!("{} cases left at “{}”, but only {} end there", act.dropped_cases, act.activity, act.end_cases));
        }
        if act.time_to_next_s.count > act.events {
            return err(at("time_to_next_s"), format!("{} waiting times for {} events", act.time_to_next_s.count, act.events));
        }
        stats(&act.time_to_next_s, act.time_to_next_s.count, || at("time_to_next_s"))?;
        events += act.events;
        starts += act.start_cases;
        ends += act.end_cases;
        dropped += act.dropped_cases;
    }
    for (field, sum, what) in [("events", events, "events"), ("cases", starts, "start_cases"), ("cases", ends, "end_cases")] {
        let whole = if field == "events" { a.events } else { a.cases };
        if sum != whole {
            return err(vec![K(field)], format!("is {whole}, but the activities' {what} add up to {sum}"));
        }
    }
    if dropped + a.cases_reaching_goal > a.cases {
        return err(vec![K("cases_reaching_goal")], format!("{} cases reached a goal and {dropped} dropped off, more than the {} cases", a.cases_reaching_goal, a.cases));
    }
    let mut pairs = HashSet::new();
    let mut transitions = 0u64;
    for (i, e) in a.edges.iter().enumerate() {
        let at = |f: &'static str| vec![K("edges"), I(i), K(f)];
        for (f, name) in [("from", &e.from), ("to", &e.to)] {
            if !names.contains(name.as_str()) {
                return err(at(f), format!("“{name}” is not among the activities"));
            }
        }
        if !pairs.insert((e.from.as_str(), e.to.as_str())) {
            return err(at("from"), format!("the pair “{}” → “{}” is listed twice", e.from, e.to));
        }
        if e.cases > e.count || e.cases > a.cases {
            return err(at("cases"), format!("{} cases for {} occurrences", e.cases, e.count));
        }
        stats(&e.waiting_s, e.count, || at("waiting_s"))?;
        transitions += e.count;
    }
    if transitions != a.events - a.cases {
        return err(vec![K("edges")], format!(
            "the directly-follows counts add up to {transitions}, but events − cases = {} − {} = {}",
            a.events, a.cases, a.events - a.cases
        ));
    }
    let v = &a.variants;
    let mut top_cases = 0u64;
    for (i, variant) in v.top.iter().enumerate() {
        let at = |f: &'static str| vec![K("variants"), K("top"), I(i), K(f)];
        if variant.activities.is_empty() {
            return err(at("activities"), "a variant without activities".into());
        }
        if let Some(unknown) = variant.activities.iter().find(|n| !names.contains(n.as_str())) {
            return err(at("activities"), format!("“{unknown}” is not among the activities"));
        }
        top_cases += variant.cases;
    }
    if top_cases != v.top_cases || top_cases > a.cases {
        return err(vec![K("variants"), K("top_cases")], format!("is {}, the listed variants hold {top_cases} of {} cases", v.top_cases, a.cases));
    }
    if (v.top.len() as u64) > v.distinct || v.distinct > a.cases {
        return err(vec![K("variants"), K("distinct")], format!("{} distinct variants, {} listed, {} cases", v.distinct, v.top.len(), a.cases));
    }
    Ok(())
}

/// A [`Stats`] block: `count` as expected, values present exactly when there are some,
/// non-negative, and min ≤ p25 ≤ … ≤ p95 ≤ max.
fn stats(s: &Stats, expected_count: u64, at: impl Fn() -> Vec<Seg>) -> Result<(), Problem> {
    let with = |f: &'static str| {
        let mut p = at();
        p.push(Seg::Key(f));
        p
    };
    if s.count != expected_count {
        return Err((with("count"), format!("expected {expected_count}, found {}", s.count)));
    }
    let values = [s.min, s.p25, s.p50, s.p75, s.p90, s.p95, s.max];
    const FIELDS: [&str; 7] = ["min", "p25", "p50", "p75", "p90", "p95", "max"];
    if s.count == 0 {
        if let Some(i) = values.iter().position(Option::is_some) {
            return Err((with(FIELDS[i]), "must be null when count is 0".into()));
        }
        return Ok(());
    }
    let mut prev = f64::NEG_INFINITY;
    for (i, v) in values.iter().enumerate() {
        let Some(v) = *v else {
            return Err((with(FIELDS[i]), "missing (null) although count is above 0".into()));
        };
        if v < -EPS {
            return Err((with(FIELDS[i]), format!("a duration cannot be negative ({v})")));
        }
        if v < prev - EPS * prev.abs().max(1.0) {
            return Err((with(FIELDS[i]), format!("{v} is below the previous value {prev}: min ≤ p25 ≤ … ≤ p95 ≤ max")));
        }
        prev = v;
    }
    if s.sum < -EPS {
        return Err((with("sum"), format!("a sum of durations cannot be negative ({})", s.sum)));
    }
    Ok(())
}
