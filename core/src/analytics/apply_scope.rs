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

use crate::model::{JourneyMap, MeasuredPeriod};

/// Indices (into the input map) of what the log does not cover.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Uncovered {
    /// Touchpoints without a matched activity, in map order.
    pub touchpoints: Vec<usize>,
    /// Routes with an unmatched end, in map order.
    pub routes: Vec<usize>,
    /// Of those, the ones holding a volume, drop-off or throughput value that is not from
    /// this log's period (entered per month, or another log).
    pub other_touchpoints: Vec<usize>,
    pub other_routes: Vec<usize>,
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

/// Finds what `measured_tp` (per touchpoint of `map`) leaves out, and with `clear` empties
/// the log-measured fields (volume, drop-off, throughput time, period) of uncovered
/// touchpoints and the volume of uncovered routes in `out` — `None`, never 0. Routes are
/// measured when both ends are; routes `out` added are not looked at.
pub fn uncovered(map: &JourneyMap, out: &mut JourneyMap, measured_tp: &[bool], period: Option<&MeasuredPeriod>, clear: bool) -> Uncovered {
    let mut u = Uncovered::default();
    let measured_ids: HashSet<&str> =
        map.touchpoints.iter().zip(measured_tp).filter(|(_, m)| **m).map(|(t, _)| t.id.as_str()).collect();
    for (i, t) in map.touchpoints.iter().enumerate() {
        if measured_tp.get(i).copied().unwrap_or(false) {
            continue;
        }
        u.touchpoints.push(i);
        let m = &t.measurements;
        let holds = m.volume.is_some() || m.drop_off_rate.is_some() || m.throughput_time_s.is_some();
        if holds && other(m.period.as_ref(), period) {
            u.other_touchpoints.push(i);
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
        u.routes.push(r);
        if route.volume.is_some() && other(route.period.as_ref(), period) {
            u.other_routes.push(r);
            if clear {
                if let Some(o) = out.routes.iter_mut().find(|o| o.id == route.id) {
                    (o.volume, o.period) = (None, None);
                }
            }
        }
    }
    u
}
