//! The aggregate against a journey map: deviation from the planned routes and "apply to
//! map", with the same rules as the raw-log path (`analytics::deviation`,
//! `analytics::apply`). Activities are matched to touchpoints by the same
//! [`ActivityMapping`].
//!
//! An aggregate counts cases per activity, not per touchpoint. Where one activity stands
//! for a touchpoint (the usual case) every value is exact. Where several activities stand
//! for one touchpoint, the cases visiting it are a union the aggregate cannot give: that
//! touchpoint keeps its values and is listed in [`AppliedAggregate::not_derivable`]. As
//! for a raw log, only what was measured is written (with the aggregate's range as its
//! period): a route only when both ends are measured, never a 0 for "not seen".

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::format::Aggregate;
use crate::analytics::deviation::{DeviatingRoute, DeviationReport, MappedActivity, ReworkStats, UnmappedActivity};
use crate::analytics::fast_hash::{new_map, FastMap};
use crate::analytics::mapping::ActivityMapping;
use crate::analytics::volumes::share;
use crate::analytics::ApplyOptions;
use crate::analytics::Coverage;
use crate::model::{EvidenceKind, JourneyMap, MeasuredPeriod, RouteKind};

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
        more_unmapped: Default::default(),
        more_rework: Default::default(),
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
    /// The aggregate's range (first to last event) and source, carried by every value
    /// written.
    pub period: MeasuredPeriod,
    /// What the aggregate does not measure (left as it was), and values of another period.
    pub coverage: Coverage,
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
    let period = MeasuredPeriod::new(a.first_event_ms as f64, a.last_event_ms as f64, source.clone());
    // Measured: exactly one activity of the aggregate stands for the touchpoint and it
    // has cases (several: a union the aggregate cannot give).
    let measured: Vec<bool> = acts_of.iter().map(|acts| acts.len() == 1 && a.activities[acts[0]].cases > 0).collect();
    let mut not_derivable = Vec::new();
    for (t, tp) in out.touchpoints.iter_mut().enumerate() {
        if acts_of[t].len() > 1 {
            not_derivable.push(tp.id.clone());
        }
        if !measured[t] {
            continue;
        }
        let x = &a.activities[acts_of[t][0]];
        let m = &mut tp.measurements;
        m.volume = Some(x.cases as f64);
        m.drop_off_rate = goal.then(|| x.dropped_cases as f64 / x.cases as f64);
        m.throughput_time_s = x.time_to_next_s.p50;
        m.period = Some(period.clone());
        tp.evidence.kind = EvidenceKind::Measured;
        tp.evidence.source = source.clone();
    }
    // Cases stepping directly from touchpoint a to b: the edge's case count (both ends
    // measured, so one activity stands for each).
    let mut steps: FastMap<(usize, usize), u64> = new_map();
    let index: FastMap<&str, usize> = a.activities.iter().enumerate().map(|(i, x)| (x.activity.as_str(), i)).collect();
    for e in &a.edges {
        let (Some(&i), Some(&j)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else { continue };
        let (Some(ta), Some(tb)) = (tp_of[i], tp_of[j]) else { continue };
        if ta != tb && measured[ta] && measured[tb] {
            steps.insert((ta, tb), e.cases);
        }
    }
    let tp_index: FastMap<String, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
    let mut covered = HashSet::new();
    for route in &mut out.routes {
        let (Some(&ta), Some(&tb)) = (tp_index.get(&route.from), tp_index.get(&route.to)) else { continue };
        if !(measured[ta] && measured[tb]) {
            continue; // an end the aggregate cannot see: not measured, left as it was
        }
        covered.insert((ta, tb));
        // Every directly-follows pair is in the aggregate: no edge is a measured 0.
        route.volume = Some(steps.get(&(ta, tb)).copied().unwrap_or(0) as f64);
        route.period = Some(period.clone());
    }
    if opts.create_alternative_routes {
        let mut new_steps: Vec<((usize, usize), u64)> =
            steps.iter().filter(|(k, _)| !covered.contains(*k)).map(|(k, v)| (*k, *v)).collect();
        new_steps.sort();
        for ((ta, tb), cases) in new_steps {
            let (from, to) = (map.touchpoints[ta].id.clone(), map.touchpoints[tb].id.clone());
            if let Some(id) = out.add_route(&from, &to, RouteKind::Alternative) {
                if let Some(r) = out.routes.iter_mut().find(|r| r.id == id) {
                    r.volume = Some(cases as f64);
                    r.period = Some(period.clone());
                }
            }
        }
    }
    let coverage = crate::analytics::apply::coverage(map, &mut out, &measured, Some(&period), opts.clear_other_periods);
    // The aggregate's period in the map's measurement history, as a raw log's apply keeps it
    // (every dropped case dropped at exactly one activity, its last).
    let touchpoints = (0..map.touchpoints.len())
        .filter(|&t| measured[t])
        .map(|t| crate::model::PeriodVolume {
            touchpoint_id: map.touchpoints[t].id.clone(),
            title: map.touchpoints[t].title.clone(),
            cases: a.activities[acts_of[t][0]].cases,
        })
        .collect();
    out.analytics.record_period(crate::model::HistoryPeriod {
        period: period.clone(),
        sources: vec!["aggregate".into()],
        cases: a.cases,
        events: a.events,
        goal: if goal { a.goal_activities.clone() } else { Vec::new() },
        completed: goal.then_some(a.cases_reaching_goal),
        dropped: goal.then(|| a.dropped_cases()),
        touchpoints,
    });
    AppliedAggregate { map: out, not_derivable, drop_off_without_goal: !goal, period, coverage }
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
        period: Some(applied.period.clone()),
        coverage: applied.coverage.clone(),
        map: applied.map.clone(),
        more_unmatched: Default::default(),
    };
    (plan, applied)
}
