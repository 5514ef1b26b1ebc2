//! Stage scores: the mean of the touchpoint scores in a stage, weighted by volume when every
//! scored touchpoint of the stage has a volume.
//!
//! Why all-or-nothing: if only some touchpoints had volumes, the others would need an
//! invented volume, and a guess would then steer the stage score. So volumes count only when
//! the whole group has them; the result says which weighting was used.

use std::collections::HashMap;

use serde::Serialize;

use super::touchpoint::TouchpointResult;
use crate::model::JourneyMap;

/// How a group of scores was averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weighting {
    /// Weighted by each touchpoint's volume.
    Volume,
    /// Plain mean: at least one touchpoint had no volume (or all volumes were 0).
    Equal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageScore {
    pub stage_id: String,
    /// 0..=100; `None` when no touchpoint of the stage has a score.
    pub value: Option<f64>,
    pub weighting: Weighting,
    /// How many touchpoints of the stage have a score.
    pub scored: usize,
    /// How many touchpoints the stage has.
    pub touchpoints: usize,
}

/// A usable volume: finite and not negative.
pub(crate) fn usable_volume(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite() && *v >= 0.0)
}

/// Weights for `(score, volume)` pairs: volume shares when every volume is known and they
/// sum to more than 0, equal shares otherwise.
pub(crate) fn shares(volumes: &[Option<f64>]) -> (Vec<f64>, Weighting) {
    let known: Option<Vec<f64>> = volumes.iter().map(|v| usable_volume(*v)).collect();
    match known {
        Some(vs) if vs.iter().sum::<f64>() > 0.0 => {
            let total: f64 = vs.iter().sum();
            (vs.iter().map(|v| v / total).collect(), Weighting::Volume)
        }
        _ => {
            let n = volumes.len().max(1) as f64;
            (vec![1.0 / n; volumes.len()], Weighting::Equal)
        }
    }
}

/// Scores every stage of the map, in stage order.
pub fn score_stages(map: &JourneyMap, results: &[TouchpointResult]) -> Vec<StageScore> {
    let by_id: HashMap<&str, &TouchpointResult> = results.iter().map(|r| (r.touchpoint_id.as_str(), r)).collect();
    map.stages
        .iter()
        .map(|stage| {
            let mut values = Vec::new();
            let mut volumes = Vec::new();
            let mut count = 0;
            for tp in map.touchpoints_in(&stage.id) {
                count += 1;
                if let Some(score) = by_id.get(tp.id.as_str()).and_then(|r| r.score.as_ref()) {
                    values.push(score.value);
                    volumes.push(tp.measurements.volume);
                }
            }
            let (weights, weighting) = shares(&volumes);
            let value = (!values.is_empty()).then(|| {
                let mean: f64 = values.iter().zip(&weights).map(|(v, w)| v * w).sum();
                // Rounding in the sum must not leave the scale.
                mean.clamp(0.0, 100.0)
            });
            StageScore { stage_id: stage.id.clone(), value, weighting, scored: values.len(), touchpoints: count }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};
    use crate::score::{score_touchpoint, ScoreWeights};

    fn results(m: &JourneyMap) -> Vec<TouchpointResult> {
        m.touchpoints.iter().map(|t| score_touchpoint(t, &ScoreWeights::default())).collect()
    }

    #[test]
    fn volumes_weight_the_stage_only_when_all_scored_touchpoints_have_one() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "a", Channel::App).unwrap();
        let b = m.add_touchpoint(&s, "b", Channel::App).unwrap();
        m.add_touchpoint(&s, "no inputs", Channel::App).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(2)); // 100
        m.touchpoint_mut(&b).unwrap().set_emotion(Some(0)); // 50
        m.touchpoint_mut(&a).unwrap().measurements.volume = Some(300.0);
        let plain = &score_stages(&m, &results(&m))[0];
        assert_eq!((plain.value, plain.weighting), (Some(75.0), Weighting::Equal));
        m.touchpoint_mut(&b).unwrap().measurements.volume = Some(100.0);
        // The unscored touchpoint has no volume, but it does not count.
        let weighted = &score_stages(&m, &results(&m))[0];
        assert_eq!((weighted.value, weighted.weighting), (Some(87.5), Weighting::Volume));
        assert_eq!((weighted.scored, weighted.touchpoints), (2, 3));
    }

    #[test]
    fn a_stage_without_scored_touchpoints_has_no_score() {
        let m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let stages = score_stages(&m, &results(&m));
        assert_eq!(stages.len(), 5);
        assert!(stages.iter().all(|s| s.value.is_none()));
    }

    #[test]
    fn zero_total_volume_falls_back_to_equal_shares() {
        assert_eq!(shares(&[Some(0.0), Some(0.0)]), (vec![0.5, 0.5], Weighting::Equal));
        assert_eq!(shares(&[Some(1.0), Some(-1.0)]).1, Weighting::Equal);
        assert_eq!(shares(&[Some(1.0), Some(3.0)]), (vec![0.25, 0.75], Weighting::Volume));
    }
}
