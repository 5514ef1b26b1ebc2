//! Per-map scoring settings: the weights of the touchpoint score inputs, the threshold of
//! the touchpoint-illusion warning, an optional cost per contact and an optional measured
//! conversion. Stored inside the map (`JourneyMap::scoring`); every field is defaulted so
//! that maps saved before the settings existed, or with only some of them, still load.
//!
//! Values come from users and files, so they are cleaned where they are used (see the
//! `effective_*` methods) rather than trusted.

use serde::{Deserialize, Serialize};

/// Default threshold of the touchpoint-illusion warning, in score points.
pub const DEFAULT_ILLUSION_THRESHOLD: f64 = 15.0;

/// Weights of the touchpoint score inputs.
///
/// `experience`, `effort` and `pass_through` are relative weights: only their proportions
/// matter, and they are re-normalised over the inputs a touchpoint actually has.
/// `importance` is different: it says how strongly importance (1–5) sharpens the gap to
/// 100, from 0 (ignore importance) to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreWeights {
    pub experience: f64,
    pub effort: f64,
    pub pass_through: f64,
    pub importance: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights { experience: 0.4, effort: 0.2, pass_through: 0.4, importance: 0.2 }
    }
}

impl ScoreWeights {
    /// A relative weight usable in a weighted mean: negative or non-finite becomes 0.
    pub(crate) fn relative(w: f64) -> f64 {
        if w.is_finite() && w > 0.0 {
            w
        } else {
            0.0
        }
    }

    /// The importance strength, held within 0..=1 so that the factor never turns negative.
    pub(crate) fn importance_strength(&self) -> f64 {
        if self.importance.is_finite() {
            self.importance.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Everything about scoring a user can edit per map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringSettings {
    #[serde(default)]
    pub weights: ScoreWeights,
    /// The illusion warning fires when the mean touchpoint score exceeds the journey score
    /// by more than this many points.
    #[serde(default = "default_threshold")]
    pub illusion_threshold: f64,
    /// Cost of one contact (in the map's currency), for the money side of contact reduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_contact: Option<f64>,
    /// End-to-end conversion measured by analytics (0..=1); replaces the product of
    /// pass-through along the main route when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_conversion: Option<f64>,
}

fn default_threshold() -> f64 {
    DEFAULT_ILLUSION_THRESHOLD
}

impl Default for ScoringSettings {
    fn default() -> Self {
        ScoringSettings {
            weights: ScoreWeights::default(),
            illusion_threshold: DEFAULT_ILLUSION_THRESHOLD,
            cost_per_contact: None,
            measured_conversion: None,
        }
    }
}

impl ScoringSettings {
    /// The threshold actually applied: negative or non-finite values fall back to 0 and the
    /// default respectively.
    pub fn effective_threshold(&self) -> f64 {
        if self.illusion_threshold.is_finite() {
            self.illusion_threshold.max(0.0)
        } else {
            DEFAULT_ILLUSION_THRESHOLD
        }
    }

    /// The cost per contact, when it is a usable amount (finite, not negative).
    pub fn effective_cost_per_contact(&self) -> Option<f64> {
        self.cost_per_contact.filter(|c| c.is_finite() && *c >= 0.0)
    }

    /// The measured conversion, when it is a share within 0..=1.
    pub fn effective_measured_conversion(&self) -> Option<f64> {
        self.measured_conversion.filter(|c| c.is_finite() && (0.0..=1.0).contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_the_documented_defaults() {
        let s: ScoringSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, ScoringSettings::default());
        assert_eq!(s.illusion_threshold, 15.0);
        assert_eq!(s.weights.experience, 0.4);
        let partial: ScoringSettings =
            serde_json::from_str(r#"{"weights": {"effort": 0.5}, "cost_per_contact": 4.5}"#).unwrap();
        assert_eq!(partial.weights.effort, 0.5);
        assert_eq!(partial.weights.pass_through, 0.4);
        assert_eq!(partial.illusion_threshold, 15.0);
        assert_eq!(partial.cost_per_contact, Some(4.5));
    }

    #[test]
    fn a_map_saved_before_scoring_settings_existed_loads_with_defaults() {
        use crate::model::schema::{parse_map, to_json};
        let mut map = crate::model::JourneyMap::empty("m", "Old map", 0.0);
        map.scoring.illusion_threshold = 30.0;
        let mut value: serde_json::Value = serde_json::from_str(&to_json(&map)).unwrap();
        assert!(value.as_object_mut().unwrap().remove("scoring").is_some());
        let old = parse_map(&value.to_string()).unwrap();
        assert_eq!(old.scoring, ScoringSettings::default());
        // And settings that were saved come back.
        assert_eq!(parse_map(&to_json(&map)).unwrap().scoring.illusion_threshold, 30.0);
    }

    #[test]
    fn unusable_values_are_not_applied() {
        let s = ScoringSettings {
            illusion_threshold: -3.0,
            cost_per_contact: Some(-1.0),
            measured_conversion: Some(1.4),
            ..ScoringSettings::default()
        };
        assert_eq!(s.effective_threshold(), 0.0);
        assert_eq!(s.effective_cost_per_contact(), None);
        assert_eq!(s.effective_measured_conversion(), None);
        let w = ScoreWeights { importance: 3.0, ..ScoreWeights::default() };
        assert_eq!(w.importance_strength(), 1.0);
        assert_eq!(ScoreWeights::relative(-0.5), 0.0);
        assert_eq!(ScoreWeights::relative(f64::NAN), 0.0);
    }
}
