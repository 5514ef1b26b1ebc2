//! The presentation's opening slide: the journey in four numbers — journey score,
//! completion along the main route, the weakest stage, the share of touchpoints resting on
//! assumptions — and the main insight in words (the touchpoint-illusion warning when it
//! fires). Every number comes from the score module and the evidence meter as the scores
//! page shows it; a number that was not measured is said to be missing, never written as 0.

use crate::editor::EvidenceMeter;
use crate::locale::{percent, plain};
use crate::model::{JourneyMap, Lang};
use crate::score::MapScores;

/// Which number a line of the opening slide is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpeningNumber {
    JourneyScore,
    Completion,
    WeakestStage,
    Assumed,
}

impl OpeningNumber {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            OpeningNumber::JourneyScore => ("Journey score", "Wert der Kundenreise"),
            OpeningNumber::Completion => ("Completion", "Abschlussquote"),
            OpeningNumber::WeakestStage => ("Weakest stage", "Schwächste Phase"),
            OpeningNumber::Assumed => ("Resting on assumptions", "Beruht auf Annahmen"),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpeningSlide {
    /// Every number in the order shown, written in the language's format ("not measured yet"
    /// where the map has no value).
    pub numbers: Vec<(OpeningNumber, String)>,
    /// The main insight in words (see [`insight`]).
    pub insight: Option<String>,
}

/// The main insight: the touchpoint illusion when it fires; what the check lacks when it
/// cannot be made; that the touchpoints and the journey agree when it was made and did not
/// fire; nothing for a map without a journey score.
fn insight(scores: &MapScores, lang: Lang) -> Option<String> {
    if let Some(w) = &scores.illusion {
        return Some(w.message.get(lang).to_string());
    }
    if let Some(m) = &scores.completion_missing {
        return Some(m.message.get(lang).to_string());
    }
    scores.journey.as_ref().map(|_| {
        lang.pick((
            "The touchpoints and the journey as a whole tell the same story: no touchpoint illusion.",
            "Touchpoints und Kundenreise als Ganzes erzählen dieselbe Geschichte: keine Touchpoint-Illusion.",
        ))
        .to_string()
    })
}

/// The opening slide of `map` with its `scores`.
pub fn opening_slide(map: &JourneyMap, scores: &MapScores, lang: Lang) -> OpeningSlide {
    let missing = lang.pick(("not measured yet", "noch nicht gemessen"));
    let journey = scores.journey.as_ref();
    let score = journey.map_or_else(|| missing.to_string(), |j| format!("{} / 100", plain(j.value, 0, lang)));
    let completion = journey.and_then(|j| j.completion.as_ref()).map_or_else(|| missing.to_string(), |c| percent(c.rate, 0, lang));
    let weakest = journey
        .and_then(|j| j.weakest_stage.as_ref())
        .map_or_else(|| missing.to_string(), |w| format!("{} · {}", w.stage_name, plain(w.value, 0, lang)));
    let assumed = EvidenceMeter::of(map).assumed_share().map_or_else(
        || lang.pick(("no touchpoints yet", "noch keine Touchpoints")).to_string(),
        |s| percent(s, 0, lang),
    );
    OpeningSlide {
        numbers: vec![
            (OpeningNumber::JourneyScore, score),
            (OpeningNumber::Completion, completion),
            (OpeningNumber::WeakestStage, weakest),
            (OpeningNumber::Assumed, assumed),
        ],
        insight: insight(scores, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EvidenceKind;
    use crate::score::score_map;
    use crate::templates::{coffee_to_go, online_shop_checkout};

    #[test]
    fn the_illusion_example_opens_with_its_numbers_and_the_warning_in_words() {
        let m = online_shop_checkout("m", 0.0, Lang::En);
        let s = score_map(&m);
        let o = opening_slide(&m, &s, Lang::En);
        let j = s.journey.as_ref().expect("the example has a journey score");
        assert_eq!(o.numbers[0], (OpeningNumber::JourneyScore, format!("{} / 100", plain(j.value, 0, Lang::En))));
        // Completion: the product of (1 − drop-off) along the main route, computed here from
        // the map itself.
        let mut rate = 1.0;
        for id in &s.main_route.touchpoint_ids {
            rate *= 1.0 - m.touchpoint(id).unwrap().measurements.drop_off_rate.unwrap_or(0.0);
        }
        assert_eq!(o.numbers[1].1, percent(rate, 0, Lang::En));
        let weakest = j.weakest_stage.as_ref().unwrap();
        assert!(o.numbers[2].1.starts_with(&weakest.stage_name));
        let assumed = m.touchpoints.iter().filter(|t| t.evidence.kind == EvidenceKind::Assumed).count() as f64 / m.touchpoints.len() as f64;
        assert_eq!(o.numbers[3].1, percent(assumed, 0, Lang::En));
        assert!(o.insight.as_deref().unwrap().starts_with("Touchpoint illusion"));
        let de = opening_slide(&online_shop_checkout("m", 0.0, Lang::De), &s, Lang::De);
        assert!(de.insight.unwrap().starts_with("Touchpoint-Illusion"));
    }

    #[test]
    fn numbers_the_map_does_not_have_are_said_to_be_missing_never_zero() {
        let m = JourneyMap::blank("m", "M", 0.0, Lang::De);
        let o = opening_slide(&m, &score_map(&m), Lang::De);
        assert!(o.numbers.iter().all(|(_, v)| !v.starts_with('0')), "{o:?}");
        assert_eq!(o.numbers[1].1, "noch nicht gemessen");
        assert_eq!(o.insight, None);
        // The coffee example: the insight is the one the scores page gives, in words.
        let c = coffee_to_go("c", 0.0, Lang::En);
        let scores = score_map(&c);
        let said = opening_slide(&c, &scores, Lang::En).insight.expect("an insight in words");
        match (&scores.illusion, &scores.completion_missing) {
            (Some(w), _) => assert_eq!(said, w.message.en),
            (None, Some(m)) => assert_eq!(said, m.message.en),
            (None, None) => assert!(said.contains("no touchpoint illusion")),
        }
    }
}
