//! The one estimate of how wide a text is drawn, for every picture the core lays out without a
//! browser to measure in: the canvas's column widths and its image wrapping, the flow view's
//! nodes and labels, and the charts' shortened and wrapped labels. The table holds DejaVu Sans
//! advances (the default sans-serif on Linux and one of the widest common faces) as Chromium
//! measures them, rounded up, so it errs a little wide and narrower fonts only leave more room.

/// A font size in px, regular or bold. A bare `f64` is the regular face of that size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub px: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(px: f64) -> Self {
        Font { px, bold: false }
    }

    pub const fn bold(px: f64) -> Self {
        Font { px, bold: true }
    }
}

impl From<f64> for Font {
    fn from(px: f64) -> Self {
        Font::regular(px)
    }
}

/// Advance of one character in em: DejaVu Sans figures as Chromium measures them, grouped and
/// rounded up to the group's widest (kerning only ever narrows a word, so sums err wide).
/// Letters not listed take the widest of their kind; any other sign a full em.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' => 0.28,
        'I' | 'J' | '\'' => 0.3,
        ' ' | '.' | ',' => 0.32,
        ':' | ';' | '/' | '|' => 0.34,
        'f' | '-' => 0.37,
        't' | 'r' | '(' | ')' | '[' | ']' | '!' => 0.42,
        '"' => 0.46,
        '_' | '–' | '*' => 0.5,
        's' | 'z' | '?' => 0.54,
        'c' | 'L' => 0.56,
        'k' | 'F' => 0.58,
        'v' | 'x' | 'y' => 0.6,
        'a' | 'e' | 'o' | 'ä' | 'ö' | 'é' | 'è' | 'P' | 'T' | 'Y' => 0.62,
        '0'..='9' | 'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' | 'ü' | 'ß' | 'E' | 'S' | '€' => 0.64,
        'K' => 0.66,
        'A' | 'B' | 'C' | 'R' | 'V' | 'X' | 'Z' | 'Ä' => 0.7,
        'H' | 'N' | 'U' | 'Ü' => 0.76,
        'D' | 'G' | 'O' | 'Q' | 'Ö' | '&' => 0.79,
        'w' => 0.82,
        '+' | '=' | '#' | '<' | '>' => 0.84,
        'M' => 0.87,
        '%' => 0.95,
        'm' => 0.98,
        'W' | '@' | '—' | '…' => 1.0,
        c if c.is_lowercase() => 0.64,
        c if c.is_uppercase() => 0.79,
        _ => 1.0,
    }
}

/// Advance of one character of DejaVu Sans Bold in em: the regular advance plus what bold
/// adds over the table above (Chromium: at most 0.08 em for most signs, more for a few).
fn bold_em(c: char) -> f64 {
    let extra = match c {
        ' ' => 0.03,
        'k' | 'w' | 'F' | 'P' | 'W' | 'Y' => 0.11,
        'K' | 'M' => 0.13,
        _ => 0.08,
    };
    char_em(c) + extra
}

/// [`char_em`] and [`bold_em`] of the ASCII characters, looked up instead of matched: the
/// canvas measures every touchpoint's texts on each edit, and matching a character against
/// the table's arms was most of that in the browser. The same numbers, so the same widths.
fn ascii_em(bold: bool) -> &'static [f64; 128] {
    static TABLES: std::sync::OnceLock<[[f64; 128]; 2]> = std::sync::OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        let mut t = [[0.0; 128]; 2];
        for (i, c) in (0u8..128).map(char::from).enumerate() {
            t[0][i] = char_em(c);
            t[1][i] = bold_em(c);
        }
        t
    });
    &tables[usize::from(bold)]
}

/// Estimated width of `text` in pixels in `font` (a bare px size is the regular face).
pub fn text_px(text: &str, font: impl Into<Font>) -> f64 {
    let font = font.into();
    let (table, em) = (ascii_em(font.bold), if font.bold { bold_em } else { char_em });
    text.chars().map(|c| if c.is_ascii() { table[c as usize] } else { em(c) }).sum::<f64>() * font.px
}

/// The widest single word of `text` (words that must not break decide a least width).
pub fn longest_word_px(text: &str, font: impl Into<Font>) -> f64 {
    let font = font.into();
    text.split_whitespace().map(|w| text_px(w, font)).fold(0.0, f64::max)
}

/// `text` unchanged when it fits `max_px`, else cut at the end to fit with "…" appended.
pub fn ellipsize(text: &str, max_px: f64, font: impl Into<Font>) -> String {
    let font = font.into();
    if text_px(text, font) <= max_px {
        return text.to_string();
    }
    let mut cut = text.to_string();
    while !cut.is_empty() && text_px(&format!("{}…", cut.trim_end()), font) > max_px {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// Word-wraps `text` into lines no wider than `max_width`. A word longer than a line is
/// broken inside (nothing is cut off); only past `max_lines` does the last line end in "…".
/// The second value says whether anything was left out.
pub fn wrap_to_width(text: &str, max_width: f64, font: impl Into<Font>, max_lines: usize) -> (Vec<String>, bool) {
    let font = font.into();
    let fits = |s: &str| text_px(s, font) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // Break a word that is wider than a whole line.
        for c in word.chars() {
            let mut next = current.clone();
            next.push(c);
            if !current.is_empty() && !fits(&next) {
                lines.push(std::mem::take(&mut current));
                current.push(c);
            } else {
                current = next;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        // "…" even when the kept line fits whole: the text goes on after it.
        let mut cut = last.clone();
        while !cut.is_empty() && !fits(&format!("{}…", cut.trim_end())) {
            cut.pop();
        }
        *last = format!("{}…", cut.trim_end());
    }
    (lines, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Widths Chromium measured for DejaVu Sans at 15 px (regular, bold), for words of the
    /// example maps whose letters the table once got wrong (thin, round, capitals, "…"). Over
    /// all 784 words of the four example maps the table was 2.1 % (bold 3.1 %) wide on average,
    /// never more than 0.1 % narrow. A wider estimate costs space; a narrower one breaks words.
    #[test]
    fn the_ascii_lookup_gives_the_matched_widths() {
        for text in ["Touchpoint 17", "Zahlungsdienstleister prüft €12 — ok…", "W@i|l", "", "日本"] {
            for font in [Font::regular(13.0), Font::bold(15.0)] {
                let em = if font.bold { bold_em } else { char_em };
                assert_eq!(text_px(text, font), text.chars().map(em).sum::<f64>() * font.px, "{text}");
            }
        }
    }

    #[test]
    fn the_table_errs_wide_but_close_to_measured_widths() {
        let measured = [
            ("Consideration", 103.98, 117.79),
            ("Bewertungsportal", 133.52, 152.10),
            ("Filialleitung", 85.38, 100.66),
            ("Influencer-Story", 119.34, 137.05),
            ("Zahlungsdienstleister", 162.27, 184.80),
            ("Prüft", 35.35, 42.77),
            ("Wie", 27.90, 31.86),
            ("und", 28.54, 32.09),
            ("Order", 42.63, 48.46),
            ("again…", 56.58, 61.80),
        ];
        for (word, regular, bold) in measured {
            for (estimate, drawn) in [(text_px(word, 15.0), regular), (text_px(word, Font::bold(15.0)), bold)] {
                assert!(estimate >= drawn - 0.05 && estimate <= drawn * 1.08, "{word}: {estimate} vs {drawn}");
            }
        }
    }

    #[test]
    fn wider_letters_measure_wider_and_size_scales() {
        assert!(text_px("WWW", 13.0) > text_px("iii", 13.0));
        assert_eq!(text_px("", 13.0), 0.0);
        assert!((text_px("Kauf", 26.0) - 2.0 * text_px("Kauf", 13.0)).abs() < 1e-9);
        assert_eq!(longest_word_px("a Bewertungsportal b", 13.0), text_px("Bewertungsportal", 13.0));
    }

    #[test]
    fn ellipsize_keeps_what_fits_and_cuts_on_characters() {
        assert_eq!(ellipsize("kurz", 100.0, 13.0), "kurz");
        let cut = ellipsize("Größenänderung der Tabelle", 60.0, 13.0);
        assert!(cut.ends_with('…') && cut.starts_with("Grö"), "{cut}");
        assert!(text_px(&cut, 13.0) <= 60.0);
    }

    #[test]
    fn wrapping_keeps_every_character_until_the_line_limit() {
        let title = "Sees a latte-art post from the café on Instagram";
        let (lines, cut) = wrap_to_width(title, 164.0, 13.0, 5);
        assert!(!cut);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), title);
        assert!(lines.iter().all(|l| text_px(l, 13.0) <= 164.0));
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_not_cut() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
        let (lines, cut) = wrap_to_width(word, 100.0, 13.0, 9);
        assert!(!cut);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| text_px(l, 13.0) <= 100.0));
    }

    #[test]
    fn too_many_lines_end_in_an_ellipsis_that_fits() {
        let (lines, cut) = wrap_to_width(&"word ".repeat(60), 120.0, 13.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(text_px(&lines[2], 13.0) <= 120.0);
    }
}
