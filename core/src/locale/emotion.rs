//! An emotion −2..+2 as text: the signed number, with the app's minus sign. No emoji face:
//! on a computer without an emoji font a face turns into an empty box, so faces are drawn
//! by the app (`crate::icons::face`) wherever a face is shown, and text stays text.

use super::number::MINUS;

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
}
