//! Step 3 of the draft: the journey's shape over the kept activities. Every case is
//! projected onto the kept activities (the others are skipped, as process-mining tools
//! filter events), and from the projected cases come
//!
//! * the directly-follows steps between kept activities (occurrences and cases);
//! * each activity's **position**: the median over cases of `i / (len − 1)` for its first
//!   event (index `i` in a projected case of `len ≥ 2` events) — taken over the cases that
//!   reach the goal when there are any (cases that leave early would pull every activity
//!   towards the end), else over all cases;
//! * the **main route**: the most frequent loop-free path of the cases that reach the goal
//!   (all cases when none do). A case's path is its projected activities with every loop
//!   cut out (when an activity comes again, the path goes back to its first visit), so a
//!   retried payment or a second look at the search does not make a path of its own.
//!
//! From an aggregate the same comes from its top variants (weighted by their cases) and
//! its directly-follows rows between kept activities.

use crate::analytics::aggregate::Aggregate;
use crate::analytics::event_log::EventLog;
use crate::analytics::fast_hash::{new_map, FastMap};

use super::observe::Observed;
use super::select::Kept;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct StepObs {
    pub from: usize,
    pub to: usize,
    pub count: u64,
    pub cases: u64,
}

pub(crate) struct Shape {
    /// Per kept index: median relative position, 0..=1.
    pub position: Vec<f64>,
    /// Steps between two different kept activities (kept indices).
    pub steps: Vec<StepObs>,
    /// Per kept index: times it directly follows itself.
    pub repeats: Vec<u64>,
    /// The main route (kept indices) and the cases whose path it is.
    pub main_route: Vec<usize>,
    pub main_route_cases: u64,
    /// Whether the main route comes from cases that reached the goal.
    pub main_route_reaches_goal: bool,
}

/// Cuts loops out of a path while it grows: `at[x]` is x's index in `path` + 1 (0: not on
/// it).
struct LoopFree {
    path: Vec<u8>,
    at: Vec<u8>,
}

impl LoopFree {
    fn new(n: usize) -> LoopFree {
        LoopFree { path: Vec::new(), at: vec![0; n] }
    }
    #[inline]
    fn push(&mut self, x: usize) {
        let p = self.at[x] as usize;
        if p > 0 {
            for &y in &self.path[p..] {
                self.at[y as usize] = 0;
            }
            self.path.truncate(p);
        } else {
            self.path.push(x as u8);
            self.at[x] = self.path.len() as u8;
        }
    }
    fn clear(&mut self) {
        for &y in &self.path {
            self.at[y as usize] = 0;
        }
        self.path.clear();
    }
}

/// The most frequent path; ties by the shorter, then the smaller sequence of kept indices
/// (rank order), so the answer never depends on hash order.
fn most_frequent(paths: FastMap<Vec<u8>, u64>) -> (Vec<usize>, u64) {
    paths
        .into_iter()
        .max_by(|(p, n), (q, m)| n.cmp(m).then_with(|| q.len().cmp(&p.len())).then_with(|| q.cmp(p)))
        .map(|(p, n)| (p.into_iter().map(usize::from).collect(), n))
        .unwrap_or_default()
}

/// Median of weighted values (the lower middle on an exact half, like counting each value
/// `weight` times and taking the mean of the two middle ones when they differ).
pub(crate) fn weighted_median(values: &mut [(f64, u64)]) -> Option<f64> {
    let total: u64 = values.iter().map(|v| v.1).sum();
    if total == 0 {
        return None;
    }
    values.sort_by(|x, y| x.0.total_cmp(&y.0));
    // Ranks are 0-based; the median is the mean of ranks ⌊(t−1)/2⌋ and ⌈(t−1)/2⌉.
    let (lo_rank, hi_rank) = ((total - 1) / 2, total / 2);
    let (mut lo, mut hi, mut seen) = (None, None, 0u64);
    for &(v, w) in values.iter() {
        if w == 0 {
            continue;
        }
        let end = seen + w; // ranks seen..end
        if lo.is_none() && lo_rank < end {
            lo = Some(v);
        }
        if hi_rank < end {
            hi = Some(v);
            break;
        }
        seen = end;
    }
    Some((lo? + hi?) / 2.0)
}

pub(crate) fn from_log(log: &EventLog, obs: &Observed, kept: &Kept) -> Shape {
    let k = kept.ids.len();
    let mut step = vec![(0u64, 0u64, u32::MAX); k * k];
    let mut repeats = vec![0u64; k];
    let use_completed = obs.cases_reaching_goal > 0;
    // Positions as counts per (activity, position in 1/4096 steps): exact enough for a
    // median, constant memory whatever the log's size.
    const BINS: usize = 4097;
    let mut pos_goal = vec![0u32; k * BINS];
    let mut pos_all = vec![0u32; k * BINS];
    let mut paths: FastMap<Vec<u8>, u64> = new_map();
    let mut trace: Vec<u8> = Vec::new();
    let mut first_at = vec![u32::MAX; k];
    let mut lf = LoopFree::new(k);
    for c in 0..log.case_count() {
        trace.clear();
        for &a in log.trace(c) {
            if let Some(x) = kept.index_of[a as usize] {
                trace.push(x as u8);
            }
        }
        if trace.is_empty() {
            continue;
        }
        for w in trace.windows(2) {
            let (x, y) = (w[0] as usize, w[1] as usize);
            if x == y {
                repeats[x] += 1;
                continue;
            }
            let e = &mut step[x * k + y];
            e.0 += 1;
            if e.2 != c as u32 {
                e.2 = c as u32;
                e.1 += 1;
            }
        }
        let completed = obs.completed.get(c).copied().unwrap_or(false);
        if trace.len() >= 2 {
            let last = (trace.len() - 1) as f64;
            for (i, &x) in trace.iter().enumerate() {
                if first_at[x as usize] == u32::MAX {
                    first_at[x as usize] = i as u32;
                    let bin = ((i as f64 / last) * (BINS - 1) as f64).round() as usize;
                    pos_all[x as usize * BINS + bin] += 1;
                    if completed {
                        pos_goal[x as usize * BINS + bin] += 1;
                    }
                }
            }
            for &x in &trace {
                first_at[x as usize] = u32::MAX;
            }
        }
        if completed || !use_completed {
            lf.clear();
            for &x in &trace {
                lf.push(x as usize);
            }
            match paths.get_mut(lf.path.as_slice()) {
                Some(n) => *n += 1,
                None => {
                    paths.insert(lf.path.clone(), 1);
                }
            }
        }
    }
    let position = (0..k)
        .map(|x| {
            let median_of = |bins: &[u32]| {
                let mut v: Vec<(f64, u64)> =
                    bins.iter().enumerate().filter(|(_, &n)| n > 0).map(|(b, &n)| (b as f64 / (BINS - 1) as f64, n as u64)).collect();
                weighted_median(&mut v)
            };
            median_of(&pos_goal[x * BINS..(x + 1) * BINS]).or_else(|| median_of(&pos_all[x * BINS..(x + 1) * BINS])).unwrap_or(0.0)
        })
        .collect();
    let mut steps = Vec::new();
    for x in 0..k {
        for y in 0..k {
            let (count, cases, _) = step[x * k + y];
            if count > 0 {
                steps.push(StepObs { from: x, to: y, count, cases });
            }
        }
    }
    let (main_route, main_route_cases) = most_frequent(paths);
    Shape { position, steps, repeats, main_route, main_route_cases, main_route_reaches_goal: use_completed }
}

pub(crate) fn from_aggregate(a: &Aggregate, obs: &Observed, kept: &Kept) -> Shape {
    let k = kept.ids.len();
    let kept_of = |name: &str| obs.names.iter().position(|n| n == name).and_then(|i| kept.index_of[i]);
    let goal_names: Vec<&str> = obs.goals.iter().map(|&g| obs.names[g as usize].as_str()).collect();
    let reaches = |v: &[String]| v.iter().any(|x| goal_names.contains(&x.as_str()));
    let use_completed = !goal_names.is_empty() && a.variants.top.iter().any(|v| reaches(&v.activities));
    let mut pos: Vec<Vec<(f64, u64)>> = vec![Vec::new(); k];
    let mut pos_all: Vec<Vec<(f64, u64)>> = vec![Vec::new(); k];
    let mut paths: FastMap<Vec<u8>, u64> = new_map();
    let mut lf = LoopFree::new(k);
    for v in &a.variants.top {
        let trace: Vec<usize> = v.activities.iter().filter_map(|x| kept_of(x)).collect();
        let completed = use_completed && reaches(&v.activities);
        if trace.len() >= 2 {
            let last = (trace.len() - 1) as f64;
            let mut seen = vec![false; k];
            for (i, &x) in trace.iter().enumerate() {
                if !seen[x] {
                    seen[x] = true;
                    pos_all[x].push((i as f64 / last, v.cases));
                    if completed {
                        pos[x].push((i as f64 / last, v.cases));
                    }
                }
            }
        }
        if (completed || !use_completed) && !trace.is_empty() {
            lf.clear();
            for &x in &trace {
                lf.push(x);
            }
            *paths.entry(lf.path.clone()).or_insert(0) += v.cases;
        }
    }
    let mut position: Vec<Option<f64>> =
        (0..k).map(|x| weighted_median(&mut pos[x]).or_else(|| weighted_median(&mut pos_all[x]))).collect();
    let mut steps = Vec::new();
    let mut repeats = vec![0u64; k];
    for e in &a.edges {
        let (Some(x), Some(y)) = (kept_of(&e.from), kept_of(&e.to)) else { continue };
        if x == y {
            repeats[x] += e.count;
        } else {
            steps.push(StepObs { from: x, to: y, count: e.count, cases: e.cases });
        }
    }
    // Activities in no top variant: just after their strongest predecessor with a position
    // (else just before their strongest successor), else in the middle.
    for _ in 0..k {
        let mut changed = false;
        for x in 0..k {
            if position[x].is_some() {
                continue;
            }
            let best = |into: bool| {
                steps
                    .iter()
                    .filter(|s| if into { s.to == x } else { s.from == x })
                    .filter_map(|s| position[if into { s.from } else { s.to }].map(|p| (s.cases, p)))
                    .max_by(|p, q| p.0.cmp(&q.0).then(q.1.total_cmp(&p.1)))
                    .map(|p| p.1)
            };
            if let Some(p) = best(true).map(|p| (p + 0.001).min(1.0)).or_else(|| best(false).map(|p| (p - 0.001).max(0.0))) {
                position[x] = Some(p);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let (main_route, main_route_cases) = most_frequent(paths);
    Shape {
        position: position.into_iter().map(|p| p.unwrap_or(0.5)).collect(),
        steps,
        repeats,
        main_route,
        main_route_cases,
        main_route_reaches_goal: use_completed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_are_cut_out_of_a_path() {
        let mut lf = LoopFree::new(5);
        for x in [0, 1, 2, 1, 2, 3, 3, 4] {
            lf.push(x);
        }
        assert_eq!(lf.path, vec![0, 1, 2, 3, 4]);
        lf.clear();
        for x in [0, 1, 0, 2] {
            lf.push(x);
        }
        assert_eq!(lf.path, vec![0, 2]);
    }

    #[test]
    fn weighted_median_counts_each_value_weight_times() {
        assert_eq!(weighted_median(&mut [(0.2, 1), (0.8, 1)]), Some(0.5));
        assert_eq!(weighted_median(&mut [(0.9, 1), (0.1, 3)]), Some(0.1));
        assert_eq!(weighted_median(&mut [(0.25, 2), (0.75, 2)]), Some(0.5));
        assert_eq!(weighted_median(&mut []), None);
    }
}
