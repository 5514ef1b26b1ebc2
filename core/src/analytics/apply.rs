//! Writes what the log measured into a copy of the journey map (the UI keeps the old map
//! for undo). Per mapped touchpoint: volume (cases that visit it), drop-off rate (cases
//! that dropped off there / cases that visit it) and throughput time (median time from an
//! event there to the next event of the case); its evidence becomes Measured with the
//! file name and date as source. Per route between two mapped touchpoints: the number of
//! cases that step directly from one to the other. Steps the map has no route for become
//! new Alternative routes when asked; otherwise only existing routes get volumes.
//! Touchpoints and routes the log says nothing about are left as they were.

use serde::{Deserialize, Serialize};

use crate::model::{EvidenceKind, JourneyMap, RouteKind};

use super::dropoff::{dropped_cases, end_ids, DropOffOptions};
use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::mapping::ActivityMapping;
use super::stats::median_ms;

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
    #[serde(default)]
    pub drop_off: DropOffOptions,
}

pub fn apply_to_map(map: &JourneyMap, log: &EventLog, opts: &ApplyOptions) -> JourneyMap {
    let mut out = map.clone();
    let mapping = ActivityMapping::new(log, map);
    let n_tp = map.touchpoints.len();
    let (ends, _) = end_ids(log, &opts.drop_off);
    let dropped = dropped_cases(log, &ends, opts.drop_off.timeout_s);
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
        if let Some(t) = dropped[c].and_then(|a| mapping.of(a)) {
            drops[t] += 1;
        }
    }
    let source = format!("{} ({})", opts.source_file, opts.date);
    for (t, tp) in out.touchpoints.iter_mut().enumerate() {
        if visits[t] == 0 {
            continue;
        }
        tp.measurements.volume = Some(visits[t] as f64);
        tp.measurements.drop_off_rate = Some(drops[t] as f64 / visits[t] as f64);
        tp.measurements.throughput_time_s = (!dwell[t].is_empty()).then(|| median_ms(&mut dwell[t]) / 1000.0);
        tp.evidence.kind = EvidenceKind::Measured;
        tp.evidence.source = source.clone();
    }
    let index: FastMap<String, usize> = map.touchpoints.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
    let mut covered = std::collections::HashSet::new();
    for route in &mut out.routes {
        let (Some(&a), Some(&b)) = (index.get(&route.from), index.get(&route.to)) else { continue };
        if visits[a] == 0 && visits[b] == 0 {
            continue; // the log knows neither end: leave the route alone
        }
        route.volume = Some(steps.get(&(a, b)).map_or(0.0, |s| s.0 as f64));
        covered.insert((a, b));
    }
    if opts.create_alternative_routes {
        let mut new_steps: Vec<((usize, usize), u64)> = steps.iter().filter(|(k, _)| !covered.contains(*k)).map(|(k, v)| (*k, v.0)).collect();
        new_steps.sort(); // map order, so the result doesn't depend on hashing
        for ((a, b), cases) in new_steps {
            let (from, to) = (map.touchpoints[a].id.clone(), map.touchpoints[b].id.clone());
            if let Some(id) = out.add_route(&from, &to, RouteKind::Alternative) {
                if let Some(r) = out.routes.iter_mut().find(|r| r.id == id) {
                    r.volume = Some(cases as f64);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::deviation::tests::shop_map;

    const DAY: i64 = 86_400_000;

    #[test]
    fn measured_values_and_routes() {
        // Case 1: Visit → Cart → Pay. Case 2: Visit → Pay (no route). Case 3: Visit → Cart,
        // then silence for 20 days (dropped at Cart). Log ends on day 30.
        let log = EventLog::from_events(&[
            ("1", "Visit", 0), ("1", "add_to_cart", 60_000), ("1", "Pay", 30 * DAY),
            ("2", "Visit", 0), ("2", "Pay", 120_000),
            ("3", "Visit", DAY), ("3", "add_to_cart", DAY + 30_000),
        ]);
        let map = shop_map();
        let opts = ApplyOptions {
            source_file: "shop.csv".into(),
            date: "2026-11-22".into(),
            create_alternative_routes: true,
            drop_off: DropOffOptions { end_activities: vec!["Pay".into()], timeout_s: 7.0 * 86_400.0 },
        };
        let out = apply_to_map(&map, &log, &opts);
        let cart = out.touchpoints.iter().find(|t| t.title == "Cart").unwrap();
        assert_eq!(cart.measurements.volume, Some(2.0));
        assert_eq!(cart.measurements.drop_off_rate, Some(0.5));
        assert_eq!(cart.measurements.throughput_time_s, Some(30.0 * 86_400.0 - 60.0));
        assert_eq!(cart.evidence.kind, EvidenceKind::Measured);
        assert_eq!(cart.evidence.source, "shop.csv (2026-11-22)");
        let visit = out.touchpoints.iter().find(|t| t.title == "Visit").unwrap();
        assert_eq!(visit.measurements.throughput_time_s, Some(60.0)); // median of 60, 120, 30 s
        let vols: Vec<(RouteKind, Option<f64>)> = out.routes.iter().map(|r| (r.kind, r.volume)).collect();
        assert_eq!(vols, vec![(RouteKind::Planned, Some(2.0)), (RouteKind::Planned, Some(1.0)), (RouteKind::Alternative, Some(1.0))]);
        // The input map is untouched (undo keeps it).
        assert_eq!(map, shop_map());
        let no_new = apply_to_map(&map, &log, &ApplyOptions { create_alternative_routes: false, ..opts });
        assert_eq!(no_new.routes.len(), 2);
    }
}
