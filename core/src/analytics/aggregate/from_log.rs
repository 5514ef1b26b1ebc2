//! Builds the aggregate of a raw event log, exactly as the SQL in `sql/` does in a
//! warehouse: `journey-analyze aggregate` uses it, and the tests compare both paths.

use serde::{Deserialize, Serialize};

use super::format::{
    ActivityAggregate, Aggregate, EdgeAggregate, Quantiles, QuantileMethod, Stats, TieOrder, Ties, VariantAggregate,
    VariantsAggregate, FORMAT, QUANTILE_LEVELS, VERSION,
};
use crate::analytics::dropoff::{case_outcomes, CaseOutcome, DEFAULT_TIMEOUT_S};
use crate::analytics::event_log::EventLog;
use crate::analytics::fast_hash::{new_map, FastMap};

/// What the query is asked for: the same three parameters the SQL takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AggregateOptions {
    /// Goal activities (by exact name); drop-off is measured against them.
    pub goal_activities: Vec<String>,
    pub timeout_s: f64,
    /// How many variants to keep.
    pub top_k: usize,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        AggregateOptions { goal_activities: Vec::new(), timeout_s: DEFAULT_TIMEOUT_S, top_k: 10 }
    }
}

impl Stats {
    /// Stats of durations in milliseconds (reordered in place), reported in seconds.
    /// Quantiles interpolate linearly between the two nearest ranks.
    pub fn of_ms(values: &mut [i64]) -> Stats {
        if values.is_empty() {
            return Stats::default();
        }
        values.sort_unstable();
        let n = values.len();
        let q = |p: f64| {
            let rank = p * (n - 1) as f64;
            let lo = rank.floor() as usize;
            let frac = rank - lo as f64;
            let hi = values[(lo + 1).min(n - 1)];
            Some((values[lo] as f64 + (hi - values[lo]) as f64 * frac) / 1000.0)
        };
        let [p25, p50, p75, p90, p95] = QUANTILE_LEVELS.map(q);
        Stats {
            count: n as u64,
            sum: values.iter().map(|&v| v as i128).sum::<i128>() as f64 / 1000.0,
            min: Some(values[0] as f64 / 1000.0),
            max: Some(values[n - 1] as f64 / 1000.0),
            p25,
            p50,
            p75,
            p90,
            p95,
        }
    }
}

pub fn aggregate(log: &EventLog, opts: &AggregateOptions) -> Aggregate {
    let n_act = log.activity_names.len();
    let is_goal: Vec<bool> = log.activity_names.iter().map(|a| opts.goal_activities.contains(a)).collect();
    let (first_ms, last_ms) = log.time_span_ms().unwrap_or((0, 0));
    // The one drop-off definition (`dropoff::case_outcomes`), so raw log and aggregate agree;
    // goal names the log does not contain are ignored, and with none left nobody has
    // dropped off (the page asks for a goal instead).
    let goal_ids: Vec<u32> = (0..n_act as u32).filter(|&a| is_goal[a as usize]).collect();
    let outcomes = case_outcomes(log, &goal_ids, opts.timeout_s);

    let mut events = vec![0u64; n_act];
    let mut cases = vec![0u64; n_act];
    let mut starts = vec![0u64; n_act];
    let mut ends = vec![0u64; n_act];
    let mut dropped = vec![0u64; n_act];
    let mut repeated = vec![0u64; n_act];
    let mut to_next: Vec<Vec<i64>> = vec![Vec::new(); n_act];
    let mut edge_index: FastMap<(u32, u32), usize> = new_map();
    let mut edges: Vec<(u32, u32, u64, u64, u32, Vec<i64>)> = Vec::new(); // from, to, count, cases, last case, waits
    let mut variants: FastMap<&[u32], u64> = new_map();
    let mut throughput = Vec::with_capacity(log.case_count());
    let (mut reaching_goal, mut with_rework, mut with_ties) = (0u64, 0u64, 0u64);
    let mut seen = vec![0u32; n_act]; // occurrences in the current case
    let mut touched: Vec<u32> = Vec::new();

    for c in 0..log.case_count() {
        let r = log.case_range(c);
        if r.is_empty() {
            continue;
        }
        let trace = log.trace(c);
        let (first, last) = (r.start, r.end - 1);
        starts[log.activity[first] as usize] += 1;
        ends[log.activity[last] as usize] += 1;
        throughput.push(log.time_ms[last] - log.time_ms[first]);
        *variants.entry(trace).or_insert(0) += 1;
        let reached = trace.iter().any(|&a| is_goal[a as usize]);
        reaching_goal += reached as u64;
        if let CaseOutcome::DroppedAt(a) = outcomes[c] {
            dropped[a as usize] += 1;
        }
        for i in r.clone() {
            let a = log.activity[i];
            events[a as usize] += 1;
            if seen[a as usize] == 0 {
                touched.push(a);
            }
            seen[a as usize] += 1;
            if i < last {
                let (b, wait) = (log.activity[i + 1], log.time_ms[i + 1] - log.time_ms[i]);
                to_next[a as usize].push(wait);
                let e = *edge_index.entry((a, b)).or_insert_with(|| {
                    edges.push((a, b, 0, 0, u32::MAX, Vec::new()));
                    edges.len() - 1
                });
                let edge = &mut edges[e];
                edge.2 += 1;
                if edge.4 != c as u32 {
                    edge.4 = c as u32;
                    edge.3 += 1;
                }
                edge.5.push(wait);
            }
        }
        // Two different activities at one timestamp: only there does the tie order (here the
        // file row) change anything. Whatever the order, such a group has an adjacent pair.
        let tie = r.clone().skip(1).any(|i| log.time_ms[i] == log.time_ms[i - 1] && log.activity[i] != log.activity[i - 1]);
        with_ties += tie as u64;
        let mut any_repeat = false;
        for a in touched.drain(..) {
            cases[a as usize] += 1;
            if seen[a as usize] > 1 {
                repeated[a as usize] += 1;
                any_repeat = true;
            }
            seen[a as usize] = 0;
        }
        with_rework += any_repeat as u64;
    }

    let name = |a: u32| log.activity_names[a as usize].clone();
    let mut activities: Vec<ActivityAggregate> = (0..n_act)
        .map(|a| ActivityAggregate {
            activity: name(a as u32),
            events: events[a],
            cases: cases[a],
            start_cases: starts[a],
            end_cases: ends[a],
            dropped_cases: dropped[a],
            cases_with_repeat: repeated[a],
            time_to_next_s: Stats::of_ms(&mut to_next[a]),
        })
        .filter(|a| a.events > 0)
        .collect();
    activities.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let mut edges: Vec<EdgeAggregate> = edges
        .into_iter()
        .map(|(a, b, count, cases, _, mut waits)| EdgeAggregate {
            from: name(a),
            to: name(b),
            count,
            cases,
            waiting_s: Stats::of_ms(&mut waits),
        })
        .collect();
    edges.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| (&x.from, &x.to).cmp(&(&y.from, &y.to))));
    let mut all: Vec<(Vec<String>, u64)> =
        variants.into_iter().map(|(t, n)| (t.iter().map(|&a| name(a)).collect(), n)).collect();
    let distinct = all.len() as u64;
    all.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    all.truncate(opts.top_k);
    let top: Vec<VariantAggregate> = all.into_iter().map(|(activities, cases)| VariantAggregate { activities, cases }).collect();
    Aggregate {
        format: FORMAT.into(),
        version: VERSION,
        producer: format!("journey-analyze {}", env!("CARGO_PKG_VERSION")),
        goal_activities: opts.goal_activities.clone(),
        timeout_s: opts.timeout_s,
        top_k: opts.top_k as u64,
        quantiles: Quantiles { method: QuantileMethod::Exact, rank_error: 0.0 },
        cases: log.case_count() as u64,
        events: log.event_count() as u64,
        first_event_ms: first_ms,
        last_event_ms: last_ms,
        cases_reaching_goal: reaching_goal,
        cases_with_rework: with_rework,
        ties: Some(Ties { order: TieOrder::FileRow, cases_with_ties: with_ties }),
        throughput_s: Stats::of_ms(&mut throughput),
        activities,
        edges,
        variants: VariantsAggregate { distinct, top_cases: top.iter().map(|v| v.cases).sum(), top },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn hand_checked_aggregate() {
        // Log ends on day 30. Case 1 reaches "paid" (goal) on day 30. Case 2 stops at
        // "cart" on day 2: dropped there. Case 3 stops at "cart" on day 28: within τ (7 days),
        // in progress. Case 4 reaches "paid", then reviews and leaves on day 3: it reached
        // the goal, so it never counts as dropped although its last event is old.
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "cart", DAY), ("1", "paid", 30 * DAY),
            ("2", "visit", 0), ("2", "cart", 2 * DAY),
            ("3", "visit", 27 * DAY), ("3", "cart", 28 * DAY),
            ("4", "visit", 0), ("4", "visit", 1000), ("4", "paid", 2 * DAY), ("4", "review", 3 * DAY),
        ]);
        let opts = AggregateOptions { goal_activities: vec!["paid".into()], timeout_s: 7.0 * 86_400.0, top_k: 2 };
        let a = aggregate(&log, &opts);
        assert_eq!((a.cases, a.events, a.cases_reaching_goal, a.cases_with_rework), (4, 11, 2, 1));
        assert_eq!(a.first_event_ms, 0);
        assert_eq!(a.last_event_ms, 30 * DAY);
        let cart = a.activity("cart").unwrap();
        assert_eq!((cart.events, cart.cases, cart.end_cases, cart.dropped_cases), (3, 3, 2, 1));
        let visit = a.activity("visit").unwrap();
        assert_eq!((visit.events, visit.cases, visit.start_cases, visit.cases_with_repeat), (5, 4, 4, 1));
        assert_eq!(a.activity("review").unwrap().dropped_cases, 0);
        assert_eq!(a.dropped_cases(), 1);
        // visit → cart: days 1, 2, 1 → p50 1 day; count 3 in 3 cases.
        let e = a.edges.iter().find(|e| e.from == "visit" && e.to == "cart").unwrap();
        assert_eq!((e.count, e.cases, e.waiting_s.count), (3, 3, 3));
        assert_eq!(e.waiting_s.p50, Some(86_400.0));
        assert_eq!(e.waiting_s.sum, 4.0 * 86_400.0);
        assert_eq!(a.edges.iter().map(|e| e.count).sum::<u64>(), a.events - a.cases);
        // Throughput: 30, 2, 1, 3 days → sorted 1, 2, 3, 30; p50 = 2.5 days, p90 at rank 2.7.
        assert_eq!(a.throughput_s.p50, Some(2.5 * 86_400.0));
        assert!((a.throughput_s.p90.unwrap() - (3.0 + 0.7 * 27.0) * 86_400.0).abs() < 1e-6);
        // Variants: visit → cart twice, two others once; the tie at 1 case is broken by
        // comparing the lists: [visit, cart, paid] < [visit, visit, …].
        assert_eq!(a.variants.distinct, 3);
        assert_eq!(a.variants.top.len(), 2);
        assert_eq!((a.variants.top[0].activities.clone(), a.variants.top[0].cases), (vec!["visit".to_string(), "cart".into()], 2));
        assert_eq!(a.variants.top[1].activities, vec!["visit", "cart", "paid"]);
        assert_eq!(a.variants.top_cases, 3);
        // The activity that always ends its case has no time to next.
        assert_eq!(a.activity("review").unwrap().time_to_next_s, Stats::default());
        // Without a goal the log knows, nobody counts as dropped.
        for goal in [vec![], vec!["refund".to_string()]] {
            let a = aggregate(&log, &AggregateOptions { goal_activities: goal, ..opts.clone() });
            assert_eq!((a.dropped_cases(), a.cases_reaching_goal), (0, 0));
        }
        assert_eq!(a.ties.unwrap().cases_with_ties, 0);
    }

    #[test]
    fn cases_with_ties_count_only_different_activities_at_one_time() {
        // Case 1: b and a share t = 5 (a tie that the order decides). Case 2: two "a" at
        // one time (the order changes nothing). Case 3: c, then a and b at t = 9 after a
        // third activity (a group of three with two names). Case 4: no equal times.
        let log = EventLog::from_events(&[
            ("1", "b", 5), ("1", "a", 5),
            ("2", "a", 1), ("2", "a", 1),
            ("3", "c", 1), ("3", "a", 9), ("3", "a", 9), ("3", "b", 9),
            ("4", "a", 1), ("4", "b", 2),
        ]);
        let a = aggregate(&log, &AggregateOptions::default());
        assert_eq!(a.ties, Some(Ties { order: TieOrder::FileRow, cases_with_ties: 2 }));
        // The file row decided: case 1 starts with b.
        assert_eq!(a.activity("b").unwrap().start_cases, 1);
    }
}
