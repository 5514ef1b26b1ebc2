//! Writing what the log (or a survey) measured into a journey map, as a **plan**: the
//! changed map plus a list of every change (touchpoint or route, field, before → after)
//! and the activities no touchpoint stands for. The page shows the list as a preview and,
//! on Apply, stores `plan.map` as one undoable edit; Cancel just drops the plan. The input
//! map is never changed.
//!
//! Only what the log measured is written (see [`super::apply_scope`]). Per touchpoint
//! with a matched activity (see [`super::mapping`]): volume (cases visiting it in the
//! log's period), drop-off rate (cases that dropped off there by [`case_outcomes`] ÷ cases
//! visiting it) and throughput time (median time from an event there to the next event of
//! the case), with the log's period and source (`measurements.period`); its evidence
//! becomes Measured with the file name and date as source. A value of such a touchpoint
//! the log cannot give (drop-off without a goal, throughput when no event there has a
//! next one) is emptied rather than left under a period it does not come from. Per route
//! whose two ends are both matched: the cases stepping directly from one to the other (0
//! is then a measurement). Steps the map has no route for become new Alternative routes
//! when asked. The map's journey throughput times (for its histogram) become the log's
//! case durations. Touchpoints without a matched activity and routes with an unmatched
//! end are left exactly as they were and listed as not measured; never set to 0.
//!
//! The goal for the drop-off is the one in the options, else the map's default (the main
//! route's end, see [`goal_activities`]); without any goal, drop-off rates are not
//! written and the plan says so (`goal_missing`).
//!
//! The plan's map also gets the import as one dated period of its measurement history
//! (`period_entry.rs`).

use serde::{Deserialize, Serialize};

use crate::model::{EvidenceKind, JourneyMap, MeasuredPeriod, RouteKind};

use super::apply_scope::uncovered;
use super::dropoff::{case_outcomes, goal_ids, CaseOutcome, DropOffOptions};
use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::mapping::{goal_activities, ActivityMapping};
use super::period_entry::period_entry;
use super::stats::median_ms;
use super::survey::SurveyReport;
use super::throughput::case_durations_ms;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyOptions {
    /// File name of the log, shown as the evidence source.
    pub source_file: String,
    /// Date of the import as the caller wants it shown (e.g. `2026-11-22`).
    pub date: String,
    /// Add an Alternative route for each observed step between touchpoints that the map
    /// has no route for.
    #[serde(default)]
    pub create_alternative_routes: bool,
    /// Goal activities and τ. Empty goals: the map's default goal.
    #[serde(default)]
    pub drop_off: DropOffOptions,
    /// Empty the volume, drop-off and throughput values of touchpoints and routes the log
    /// does not cover when they are from another period (the user's choice in the
    /// preview), so the map does not mix periods.
    #[serde(default)]
    pub clear_other_periods: bool,
}

/// What a change is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeTarget {
    Touchpoint { id: String, title: String },
    /// A route; `new` when the plan adds it.
    Route { id: String, from_title: String, to_title: String, new: bool },
    /// The map as a whole.
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeField {
    Volume,
    DropOffRate,
    ThroughputTimeS,
    Csat,
    Ces,
    Nps,
    Evidence,
    /// The number of journey throughput times the map keeps for its histogram.
    JourneyThroughputs,
    /// The period (and source) of the measured values.
    Period,
    /// A contact's class (value-adding, disruptive, self-service candidate; key as text).
    ContactClass,
    /// A contact's reason (service, information, order; key as text).
    ContactReason,
}

/// A field's value before or after; numbers as stored (rates 0..=1, times in seconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ChangeValue {
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub target: ChangeTarget,
    pub field: ChangeField,
    pub before: Option<ChangeValue>,
    pub after: Option<ChangeValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedActivity {
    pub activity: String,
    pub events: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyPlan {
    /// Every difference between the input map and [`ApplyPlan::map`], in map order.
    pub changes: Vec<Change>,
    /// Activities of the log no touchpoint stands for (most events first); their cases
    /// still count for the touchpoints they do visit.
    pub unmatched_activities: Vec<UnmatchedActivity>,
    /// The goal activities the drop-off was measured against.
    pub goal_activities: Vec<String>,
    /// No goal: drop-off rates were not written.
    pub goal_missing: bool,
    /// The period of the log (first to last event) and its source; `None` for a survey or
    /// an empty log.
    #[serde(default)]
    pub period: Option<MeasuredPeriod>,
    /// What the log does not measure, and the values of another period that stay.
    #[serde(default)]
    pub coverage: Coverage,
    /// The map with the changes applied: what Apply stores.
    pub map: JourneyMap,
    /// Unmatched activities left out of the page's copy (`shown.rs`).
    #[serde(default, skip_serializing_if = "crate::analytics::shown::Omitted::is_none")]
    pub more_unmatched: crate::analytics::shown::Omitted,
}

/// What the plan says about the parts of the map the log does not cover.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Coverage {
    /// Touchpoints and routes the log cannot measure (no matched activity; a route with
    /// an unmatched end), in map order: left as they were.
    pub not_measured: Vec<ChangeTarget>,
    /// Of those, the ones holding a volume, drop-off or throughput value that is not from
    /// this log's period (entered per month, or another log): after Apply the map mixes
    /// periods unless they are cleared.
    pub other_period: Vec<ChangeTarget>,
    /// True when `other_period` was cleared in the plan's map (the user asked for it).
    pub cleared: bool,
}

/// The coverage of a plan (raw log or aggregate): see [`super::apply_scope::uncovered`].
pub(crate) fn coverage(map: &JourneyMap, out: &mut JourneyMap, measured_tp: &[bool], period: Option<&MeasuredPeriod>, clear: bool) -> Coverage {
    let u = uncovered(map, out, measured_tp, period, clear);
    let tp = |i: &usize| {
        let t = &map.touchpoints[*i];
        ChangeTarget::Touchpoint { id: t.id.clone(), title: t.title.clone() }
    };
    let title = |id: &str| map.touchpoints.iter().find(|t| t.id == id).map_or_else(String::new, |t| t.title.clone());
    let route = |r: &usize| {
        let r = &map.routes[*r];
        ChangeTarget::Route { id: r.id.clone(), from_title: title(&r.from), to_title: title(&r.to), new: false }
    };
    Coverage {
        not_measured: u.touchpoints.iter().map(tp).chain(u.routes.iter().map(route)).collect(),
        other_period: u.other_touchpoints.iter().map(tp).chain(u.other_routes.iter().map(route)).collect(),
        cleared: clear,
    }
}

/// The plan for writing the log's measurements into `map`.
pub fn plan_apply(map: &JourneyMap, log: &EventLog, opts: &ApplyOptions) -> ApplyPlan {
    let mut out = map.clone();
    let mapping = ActivityMapping::new(log, map);
    let mut drop_opts = opts.drop_off.clone();
    if drop_opts.end_activities.is_empty() {
        drop_opts.end_activities = goal_activities(&log.activity_names, map).activities;
    }
    let goals = goal_ids(log, &drop_opts);
    let goal_missing = goals.is_empty();
    let outcome = case_outcomes(log, &goals, drop_opts.timeout_s);
    let n_tp = map.touchpoints.len();
    let mut visits = vec![0u64; n_tp];
    let mut drops = vec![0u64; n_tp];
    let mut dwell: Vec<Vec<i64>> = vec![Vec::new(); n_tp];
    let mut last_case = vec![u32::MAX; n_tp];
    // (from, to) touchpoint index → (cases, last case counted).
    let mut steps: FastMap<(usize, usize), (u64, u32)> = new_map();
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        for i in r.clone() {
            let Some(t) = mapping.of(log.activity[i]) else { continue };
            if last_case[t] != c as u32 {
                last_case[t] = c as u32;
                visits[t] += 1;
            }
            if i + 1 < r.end {
                dwell[t].push(log.time_ms[i + 1] - log.time_ms[i]);
                if let Some(u) = mapping.of(log.activity[i + 1]) {
                    if u != t {
                        let e = steps.entry((t, u)).or_insert((0, u32::MAX));
                        if e.1 != c as u32 {
                            e.1 = c as u32;
                            e.0 += 1;
                        }
                    }
                }
            }
        }
        if let CaseOutcome::DroppedAt(a) = outcome[c] {
            if let Some(t) = mapping.of(a) {
                drops[t] += 1;
            }
        }
    }
    let source = format!("{} ({})", opts.source_file, opts.date);
    let period = log.time_span_ms().map(|(a, b)| MeasuredPeriod::new(a as f64, b as f64, source.clone()));
    // Measured: at least one activity of the log is matched to the touchpoint.
    let mut matched = vec![false; n_tp];
    for a in 0..log.activity_names.len() {
        if let Some(t) = mapping.of(a as u32) {
            matched[t] = true;
        }
    }
    for (t, tp) in out.touchpoints.iter_mut().enumerate() {
        if !matched[t] || visits[t] == 0 {
            continue;
        }
        let m = &mut tp.measurements;
        m.volume = Some(visits[t] as f64);
        m.drop_off_rate = (!goal_missing).then(|| drops[t] as f64 / visits[t] as f64);
        m.throughput_time_s = (!dwell[t].is_empty()).then(|| median_ms(&mut dwell[t]) / 1000.0);
        m.period = period.clone();
        tp.evidence.kind = EvidenceKind::Measured;
        tp.evidence.source = source.clone();
    }
    let index: FastMap<String, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
    let mut covered = std::collections::HashSet::new();
    for route in &mut out.routes {
        let (Some(&a), Some(&b)) = (index.get(&route.from), index.get(&route.to)) else { continue };
        if !(matched[a] && matched[b]) {
            continue; // the log cannot see this route: not measured, left as it was
        }
        // Both ends seen: no direct step between them is a measured 0.
        route.volume = Some(steps.get(&(a, b)).map_or(0.0, |s| s.0 as f64));
        route.period = period.clone();
        covered.insert((a, b));
    }
    if opts.create_alternative_routes {
        let mut new_steps: Vec<((usize, usize), u64)> =
            steps.iter().filter(|(k, _)| !covered.contains(*k)).map(|(k, v)| (*k, v.0)).collect();
        new_steps.sort(); // map order, so the result doesn't depend on hashing
        for ((a, b), cases) in new_steps {
            let (from, to) = (map.touchpoints[a].id.clone(), map.touchpoints[b].id.clone());
            if let Some(id) = out.add_route(&from, &to, RouteKind::Alternative) {
                if let Some(r) = out.routes.iter_mut().find(|r| r.id == id) {
                    r.volume = Some(cases as f64);
                    r.period = period.clone();
                }
            }
        }
    }
    let cov = coverage(map, &mut out, &matched, period.as_ref(), opts.clear_other_periods);
    if log.case_count() > 0 {
        let durations: Vec<f64> = case_durations_ms(log).into_iter().map(|d| d as f64 / 1000.0).collect();
        out.set_journey_throughput(&durations);
    }
    let mut unmatched: Vec<UnmatchedActivity> = {
        let mut events = vec![0u64; log.activity_names.len()];
        for &a in &log.activity {
            events[a as usize] += 1;
        }
        (0..log.activity_names.len())
            .filter(|&a| mapping.of(a as u32).is_none())
            .map(|a| UnmatchedActivity { activity: log.activity_names[a].clone(), events: events[a] })
            .collect()
    };
    unmatched.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let goal_names: Vec<String> = goals.iter().map(|&a| log.activity_names[a as usize].clone()).collect();
    // Every apply is a dated period of the map's measurement history.
    if let Some(p) = &period {
        let entry = period_entry(map, log, p, &outcome, goal_names.clone(), &visits, &matched);
        out.analytics.record_period(entry);
    }
    ApplyPlan {
        changes: diff_maps(map, &out),
        unmatched_activities: unmatched,
        goal_activities: goal_names,
        goal_missing,
        period,
        coverage: cov,
        map: out,
        more_unmatched: Default::default(),
    }
}

/// [`plan_apply`]'s map alone (for the CLI and tests).
pub fn apply_to_map(map: &JourneyMap, log: &EventLog, opts: &ApplyOptions) -> JourneyMap {
    plan_apply(map, log, opts).map
}

/// The plan for writing survey results into `map`: per touchpoint with answers, CSAT
/// (mean on 1..=5), CES (share agreeing) and NPS where the survey has answers on that
/// scale. Evidence is left as it is (a survey measures how customers feel, not the
/// touchpoint's traffic). Stage scores have no field on the map and are shown only.
pub fn plan_survey(map: &JourneyMap, report: &SurveyReport) -> ApplyPlan {
    let mut out = map.clone();
    for s in &report.touchpoints {
        let Some(tp) = out.touchpoints.iter_mut().find(|t| t.id == s.id) else { continue };
        if let Some(c) = &s.csat {
            tp.measurements.csat = Some(c.mean);
        }
        if let Some(c) = s.ces {
            tp.measurements.ces = Some(c);
        }
        if let Some(n) = &s.nps {
            tp.measurements.nps = Some(n.nps);
        }
    }
    ApplyPlan {
        changes: diff_maps(map, &out),
        unmatched_activities: Vec::new(),
        goal_activities: Vec::new(),
        goal_missing: false,
        period: None,
        coverage: Coverage::default(),
        map: out,
        more_unmatched: Default::default(),
    }
}

/// Every measurement, evidence and route-volume difference from `before` to `after`, in
/// map order (touchpoints, then routes, then the map's throughput sample).
pub fn diff_maps(before: &JourneyMap, after: &JourneyMap) -> Vec<Change> {
    let num = |v: Option<f64>| v.map(ChangeValue::Number);
    let mut changes = Vec::new();
    for t in &after.touchpoints {
        let old = before.touchpoints.iter().find(|o| o.id == t.id);
        let target = || ChangeTarget::Touchpoint { id: t.id.clone(), title: t.title.clone() };
        let (m, o) = (&t.measurements, old.map(|o| o.measurements.clone()).unwrap_or_default());
        let fields = [
            (ChangeField::Volume, o.volume, m.volume),
            (ChangeField::DropOffRate, o.drop_off_rate, m.drop_off_rate),
            (ChangeField::ThroughputTimeS, o.throughput_time_s, m.throughput_time_s),
            (ChangeField::Csat, o.csat, m.csat),
            (ChangeField::Ces, o.ces, m.ces),
            (ChangeField::Nps, o.nps, m.nps),
        ];
        for (field, b, a) in fields {
            if b != a {
                changes.push(Change { target: target(), field, before: num(b), after: num(a) });
            }
        }
        let evidence = |e: &crate::model::Evidence| {
            let kind = match e.kind {
                EvidenceKind::Measured => "measured",
                EvidenceKind::Reported => "reported",
                EvidenceKind::Assumed => "assumed",
            };
            ChangeValue::Text(if e.source.is_empty() { kind.to_string() } else { format!("{kind}: {}", e.source) })
        };
        let text = |p: &Option<MeasuredPeriod>| p.as_ref().map(|p| ChangeValue::Text(period_text(p)));
        if old.map(|o| &o.measurements.period) != Some(&m.period) {
            changes.push(Change {
                target: target(),
                field: ChangeField::Period,
                before: old.and_then(|o| text(&o.measurements.period)),
                after: text(&m.period),
            });
        }
        let class = |c: Option<crate::model::ContactClass>| c.map(|c| ChangeValue::Text(c.key().into()));
        if old.and_then(|o| o.contact_class) != t.contact_class {
            changes.push(Change { target: target(), field: ChangeField::ContactClass, before: class(old.and_then(|o| o.contact_class)), after: class(t.contact_class) });
        }
        let reason = |c: Option<crate::model::ContactReason>| c.map(|c| ChangeValue::Text(c.key().into()));
        if old.and_then(|o| o.contact_reason) != t.contact_reason {
            changes.push(Change { target: target(), field: ChangeField::ContactReason, before: reason(old.and_then(|o| o.contact_reason)), after: reason(t.contact_reason) });
        }
        if old.map(|o| &o.evidence) != Some(&t.evidence) {
            changes.push(Change {
                target: target(),
                field: ChangeField::Evidence,
                before: old.map(|o| evidence(&o.evidence)),
                after: Some(evidence(&t.evidence)),
            });
        }
    }
    let title = |id: &str| after.touchpoints.iter().find(|t| t.id == id).map_or_else(String::new, |t| t.title.clone());
    for r in &after.routes {
        let old = before.routes.iter().find(|o| o.id == r.id);
        let target = || ChangeTarget::Route { id: r.id.clone(), from_title: title(&r.from), to_title: title(&r.to), new: old.is_none() };
        if old.map(|o| o.volume) != Some(r.volume) {
            changes.push(Change { target: target(), field: ChangeField::Volume, before: old.and_then(|o| num(o.volume)), after: num(r.volume) });
        }
        if old.map(|o| &o.period) != Some(&r.period) {
            let text = |p: &Option<MeasuredPeriod>| p.as_ref().map(|p| ChangeValue::Text(period_text(p)));
            changes.push(Change { target: target(), field: ChangeField::Period, before: old.and_then(|o| text(&o.period)), after: text(&r.period) });
        }
    }
    if before.journey_throughput_s != after.journey_throughput_s {
        let n = |m: &JourneyMap| (!m.journey_throughput_s.is_empty()).then(|| ChangeValue::Number(m.journey_throughput_s.len() as f64));
        changes.push(Change { target: ChangeTarget::Map, field: ChangeField::JourneyThroughputs, before: n(before), after: n(after) });
    }
    changes
}

/// A period as the preview lists it: "2024-03-01 – 2024-03-14" (language-free dates).
fn period_text(p: &MeasuredPeriod) -> String {
    let (a, b) = p.dates();
    format!("{a} – {b}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::deviation::tests::shop_map;

    const DAY: i64 = 86_400_000;

    fn log() -> EventLog {
        // Case 1: Visit → Cart → Pay. Case 2: Visit → Pay (no route). Case 3: Visit → Cart,
        // then silence for 20 days (dropped at Cart). Log ends on day 30.
        EventLog::from_events(&[
            ("1", "Visit", 0), ("1", "add_to_cart", 60_000), ("1", "Pay", 30 * DAY),
            ("2", "Visit", 0), ("2", "Pay", 120_000),
            ("3", "Visit", DAY), ("3", "add_to_cart", DAY + 30_000),
        ])
    }

    fn opts() -> ApplyOptions {
        ApplyOptions {
            source_file: "shop.csv".into(),
            date: "2026-11-22".into(),
            create_alternative_routes: true,
            drop_off: DropOffOptions { end_activities: vec!["Pay".into()], timeout_s: 7.0 * 86_400.0 },
            clear_other_periods: false,
        }
    }

    #[test]
    fn measured_values_and_routes() {
        let map = shop_map();
        let out = apply_to_map(&map, &log(), &opts());
        let cart = out.touchpoints.iter().find(|t| t.title == "Cart").unwrap();
        assert_eq!(cart.measurements.volume, Some(2.0));
        assert_eq!(cart.measurements.drop_off_rate, Some(0.5));
        assert_eq!(cart.measurements.throughput_time_s, Some(30.0 * 86_400.0 - 60.0));
        assert_eq!(cart.evidence.kind, EvidenceKind::Measured);
        assert_eq!(cart.evidence.source, "shop.csv (2026-11-22)");
        let visit = out.touchpoints.iter().find(|t| t.title == "Visit").unwrap();
        assert_eq!(visit.measurements.throughput_time_s, Some(60.0)); // median of 60, 120, 30 s
        assert_eq!(visit.measurements.drop_off_rate, Some(0.0));
        let vols: Vec<(RouteKind, Option<f64>)> = out.routes.iter().map(|r| (r.kind, r.volume)).collect();
        assert_eq!(vols, vec![(RouteKind::Planned, Some(2.0)), (RouteKind::Planned, Some(1.0)), (RouteKind::Alternative, Some(1.0))]);
        // Case durations in seconds, sorted: 120 s, 30 s, 30 days.
        assert_eq!(out.journey_throughput_s, vec![30.0, 120.0, 30.0 * 86_400.0]);
        // The input map is untouched (undo keeps it).
        assert_eq!(map, shop_map());
        let no_new = apply_to_map(&map, &log(), &ApplyOptions { create_alternative_routes: false, ..opts() });
        assert_eq!(no_new.routes.len(), 2);
    }

    #[test]
    fn the_plan_lists_every_change_and_applying_it_gives_its_map() {
        let map = shop_map();
        let plan = plan_apply(&map, &log(), &opts());
        // Applying the listed changes to the old map must give exactly the new map.
        let drop = plan
            .changes
            .iter()
            .find(|c| c.field == ChangeField::DropOffRate && matches!(&c.target, ChangeTarget::Touchpoint { title, .. } if title == "Cart"))
            .unwrap();
        assert_eq!((drop.before.clone(), drop.after.clone()), (None, Some(ChangeValue::Number(0.5))));
        let new_route = plan.changes.iter().find(|c| matches!(c.target, ChangeTarget::Route { new: true, .. })).unwrap();
        assert!(matches!(&new_route.target, ChangeTarget::Route { from_title, to_title, .. } if from_title == "Visit" && to_title == "Pay"));
        assert_eq!(plan.goal_activities, vec!["Pay"]);
        assert!(plan.unmatched_activities.is_empty());
        // Nothing new from the same log twice: the second plan lists no change.
        let again = plan_apply(&plan.map, &log(), &opts());
        assert_eq!(again.changes, vec![]);
        assert_eq!(again.map, plan.map);
    }

    #[test]
    fn without_a_goal_no_drop_off_is_written() {
        let mut map = shop_map();
        map.routes.clear(); // no main route: no default goal
        let o = ApplyOptions { drop_off: DropOffOptions::default(), ..opts() };
        let plan = plan_apply(&map, &log(), &o);
        assert!(plan.goal_missing);
        assert!(plan.map.touchpoints.iter().all(|t| t.measurements.drop_off_rate.is_none()));
        assert!(plan.map.touchpoints.iter().any(|t| t.measurements.volume.is_some()));
    }

    #[test]
    fn the_default_goal_is_the_main_route_end() {
        // shop_map's planned route ends at "Pay": the same numbers as naming it.
        let o = ApplyOptions { drop_off: DropOffOptions::default(), ..opts() };
        let plan = plan_apply(&shop_map(), &log(), &o);
        assert_eq!(plan.goal_activities, vec!["Pay"]);
        assert_eq!(plan.map, apply_to_map(&shop_map(), &log(), &opts()));
    }
}
