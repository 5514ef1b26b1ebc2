//! How the numbers moved between two states of a map: touchpoint, stage and journey scores
//! (both sides scored with [`crate::score::score_map`], each with its own settings), mean
//! emotions per stage, and the touchpoints' measurements.

use crate::model::{JourneyMap, MeasurementKind};
use crate::score::score_map;

/// A value before and after; either may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Delta {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl Delta {
    pub fn new(before: Option<f64>, after: Option<f64>) -> Self {
        Delta { before, after }
    }

    /// after − before, when both are known.
    pub fn change(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }

    /// True when the value is the same on both sides (also when unknown on both).
    pub fn unchanged(&self) -> bool {
        match (self.before, self.after) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointDelta {
    pub touchpoint_id: String,
    pub title: String,
    pub score: Delta,
    pub emotion: Delta,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageDelta {
    pub stage_id: String,
    pub name: String,
    pub score: Delta,
    /// Mean emotion of the stage's touchpoints (unknown emotions left out).
    pub emotion: Delta,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreDeltas {
    /// `after`'s touchpoints in map order, then those only `before` had.
    pub touchpoints: Vec<TouchpointDelta>,
    pub stages: Vec<StageDelta>,
    pub journey: Delta,
    pub mean_touchpoint: Delta,
}

/// Stage means of the emotion, by stage id.
pub(super) fn stage_emotion(map: &JourneyMap, stage_id: &str) -> Option<f64> {
    let values: Vec<f64> = map.touchpoints_in(stage_id).filter_map(|t| t.emotion.map(f64::from)).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Ids in `after`'s order followed by the ids only `before` has.
pub(super) fn union_ids<'a>(after: impl Iterator<Item = &'a str>, before: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = after.collect();
    for id in before {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

pub fn score_deltas(before: &JourneyMap, after: &JourneyMap) -> ScoreDeltas {
    let (sb, sa) = (score_map(before), score_map(after));
    let tp_ids = union_ids(after.touchpoints.iter().map(|t| t.id.as_str()), before.touchpoints.iter().map(|t| t.id.as_str()));
    let touchpoints = tp_ids
        .into_iter()
        .map(|id| {
            let (b, a) = (before.touchpoint(id), after.touchpoint(id));
            TouchpointDelta {
                touchpoint_id: id.to_string(),
                title: a.or(b).map(|t| t.title.clone()).unwrap_or_default(),
                score: Delta::new(sb.touchpoint_value(id), sa.touchpoint_value(id)),
                emotion: Delta::new(b.and_then(|t| t.emotion).map(f64::from), a.and_then(|t| t.emotion).map(f64::from)),
            }
        })
        .collect();
    let stage_ids = union_ids(after.stages.iter().map(|s| s.id.as_str()), before.stages.iter().map(|s| s.id.as_str()));
    let stages = stage_ids
        .into_iter()
        .map(|id| StageDelta {
            stage_id: id.to_string(),
            name: after.stage(id).or(before.stage(id)).map(|s| s.name.clone()).unwrap_or_default(),
            score: Delta::new(sb.stage(id).and_then(|s| s.value), sa.stage(id).and_then(|s| s.value)),
            emotion: Delta::new(stage_emotion(before, id), stage_emotion(after, id)),
        })
        .collect();
    ScoreDeltas {
        touchpoints,
        stages,
        journey: Delta::new(sb.journey.as_ref().map(|j| j.value), sa.journey.as_ref().map(|j| j.value)),
        mean_touchpoint: Delta::new(sb.mean_touchpoint_score, sa.mean_touchpoint_score),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementDelta {
    pub touchpoint_id: String,
    pub title: String,
    pub kind: MeasurementKind,
    pub delta: Delta,
}

/// The current measurements (volume, drop-off, throughput time, CSAT, CES, NPS) and the
/// latest custom KPI values that differ between the two states, per touchpoint present in
/// either.
pub fn measurement_deltas(before: &JourneyMap, after: &JourneyMap) -> Vec<MeasurementDelta> {
    let ids = union_ids(after.touchpoints.iter().map(|t| t.id.as_str()), before.touchpoints.iter().map(|t| t.id.as_str()));
    let mut out = Vec::new();
    for id in ids {
        let (b, a) = (before.touchpoint(id), after.touchpoint(id));
        let title = a.or(b).map(|t| t.title.clone()).unwrap_or_default();
        let mut kinds: Vec<MeasurementKind> = MeasurementKind::STANDARD.to_vec();
        for tp in [b, a].into_iter().flatten() {
            for r in &tp.history {
                if matches!(r.kind, MeasurementKind::Custom(_)) && !kinds.contains(&r.kind) {
                    kinds.push(r.kind.clone());
                }
            }
        }
        for kind in kinds {
            let value = |tp: Option<&crate::model::Touchpoint>| {
                tp.and_then(|t| match &kind {
                    MeasurementKind::Custom(_) => t.records_of(&kind).last().map(|r| r.value),
                    _ => kind.current(t),
                })
            };
            let delta = Delta::new(value(b), value(a));
            if !delta.unchanged() {
                out.push(MeasurementDelta { touchpoint_id: id.to_string(), title: title.clone(), kind, delta });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang, MeasurementRecord, RouteKind};

    fn base() -> (JourneyMap, String, String) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let a = m.add_touchpoint(&s0, "Ad", Channel::SocialMedia).unwrap();
        let b = m.add_touchpoint(&s1, "Shop", Channel::Website).unwrap();
        m.add_route(&a, &b, RouteKind::Planned);
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(-1));
        m.touchpoint_mut(&b).unwrap().set_emotion(Some(0));
        m.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.5);
        (m, a, b)
    }

    #[test]
    fn better_emotions_and_less_drop_off_raise_the_scores() {
        let (before, a, b) = base();
        let mut after = before.clone();
        after.touchpoint_mut(&a).unwrap().set_emotion(Some(2));
        after.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.1);
        let d = score_deltas(&before, &after);
        let ad = d.touchpoints.iter().find(|t| t.touchpoint_id == a).unwrap();
        assert_eq!(ad.emotion.change(), Some(3.0));
        assert!(ad.score.change().unwrap() > 0.0, "{ad:?}");
        let shop = d.touchpoints.iter().find(|t| t.touchpoint_id == b).unwrap();
        assert!(shop.score.change().unwrap() > 0.0);
        assert_eq!(d.stages[0].emotion, Delta::new(Some(-1.0), Some(2.0)));
        assert!(d.stages[1].score.change().unwrap() > 0.0);
        assert!(d.mean_touchpoint.change().unwrap() > 0.0);
        if let Some(change) = d.journey.change() {
            assert!(change >= 0.0);
        }
    }

    #[test]
    fn same_map_has_zero_deltas_and_removed_touchpoints_keep_their_before_value() {
        let (before, a, _) = base();
        let same = score_deltas(&before, &before);
        assert!(same.touchpoints.iter().all(|t| t.score.unchanged() && t.emotion.unchanged()));
        let mut after = before.clone();
        after.remove_touchpoint(&a);
        let d = score_deltas(&before, &after);
        let gone = d.touchpoints.last().unwrap();
        assert_eq!(gone.touchpoint_id, a);
        assert!(gone.score.before.is_some() && gone.score.after.is_none() && gone.score.change().is_none());
    }

    #[test]
    fn measurement_deltas_list_only_what_moved() {
        let (before, a, b) = base();
        let mut after = before.clone();
        after.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.2);
        after.touchpoint_mut(&a).unwrap().measurements.volume = Some(100.0);
        after
            .add_record(&a, MeasurementRecord { date: "2026-01-05".into(), kind: MeasurementKind::Custom("Cards".into()), value: 7.0, source: String::new() })
            .unwrap();
        let d = measurement_deltas(&before, &after);
        let summary: Vec<(String, MeasurementKind, Option<f64>)> = d.iter().map(|m| (m.title.clone(), m.kind.clone(), m.delta.change())).collect();
        assert_eq!(summary.len(), 3, "{summary:?}");
        assert_eq!(summary[0], ("Ad".into(), MeasurementKind::Volume, None));
        assert_eq!(summary[1], ("Ad".into(), MeasurementKind::Custom("Cards".into()), None));
        assert_eq!(summary[2].1, MeasurementKind::DropOffRate);
        assert!((summary[2].2.unwrap() + 0.3).abs() < 1e-9);
    }
}
