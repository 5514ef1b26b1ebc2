//! What a log measured and what it did not, for "apply to map" (raw log and aggregate
//! alike): which touchpoints and routes the plan leaves as they were ("not measured by
//! this log"), which of those still hold values of another period (the map would then mix
//! periods), and — when the user asks — clearing those old values instead of keeping them
//! beside the new ones.
//!
//! The rule: a touchpoint is measured when at least one activity of the log is matched to
//! it; a route when both its ends are. Nothing else is written, and nothing becomes 0
//! because the log did not see it.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{JourneyMap, MeasuredPeriod};

use super::apply::ChangeTarget;

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

fn tp_target(map: &JourneyMap, i: usize) -> ChangeTarget {
    let t = &map.touchpoints[i];
    ChangeTarget::Touchpoint { id: t.id.clone(), title: t.title.clone() }
}

fn route_target(map: &JourneyMap, r: usize) -> ChangeTarget {
    let route = &map.routes[r];
    let title = |id: &str| map.touchpoints.iter().find(|t| t.id == id).map_or_else(String::new, |t| t.title.clone());
    ChangeTarget::Route { id: route.id.clone(), from_title: title(&route.from), to_title: title(&route.to), new: false }
}

/// True when a value with `had` as its period is not of `period`.
fn other(had: Option<&MeasuredPeriod>, period: Option<&MeasuredPeriod>) -> bool {
    match (had, period) {
        (Some(a), Some(b)) => !a.same_span(b),
        (None, Some(_)) => true,
        // Without a period for the log (an empty log) nothing is compared.
        (_, None) => false,
    }
}

/// Lists what `measured_tp` (per touchpoint of `map`) leaves out, and with `clear` empties
/// the log-measured fields (volume, drop-off, throughput time, period) of uncovered
/// touchpoints and the volume of uncovered routes in `out` — `None`, never 0. Routes are
/// measured when both ends are; routes `out` added are not looked at.
pub fn coverage(map: &JourneyMap, out: &mut JourneyMap, measured_tp: &[bool], period: Option<&MeasuredPeriod>, clear: bool) -> Coverage {
    let mut cov = Coverage { cleared: clear, ..Coverage::default() };
    let measured_ids: HashSet<&str> =
        map.touchpoints.iter().zip(measured_tp).filter(|(_, m)| **m).map(|(t, _)| t.id.as_str()).collect();
    for (i, t) in map.touchpoints.iter().enumerate() {
        if measured_tp.get(i).copied().unwrap_or(false) {
            continue;
        }
        cov.not_measured.push(tp_target(map, i));
        let m = &t.measurements;
        let holds = m.volume.is_some() || m.drop_off_rate.is_some() || m.throughput_time_s.is_some();
        if holds && other(m.period.as_ref(), period) {
            cov.other_period.push(tp_target(map, i));
            if clear {
                if let Some(o) = out.touchpoints.iter_mut().find(|o| o.id == t.id) {
                    let m = &mut o.measurements;
                    (m.volume, m.drop_off_rate, m.throughput_time_s, m.period) = (None, None, None, None);
                }
            }
        }
    }
    for (r, route) in map.routes.iter().enumerate() {
        if measured_ids.contains(route.from.as_str()) && measured_ids.contains(route.to.as_str()) {
            continue;
        }
        cov.not_measured.push(route_target(map, r));
        if route.volume.is_some() && other(route.period.as_ref(), period) {
            cov.other_period.push(route_target(map, r));
            if clear {
                if let Some(o) = out.routes.iter_mut().find(|o| o.id == route.id) {
                    (o.volume, o.period) = (None, None);
                }
            }
        }
    }
    cov
}
