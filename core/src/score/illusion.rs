//! The "touchpoint illusion" warning: single touchpoints look good while the journey as a
//! whole loses customers. It fires when the mean touchpoint score exceeds the journey score
//! by more than the map's threshold (default 15 points), and only when the journey score
//! rests on a completion figure (drop-offs on the main route, typed or measured, or a
//! measured conversion). Without one the journey score is just the weakest stage, so a
//! "gap" would say nothing about lost customers: [`completion_missing`] then names the
//! numbers to enter instead.

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
    journey.completion.as_ref()?;
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
    s.push_str(lang.pick((
        " Happy touchpoints hide where customers are lost: look at the drop-offs along the main route first.",
        " Gute Einzelwerte verdecken, wo Kunden verloren gehen: Prüfen Sie zuerst die Abbrüche entlang der Hauptroute.",
    )));
    s
}

/// Which numbers the illusion check lacks: shown instead of the warning when touchpoints
/// have scores but the journey has no completion figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompletionMissing {
    /// Main-route touchpoints without a drop-off rate, in route order (titles).
    pub touchpoints: Vec<String>,
    pub message: Text,
}

/// `Some` when there is a mean touchpoint score but no completion figure.
pub fn completion_missing(mean_touchpoint_score: Option<f64>, journey: Option<&JourneyScore>, route_titles: &[String]) -> Option<CompletionMissing> {
    mean_touchpoint_score?;
    if journey.is_some_and(|j| j.completion.is_some()) {
        return None;
    }
    let list = route_titles.join(", ");
    let message = if route_titles.is_empty() {
        Text {
            en: "The touchpoint illusion cannot be checked: the journey has no completion figure. Draw the main route and enter drop-off rates along it, or a measured conversion in the settings.".into(),
            de: "Die Touchpoint-Illusion lässt sich nicht prüfen: Für die Kundenreise fehlt eine Abschlussquote. Zeichnen Sie die Hauptroute und tragen Sie Abbruchquoten entlang der Route oder eine gemessene Conversion in den Einstellungen ein.".into(),
        }
    } else {
        Text {
            en: format!("The touchpoint illusion cannot be checked: the journey has no completion figure. Missing: drop-off rates on the main route ({list}) or a measured conversion in the settings."),
            de: format!("Die Touchpoint-Illusion lässt sich nicht prüfen: Für die Kundenreise fehlt eine Abschlussquote. Es fehlen: Abbruchquoten auf der Hauptroute ({list}) oder eine gemessene Conversion in den Einstellungen."),
        }
    };
    Some(CompletionMissing { touchpoints: route_titles.to_vec(), message })
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

    #[test]
    fn without_a_completion_figure_it_names_the_missing_numbers_instead() {
        // Only the weakest stage is known: a 40-point "gap" says nothing about lost customers.
        let weak_only = JourneyScore { value: 40.0, completion: None, weakest_stage: None };
        assert!(illusion_warning(Some(80.0), Some(&weak_only), 15.0).is_none());
        let titles = vec!["Product page".to_string(), "Pay".to_string()];
        let m = completion_missing(Some(80.0), Some(&weak_only), &titles).unwrap();
        assert!(m.message.en.contains("Product page, Pay") && !m.message.en.contains("look at the drop-offs"), "{}", m.message.en);
        assert!(m.message.de.contains("Abbruchquoten"));
        assert!(completion_missing(Some(80.0), Some(&journey(10.0)), &titles).is_none());
        assert!(completion_missing(None, None, &titles).is_none());
    }
}
