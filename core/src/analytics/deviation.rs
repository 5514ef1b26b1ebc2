//! Deviation from the planned journey map: log activities are mapped to touchpoints (see
//! [`ActivityMapping`]) and every directly-follows step between two different mapped
//! touchpoints is checked against the map's routes. Any route on the map (planned,
//! alternative or loop-back) counts as foreseen; a step between touchpoints without a
//! route is a deviation. Steps touching an unmapped activity are left out (we cannot tell)
//! and a step that stays on the same touchpoint is rework, not a deviation.
//!
//! Rework is measured on activities: repeated activities within a case and self-loops
//! (an activity directly followed by itself).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::JourneyMap;

use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::mapping::ActivityMapping;
use super::shown::Omitted;
use super::volumes::share;

/// How many deviating routes the report lists.
const TOP_ROUTES: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappedActivity {
    pub activity: String,
    pub touchpoint_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmappedActivity {
    pub activity: String,
    pub events: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviatingRoute {
    pub from_activity: String,
    pub to_activity: String,
    pub from_touchpoint_id: String,
    pub to_touchpoint_id: String,
    pub count: u64,
    pub cases: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReworkStats {
    pub activity: String,
    /// Cases in which the activity occurs more than once.
    pub cases_with_repeat: u64,
    /// Occurrences beyond the first, summed over cases.
    pub repeats: u64,
    /// Times the activity directly follows itself.
    pub self_loops: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviationReport {
    pub mapped_activities: Vec<MappedActivity>,
    /// Activities no touchpoint stands for, most events first.
    pub unmapped_activities: Vec<UnmappedActivity>,
    /// All directly-follows occurrences (events − cases).
    pub transitions: u64,
    /// Occurrences between two different mapped touchpoints: the base of the share.
    pub transitions_checked: u64,
    pub transitions_off_route: u64,
    /// `transitions_off_route` / `transitions_checked`.
    pub off_route_share: f64,
    pub cases_with_deviation: u64,
    /// `cases_with_deviation` / all cases.
    pub case_deviation_share: f64,
    /// Most frequent first.
    pub top_deviating_routes: Vec<DeviatingRoute>,
    /// Activities with any rework, most repeats first.
    pub rework: Vec<ReworkStats>,
    pub cases_with_rework: u64,
    pub rework_case_share: f64,
    /// Unmapped activities and rework entries left out of the page's copy (`shown.rs`).
    #[serde(default, skip_serializing_if = "Omitted::is_none")]
    pub more_unmapped: Omitted,
    #[serde(default, skip_serializing_if = "Omitted::is_none")]
    pub more_rework: Omitted,
}

pub fn deviation(log: &EventLog, map: &JourneyMap) -> DeviationReport {
    let mapping = ActivityMapping::new(log, map);
    let tp_index: FastMap<&str, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let routes: HashSet<(usize, usize)> = map
        .routes
        .iter()
        .filter_map(|r| Some((*tp_index.get(r.from.as_str())?, *tp_index.get(r.to.as_str())?)))
        .collect();
    let n_act = log.activity_names.len();
    let mut off: FastMap<(u32, u32), (u64, u64, u32)> = new_map(); // count, cases, last case
    let (mut checked, mut off_route, mut cases_dev) = (0u64, 0u64, 0u64);
    let mut rework = vec![(0u64, 0u64, 0u64); n_act]; // cases_with_repeat, repeats, self_loops
    let mut seen = vec![0u32; n_act]; // occurrences in the current case
    let mut touched: Vec<u32> = Vec::new();
    let mut cases_rework = 0u64;
    for c in 0..log.case_count() {
        let trace = log.trace(c);
        let mut deviated = false;
        for w in trace.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a == b {
                rework[a as usize].2 += 1;
            }
            let (Some(ta), Some(tb)) = (mapping.of(a), mapping.of(b)) else { continue };
            if ta == tb {
                continue;
            }
            checked += 1;
            if !routes.contains(&(ta, tb)) {
                off_route += 1;
                deviated = true;
                let e = off.entry((a, b)).or_insert((0, 0, u32::MAX));
                e.0 += 1;
                if e.2 != c as u32 {
                    e.2 = c as u32;
                    e.1 += 1;
                }
            }
        }
        cases_dev += deviated as u64;
        let mut any_repeat = false;
        for &a in trace {
            if seen[a as usize] == 0 {
                touched.push(a);
            }
            seen[a as usize] += 1;
        }
        for a in touched.drain(..) {
            let n = seen[a as usize];
            if n > 1 {
                any_repeat = true;
                rework[a as usize].0 += 1;
                rework[a as usize].1 += (n - 1) as u64;
            }
            seen[a as usize] = 0;
        }
        cases_rework += any_repeat as u64;
    }
    let name = |a: u32| log.activity_names[a as usize].clone();
    let tp_id = |a: u32| mapping.of(a).map(|t| map.touchpoints[t].id.clone()).unwrap_or_default();
    let mut top: Vec<DeviatingRoute> = off
        .into_iter()
        .map(|((a, b), (count, cases, _))| DeviatingRoute {
            from_activity: name(a),
            to_activity: name(b),
            from_touchpoint_id: tp_id(a),
            to_touchpoint_id: tp_id(b),
            count,
            cases,
        })
        .collect();
    top.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| (&x.from_activity, &x.to_activity).cmp(&(&y.from_activity, &y.to_activity))));
    top.truncate(TOP_ROUTES);
    // Events per activity id (a name lookup per activity was quadratic in their number).
    let mut events_of = vec![0u64; n_act];
    for &a in &log.activity {
        events_of[a as usize] += 1;
    }
    let mut unmapped: Vec<UnmappedActivity> = (0..n_act as u32)
        .filter(|&a| mapping.of(a).is_none())
        .map(|a| UnmappedActivity { activity: name(a), events: events_of[a as usize] })
        .collect();
    unmapped.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let mapped_activities = (0..n_act as u32)
        .filter(|&a| mapping.of(a).is_some())
        .map(|a| MappedActivity { activity: name(a), touchpoint_id: tp_id(a) })
        .collect();
    let mut rework_list: Vec<ReworkStats> = rework
        .iter()
        .enumerate()
        .filter(|(_, r)| r.1 > 0 || r.2 > 0)
        .map(|(a, r)| ReworkStats { activity: name(a as u32), cases_with_repeat: r.0, repeats: r.1, self_loops: r.2 })
        .collect();
    rework_list.sort_by(|x, y| y.repeats.cmp(&x.repeats).then_with(|| x.activity.cmp(&y.activity)));
    let cases = log.case_count() as u64;
    DeviationReport {
        mapped_activities,
        unmapped_activities: unmapped,
        transitions: log.event_count().saturating_sub(log.case_count()) as u64,
        transitions_checked: checked,
        transitions_off_route: off_route,
        off_route_share: share(off_route, checked),
        cases_with_deviation: cases_dev,
        case_deviation_share: share(cases_dev, cases),
        top_deviating_routes: top,
        rework: rework_list,
        cases_with_rework: cases_rework,
        rework_case_share: share(cases_rework, cases),
        more_unmapped: Omitted::default(),
        more_rework: Omitted::default(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Channel, RouteKind};

    /// Map: Visit → Cart → Pay (planned). "Cart" is found by event key "add_to_cart".
    pub(crate) fn shop_map() -> JourneyMap {
        let mut m = JourneyMap::blank("m", "Shop", 0.0, crate::model::Lang::En);
        let s = m.stages[0].id.clone();
        let v = m.add_touchpoint(&s, "Visit", Channel::Website).unwrap();
        let c = m.add_touchpoint(&s, "Cart", Channel::OnlineShop).unwrap();
        let p = m.add_touchpoint(&s, "Pay", Channel::OnlineShop).unwrap();
        m.touchpoint_mut(&c).unwrap().event_key = Some("add_to_cart".into());
        m.add_route(&v, &c, RouteKind::Planned);
        m.add_route(&c, &p, RouteKind::Planned);
        m
    }

    #[test]
    fn hand_checked_deviation_and_rework() {
        // Case 1 follows the plan. Case 2 jumps Visit → Pay (off route), then calls
        // support (unmapped). Case 3 repeats add_to_cart (self-loop).
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "ADD_TO_CART", 1), ("1", "Pay", 2),
            ("2", "Visit", 0), ("2", "pay", 1), ("2", "support call", 2),
            ("3", "visit", 0), ("3", "add_to_cart", 1), ("3", "add_to_cart", 2),
        ]);
        let r = deviation(&log, &shop_map());
        assert_eq!(r.transitions, 6);
        // Checked: 1: v→c, c→p; 2: v→p; 3: v→c (the self-loop stays on one touchpoint).
        assert_eq!((r.transitions_checked, r.transitions_off_route), (4, 1));
        assert_eq!(r.cases_with_deviation, 1);
        assert_eq!(r.top_deviating_routes[0].to_activity, "pay");
        assert_eq!(r.unmapped_activities, vec![UnmappedActivity { activity: "support call".into(), events: 1 }]);
        assert_eq!(r.rework.len(), 1);
        assert_eq!((r.rework[0].cases_with_repeat, r.rework[0].repeats, r.rework[0].self_loops), (1, 1, 1));
        assert_eq!(r.cases_with_rework, 1);
    }
}
