//! An emotion −2..+2 as text: the signed number, with the app's minus sign. No emoji face:
//! on a computer without an emoji font a face turns into an empty box, so faces are drawn
//! by the app (`crate::icons::face`) wherever a face is shown, and text stays text. The words
//! for −2..+2 are here, once, for every label that names an emotion (inspector, slides).

use super::number::MINUS;
use super::Lang;

/// −2 … +2 in words (glossary terms), so an emotion never depends on a face or a colour.
const WORDS: [(&str, &str); 5] = [
    ("very negative", "sehr negativ"),
    ("negative", "negativ"),
    ("neutral", "neutral"),
    ("positive", "positiv"),
    ("very positive", "sehr positiv"),
];

/// The word of an emotion ("positive"); values outside −2..+2 read as the nearest end.
pub fn emotion_word(e: i8, lang: Lang) -> &'static str {
    lang.pick(WORDS[(e.clamp(-2, 2) + 2) as usize])
}

/// An emotion as its signed number and its word ("+1 · positive", "−2 · sehr negativ").
pub fn emotion_label(e: i8, lang: Lang) -> String {
    format!("{} · {}", emotion(Some(e.clamp(-2, 2))), emotion_word(e, lang))
}

/// "+1", "0", "−2"; "–" when unknown (never 0).
pub fn emotion(e: Option<i8>) -> String {
    match e {
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) if v < 0 => format!("{MINUS}{}", v.unsigned_abs()),
        Some(_) => "0".to_string(),
        None => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_numbers_without_emoji() {
        assert_eq!(emotion(Some(1)), "+1");
        assert_eq!(emotion(Some(0)), "0");
        assert_eq!(emotion(Some(-2)), "−2");
        assert_eq!(emotion(None), "–");
        for e in -2..=2 {
            assert!(emotion(Some(e)).chars().all(|c| (c as u32) < 0x2500), "no emoji in {}", emotion(Some(e)));
        }
    }

    #[test]
    fn labels_carry_sign_and_word_in_both_languages() {
        assert_eq!(emotion_label(1, Lang::En), "+1 · positive");
        assert_eq!(emotion_label(0, Lang::De), "0 · neutral");
        assert_eq!(emotion_label(-2, Lang::De), "−2 · sehr negativ");
        assert_eq!(emotion_word(2, Lang::En), "very positive");
        assert_eq!(emotion_word(9, Lang::De), "sehr positiv");
    }
}
