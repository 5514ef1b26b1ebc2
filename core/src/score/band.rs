//! How a score reads to a person: a band with a word in both languages ("72 · good",
//! "72 · gut"); the digits come from `crate::locale`.
//!
//! The UI colours a score by its band, but colour is only an extra cue: the number and the
//! band's word are always shown, so the scores read the same without colour vision.

use serde::Serialize;

use crate::locale::{plain, Lang};

/// Score bands on 0..=100. The splits (40, 60, 80) are a reading aid, not part of any
/// formula: nothing is computed from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreBand {
    /// Below 40.
    Poor,
    /// 40 to below 60.
    Weak,
    /// 60 to below 80.
    Good,
    /// 80 and above.
    VeryGood,
}

impl ScoreBand {
    pub const ALL: [ScoreBand; 4] = [ScoreBand::Poor, ScoreBand::Weak, ScoreBand::Good, ScoreBand::VeryGood];

    /// The band of a score. Anything that is not a number in 0..=100 is clamped first, so
    /// a stray value still gets a band instead of a panic.
    pub fn of(value: f64) -> ScoreBand {
        let v = if value.is_nan() { 0.0 } else { value.clamp(0.0, 100.0) };
        // Bands follow the number as shown (one decimal), so "80.0 · good" cannot happen.
        let shown = (v * 10.0).round() / 10.0;
        if shown < 40.0 {
            ScoreBand::Poor
        } else if shown < 60.0 {
            ScoreBand::Weak
        } else if shown < 80.0 {
            ScoreBand::Good
        } else {
            ScoreBand::VeryGood
        }
    }

    /// A stable key for CSS classes and test ids (`poor`, `weak`, `good`, `very_good`).
    pub fn key(self) -> &'static str {
        match self {
            ScoreBand::Poor => "poor",
            ScoreBand::Weak => "weak",
            ScoreBand::Good => "good",
            ScoreBand::VeryGood => "very_good",
        }
    }

    /// The band as a word.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(
            match self {
                ScoreBand::Poor => ("poor", "schlecht"),
                ScoreBand::Weak => ("weak", "schwach"),
                ScoreBand::Good => ("good", "gut"),
                ScoreBand::VeryGood => ("very good", "sehr gut"),
            },
        )
    }
}

/// A score as the UI shows it: one decimal at most (the precision the bands follow).
pub fn format_score(value: f64, lang: Lang) -> String {
    plain(value, 1, lang)
}

/// A score with its band's word, e.g. "72 · good" / "72 · gut".
pub fn score_label(value: f64, lang: Lang) -> String {
    format!("{} · {}", format_score(value, lang), ScoreBand::of(value).label(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_split_at_40_60_80_and_clamp_stray_values() {
        let cases = [
            (0.0, ScoreBand::Poor),
            (39.9, ScoreBand::Poor),
            (39.96, ScoreBand::Weak),
            (40.0, ScoreBand::Weak),
            (59.9, ScoreBand::Weak),
            (60.0, ScoreBand::Good),
            (79.94, ScoreBand::Good),
            (79.95, ScoreBand::VeryGood),
            (100.0, ScoreBand::VeryGood),
            (-5.0, ScoreBand::Poor),
            (250.0, ScoreBand::VeryGood),
            (f64::NAN, ScoreBand::Poor),
        ];
        for (v, band) in cases {
            assert_eq!(ScoreBand::of(v), band, "{v}");
        }
    }

    #[test]
    fn labels_carry_number_and_word_in_both_languages() {
        assert_eq!(score_label(72.0, Lang::En), "72 · good");
        assert_eq!(score_label(72.0, Lang::De), "72 · gut");
        assert_eq!(score_label(45.06, Lang::De), "45,1 · schwach");
        assert_eq!(score_label(85.8, Lang::En), "85.8 · very good");
        for band in ScoreBand::ALL {
            assert_ne!(band.label(Lang::En), band.label(Lang::De));
            assert!(!band.key().is_empty());
        }
    }
}
