//! The main route: the path the business planned, along which end-to-end completion is
//! measured.
//!
//! Rule (also in docs/scoring.md): the route starts at a touchpoint that has an outgoing
//! planned route but no incoming one, taking the one in the earliest stage (ties: whose
//! planned route comes first in the map's route list); if every such touchpoint also has an
//! incoming planned route (a circle), the same choice is made among all of them. From there
//! it follows, at each step, the first planned route in the route list that leads to a
//! touchpoint not yet visited, and stops when there is none. A map without planned routes
//! falls back to all frontstage touchpoints in stage order.
//!
//! Nothing here depends on the order of touchpoints within a stage, so reordering cards on
//! the board never changes the journey score.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{JourneyMap, Route, RouteKind, Visibility};

/// How the main route was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteBasis {
    /// Followed the map's planned routes.
    PlannedRoutes,
    /// The map has no planned routes: all frontstage touchpoints in stage order.
    StageOrderFallback,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MainRoute {
    pub touchpoint_ids: Vec<String>,
    pub basis: RouteBasis,
}

/// Finds the main route of a map.
pub fn main_route(map: &JourneyMap) -> MainRoute {
    // Stage position of every touchpoint; touchpoints of unknown stages sort last.
    let stage_pos: HashMap<&str, usize> = map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let tp_stage: HashMap<&str, usize> = map
        .touchpoints
        .iter()
        .map(|t| (t.id.as_str(), stage_pos.get(t.stage_id.as_str()).copied().unwrap_or(usize::MAX)))
        .collect();
    let planned: Vec<&Route> = map
        .routes
        .iter()
        .filter(|r| r.kind == RouteKind::Planned && r.from != r.to)
        .filter(|r| tp_stage.contains_key(r.from.as_str()) && tp_stage.contains_key(r.to.as_str()))
        .collect();
    if planned.is_empty() {
        return MainRoute { touchpoint_ids: stage_order_frontstage(map), basis: RouteBasis::StageOrderFallback };
    }

    let has_incoming: HashSet<&str> = planned.iter().map(|r| r.to.as_str()).collect();
    // Routes out of each touchpoint, in route-list order.
    let mut outgoing: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in &planned {
        outgoing.entry(r.from.as_str()).or_default().push(r.to.as_str());
    }
    // The first route out of a touchpoint is the first time it appears as `from`.
    let pick_start = |only_without_incoming: bool| {
        planned
            .iter()
            .enumerate()
            .filter(|(_, r)| !only_without_incoming || !has_incoming.contains(r.from.as_str()))
            .min_by_key(|(i, r)| (tp_stage[r.from.as_str()], *i))
            .map(|(_, r)| r.from.as_str())
    };
    let start = pick_start(true).or_else(|| pick_start(false)).expect("planned is not empty");

    let mut visited: HashSet<&str> = HashSet::from([start]);
    let mut ids = vec![start.to_string()];
    let mut current = start;
    while let Some(&next) = outgoing.get(current).and_then(|outs| outs.iter().find(|to| !visited.contains(*to))) {
        visited.insert(next);
        ids.push(next.to_string());
        current = next;
    }
    MainRoute { touchpoint_ids: ids, basis: RouteBasis::PlannedRoutes }
}

/// All frontstage touchpoints, stage by stage, in map order within a stage.
fn stage_order_frontstage(map: &JourneyMap) -> Vec<String> {
    map.stages
        .iter()
        .flat_map(|s| map.touchpoints_in(&s.id))
        .filter(|t| t.visibility == Visibility::Frontstage)
        .map(|t| t.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};

    fn map_with(n_per_stage: usize) -> (JourneyMap, Vec<String>) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let stages: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let mut ids = Vec::new();
        for s in stages.iter().take(3) {
            for i in 0..n_per_stage {
                ids.push(m.add_touchpoint(s, &format!("t{i}"), Channel::Website).unwrap());
            }
        }
        (m, ids)
    }

    #[test]
    fn follows_planned_routes_and_ignores_alternatives() {
        let (mut m, ids) = map_with(2);
        m.add_route(&ids[0], &ids[2], RouteKind::Planned);
        m.add_route(&ids[0], &ids[1], RouteKind::Alternative);
        m.add_route(&ids[2], &ids[4], RouteKind::Planned);
        m.add_route(&ids[4], &ids[0], RouteKind::LoopBack);
        let r = main_route(&m);
        assert_eq!(r.basis, RouteBasis::PlannedRoutes);
        assert_eq!(r.touchpoint_ids, vec![ids[0].clone(), ids[2].clone(), ids[4].clone()]);
    }

    #[test]
    fn starts_without_incoming_route_even_if_not_first_on_the_board() {
        let (mut m, ids) = map_with(2);
        // ids[1] is second in the first stage but the only start of the planned route.
        m.add_route(&ids[1], &ids[3], RouteKind::Planned);
        m.add_route(&ids[3], &ids[5], RouteKind::Planned);
        assert_eq!(main_route(&m).touchpoint_ids, vec![ids[1].clone(), ids[3].clone(), ids[5].clone()]);
    }

    #[test]
    fn a_planned_circle_is_walked_once() {
        let (mut m, ids) = map_with(1);
        m.add_route(&ids[0], &ids[1], RouteKind::Planned);
        m.add_route(&ids[1], &ids[2], RouteKind::Planned);
        m.add_route(&ids[2], &ids[0], RouteKind::Planned);
        assert_eq!(main_route(&m).touchpoint_ids, ids);
    }

    #[test]
    fn without_planned_routes_all_frontstage_touchpoints_in_stage_order() {
        let (mut m, ids) = map_with(1);
        m.touchpoint_mut(&ids[1]).unwrap().visibility = Visibility::Backstage;
        // Put the last stage's touchpoint first in the list: stage order must still win.
        let last = m.touchpoints.pop().unwrap();
        m.touchpoints.insert(0, last);
        m.add_route(&ids[0], &ids[2], RouteKind::Alternative);
        let r = main_route(&m);
        assert_eq!(r.basis, RouteBasis::StageOrderFallback);
        assert_eq!(r.touchpoint_ids, vec![ids[0].clone(), ids[2].clone()]);
    }
}
