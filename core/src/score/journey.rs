//! The journey score: end-to-end completion together with the weakest stage, never the mean
//! of touchpoint scores.
//!
//! Completion is the measured conversion when analytics provides one, otherwise the product
//! of pass-through (1 − drop-off rate) along the main route. The journey score is the
//! geometric mean `√(completion points × weakest stage score)`: both must be good, and
//! either one near zero pulls the journey near zero. With only one of the two known, the
//! score is that one, and the result says so.

use std::collections::HashMap;

use serde::Serialize;

use super::main_route::MainRoute;
use super::stage::StageScore;
use crate::model::JourneyMap;

/// Where the completion figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CompletionSource {
    /// `ScoringSettings::measured_conversion`, e.g. from the analytics import.
    MeasuredConversion,
    /// Product of pass-through along the main route. Touchpoints on the route without a
    /// (usable) drop-off rate are listed: they were not counted as losing anyone.
    MainRoute { measured: Vec<String>, unmeasured: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completion {
    /// Share of customers completing the journey, 0..=1.
    pub rate: f64,
    pub source: CompletionSource,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakestStage {
    pub stage_id: String,
    pub stage_name: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneyScore {
    /// 0..=100.
    pub value: f64,
    pub completion: Option<Completion>,
    pub weakest_stage: Option<WeakestStage>,
}

/// End-to-end completion, or `None` when neither a measured conversion nor any drop-off
/// rate on the main route is known.
pub fn completion(map: &JourneyMap, route: &MainRoute, measured_conversion: Option<f64>) -> Option<Completion> {
    if let Some(rate) = measured_conversion {
        return Some(Completion { rate, source: CompletionSource::MeasuredConversion });
    }
    let drop_offs: HashMap<&str, Option<f64>> =
        map.touchpoints.iter().map(|t| (t.id.as_str(), t.measurements.drop_off_rate)).collect();
    let mut rate = 1.0;
    let (mut measured, mut unmeasured) = (Vec::new(), Vec::new());
    for id in &route.touchpoint_ids {
        let drop = drop_offs
            .get(id.as_str())
            .copied()
            .flatten()
            .filter(|d| d.is_finite() && (0.0..=1.0).contains(d));
        match drop {
            Some(d) => {
                rate *= 1.0 - d;
                measured.push(id.clone());
            }
            None => unmeasured.push(id.clone()),
        }
    }
    (!measured.is_empty()).then(|| Completion {
        rate: rate.clamp(0.0, 1.0),
        source: CompletionSource::MainRoute { measured, unmeasured },
    })
}

/// The lowest stage score (first in stage order on a tie).
pub fn weakest_stage(map: &JourneyMap, stages: &[StageScore]) -> Option<WeakestStage> {
    let names: HashMap<&str, &str> = map.stages.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
    stages
        .iter()
        .filter_map(|s| s.value.map(|v| (s, v)))
        .fold(None, |best: Option<(&StageScore, f64)>, (s, v)| match best {
            Some((_, bv)) if bv <= v => best,
            _ => Some((s, v)),
        })
        .map(|(s, v)| WeakestStage {
            stage_id: s.stage_id.clone(),
            stage_name: names.get(s.stage_id.as_str()).unwrap_or(&"").to_string(),
            value: v,
        })
}

/// Combines completion and the weakest stage; `None` when neither is known.
pub fn journey_score(completion: Option<Completion>, weakest: Option<WeakestStage>) -> Option<JourneyScore> {
    let value = match (&completion, &weakest) {
        (Some(c), Some(w)) => (c.rate * 100.0 * w.value).sqrt(),
        (Some(c), None) => c.rate * 100.0,
        (None, Some(w)) => w.value,
        (None, None) => return None,
    };
    Some(JourneyScore { value: value.clamp(0.0, 100.0), completion, weakest_stage: weakest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang, RouteKind};
    use crate::score::main_route::main_route;

    #[test]
    fn completion_multiplies_pass_through_and_names_unmeasured_touchpoints() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let ids: Vec<String> = (0..3).map(|i| m.add_touchpoint(&s, &format!("{i}"), Channel::App).unwrap()).collect();
        m.add_route(&ids[0], &ids[1], RouteKind::Planned);
        m.add_route(&ids[1], &ids[2], RouteKind::Planned);
        m.touchpoint_mut(&ids[0]).unwrap().measurements.drop_off_rate = Some(0.5);
        m.touchpoint_mut(&ids[2]).unwrap().measurements.drop_off_rate = Some(0.2);
        let route = main_route(&m);
        let c = completion(&m, &route, None).unwrap();
        assert!((c.rate - 0.4).abs() < 1e-12);
        assert_eq!(c.source, CompletionSource::MainRoute { measured: vec![ids[0].clone(), ids[2].clone()], unmeasured: vec![ids[1].clone()] });
        let measured = completion(&m, &route, Some(0.1)).unwrap();
        assert_eq!((measured.rate, measured.source), (0.1, CompletionSource::MeasuredConversion));
        m.touchpoint_mut(&ids[0]).unwrap().measurements.drop_off_rate = None;
        m.touchpoint_mut(&ids[2]).unwrap().measurements.drop_off_rate = None;
        assert_eq!(completion(&m, &route, None), None);
    }

    #[test]
    fn journey_score_is_the_geometric_mean_or_the_one_known_part() {
        let c = || Some(Completion { rate: 0.25, source: CompletionSource::MeasuredConversion });
        let w = || Some(WeakestStage { stage_id: "s".into(), stage_name: "S".into(), value: 64.0 });
        assert_eq!(journey_score(c(), w()).unwrap().value, 40.0);
        assert_eq!(journey_score(c(), None).unwrap().value, 25.0);
        assert_eq!(journey_score(None, w()).unwrap().value, 64.0);
        assert!(journey_score(None, None).is_none());
    }

    #[test]
    fn weakest_stage_is_the_lowest_scored_stage() {
        let m = JourneyMap::blank("m", "M", 0.0, Lang::De);
        let mk = |i: usize, v: Option<f64>| StageScore {
            stage_id: m.stages[i].id.clone(),
            value: v,
            weighting: crate::score::Weighting::Equal,
            scored: 1,
            touchpoints: 1,
        };
        let stages = vec![mk(0, Some(80.0)), mk(1, None), mk(2, Some(55.0)), mk(3, Some(55.0))];
        let w = weakest_stage(&m, &stages).unwrap();
        assert_eq!((w.stage_id.as_str(), w.value, w.stage_name.as_str()), (m.stages[2].id.as_str(), 55.0, "Kauf"));
    }
}
