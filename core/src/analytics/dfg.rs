//! The directly-follows graph: for every pair (a → b) of activities that follow each
//! other directly within a case, how often, in how many cases, and the waiting time
//! between the two events. Also start and end activities and, per activity, the time until
//! the next event of the case (used as a touchpoint's throughput time).

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::stats::Summary;

/// Up to this many activities the edge index is a dense matrix (4 MB at most).
const DENSE_LIMIT: usize = 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DfgEdge {
    pub from: String,
    pub to: String,
    /// Occurrences of `from` directly followed by `to`.
    pub count: u64,
    /// Cases with at least one such occurrence.
    pub cases: u64,
    /// Waiting time from the `from` event to the `to` event, in seconds.
    pub waiting_s: Summary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedCount {
    pub activity: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityTiming {
    pub activity: String,
    /// Time from this activity's event to the next event of the same case (events that
    /// end their case are not counted), in seconds.
    pub time_to_next_s: Summary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DfgReport {
    /// Most frequent first; ties by names.
    pub edges: Vec<DfgEdge>,
    /// Per activity, how many cases start with it; most frequent first.
    pub start_activities: Vec<NamedCount>,
    pub end_activities: Vec<NamedCount>,
    pub activity_timing: Vec<ActivityTiming>,
}

struct EdgeAcc {
    from: u32,
    to: u32,
    count: u64,
    cases: u64,
    last_case: u32,
}

enum EdgeIndex {
    Dense(Vec<u32>, usize),
    Sparse(FastMap<u64, u32>),
}

impl EdgeIndex {
    fn new(n: usize) -> EdgeIndex {
        if n <= DENSE_LIMIT {
            EdgeIndex::Dense(vec![u32::MAX; n * n], n)
        } else {
            EdgeIndex::Sparse(new_map())
        }
    }
    #[inline]
    fn get_or_insert(&mut self, a: u32, b: u32, next: u32) -> u32 {
        match self {
            EdgeIndex::Dense(v, n) => {
                let slot = &mut v[a as usize * *n + b as usize];
                if *slot == u32::MAX {
                    *slot = next;
                }
                *slot
            }
            EdgeIndex::Sparse(m) => *m.entry(((a as u64) << 32) | b as u64).or_insert(next),
        }
    }
}

pub fn directly_follows(log: &EventLog) -> DfgReport {
    let n_act = log.activity_names.len();
    let mut index = EdgeIndex::new(n_act);
    let mut acc: Vec<EdgeAcc> = Vec::new();
    let mut starts = vec![0u64; n_act];
    let mut ends = vec![0u64; n_act];
    // First pass: the edge of every transition, in log order. The waits then go into one
    // buffer, grouped by the edge's source activity and then by edge, so an activity's
    // time to next is the run of its edges' waits: no per-edge and per-activity vectors
    // grown push by push, and no second copy of every wait.
    let mut edge_of: Vec<u32> = Vec::with_capacity(log.event_count());
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        if r.is_empty() {
            continue;
        }
        starts[log.activity[r.start] as usize] += 1;
        ends[log.activity[r.end - 1] as usize] += 1;
        for i in r.start + 1..r.end {
            let (a, b) = (log.activity[i - 1], log.activity[i]);
            let e = index.get_or_insert(a, b, acc.len() as u32) as usize;
            if e == acc.len() {
                acc.push(EdgeAcc { from: a, to: b, count: 0, cases: 0, last_case: u32::MAX });
            }
            let edge = &mut acc[e];
            edge.count += 1;
            if edge.last_case != c as u32 {
                edge.last_case = c as u32;
                edge.cases += 1;
            }
            edge_of.push(e as u32);
        }
    }
    let mut by_from: Vec<usize> = (0..acc.len()).collect();
    by_from.sort_by_key(|&e| acc[e].from);
    let mut offset = vec![0usize; acc.len()];
    let mut from_range = vec![(0usize, 0usize); n_act];
    let mut end = 0;
    for &e in &by_from {
        offset[e] = end;
        end += acc[e].count as usize;
        let r = &mut from_range[acc[e].from as usize];
        if r.1 == 0 {
            r.0 = offset[e];
        }
        r.1 = end;
    }
    let mut waits = vec![0i64; end];
    let mut next = offset.clone();
    let mut k = 0;
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        for i in r.start + 1.min(r.len())..r.end {
            let slot = &mut next[edge_of[k] as usize];
            waits[*slot] = log.time_ms[i] - log.time_ms[i - 1];
            *slot += 1;
            k += 1;
        }
    }
    let name = |a: u32| log.activity_names[a as usize].clone();
    // Each summary depends on its values only, not their order: the edges' selections
    // reorder within an edge, which leaves every activity's run the same values.
    let mut edges: Vec<DfgEdge> = acc
        .iter()
        .enumerate()
        .map(|(e, x)| {
            let w = &mut waits[offset[e]..offset[e] + x.count as usize];
            DfgEdge { from: name(x.from), to: name(x.to), count: x.count, cases: x.cases, waiting_s: Summary::of_ms(w) }
        })
        .collect();
    edges.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| (&x.from, &x.to).cmp(&(&y.from, &y.to))));
    let counts = |v: &[u64]| {
        let mut out: Vec<NamedCount> = v
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(a, &n)| NamedCount { activity: name(a as u32), count: n })
            .collect();
        out.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.activity.cmp(&y.activity)));
        out
    };
    let activity_timing = from_range
        .iter()
        .enumerate()
        .map(|(a, &(lo, hi))| ActivityTiming { activity: name(a as u32), time_to_next_s: Summary::of_ms(&mut waits[lo..hi]) })
        .collect();
    DfgReport { edges, start_activities: counts(&starts), end_activities: counts(&ends), activity_timing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_edges() {
        // Case 1: a(0s) b(10s) a(40s); case 2: a(0s) b(20s).
        let log = EventLog::from_events(&[("1", "a", 0), ("1", "b", 10_000), ("1", "a", 40_000), ("2", "a", 0), ("2", "b", 20_000)]);
        let d = directly_follows(&log);
        assert_eq!(d.edges.len(), 2);
        let ab = &d.edges[0];
        assert_eq!((ab.from.as_str(), ab.to.as_str(), ab.count, ab.cases), ("a", "b", 2, 2));
        assert_eq!((ab.waiting_s.median, ab.waiting_s.mean), (15.0, 15.0));
        assert_eq!(d.edges[1].waiting_s.median, 30.0);
        assert_eq!(d.start_activities[0].count, 2);
        assert_eq!(d.end_activities.len(), 2);
        let a_timing = d.activity_timing.iter().find(|t| t.activity == "a").unwrap();
        assert_eq!(a_timing.time_to_next_s.count, 2);
    }
}
