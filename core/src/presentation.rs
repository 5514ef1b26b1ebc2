//! What the presentation mode shows for one stage: its key numbers and pain points. Pure
//! so that the numbers on the meeting screen are tested here, not in the browser.
//!
//! The numbers follow the rest of the core: a volume is the largest usable volume among
//! the stage's frontstage touchpoints (as in the funnel: summing would count the same
//! customers at every touchpoint, and backstage processes are not customers); unknown
//! measurements stay `None`, never 0.

use crate::model::{JourneyMap, Visibility};
use crate::score::MapScores;

/// One pain point and the touchpoint it was noted at.
#[derive(Debug, Clone, PartialEq)]
pub struct StagePain {
    pub touchpoint: String,
    pub pain: String,
}

/// Key numbers of one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    pub stage_id: String,
    pub name: String,
    pub description: String,
    /// Position in the map, from 0.
    pub index: usize,
    pub touchpoints: usize,
    /// Customers reaching the stage: the largest frontstage volume.
    pub volume: Option<f64>,
    /// The highest measured drop-off rate (0..1) among the stage's touchpoints.
    pub highest_drop_off: Option<f64>,
    /// Mean of the known emotions (−2..+2); unknown emotions are left out.
    pub mean_emotion: Option<f64>,
    /// The stage score (0..100) from the score module.
    pub score: Option<f64>,
    pub pains: Vec<StagePain>,
}

/// The summary of every stage, in map order.
pub fn stage_summaries(map: &JourneyMap, scores: &MapScores) -> Vec<StageSummary> {
    map.stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            let tps: Vec<_> = map.touchpoints_in(&stage.id).collect();
            let usable = |v: Option<f64>| v.filter(|v| v.is_finite() && *v >= 0.0);
            let volume = tps
                .iter()
                .filter(|t| t.visibility == Visibility::Frontstage)
                .filter_map(|t| usable(t.measurements.volume))
                .reduce(f64::max);
            let highest_drop_off = tps
                .iter()
                .filter_map(|t| usable(t.measurements.drop_off_rate).filter(|r| *r <= 1.0))
                .reduce(f64::max);
            let emotions: Vec<f64> = tps.iter().filter_map(|t| t.emotion.map(f64::from)).collect();
            let mean_emotion = (!emotions.is_empty()).then(|| emotions.iter().sum::<f64>() / emotions.len() as f64);
            let pains = tps
                .iter()
                .flat_map(|t| {
                    t.pain_points
                        .iter()
                        .filter(|p| !p.trim().is_empty())
                        .map(|p| StagePain { touchpoint: t.title.clone(), pain: p.clone() })
                })
                .collect();
            StageSummary {
                stage_id: stage.id.clone(),
                name: stage.name.clone(),
                description: stage.description.clone(),
                index,
                touchpoints: tps.len(),
                volume,
                highest_drop_off,
                mean_emotion,
                score: scores.stage(&stage.id).and_then(|s| s.value),
                pains,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};
    use crate::score::score_map;
    use crate::templates::coffee_to_go;

    #[test]
    fn numbers_per_stage_leave_unknowns_out() {
        let mut map = JourneyMap::empty("m", "Test", 0.0);
        let s1 = map.add_stage("Awareness");
        let s2 = map.add_stage("Purchase");
        let a = map.add_touchpoint(&s1, "Ad", Channel::default()).unwrap();
        let b = map.add_touchpoint(&s1, "Back office", Channel::default()).unwrap();
        let c = map.add_touchpoint(&s1, "Post", Channel::default()).unwrap();
        {
            let t = map.touchpoint_mut(&a).unwrap();
            t.measurements.volume = Some(100.0);
            t.measurements.drop_off_rate = Some(0.2);
            t.emotion = Some(2);
            t.pain_points = vec!["Too loud".into(), " ".into()];
        }
        {
            let t = map.touchpoint_mut(&b).unwrap();
            t.visibility = Visibility::Backstage;
            t.measurements.volume = Some(900.0);
            t.emotion = Some(-1);
        }
        map.touchpoint_mut(&c).unwrap().measurements.drop_off_rate = Some(0.5);
        let all = stage_summaries(&map, &score_map(&map));
        assert_eq!(all.len(), 2);
        let first = &all[0];
        assert_eq!((first.index, first.touchpoints), (0, 3));
        assert_eq!(first.volume, Some(100.0), "backstage volume is not customers");
        assert_eq!(first.highest_drop_off, Some(0.5));
        assert_eq!(first.mean_emotion, Some(0.5), "unknown emotion of “Post” left out");
        assert_eq!(first.pains, vec![StagePain { touchpoint: "Ad".into(), pain: "Too loud".into() }]);
        let second = &all[1];
        assert_eq!((second.touchpoints, second.volume, second.highest_drop_off, second.mean_emotion), (0, None, None, None));
        assert_eq!(second.score, None);
        assert_eq!((second.stage_id.as_str(), second.name.as_str()), (s2.as_str(), "Purchase"));
    }

    #[test]
    fn the_example_has_a_summary_for_every_stage() {
        let map = coffee_to_go("c", 0.0, Lang::En);
        let all = stage_summaries(&map, &score_map(&map));
        assert_eq!(all.len(), map.stages.len());
        assert_eq!(all.iter().map(|s| s.touchpoints).sum::<usize>(), map.touchpoints.len());
        assert!(all.iter().any(|s| !s.pains.is_empty()));
    }
}
