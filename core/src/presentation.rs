//! What the presentation mode shows for one stage: its key numbers, its touchpoints (title,
//! channel, emotion, pain points) and its pain points. Pure so that the numbers on the
//! meeting screen are tested here, not in the browser.
//!
//! The numbers follow the rest of the core: a volume is the largest usable volume among
//! the stage's frontstage touchpoints (as in the funnel: summing would count the same
//! customers at every touchpoint, and backstage processes are not customers); unknown
//! measurements stay `None`, never 0. The emotion is read off the emotion curve's input
//! (`charts::from_map::emotion_curve_input`), one value per drawn line, so the number on the
//! slide is the value of the curve beside it — not a mean computed and rounded separately.

use crate::charts::from_map::emotion_curve_input;
use crate::locale::{number, percent, signed};
use crate::model::{Channel, JourneyMap, Lang, Visibility};
use crate::score::MapScores;

/// One pain point and the touchpoint it was noted at.
#[derive(Debug, Clone, PartialEq)]
pub struct StagePain {
    pub touchpoint: String,
    pub pain: String,
}

/// A touchpoint as a slide lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTouchpoint {
    pub id: String,
    pub title: String,
    pub channel: Channel,
    pub emotion: Option<i8>,
    pub pains: Vec<String>,
}

/// The emotion curve's value at a stage: one per line of the curve (one per persona, or
/// one line "all touchpoints" — `persona: None` — when the map has no personas).
#[derive(Debug, Clone, PartialEq)]
pub struct CurveValue {
    pub persona: Option<String>,
    pub value: Option<f64>,
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
    /// The stage's touchpoints in map order.
    pub cards: Vec<StageTouchpoint>,
    /// Customers reaching the stage: the largest frontstage volume.
    pub volume: Option<f64>,
    /// The highest measured drop-off rate (0..1) among the stage's touchpoints.
    pub highest_drop_off: Option<f64>,
    /// Mean of the known emotions (−2..+2); unknown emotions are left out.
    pub mean_emotion: Option<f64>,
    /// The emotion curve's value(s) at this stage.
    pub emotion: Vec<CurveValue>,
    /// The stage score (0..100) from the score module.
    pub score: Option<f64>,
    pub pains: Vec<StagePain>,
}

/// The summary of every stage, in map order.
pub fn stage_summaries(map: &JourneyMap, scores: &MapScores) -> Vec<StageSummary> {
    // The language only names the line of a map without personas, which is not used here.
    let curve = emotion_curve_input(map, Lang::En);
    let named = !map.personas.is_empty();
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
            let emotion = curve
                .series
                .iter()
                .map(|s| CurveValue {
                    persona: named.then(|| s.name.clone()),
                    value: s.as_is.get(index).copied().flatten(),
                })
                .collect();
            let pain_list = |t: &crate::model::Touchpoint| -> Vec<String> {
                t.pain_points.iter().filter(|p| !p.trim().is_empty()).cloned().collect()
            };
            let pains = tps
                .iter()
                .flat_map(|t| pain_list(t).into_iter().map(|pain| StagePain { touchpoint: t.title.clone(), pain }))
                .collect();
            let cards = tps
                .iter()
                .map(|t| StageTouchpoint {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    channel: t.channel.clone(),
                    emotion: t.emotion,
                    pains: pain_list(t),
                })
                .collect();
            StageSummary {
                stage_id: stage.id.clone(),
                name: stage.name.clone(),
                description: stage.description.clone(),
                index,
                touchpoints: tps.len(),
                cards,
                volume,
                highest_drop_off,
                mean_emotion,
                emotion,
                score: scores.stage(&stage.id).and_then(|s| s.value),
                pains,
            }
        })
        .collect()
}

/// Which key number a formatted value is; the UI names it in its language.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyNumber {
    Touchpoints,
    Volume,
    HighestDropOff,
    /// The curve's value, for one persona's line (`None`: the map has no personas).
    Emotion(Option<String>),
    Score,
}

/// An emotion as the curve's description writes it: signed, at most one decimal.
pub fn signed_emotion(value: f64, lang: Lang) -> String {
    signed(value, 1, lang)
}

/// The slide's key numbers, written in `lang` (thousands separators, decimal comma in German,
/// one minus sign); unknown numbers are left out rather than shown as 0.
pub fn key_numbers(s: &StageSummary, lang: Lang) -> Vec<(KeyNumber, String)> {
    let mut out = vec![(KeyNumber::Touchpoints, number(s.touchpoints as f64, 0, lang))];
    if let Some(v) = s.volume {
        out.push((KeyNumber::Volume, number(v, 0, lang)));
    }
    if let Some(d) = s.highest_drop_off {
        out.push((KeyNumber::HighestDropOff, percent(d, 0, lang)));
    }
    for c in &s.emotion {
        if let Some(v) = c.value {
            out.push((KeyNumber::Emotion(c.persona.clone()), signed_emotion(v, lang)));
        }
    }
    if let Some(score) = s.score {
        out.push((KeyNumber::Score, format!("{} / 100", number(score, 0, lang))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};
    use crate::score::score_map;
    use crate::templates::{coffee_to_go, online_shop_checkout};

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

    #[test]
    fn each_stage_lists_its_touchpoints_with_channel_emotion_and_pains() {
        let map = online_shop_checkout("r", 0.0, Lang::En);
        let all = stage_summaries(&map, &score_map(&map));
        for s in &all {
            let expected: Vec<&str> = map.touchpoints_in(&s.stage_id).map(|t| t.title.as_str()).collect();
            assert_eq!(s.cards.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), expected);
            assert_eq!(s.cards.len(), s.touchpoints);
        }
        let purchase = &all[2];
        let account = purchase.cards.iter().find(|c| c.title == "Creates a customer account").unwrap();
        assert_eq!((account.channel.clone(), account.emotion), (Channel::OnlineShop, Some(1)));
        assert_eq!(account.pains, vec!["Account required before paying".to_string()]);
    }

    #[test]
    fn the_emotion_shown_is_the_curves_value_not_a_rounded_mean() {
        let map = online_shop_checkout("r", 0.0, Lang::En);
        let all = stage_summaries(&map, &score_map(&map));
        // Known by construction: awareness holds the ad (+1) and the shoe test (+2).
        assert_eq!(all[0].emotion, vec![CurveValue { persona: Some("Sara, hobby runner".into()), value: Some(1.5) }]);
        let numbers = key_numbers(&all[0], Lang::De);
        assert!(numbers.contains(&(KeyNumber::Emotion(Some("Sara, hobby runner".into())), "+1,5".into())), "{numbers:?}");
        // The same text as the curve's own description (what a screen reader hears).
        for lang in [Lang::En, Lang::De] {
            let map = online_shop_checkout("r", 0.0, lang);
            let all = stage_summaries(&map, &score_map(&map));
            let input = emotion_curve_input(&map, lang);
            let crate::charts::Chart::Svg(svg) = crate::charts::emotion_curve(&input, &crate::charts::ChartOptions::new(lang)) else {
                panic!("the example has emotions")
            };
            let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
            for s in &all {
                let shown = key_numbers(s, lang).into_iter().find(|(k, _)| matches!(k, KeyNumber::Emotion(_))).unwrap().1;
                assert!(desc.contains(&format!("{} {shown}", crate::charts::escape(&s.name))), "{shown} for {} not in {desc}", s.name);
            }
        }
    }

    #[test]
    fn numbers_carry_the_languages_separators() {
        let map = online_shop_checkout("r", 0.0, Lang::En);
        let all = stage_summaries(&map, &score_map(&map));
        let volume = |lang| key_numbers(&all[2], lang).into_iter().find(|(k, _)| *k == KeyNumber::Volume).unwrap().1;
        assert_eq!(volume(Lang::En), "6,375");
        assert_eq!(volume(Lang::De), "6.375");
        assert_eq!(signed_emotion(-0.5, Lang::De), "−0,5");
        assert_eq!(signed_emotion(0.0, Lang::En), "0");
    }

    #[test]
    fn without_personas_the_one_line_has_no_name() {
        let map = coffee_to_go("c", 0.0, Lang::En);
        let all = stage_summaries(&map, &score_map(&map));
        if map.personas.is_empty() {
            assert!(all.iter().all(|s| s.emotion.iter().all(|c| c.persona.is_none())));
        }
        assert!(all.iter().all(|s| s.emotion.len() == map.personas.len().max(1)));
    }
}
