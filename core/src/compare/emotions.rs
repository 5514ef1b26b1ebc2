//! Both emotion curves in one chart: the mean emotion per stage of two states of a map,
//! as two series of [`crate::charts::emotion_curve`]. Stages are matched by id; a stage only
//! one side has is a gap on the other.

use crate::charts::{EmotionCurveInput, EmotionSeries};
use crate::model::JourneyMap;

use super::deltas::{stage_emotion, union_ids};

pub fn emotion_comparison(before: &JourneyMap, after: &JourneyMap, before_label: &str, after_label: &str) -> EmotionCurveInput {
    let ids = union_ids(after.stages.iter().map(|s| s.id.as_str()), before.stages.iter().map(|s| s.id.as_str()));
    let stages = ids
        .iter()
        .map(|id| after.stage(id).or(before.stage(id)).map(|s| s.name.clone()).unwrap_or_default())
        .collect();
    let series = |map: &JourneyMap, name: &str| EmotionSeries {
        name: name.to_string(),
        as_is: ids.iter().map(|id| stage_emotion(map, id)).collect(),
        to_be: None,
    };
    EmotionCurveInput { stages, series: vec![series(before, before_label), series(after, after_label)] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{emotion_curve, Chart, ChartOptions};
    use crate::model::{Channel, Lang};

    #[test]
    fn two_series_over_the_union_of_stages() {
        let mut before = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s0 = before.stages[0].id.clone();
        let a = before.add_touchpoint(&s0, "a", Channel::App).unwrap();
        before.touchpoint_mut(&a).unwrap().set_emotion(Some(-2));
        let mut after = before.clone();
        after.touchpoint_mut(&a).unwrap().set_emotion(Some(1));
        let s4 = after.stages[4].id.clone();
        after.remove_stage(&s4);
        let input = emotion_comparison(&before, &after, "Snapshot", "Now");
        assert_eq!(input.stages.len(), 5, "the removed stage stays as a category");
        assert_eq!(input.stages[4], "Loyalty");
        assert_eq!(input.series[0].as_is[0], Some(-2.0));
        assert_eq!(input.series[1].as_is[0], Some(1.0));
        let Chart::Svg(svg) = emotion_curve(&input, &ChartOptions::new(Lang::En)) else { panic!("no chart") };
        assert!(svg.contains("Snapshot") && svg.contains("Now"));
    }
}
