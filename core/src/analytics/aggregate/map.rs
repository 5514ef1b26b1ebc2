//! The aggregate against a journey map: deviation from the planned routes and "apply to
//! map", with the same rules as the raw-log path (`analytics::deviation`,
//! `analytics::apply`). Activities are matched to touchpoints by the same
//! [`ActivityMapping`].
//!
//! An aggregate counts cases per activity, not per touchpoint. Where one activity stands
//! for a touchpoint (the usual case) every value is exact. Where several activities stand
//! for one touchpoint, the cases visiting it are a union the aggregate cannot give: that
//! touchpoint keeps its values and is listed in [`AppliedAggregate::not_derivable`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::format::Aggregate;
use crate::analytics::deviation::{DeviatingRoute, DeviationReport, MappedActivity, ReworkStats, UnmappedActivity};
use crate::analytics::fast_hash::{new_map, FastMap};
use crate::analytics::mapping::ActivityMapping;
use crate::analytics::volumes::share;
use crate::analytics::ApplyOptions;
use crate::model::{EvidenceKind, JourneyMap, RouteKind};

/// How many deviating routes the report lists (as for raw logs).
const TOP_ROUTES: usize = 10;

/// Which touchpoint each activity of the aggregate stands for (index into `map.touchpoints`).
fn mapping(a: &Aggregate, map: &JourneyMap) -> Vec<Option<usize>> {
    // The matching rule reads only the activity names of a log.
    let names: Vec<String> = a.activities.iter().map(|x| x.activity.clone()).collect();
    let m = ActivityMapping::for_names(&names, map);
    (0..a.activities.len()).map(|i| m.of(i as u32)).collect()
}

/// Deviation from the map, from the directly-follows counts. `cases_with_deviation` and
/// `case_deviation_share` are per-case figures the aggregate does not determine: they are
/// 0 here and the page shows "needs raw events" instead.
pub fn deviation(a: &Aggregate, map: &JourneyMap) -> DeviationReport {
    let tp_of = mapping(a, map);
    let index: FastMap<&str, usize> = a.activities.iter().enumerate().map(|(i, x)| (x.activity.as_str(), i)).collect();
    let tp_index: FastMap<&str, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let routes: HashSet<(usize, usize)> = map
        .routes
        .iter()
        .filter_map(|r| Some((*tp_index.get(r.from.as_str())?, *tp_index.get(r.to.as_str())?)))
        .collect();
    let tp_id = |i: usize| tp_of[i].map(|t| map.touchpoints[t].id.clone()).unwrap_or_default();
    let (mut checked, mut off_route) = (0u64, 0u64);
    let mut top = Vec::new();
    let mut self_loops = vec![0u64; a.activities.len()];
    for e in &a.edges {
        let (Some(&i), Some(&j)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else { continue };
        if i == j {
            self_loops[i] = e.count;
        }
        let (Some(ta), Some(tb)) = (tp_of[i], tp_of[j]) else { continue };
        if ta == tb {
            continue;
        }
        checked += e.count;
        if !routes.contains(&(ta, tb)) {
            off_route += e.count;
            top.push(DeviatingRoute {
                from_activity: e.from.clone(),
                to_activity: e.to.clone(),
                from_touchpoint_id: tp_id(i),
                to_touchpoint_id: tp_id(j),
                count: e.count,
                cases: e.cases,
            });
        }
    }
    top.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| (&x.from_activity, &x.to_activity).cmp(&(&y.from_activity, &y.to_activity))));
    top.truncate(TOP_ROUTES);
    let mut unmapped: Vec<UnmappedActivity> = a
        .activities
        .iter()
        .enumerate()
        .filter(|(i, _)| tp_of[*i].is_none())
        .map(|(_, x)| UnmappedActivity { activity: x.activity.clone(), events: x.events })
        .collect();
    unmapped.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let mut mapped: Vec<MappedActivity> = a
        .activities
        .iter()
        .enumerate()
        .filter(|(i, _)| tp_of[*i].is_some())
        .map(|(i, x)| MappedActivity { activity: x.activity.clone(), touchpoint_id: tp_id(i) })
        .collect();
    mapped.sort_by(|x, y| x.activity.cmp(&y.activity));
    let mut rework: Vec<ReworkStats> = a
        .activities
        .iter()
        .enumerate()
        .map(|(i, x)| ReworkStats {
            activity: x.activity.clone(),
            cases_with_repeat: x.cases_with_repeat,
            repeats: x.events - x.cases,
            self_loops: self_loops[i],
        })
        .filter(|r| r.repeats > 0 || r.self_loops > 0)
        .collect();
    rework.sort_by(|x, y| y.repeats.cmp(&x.repeats).then_with(|| x.activity.cmp(&y.activity)));
    DeviationReport {
        mapped_activities: mapped,
        unmapped_activities: unmapped,
        transitions: a.events - a.cases,
        transitions_checked: checked,
        transitions_off_route: off_route,
        off_route_share: share(off_route, checked),
        cases_with_deviation: 0,
        case_deviation_share: 0.0,
        top_deviating_routes: top,
        rework,
        cases_with_rework: a.cases_with_rework,
        rework_case_share: share(a.cases_with_rework, a.cases),
    }
}

/// The map with the aggregate's measurements, and what could not be written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedAggregate {
    pub map: JourneyMap,
    /// Ids of touchpoints that several activities stand for: left unchanged.
    pub not_derivable: Vec<String>,
    /// Drop-off rates were not written because the query named no goal activity that
    /// occurs in the log.
    pub drop_off_without_goal: bool,
}

/// Writes volume, drop-off rate (against the aggregate's goal, which `opts.drop_off` does
/// not change: the query fixed it) and throughput time into a copy of the map, and route
/// volumes, as [`crate::analytics::apply_to_map`] does for a raw log.
pub fn apply(map: &JourneyMap, a: &Aggregate, opts: &ApplyOptions) -> AppliedAggregate {
    let mut out = map.clone();
    let tp_of = mapping(a, map);
    let n_tp = map.touchpoints.len();
    let mut acts_of: Vec<Vec<usize>> = vec![Vec::new(); n_tp];
    for (i, t) in tp_of.iter().enumerate() {
        if let Some(t) = *t {
            acts_of[t].push(i);
        }
    }
    let goal = super::derive::goal_known(a);
    let source = format!("{} ({})", opts.source_file, opts.date);
    let mut not_derivable = Vec::new();
    for (t, tp) in out.touchpoints.iter_mut().enumerate() {
        let acts = &acts_of[t];
        if acts.len() > 1 {
            not_derivable.push(tp.id.clone());
            continue;
        }
        let Some(&i) = acts.first() else { continue };
        let x = &a.activities[i];
        if x.cases == 0 {
            continue;
        }
        tp.measurements.volume = Some(x.cases as f64);
        if goal {
            tp.measurements.drop_off_rate = Some(x.dropped_cases as f64 / x.cases as f64);
        }
        tp.measurements.throughput_time_s = x.time_to_next_s.p50;
        tp.evidence.kind = EvidenceKind::Measured;
        tp.evidence.source = source.clone();
    }
    // Cases stepping directly from touchpoint a to b: exact when one activity stands for
    // each end (then it is the edge's case count).
    let mut steps: FastMap<(usize, usize), Option<u64>> = new_map();
    let index: FastMap<&str, usize> = a.activities.iter().enumerate().map(|(i, x)| (x.activity.as_str(), i)).collect();
    for e in &a.edges {
        let (Some(&i), Some(&j)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else { continue };
        let (Some(ta), Some(tb)) = (tp_of[i], tp_of[j]) else { continue };
        if ta != tb {
            let exact = acts_of[ta].len() == 1 && acts_of[tb].len() == 1;
            steps.insert((ta, tb), exact.then_some(e.cases));
        }
    }
    let known = |t: usize| acts_of[t].iter().any(|&i| a.activities[i].cases > 0);
    let tp_index: FastMap<String, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
    let mut covered = HashSet::new();
    for route in &mut out.routes {
        let (Some(&ta), Some(&tb)) = (tp_index.get(&route.from), tp_index.get(&route.to)) else { continue };
        if !known(ta) && !known(tb) {
            continue;
        }
        covered.insert((ta, tb));
        if acts_of[ta].len() > 1 || acts_of[tb].len() > 1 {
            continue; // a union of pairs: not determined
        }
        route.volume = Some(steps.get(&(ta, tb)).copied().flatten().unwrap_or(0) as f64);
    }
    if opts.create_alternative_routes {
        let mut new_steps: Vec<((usize, usize), u64)> =
            steps.iter().filter(|(k, _)| !covered.contains(*k)).filter_map(|(k, v)| Some((*k, (*v)?))).collect();
        new_steps.sort();
        for ((ta, tb), cases) in new_steps {
            let (from, to) = (map.touchpoints[ta].id.clone(), map.touchpoints[tb].id.clone());
            if let Some(id) = out.add_route(&from, &to, RouteKind::Alternative) {
                if let Some(r) = out.routes.iter_mut().find(|r| r.id == id) {
                    r.volume = Some(cases as f64);
                }
            }
        }
    }
    AppliedAggregate { map: out, not_derivable, drop_off_without_goal: !goal }
}

/// "Apply to map" as a plan for the page's preview (every change before → after, the
/// activities no touchpoint stands for, the goal), like [`crate::analytics::plan_apply`]
/// for a raw log. The goal and τ are the query's; `opts.drop_off` is not used.
pub fn plan(map: &JourneyMap, a: &Aggregate, opts: &ApplyOptions) -> (crate::analytics::ApplyPlan, AppliedAggregate) {
    let applied = apply(map, a, opts);
    let tp_of = mapping(a, map);
    let mut unmatched: Vec<crate::analytics::PlanUnmatched> = a
        .activities
        .iter()
        .zip(&tp_of)
        .filter(|(_, t)| t.is_none())
        .map(|(x, _)| crate::analytics::PlanUnmatched { activity: x.activity.clone(), events: x.events })
        .collect();
    unmatched.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let goal_known = super::derive::goal_known(a);
    let plan = crate::analytics::ApplyPlan {
        changes: crate::analytics::diff_maps(map, &applied.map),
        unmatched_activities: unmatched,
        goal_activities: if goal_known { a.goal_activities.clone() } else { Vec::new() },
        goal_missing: !goal_known,
        map: applied.map.clone(),
    };
    (plan, applied)
}
