//! The "touchpoint illusion" warning: single touchpoints look good while the journey as a
//! whole loses customers. It fires when the mean touchpoint score exceeds the journey score
//! by more than the map's threshold (default 15 points).

use serde::Serialize;

use super::journey::JourneyScore;
use crate::locale::{plain, Text};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IllusionWarning {
    pub mean_touchpoint_score: f64,
    pub journey_score: f64,
    /// Mean touchpoint score − journey score, in points.
    pub gap: f64,
    pub threshold: f64,
    pub message: Text,
}

/// The warning, if the gap is larger than `threshold`.
pub fn illusion_warning(mean_touchpoint_score: Option<f64>, journey: Option<&JourneyScore>, threshold: f64) -> Option<IllusionWarning> {
    let mean = mean_touchpoint_score?;
    let journey = journey?;
    let gap = mean - journey.value;
    if gap <= threshold {
        return None;
    }
    let message = Text {
        en: sentence(mean, journey, Lang::En),
        de: sentence(mean, journey, Lang::De),
    };
    Some(IllusionWarning { mean_touchpoint_score: mean, journey_score: journey.value, gap, threshold, message })
}

fn sentence(mean: f64, journey: &JourneyScore, lang: Lang) -> String {
    let (m, j) = (plain(mean, 1, lang), plain(journey.value, 1, lang));
    let mut s = match lang {
        Lang::En => format!(
            "Touchpoint illusion: the touchpoints score {m} on average, but the journey as a whole scores only {j}."
        ),
        Lang::De => format!(
            "Touchpoint-Illusion: Die Touchpoints erreichen im Schnitt {m} Punkte, die Kundenreise als Ganzes aber nur {j}."
        ),
    };
    if let Some(c) = &journey.completion {
        let pct = plain(c.rate * 100.0, 1, lang);
        s.push_str(&match lang {
            Lang::En => format!(" Only {pct} % of customers complete the journey."),
            Lang::De => format!(" Nur {pct} % der Kunden schließen die Reise ab."),
        });
    }
    if let Some(w) = &journey.weakest_stage {
        let (name, v) = (&w.stage_name, plain(w.value, 1, lang));
        s.push_str(&match lang {
            Lang::En => format!(" The weakest stage is “{name}” ({v})."),
            Lang::De => format!(" Die schwächste Phase ist „{name}“ ({v})."),
        });
    }
    s.push_str(match lang {
        Lang::En => " Happy touchpoints hide where customers are lost: look at the drop-offs along the main route first.",
        Lang::De => " Gute Einzelwerte verdecken, wo Kunden verloren gehen: Prüfen Sie zuerst die Abbrüche entlang der Hauptroute.",
    });
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::journey::{Completion, CompletionSource};

    fn journey(value: f64) -> JourneyScore {
        JourneyScore {
            value,
            completion: Some(Completion { rate: 0.2, source: CompletionSource::MeasuredConversion }),
            weakest_stage: None,
        }
    }

    #[test]
    fn fires_only_above_the_threshold() {
        assert!(illusion_warning(Some(80.0), Some(&journey(65.0)), 15.0).is_none());
        let w = illusion_warning(Some(80.0), Some(&journey(64.0)), 15.0).unwrap();
        assert_eq!(w.gap, 16.0);
        assert!(w.message.en.contains("only 64") && w.message.en.contains("20 %"), "{}", w.message.en);
        assert!(w.message.de.contains("Nur 20 %"), "{}", w.message.de);
        assert!(illusion_warning(None, Some(&journey(10.0)), 15.0).is_none());
        assert!(illusion_warning(Some(90.0), None, 15.0).is_none());
    }
}
