//! An estimate of how wide a text is drawn, without a browser to measure it: the canvas
//! sizes its columns from it. Widths are for the app's sans-serif at `font_px`, erring wide
//! (a column a little too wide costs space; one too narrow would break a word).

/// Width of one character relative to the font size (average glyph advances of common
/// sans-serif fonts, rounded up).
fn em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' | '@' => 0.9,
        c if c.is_uppercase() => 0.7,
        c if c.is_ascii_digit() => 0.58,
        c if c.is_alphabetic() => 0.56,
        _ => 0.6,
    }
}

/// The table above against the widest common sans-serif: DejaVu Sans (Linux's default,
/// what Chromium drew in the e2e screenshots) measured 4–6 % wider ("Consideration" 104 px,
/// "Bewertungsportal" 133.5 px at 15 px, where the table gave 98.7 and 128), which broke
/// stage names and channel names mid-word. Only single words (which must not break) get
/// it; text that wraps anyway is sized by the plain table.
const WORD_CALIBRATION: f64 = 1.07;

/// The drawn width of `text` in pixels at `font_px`.
pub fn text_px(text: &str, font_px: f64) -> f64 {
    text.chars().map(em).sum::<f64>() * font_px
}

/// The widest single word of `text` (words do not break inside a column).
pub fn longest_word_px(text: &str, font_px: f64) -> f64 {
    text.split_whitespace().map(|w| text_px(w, font_px) * WORD_CALIBRATION).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_letters_measure_wider_and_words_split_on_spaces() {
        assert!(text_px("WWW", 13.0) > text_px("iii", 13.0));
        assert_eq!(text_px("", 13.0), 0.0);
        assert_eq!(longest_word_px("a Bewertungsportal b", 13.0), text_px("Bewertungsportal", 13.0) * WORD_CALIBRATION);
        // Doubling the font doubles the width.
        assert!((text_px("Kauf", 26.0) - 2.0 * text_px("Kauf", 13.0)).abs() < 1e-9);
    }
}
