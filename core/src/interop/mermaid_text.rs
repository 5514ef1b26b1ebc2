//! The small vocabulary shared by the Mermaid importer, exporter and normaliser: score ↔
//! emotion, and escaping text into Mermaid's entity codes and back.
//!
//! Mermaid replaces entity codes such as `#58;` (decimal code point) or `#quot;` before it
//! parses a diagram, so they are the only way to carry the characters its `journey`
//! grammar stops at: `#` (comment), `;` (statement end), `:` (task data) and, in actor
//! lists, `,`.

/// Mermaid score 1..=5 ↔ emotion −2..=+2: 1↔−2, 2↔−1, 3↔0, 4↔+1, 5↔+2.
pub fn score_to_emotion(score: i64) -> Option<i8> {
    (1..=5).contains(&score).then(|| (score - 3) as i8)
}

/// The inverse of [`score_to_emotion`]; emotions outside −2..=2 are clamped first.
pub fn emotion_to_score(emotion: i8) -> u8 {
    (emotion.clamp(-2, 2) + 3) as u8
}

/// The score written for a task whose emotion is unknown. It lies outside 1..=5 on
/// purpose: Mermaid still draws the task (below the scale), and importing it again gives
/// "unknown" plus a report instead of an invented neutral 3.
pub const UNKNOWN_SCORE: u8 = 0;

/// How a task's score text reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreReading {
    Emotion(i8),
    Missing,
    OutOfRange(i64),
    NotAWholeNumber(String),
}

/// Reads a score as Mermaid users write it (`5`, ` 4 `, `+3`).
pub fn read_score(raw: &str) -> ScoreReading {
    let raw = raw.trim();
    if raw.is_empty() {
        return ScoreReading::Missing;
    }
    match raw.parse::<i64>() {
        Ok(n) => match score_to_emotion(n) {
            Some(e) => ScoreReading::Emotion(e),
            None => ScoreReading::OutOfRange(n),
        },
        Err(_) => ScoreReading::NotAWholeNumber(raw.to_string()),
    }
}

/// Where a piece of text goes; each place stops at different characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSlot {
    /// `title …`, `accTitle: …`, one-line `accDescr: …`.
    Title,
    /// Lines inside `accDescr { … }`.
    DescriptionBlock,
    /// `section …`.
    Section,
    /// The task name before the first `:`.
    TaskName,
    /// One actor in the comma-separated list.
    Actor,
}

/// Words that start a statement; a task named like this would be read as that statement.
const KEYWORDS: [&str; 5] = ["journey", "title", "section", "acctitle", "accdescr"];

/// Escapes `text` for `slot`: line breaks become spaces (no statement spans lines) and the
/// characters Mermaid cannot carry there become entity codes.
pub fn escape(text: &str, slot: TextSlot) -> String {
    let flat: String = text.trim().chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        let must = match c {
            '#' | ';' => true,
            ':' => matches!(slot, TextSlot::Section | TextSlot::TaskName | TextSlot::Actor),
            ',' => slot == TextSlot::Actor,
            '}' => slot == TextSlot::DescriptionBlock,
            _ => false,
        };
        if must {
            out.push_str(&format!("#{};", c as u32));
        } else {
            out.push(c);
        }
    }
    if slot == TextSlot::TaskName && starts_like_a_statement(&out) {
        // Escaping the first character keeps the name intact but no longer a keyword.
        let first = out.chars().next().expect("a keyword-like name is not empty");
        out = format!("#{};{}", first as u32, &out[first.len_utf8()..]);
    }
    out
}

/// True when a line starting with `name` would be read as a comment or keyword statement.
fn starts_like_a_statement(name: &str) -> bool {
    if name.starts_with("%%") {
        return true;
    }
    let lower = name.to_lowercase();
    KEYWORDS.iter().any(|k| {
        lower.strip_prefix(k).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with(':') || rest.starts_with('{')
        })
    })
}

/// Named entity codes Mermaid users commonly write.
const NAMED: [(&str, char); 7] =
    [("quot", '"'), ("amp", '&'), ("lt", '<'), ("gt", '>'), ("apos", '\''), ("nbsp", '\u{a0}'), ("num", '#')];

/// Length in bytes of an entity code (`#58;`, `#quot;`) at the start of `s`, if any.
/// Mermaid treats `#` + word characters + `;` as an entity code.
pub fn entity_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('#')?;
    let word = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    (word > 0 && rest[word..].starts_with(';')).then_some(word + 2)
}

/// Replaces entity codes by their characters; unknown codes are kept as written.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(len) = entity_len(rest) {
            let code = &rest[1..len - 1];
            let decoded = match code.parse::<u32>() {
                Ok(n) => char::from_u32(n),
                Err(_) => NAMED.iter().find(|(name, _)| *name == code).map(|(_, c)| *c),
            };
            if let Some(c) = decoded {
                out.push(c);
                i += len;
                continue;
            }
        }
        let c = rest.chars().next().expect("i is inside the text");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_emotions_map_both_ways() {
        let pairs = [(1, -2), (2, -1), (3, 0), (4, 1), (5, 2)];
        for (score, emotion) in pairs {
            assert_eq!(score_to_emotion(score), Some(emotion));
            assert_eq!(emotion_to_score(emotion) as i64, score);
        }
        assert_eq!(score_to_emotion(0), None);
        assert_eq!(score_to_emotion(6), None);
    }

    #[test]
    fn scores_are_read_without_guessing() {
        assert_eq!(read_score(" 4 "), ScoreReading::Emotion(1));
        assert_eq!(read_score("+5"), ScoreReading::Emotion(2));
        assert_eq!(read_score(""), ScoreReading::Missing);
        assert_eq!(read_score("7"), ScoreReading::OutOfRange(7));
        assert_eq!(read_score("-1"), ScoreReading::OutOfRange(-1));
        assert_eq!(read_score("3.5"), ScoreReading::NotAWholeNumber("3.5".into()));
        assert_eq!(read_score("happy"), ScoreReading::NotAWholeNumber("happy".into()));
    }

    #[test]
    fn escape_protects_what_each_slot_cannot_carry() {
        assert_eq!(escape("Pay: card #2; done", TextSlot::TaskName), "Pay#58; card #35;2#59; done");
        assert_eq!(escape("Pay: card", TextSlot::Title), "Pay: card");
        assert_eq!(escape("Smith, Anna", TextSlot::Actor), "Smith#44; Anna");
        assert_eq!(escape("a, b", TextSlot::TaskName), "a, b");
        assert_eq!(escape("two\nlines", TextSlot::Section), "two lines");
        assert_eq!(escape("{x}", TextSlot::DescriptionBlock), "{x#125;");
    }

    #[test]
    fn task_names_that_look_like_statements_are_defused() {
        assert_eq!(escape("Title page", TextSlot::TaskName), "#84;itle page");
        assert_eq!(escape("section 2", TextSlot::TaskName), "#115;ection 2");
        assert_eq!(escape("%% off", TextSlot::TaskName), "#37;% off");
        assert_eq!(escape("Titles", TextSlot::TaskName), "Titles");
        assert_eq!(escape("Journey", TextSlot::TaskName), "#74;ourney");
    }

    #[test]
    fn unescape_reverses_escape_and_keeps_unknown_codes() {
        for text in ["Pay: card #2; done", "Smith, Anna", "{x}", "Title page", "%% off", "Ä: ü"] {
            for slot in [TextSlot::Title, TextSlot::Section, TextSlot::TaskName, TextSlot::Actor, TextSlot::DescriptionBlock] {
                assert_eq!(unescape(&escape(text, slot)), text, "{text} in {slot:?}");
            }
        }
        assert_eq!(unescape("#quot;hi#quot; #9829;"), "\"hi\" ♥");
        assert_eq!(unescape("#bogus; #; #12"), "#bogus; #; #12");
    }
}
