//! Text handling shared by every chart: the module's one escaping function, cleaning of
//! labels handed to plotters (which escapes by itself), shortening and wrapping so that
//! labels fit a projector-sized chart. Numbers are written by `crate::locale`.

use crate::locale::{number, Lang};

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

/// Cleans and shortens to at most `max_chars` characters, ending in "…" when cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = clean(text);
    if text.chars().count() <= max_chars {
        return text;
    }
    let keep = max_chars.saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

/// Word-wraps into at most `max_lines` lines of about `max_chars` characters; the last line
/// is shortened with "…" if the text does not fit. Words longer than a line are cut.
pub fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in clean(text).split(' ').filter(|w| !w.is_empty()) {
        let candidate_len = current.chars().count() + word.chars().count() + usize::from(!current.is_empty());
        if current.is_empty() || candidate_len <= max_chars {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let overflow = lines.len() > max_lines.max(1);
    lines.truncate(max_lines.max(1));
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter_mut().enumerate() {
        if i == last && overflow {
            *line = shorten(&format!("{line} …"), max_chars);
            if !line.ends_with('…') {
                line.push('…');
            }
        } else if line.chars().count() > max_chars {
            *line = shorten(line, max_chars);
        }
    }
    lines
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
    fn shorten_cuts_on_characters_not_bytes() {
        assert_eq!(shorten("Größenänderung", 6), "Größe…");
        assert_eq!(shorten("kurz", 6), "kurz");
    }

    #[test]
    fn wrap_breaks_on_words_and_marks_overflow() {
        assert_eq!(wrap("Versand, Produkterlebnis & Service", 16, 2), vec!["Versand,", "Produkterlebnis…"]);
        assert_eq!(wrap("Delivery & service", 12, 2), vec!["Delivery &", "service"]);
        let lines = wrap("one two three four five six", 8, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(wrap("", 8, 2).is_empty());
    }
}
