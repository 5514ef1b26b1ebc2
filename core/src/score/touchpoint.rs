//! The touchpoint score (0–100) and the account of which inputs it used.
//!
//! Each quality input becomes points on 0..=100:
//! experience = CSAT (1..5 → (csat − 1) / 4 × 100) when measured, otherwise emotion
//! (−2..2 → (emotion + 2) / 4 × 100); effort = CES share agreeing × 100; pass-through =
//! (1 − drop-off rate) × 100. Their weighted mean over the inputs present is the quality
//! `Q`. Importance (1..5) then sharpens the gap to 100: `score = 100 − m × (100 − Q)` with
//! `m = 1 + w_importance × (importance − 3) / 2`, clamped to 0..=100. Importance alone says
//! nothing about how a touchpoint performs, so it never makes a score on its own: a
//! touchpoint without any quality input has no score.

use serde::Serialize;

use crate::model::ScoreWeights;
use crate::model::{Lang, Touchpoint};

/// One input of the touchpoint score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreInput {
    Emotion,
    Csat,
    Ces,
    PassThrough,
    Importance,
}

impl ScoreInput {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(
            match self {
                ScoreInput::Emotion => ("Emotion", "Emotion"),
                ScoreInput::Csat => ("Satisfaction (CSAT)", "Zufriedenheit (CSAT)"),
                ScoreInput::Ces => ("Effort (CES)", "Aufwand (CES)"),
                ScoreInput::PassThrough => ("Pass-through (1 − drop-off)", "Durchlauf (1 − Abbruch)"),
                ScoreInput::Importance => ("Importance", "Wichtigkeit"),
            },
        )
    }
}

/// An input that went into the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsedInput {
    pub input: ScoreInput,
    /// The value as stored on the touchpoint (emotion −2..2, CSAT 1..5, CES 0..1,
    /// drop-off rate 0..1, importance 1..5).
    pub raw: f64,
    /// Points on 0..=100 for quality inputs; the factor `m` for importance.
    pub points: f64,
    /// Share of the quality mean (the used quality weights sum to 1); for importance the
    /// strength `w_importance`.
    pub weight: f64,
}

/// Why an input did not go into the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "value")]
pub enum SkipReason {
    /// Nobody entered or measured it.
    Missing,
    /// Emotion is not used when CSAT was measured: the measurement wins over the estimate.
    SupersededByCsat,
    /// The stored value is outside its scale (or not a number); it carries the value.
    OutOfRange(f64),
    /// Its weight in the map's settings is zero.
    ZeroWeight,
}

impl SkipReason {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SkipReason::Missing => lang.pick(("not entered", "nicht erfasst")).to_string(),
            SkipReason::SupersededByCsat => {
                lang.pick(("replaced by the measured CSAT", "durch gemessenen CSAT ersetzt")).to_string()
            }
            SkipReason::OutOfRange(v) => match lang {
                Lang::En => format!("value {v} is outside its scale"),
                Lang::De => format!("Wert {v} liegt außerhalb der Skala"),
            },
            SkipReason::ZeroWeight => lang.pick(("weight is 0", "Gewicht ist 0")).to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedInput {
    pub input: ScoreInput,
    pub reason: SkipReason,
}

/// A touchpoint's score with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TouchpointScore {
    /// 0..=100.
    pub value: f64,
    /// The weighted mean of the quality inputs, before importance (0..=100).
    pub quality: f64,
    /// The importance factor `m` (1 when importance is missing or its weight is 0).
    pub importance_factor: f64,
    pub used: Vec<UsedInput>,
}

/// The result for one touchpoint: its score, if it has one, and the inputs left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TouchpointResult {
    pub touchpoint_id: String,
    pub score: Option<TouchpointScore>,
    pub skipped: Vec<SkippedInput>,
}

/// A value within `lo..=hi`, or the reason it cannot be used.
fn checked(value: Option<f64>, lo: f64, hi: f64) -> Result<f64, SkipReason> {
    match value {
        None => Err(SkipReason::Missing),
        Some(v) if v.is_finite() && v >= lo && v <= hi => Ok(v),
        Some(v) => Err(SkipReason::OutOfRange(v)),
    }
}

/// Scores one touchpoint with the map's weights.
pub fn score_touchpoint(tp: &Touchpoint, weights: &ScoreWeights) -> TouchpointResult {
    let mut skipped = Vec::new();
    // (input, raw, points, relative weight) of the quality inputs present.
    let mut quality: Vec<(ScoreInput, f64, f64, f64)> = Vec::new();
    let mut take = |input: ScoreInput, value: Result<f64, SkipReason>, to_points: fn(f64) -> f64, w: f64| {
        match value {
            Ok(_) if ScoreWeights::relative(w) == 0.0 => {
                skipped.push(SkippedInput { input, reason: SkipReason::ZeroWeight })
            }
            Ok(raw) => quality.push((input, raw, to_points(raw), ScoreWeights::relative(w))),
            Err(reason) => skipped.push(SkippedInput { input, reason }),
        }
    };

    let csat = checked(tp.measurements.csat, 1.0, 5.0);
    let emotion = checked(tp.emotion.map(f64::from), -2.0, 2.0);
    let csat_usable = csat.is_ok();
    take(ScoreInput::Csat, csat, |c| (c - 1.0) / 4.0 * 100.0, weights.experience);
    if csat_usable {
        // Only reported when there was an emotion to replace.
        if tp.emotion.is_some() {
            take(ScoreInput::Emotion, Err(SkipReason::SupersededByCsat), |e| e, 0.0);
        }
    } else {
        take(ScoreInput::Emotion, emotion, |e| (e + 2.0) / 4.0 * 100.0, weights.experience);
    }
    take(ScoreInput::Ces, checked(tp.measurements.ces, 0.0, 1.0), |c| c * 100.0, weights.effort);
    take(
        ScoreInput::PassThrough,
        checked(tp.measurements.drop_off_rate, 0.0, 1.0),
        |d| (1.0 - d) * 100.0,
        weights.pass_through,
    );

    let importance = checked(tp.importance.map(f64::from), 1.0, 5.0);
    let strength = weights.importance_strength();
    if quality.is_empty() {
        if let Err(reason) = importance {
            skipped.push(SkippedInput { input: ScoreInput::Importance, reason });
        }
        return TouchpointResult { touchpoint_id: tp.id.clone(), score: None, skipped };
    }

    let total_weight: f64 = quality.iter().map(|q| q.3).sum();
    let q: f64 = quality.iter().map(|(_, _, points, w)| points * w).sum::<f64>() / total_weight;
    let mut used: Vec<UsedInput> = quality
        .iter()
        .map(|&(input, raw, points, w)| UsedInput { input, raw, points, weight: w / total_weight })
        .collect();

    let factor = match importance {
        Ok(imp) if strength > 0.0 => {
            let m = 1.0 + strength * (imp - 3.0) / 2.0;
            used.push(UsedInput { input: ScoreInput::Importance, raw: imp, points: m, weight: strength });
            m
        }
        Ok(_) => {
            skipped.push(SkippedInput { input: ScoreInput::Importance, reason: SkipReason::ZeroWeight });
            1.0
        }
        Err(reason) => {
            skipped.push(SkippedInput { input: ScoreInput::Importance, reason });
            1.0
        }
    };
    let value = (100.0 - factor * (100.0 - q)).clamp(0.0, 100.0);
    TouchpointResult {
        touchpoint_id: tp.id.clone(),
        score: Some(TouchpointScore { value, quality: q, importance_factor: factor, used }),
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp() -> Touchpoint {
        Touchpoint { id: "t".into(), ..Touchpoint::default() }
    }

    fn value(t: &Touchpoint) -> Option<f64> {
        score_touchpoint(t, &ScoreWeights::default()).score.map(|s| s.value)
    }

    #[test]
    fn a_touchpoint_without_quality_inputs_has_no_score_even_with_importance() {
        let mut t = tp();
        assert_eq!(value(&t), None);
        t.importance = Some(5);
        let r = score_touchpoint(&t, &ScoreWeights::default());
        assert!(r.score.is_none());
        assert!(r.skipped.iter().any(|s| s.input == ScoreInput::PassThrough && s.reason == SkipReason::Missing));
    }

    #[test]
    fn only_present_inputs_count_and_missing_ones_are_named() {
        let mut t = tp();
        t.set_emotion(Some(1));
        let r = score_touchpoint(&t, &ScoreWeights::default());
        let s = r.score.unwrap();
        // One input alone carries the whole weight: 75 points, not diluted by zeros.
        assert_eq!(s.value, 75.0);
        assert_eq!(s.used.len(), 1);
        assert_eq!(s.used[0].weight, 1.0);
        let missing: Vec<ScoreInput> = r.skipped.iter().map(|s| s.input).collect();
        let expected = [ScoreInput::Csat, ScoreInput::Ces, ScoreInput::PassThrough, ScoreInput::Importance];
        assert_eq!(missing, expected);
    }

    #[test]
    fn measured_csat_replaces_the_emotion() {
        let mut t = tp();
        t.set_emotion(Some(-2));
        t.measurements.csat = Some(5.0);
        let r = score_touchpoint(&t, &ScoreWeights::default());
        assert_eq!(r.score.unwrap().value, 100.0);
        assert!(r.skipped.contains(&SkippedInput { input: ScoreInput::Emotion, reason: SkipReason::SupersededByCsat }));
    }

    #[test]
    fn out_of_range_values_are_reported_not_used() {
        let mut t = tp();
        t.measurements.drop_off_rate = Some(1.5);
        t.measurements.ces = Some(f64::NAN);
        t.measurements.csat = Some(3.0);
        let r = score_touchpoint(&t, &ScoreWeights::default());
        assert_eq!(r.score.unwrap().value, 50.0);
        assert!(r.skipped.contains(&SkippedInput { input: ScoreInput::PassThrough, reason: SkipReason::OutOfRange(1.5) }));
        assert!(SkipReason::OutOfRange(1.5).message(Lang::De).contains("1.5"));
    }

    #[test]
    fn importance_sharpens_the_gap_in_both_directions() {
        let mut t = tp();
        t.measurements.drop_off_rate = Some(0.4); // 60 points
        t.importance = Some(5);
        assert!((value(&t).unwrap() - 52.0).abs() < 1e-9); // 100 − 1.2 × 40
        t.importance = Some(1);
        assert!((value(&t).unwrap() - 68.0).abs() < 1e-9); // 100 − 0.8 × 40
        t.importance = Some(3);
        assert!((value(&t).unwrap() - 60.0).abs() < 1e-9);
    }

    #[test]
    fn a_zero_weight_drops_the_input() {
        let mut t = tp();
        t.set_emotion(Some(2));
        t.measurements.drop_off_rate = Some(0.5);
        let w = ScoreWeights { pass_through: 0.0, ..ScoreWeights::default() };
        let r = score_touchpoint(&t, &w);
        assert_eq!(r.score.unwrap().value, 100.0);
        assert!(r.skipped.contains(&SkippedInput { input: ScoreInput::PassThrough, reason: SkipReason::ZeroWeight }));
    }
}
