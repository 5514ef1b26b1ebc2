//! A touchpoint's score in words: which inputs went in with their points and shares, the
//! formula with the numbers filled in, and which inputs were left out and why. Only
//! formatting of what `score_touchpoint` reported; nothing is computed here.

use journey_core::model::Lang;
use journey_core::score::{format_score, ScoreInput, TouchpointResult, UsedInput};
use journey_core::locale::{plain, percent};

use crate::i18n::scores::scores_texts;

/// The stored value of an input as a person reads it.
fn raw(input: ScoreInput, value: f64, lang: Lang) -> String {
    match input {
        ScoreInput::Emotion => journey_core::locale::emotion(Some(value.round().clamp(-2.0, 2.0) as i8)),
        ScoreInput::Csat => plain(value, 2, lang),
        // CES and the drop-off rate are shares.
        ScoreInput::Ces | ScoreInput::PassThrough => percent(value, 1, lang),
        ScoreInput::Importance => plain(value, 0, lang),
    }
}

/// "Emotion +1 → 75 pts × 40 %", or "Importance 4 → importance factor m = 1.1".
pub fn used_line(u: &UsedInput, lang: Lang) -> String {
    let t = scores_texts(lang);
    let label = u.input.label(lang);
    let value = raw(u.input, u.raw, lang);
    match u.input {
        ScoreInput::Importance => {
            format!("{label} {value} → {} = {}", t.importance_factor, plain(u.points, 2, lang))
        }
        _ => format!(
            "{label} {value} → {} {} × {}",
            format_score(u.points, lang),
            t.points,
            percent(u.weight, 1, lang)
        ),
    }
}

/// "Q = 74 · 100 − 1.1 × (100 − 74) = 71.4", or `None` without a score.
pub fn formula_line(result: &TouchpointResult, lang: Lang) -> Option<String> {
    let s = result.score.as_ref()?;
    let q = format_score(s.quality, lang);
    Some(format!(
        "{} = {q} · 100 − {} × (100 − {q}) = {}",
        scores_texts(lang).quality,
        plain(s.importance_factor, 2, lang),
        format_score(s.value, lang)
    ))
}

/// "Left out: CES (not entered); Importance (not entered)", or `None` when all went in.
pub fn left_out_line(result: &TouchpointResult, lang: Lang) -> Option<String> {
    if result.skipped.is_empty() {
        return None;
    }
    let parts: Vec<String> =
        result.skipped.iter().map(|s| format!("{} ({})", s.input.label(lang), s.reason.message(lang))).collect();
    Some(format!("{}: {}", scores_texts(lang).left_out, parts.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_core::model::Touchpoint;
    use journey_core::score::{score_touchpoint, ScoreWeights};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_worked_example_touchpoint_reads_as_in_the_docs() {
        // Touchpoint A of docs/scoring.md: emotion +1, CES 0.8, drop-off 0.3, importance 4.
        let mut tp = Touchpoint { id: "a".into(), ..Touchpoint::default() };
        tp.set_emotion(Some(1));
        tp.measurements.ces = Some(0.8);
        tp.measurements.drop_off_rate = Some(0.3);
        tp.importance = Some(4);
        let r = score_touchpoint(&tp, &ScoreWeights::default());
        let used = &r.score.as_ref().unwrap().used;
        assert_eq!(used_line(&used[0], Lang::En), "Emotion +1 → 75 pts × 40 %");
        assert_eq!(used_line(&used[2], Lang::De), "Durchlauf (1 − Abbruch) 30 % → 70 Pkt. × 40 %");
        assert_eq!(used_line(&used[3], Lang::En), "Importance 4 → importance factor m = 1.1");
        assert_eq!(formula_line(&r, Lang::En).unwrap(), "Quality Q = 74 · 100 − 1.1 × (100 − 74) = 71.4");
        assert_eq!(left_out_line(&r, Lang::En).unwrap(), "Left out: Satisfaction (CSAT) (not entered)");
    }
}
