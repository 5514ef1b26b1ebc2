//! Text handling shared by every chart: the module's one escaping function, cleaning of
//! labels handed to plotters (which escapes by itself), shortening and wrapping so that
//! labels fit a projector-sized chart. Numbers are written by `crate::locale`.

use crate::locale::{number, Lang};
use crate::text_metrics::{ellipsize, wrap_to_width, Font};

/// Characters XML 1.0 does not allow at all, not even escaped. A label containing one would
/// make the whole SVG unreadable for an XML parser, so they are dropped.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The module's only escaping function: makes user text safe as SVG text content and as an
/// attribute value (quotes included). Everything written into an SVG by hand goes through it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| allowed_in_xml(*c)) {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A label ready for plotters: plotters' SVG backend escapes `< > & " '` itself (checked in
/// the tests), so escaping here would show `&amp;lt;` to the audience. What plotters does not
/// do is drop characters XML forbids and keep labels on one line; that happens here.
pub fn clean(text: &str) -> String {
    let one_line: String = text
        .chars()
        .filter(|c| allowed_in_xml(*c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    one_line.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Cleans and shortens to at most `max_px` wide in `font` (the core's one text table,
/// `crate::text_metrics`), ending in "…" when cut.
pub fn shorten(text: &str, max_px: f64, font: impl Into<Font>) -> String {
    ellipsize(&clean(text), max_px, font)
}

/// Word-wraps into at most `max_lines` lines no wider than `max_px` in `font`; the last
/// line ends in "…" if the text does not fit. Words longer than a line are broken.
pub fn wrap(text: &str, max_px: f64, font: impl Into<Font>, max_lines: usize) -> Vec<String> {
    wrap_to_width(&clean(text), max_px, font, max_lines).0
}

/// An axis tick for a quantity counted in whole units: the number when the tick is whole,
/// nothing otherwise. With a small range (or none: an axis without data runs 0..1) the
/// axis would otherwise print rounded neighbours twice ("0 0 1").
pub fn whole_tick(value: f64, lang: Lang) -> String {
    if value.is_finite() && (value - value.round()).abs() < 1e-9 {
        number(value.round(), 0, lang)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_metrics::text_px;

    #[test]
    fn escape_covers_markup_and_quotes_and_drops_forbidden_characters() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape("a & \"b\" 'c'"), "a &amp; &quot;b&quot; &#39;c&#39;");
        assert_eq!(escape("bell\u{7}ok\u{FFFF}"), "bellok");
    }

    #[test]
    fn clean_keeps_markup_for_plotters_but_flattens_lines() {
        assert_eq!(clean("  <b>\n bold</b>\u{0} "), "<b> bold</b>");
    }

    #[test]
    fn shorten_cuts_on_characters_not_bytes_to_the_width() {
        let cut = shorten("Größenänderung", 60.0, 16.0);
        assert!(cut.starts_with("Grö") && cut.ends_with('…'), "{cut}");
        assert!(text_px(&cut, 16.0) <= 60.0);
        assert_eq!(shorten("kurz", 60.0, 16.0), "kurz");
    }

    #[test]
    fn wrap_breaks_on_words_and_marks_overflow() {
        assert_eq!(wrap("Delivery & service", 100.0, 16.0, 2), vec!["Delivery &", "service"]);
        let lines = wrap("Versand, Produkterlebnis & Service", 130.0, 16.0, 2);
        assert_eq!(lines[0], "Versand,");
        assert!(lines[1].starts_with("Produkt") && lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| text_px(l, 16.0) <= 130.0), "{lines:?}");
        let lines = wrap("one two three four five six", 70.0, 16.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(wrap("", 70.0, 16.0, 2).is_empty());
    }
}
