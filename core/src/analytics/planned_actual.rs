//! Planned vs actual: a planned journey map beside what customers did — from an event
//! log, or from an as-is map drafted from one (`analytics::draft`). The same rules as
//! [`deviation`](super::deviation): activities are matched to the planned touchpoints by
//! [`ActivityMapping`] (stored choice, event key, title); any route of the plan (planned,
//! alternative, loop-back) counts as foreseen; a step that stays on one touchpoint is not a
//! route. Deviation gives the share of steps off the plan; this view lists them by name:
//!
//! * **unplanned activities**: what customers do that no planned touchpoint stands for;
//! * **unreached touchpoints**: planned touchpoints no case reached (no event in the data
//!   stands for them — not visited, or not tracked);
//! * **unplanned routes**: steps between two planned touchpoints that the plan has no route
//!   for; and planned routes between reached touchpoints that no case took;
//! * **volume differences**: touchpoints and routes whose planned volume (taken as per the
//!   data's period) and measured cases differ most, by the factor between them.
//!
//! Every finding has its numbers and a sentence in both languages ([`PlannedVsActual::lines`]).

use serde::{Deserialize, Serialize};

use crate::locale::{number, percent, Text};
use crate::model::{JourneyMap, Lang, MeasuredPeriod, RouteKind};

use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::mapping::ActivityMapping;
use super::volumes::share;

/// How many volume differences the view lists.
pub const TOP_DIFFERENCES: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnplannedActivity {
    pub activity: String,
    pub events: u64,
    pub cases: u64,
    /// `cases` / all cases.
    pub case_share: f64,
    /// The planned stage where it typically happens: the stage of the planned touchpoint
    /// customers reached just before it (most often), else of the one just after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnreachedTouchpoint {
    pub touchpoint_id: String,
    pub title: String,
    pub stage: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteFinding {
    pub from_touchpoint_id: String,
    pub to_touchpoint_id: String,
    pub from_title: String,
    pub to_title: String,
    /// Cases taking the step (0 for a planned route nobody took).
    pub cases: u64,
    /// The plan's route kind, for routes of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RouteKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeTarget {
    Touchpoint,
    Route,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeDifference {
    pub target: VolumeTarget,
    /// Touchpoint title, or "from → to" for a route.
    pub title: String,
    /// Touchpoint or route id on the planned map.
    pub id: String,
    pub planned: f64,
    pub actual: f64,
    /// `actual / planned`; `None` when the plan says 0 (no factor exists).
    pub factor: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedVsActual {
    pub cases: u64,
    /// Most cases first.
    pub unplanned_activities: Vec<UnplannedActivity>,
    /// In map order.
    pub unreached_touchpoints: Vec<UnreachedTouchpoint>,
    /// Most cases first.
    pub unplanned_routes: Vec<RouteFinding>,
    /// Planned routes between two reached touchpoints that no case took, in map order.
    pub untaken_routes: Vec<RouteFinding>,
    /// Largest factor first (either way), at most [`TOP_DIFFERENCES`].
    pub volume_differences: Vec<VolumeDifference>,
    /// Whether the plan carries any volume to compare.
    pub plan_has_volumes: bool,
    /// Unplanned activities left out of the page's copy (`shown.rs`).
    #[serde(default, skip_serializing_if = "crate::analytics::shown::Omitted::is_none")]
    pub more_unplanned: crate::analytics::shown::Omitted,
    /// Cases reaching each planned touchpoint, in map order (for the canvas view).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touchpoint_cases: Vec<u64>,
    /// The span the measured numbers cover (first to last event); `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<MeasuredPeriod>,
}

/// What customers did, per planned touchpoint and step (the common input of both paths).
struct Actual {
    cases: u64,
    /// Per planned touchpoint: cases reaching it.
    tp_cases: Vec<u64>,
    /// (from, to) planned touchpoint indices → cases.
    steps: FastMap<(usize, usize), u64>,
    unplanned: Vec<UnplannedActivity>,
    period: Option<MeasuredPeriod>,
}

/// Votes for the stage an unplanned activity typically happens in: the most votes win,
/// a tie goes to the earlier stage (deterministic).
fn voted_stage(planned: &JourneyMap, votes: &[u64]) -> Option<String> {
    let best = votes.iter().enumerate().filter(|(_, &n)| n > 0).max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?.0;
    planned.stages.get(best).map(|s| s.id.clone())
}

/// The index of each planned touchpoint's stage.
fn stage_index(planned: &JourneyMap) -> Vec<usize> {
    planned.touchpoints.iter().map(|t| planned.stages.iter().position(|s| s.id == t.stage_id).unwrap_or(0)).collect()
}

/// Planned vs actual from an event log.
pub fn planned_vs_log(planned: &JourneyMap, log: &EventLog) -> PlannedVsActual {
    let mapping = ActivityMapping::new(log, planned);
    let n_tp = planned.touchpoints.len();
    let n_act = log.activity_names.len();
    let mut tp_cases = vec![0u64; n_tp];
    let mut tp_last = vec![u32::MAX; n_tp];
    let (mut act_events, mut act_cases, mut act_last) = (vec![0u64; n_act], vec![0u64; n_act], vec![u32::MAX; n_act]);
    let mut steps: FastMap<(usize, usize), (u64, u32)> = new_map();
    let tp_stage = stage_index(planned);
    let n_stages = planned.stages.len().max(1);
    // Per unplanned activity and planned stage: events seen there.
    let mut votes: FastMap<u32, Vec<u64>> = new_map();
    let mut pending: Vec<u32> = Vec::new();
    for c in 0..log.case_count() {
        let trace = log.trace(c);
        let cu = c as u32;
        let mut prev: Option<usize> = None;
        let mut last_stage: Option<usize> = None;
        pending.clear();
        for &a in trace {
            match mapping.of(a) {
                Some(t) => {
                    // Unplanned events before any planned touchpoint go to this one's stage.
                    for p in pending.drain(..) {
                        votes.entry(p).or_insert_with(|| vec![0; n_stages])[tp_stage[t]] += 1;
                    }
                    last_stage = Some(tp_stage[t]);
                    if tp_last[t] != cu {
                        tp_last[t] = cu;
                        tp_cases[t] += 1;
                    }
                    if let Some(p) = prev.filter(|&p| p != t) {
                        let e = steps.entry((p, t)).or_insert((0, u32::MAX));
                        if e.1 != cu {
                            e.1 = cu;
                            e.0 += 1;
                        }
                    }
                    prev = Some(t);
                }
                None => {
                    match last_stage {
                        Some(st) => votes.entry(a).or_insert_with(|| vec![0; n_stages])[st] += 1,
                        None => pending.push(a),
                    }
                    let a = a as usize;
                    act_events[a] += 1;
                    if act_last[a] != cu {
                        act_last[a] = cu;
                        act_cases[a] += 1;
                    }
                    // A step through an unplanned activity is not a step between touchpoints.
                    prev = None;
                }
            }
        }
    }
    let cases = log.case_count() as u64;
    let unplanned = (0..n_act)
        .filter(|&a| act_events[a] > 0)
        .map(|a| UnplannedActivity {
            activity: log.activity_names[a].clone(),
            events: act_events[a],
            cases: act_cases[a],
            case_share: share(act_cases[a], cases),
            stage_id: votes.get(&(a as u32)).and_then(|v| voted_stage(planned, v)),
        })
        .collect();
    let period = log.time_span_ms().map(|(a, b)| MeasuredPeriod::new(a as f64, b as f64, String::new()));
    let steps = steps.into_iter().map(|(k, v)| (k, v.0)).collect();
    compare(planned, Actual { cases, tp_cases, steps, unplanned, period })
}

/// Planned vs actual from an as-is map drafted from a log: its touchpoints (by event key,
/// else title) are matched to the plan like log activities; their volumes are the cases,
/// their routes the steps. Two as-is touchpoints on one planned touchpoint add up (an upper
/// bound: a case may have visited both).
pub fn planned_vs_drafted(planned: &JourneyMap, as_is: &JourneyMap) -> PlannedVsActual {
    let names: Vec<String> =
        as_is.touchpoints.iter().map(|t| t.event_key.clone().unwrap_or_else(|| t.title.clone())).collect();
    let mapping = ActivityMapping::for_names(&names, planned);
    let mut tp_cases = vec![0u64; planned.touchpoints.len()];
    let mut unplanned = Vec::new();
    let cases = as_is.analytics.drafted_from.as_ref().map(|s| s.cases).unwrap_or(0);
    let index: FastMap<&str, usize> = as_is.touchpoints.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let tp_stage = stage_index(planned);
    for (i, t) in as_is.touchpoints.iter().enumerate() {
        let v = t.measurements.volume.unwrap_or(0.0).max(0.0) as u64;
        match mapping.of(i as u32) {
            Some(p) => tp_cases[p] += v,
            None => {
                let stage_id = drafted_stage(planned, as_is, &index, &mapping, &tp_stage, i);
                unplanned.push(UnplannedActivity { activity: names[i].clone(), events: 0, cases: v, case_share: share(v, cases), stage_id })
            }
        }
    }
    let mut steps: FastMap<(usize, usize), u64> = new_map();
    for r in &as_is.routes {
        let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) else { continue };
        if let (Some(p), Some(q)) = (mapping.of(a as u32), mapping.of(b as u32)) {
            if p != q {
                *steps.entry((p, q)).or_insert(0) += r.volume.unwrap_or(0.0).max(0.0) as u64;
            }
        }
    }
    let period = as_is.touchpoints.iter().find_map(|t| t.measurements.period.clone());
    compare(planned, Actual { cases, tp_cases, steps, unplanned, period })
}

/// The planned stage of an unplanned as-is touchpoint: by the volume of its routes from
/// planned touchpoints (else to them); without any, at the same relative stage position.
fn drafted_stage(
    planned: &JourneyMap,
    as_is: &JourneyMap,
    index: &FastMap<&str, usize>,
    mapping: &ActivityMapping,
    tp_stage: &[usize],
    i: usize,
) -> Option<String> {
    let id = as_is.touchpoints[i].id.as_str();
    let n = planned.stages.len().max(1);
    for incoming in [true, false] {
        let mut votes = vec![0u64; n];
        for r in &as_is.routes {
            let (near, other) = if incoming { (&r.to, &r.from) } else { (&r.from, &r.to) };
            if near != id {
                continue;
            }
            if let Some(p) = index.get(other.as_str()).and_then(|&o| mapping.of(o as u32)) {
                votes[tp_stage[p]] += r.volume.unwrap_or(0.0).max(0.0) as u64 + 1;
            }
        }
        if let Some(s) = voted_stage(planned, &votes) {
            return Some(s);
        }
    }
    let own = as_is.stages.iter().position(|s| s.id == as_is.touchpoints[i].stage_id).unwrap_or(0);
    let at = own * n / as_is.stages.len().max(1);
    planned.stages.get(at.min(n - 1)).map(|s| s.id.clone())
}

fn compare(planned: &JourneyMap, actual: Actual) -> PlannedVsActual {
    let tps = &planned.touchpoints;
    let index: FastMap<&str, usize> = tps.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let stage_name = |stage_id: &str| planned.stage(stage_id).map(|s| s.name.clone()).unwrap_or_default();
    let mut unplanned_activities = actual.unplanned;
    unplanned_activities.sort_by(|x, y| y.cases.cmp(&x.cases).then(y.events.cmp(&x.events)).then_with(|| x.activity.cmp(&y.activity)));
    let unreached_touchpoints = tps
        .iter()
        .enumerate()
        .filter(|(i, _)| actual.tp_cases[*i] == 0)
        .map(|(_, t)| UnreachedTouchpoint { touchpoint_id: t.id.clone(), title: t.title.clone(), stage: stage_name(&t.stage_id) })
        .collect();
    let route_of: FastMap<(usize, usize), &crate::model::Route> = planned
        .routes
        .iter()
        .filter_map(|r| Some(((*index.get(r.from.as_str())?, *index.get(r.to.as_str())?), r)))
        .collect();
    let finding = |p: usize, q: usize, cases: u64, kind: Option<RouteKind>| RouteFinding {
        from_touchpoint_id: tps[p].id.clone(),
        to_touchpoint_id: tps[q].id.clone(),
        from_title: tps[p].title.clone(),
        to_title: tps[q].title.clone(),
        cases,
        kind,
    };
    let mut unplanned_routes: Vec<RouteFinding> = actual
        .steps
        .iter()
        .filter(|(k, &n)| n > 0 && !route_of.contains_key(*k))
        .map(|(&(p, q), &n)| finding(p, q, n, None))
        .collect();
    unplanned_routes.sort_by(|x, y| y.cases.cmp(&x.cases).then_with(|| (&x.from_title, &x.to_title).cmp(&(&y.from_title, &y.to_title))));
    let mut untaken_routes = Vec::new();
    let mut differences = Vec::new();
    let mut plan_has_volumes = false;
    for (i, t) in tps.iter().enumerate() {
        if let Some(v) = t.measurements.volume {
            plan_has_volumes = true;
            if actual.tp_cases[i] > 0 {
                differences.push(VolumeDifference {
                    target: VolumeTarget::Touchpoint,
                    title: t.title.clone(),
                    id: t.id.clone(),
                    planned: v,
                    actual: actual.tp_cases[i] as f64,
                    factor: (v > 0.0).then(|| actual.tp_cases[i] as f64 / v),
                });
            }
        }
    }
    for r in &planned.routes {
        let (Some(&p), Some(&q)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) else { continue };
        if actual.tp_cases[p] == 0 || actual.tp_cases[q] == 0 {
            continue; // an end nobody reached is listed above; the route says nothing more
        }
        let cases = actual.steps.get(&(p, q)).copied().unwrap_or(0);
        if cases == 0 {
            untaken_routes.push(finding(p, q, 0, Some(r.kind)));
        }
        if let Some(v) = r.volume {
            plan_has_volumes = true;
            differences.push(VolumeDifference {
                target: VolumeTarget::Route,
                title: format!("{} → {}", tps[p].title, tps[q].title),
                id: r.id.clone(),
                planned: v,
                actual: cases as f64,
                factor: (v > 0.0).then(|| cases as f64 / v),
            });
        }
    }
    // The largest factor either way: |ln(actual / planned)|; a plan of 0 with customers
    // there, or customers absent from a planned volume, counts as infinitely far.
    let distance = |d: &VolumeDifference| {
        match d.factor {
            Some(f) if f > 0.0 => f.ln().abs(),
            _ => f64::INFINITY,
        }
    };
    differences.sort_by(|x, y| distance(y).total_cmp(&distance(x)).then_with(|| x.title.cmp(&y.title)));
    differences.truncate(TOP_DIFFERENCES);
    PlannedVsActual {
        cases: actual.cases,
        unplanned_activities,
        unreached_touchpoints,
        unplanned_routes,
        untaken_routes,
        volume_differences: differences,
        plan_has_volumes,
        more_unplanned: Default::default(),
        touchpoint_cases: actual.tp_cases,
        period: actual.period,
    }
}

impl PlannedVsActual {
    /// Whether the data matches the plan in everything this view checks.
    pub fn matches_plan(&self) -> bool {
        self.unplanned_activities.is_empty() && self.unreached_touchpoints.is_empty() && self.unplanned_routes.is_empty() && self.untaken_routes.is_empty()
    }

    /// One sentence per finding, in both languages, in the order of the lists.
    pub fn lines(&self) -> Vec<Text> {
        let both = |f: &dyn Fn(Lang) -> String| Text::new(f(Lang::En), f(Lang::De));
        let mut out = Vec::new();
        for a in &self.unplanned_activities {
            out.push(both(&|l| {
                let (n, p) = (number(a.cases as f64, 0, l), percent(a.case_share, 0, l));
                l.pick((
                    format!("Not in the plan: “{}” — {n} cases ({p}) do it.", a.activity),
                    format!("Nicht im Plan: „{}“ — {n} Fälle ({p}) tun das.", a.activity),
                ))
            }));
        }
        for t in &self.unreached_touchpoints {
            out.push(both(&|l| {
                l.pick((
                    format!("Planned but no case reached it: “{}” ({}).", t.title, t.stage),
                    format!("Geplant, aber von keinem Fall erreicht: „{}“ ({}).", t.title, t.stage),
                ))
            }));
        }
        for r in &self.unplanned_routes {
            out.push(both(&|l| {
                let n = number(r.cases as f64, 0, l);
                l.pick((
                    format!("Route not in the plan: “{}” → “{}” — {n} cases.", r.from_title, r.to_title),
                    format!("Route nicht im Plan: „{}“ → „{}“ — {n} Fälle.", r.from_title, r.to_title),
                ))
            }));
        }
        for r in &self.untaken_routes {
            out.push(both(&|l| {
                l.pick((
                    format!("Planned route no case took: “{}” → “{}”.", r.from_title, r.to_title),
                    format!("Geplante Route, die kein Fall nahm: „{}“ → „{}“.", r.from_title, r.to_title),
                ))
            }));
        }
        for d in &self.volume_differences {
            out.push(both(&|l| {
                let (p, a) = (number(d.planned, 0, l), number(d.actual, 0, l));
                l.pick((
                    format!("Volume of “{}”: planned {p}, measured {a}.", d.title),
                    format!("Volumen von „{}“: geplant {p}, gemessen {a}.", d.title),
                ))
            }));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::deviation::tests::shop_map;

    #[test]
    fn hand_checked_planned_vs_actual() {
        // Plan: Visit → Cart → Pay. Case 1 follows it; case 2 jumps Visit → Pay, then
        // calls support (not planned); case 3 visits twice. Nobody reaches nothing: all
        // three touchpoints are reached; "Cart → Pay" is taken, "Visit → Pay" is not planned.
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "add_to_cart", 1), ("1", "Pay", 2),
            ("2", "Visit", 0), ("2", "pay", 1), ("2", "support call", 2),
            ("3", "visit", 0), ("3", "visit", 1),
        ]);
        let mut map = shop_map();
        map.touchpoints[0].measurements.volume = Some(30.0);
        let r = planned_vs_log(&map, &log);
        assert_eq!(r.cases, 3);
        assert_eq!(r.unplanned_activities, vec![UnplannedActivity { activity: "support call".into(), events: 1, cases: 1, case_share: 1.0 / 3.0, stage_id: Some(map.touchpoints[2].stage_id.clone()) }]);
        assert!(r.unreached_touchpoints.is_empty());
        assert_eq!(r.unplanned_routes.len(), 1);
        assert_eq!((r.unplanned_routes[0].from_title.as_str(), r.unplanned_routes[0].to_title.as_str(), r.unplanned_routes[0].cases), ("Visit", "Pay", 1));
        assert!(r.untaken_routes.is_empty());
        assert_eq!(r.volume_differences.len(), 1);
        assert_eq!((r.volume_differences[0].planned, r.volume_differences[0].actual), (30.0, 3.0));
        let lines = r.lines();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].de, "Nicht im Plan: „support call“ — 1 Fälle (33 %) tun das.");
        // A touchpoint nobody reaches, and its route then says nothing more.
        let log = EventLog::from_events(&[("1", "visit", 0), ("1", "pay", 1)]);
        let r = planned_vs_log(&shop_map(), &log);
        assert_eq!(r.unreached_touchpoints.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["Cart"]);
        assert!(r.untaken_routes.is_empty());
        assert!(!r.matches_plan());
    }
}
