//! The editor's emotion curve input: like `charts::from_map::emotion_curve_input`, plus the
//! to-be curve from each touchpoint's to-be emotion and an optional persona filter.

use crate::charts::from_map::emotion_curve_input;
use crate::charts::EmotionCurveInput;
use crate::model::{JourneyMap, Lang, Touchpoint};

use super::persona_filter::belongs_to;

fn stage_means(map: &JourneyMap, keep: impl Fn(&Touchpoint) -> bool, value: impl Fn(&Touchpoint) -> Option<i8>) -> Vec<Option<f64>> {
    map.stages
        .iter()
        .map(|stage| {
            let (sum, n) = map
                .touchpoints_in(&stage.id)
                .filter(|t| keep(t))
                .filter_map(|t| value(t).map(f64::from))
                .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
            (n > 0).then(|| sum / n as f64)
        })
        .collect()
}

/// One series per persona (or one for all touchpoints without personas); with `persona`
/// only that persona's series. Each series gets a to-be curve when any of its touchpoints
/// has a to-be emotion; unknown values stay gaps.
pub fn emotion_curve_with_to_be(map: &JourneyMap, lang: Lang, persona: Option<&str>) -> EmotionCurveInput {
    let mut input = emotion_curve_input(map, lang);
    let ids: Vec<Option<String>> = if map.personas.is_empty() {
        vec![None]
    } else {
        map.personas.iter().map(|p| Some(p.id.clone())).collect()
    };
    for (series, id) in input.series.iter_mut().zip(&ids) {
        let to_be = stage_means(map, |t| belongs_to(t, id.as_deref()), |t| t.to_be_emotion);
        series.to_be = to_be.iter().any(Option::is_some).then_some(to_be);
    }
    if let Some(p) = persona {
        let keep: Vec<bool> = ids.iter().map(|id| id.as_deref() == Some(p)).collect();
        if keep.iter().any(|k| *k) {
            let mut it = keep.into_iter();
            input.series.retain(|_| it.next().unwrap_or(false));
        }
    }
    input
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    #[test]
    fn to_be_curve_and_persona_filter() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_persona("A");
        let b = m.add_persona("B");
        let t1 = m.add_touchpoint(&s, "1", Channel::App).unwrap();
        let tp = m.touchpoint_mut(&t1).unwrap();
        tp.set_emotion(Some(-2));
        tp.set_to_be_emotion(Some(1));
        tp.persona_ids = vec![a.clone()];
        let input = emotion_curve_with_to_be(&m, Lang::En, None);
        assert_eq!(input.series.len(), 2);
        assert_eq!(input.series[0].as_is[0], Some(-2.0));
        assert_eq!(input.series[0].to_be.as_ref().unwrap()[0], Some(1.0));
        assert!(input.series[1].to_be.is_none(), "B has no to-be emotions");
        let only_b = emotion_curve_with_to_be(&m, Lang::En, Some(&b));
        assert_eq!(only_b.series.len(), 1);
        assert_eq!(only_b.series[0].name, "B");
    }
}
