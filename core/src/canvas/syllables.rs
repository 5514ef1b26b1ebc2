//! Soft hyphens (U+00AD) at syllable boundaries of long words, so a narrow column breaks
//! "Zahlungsdienstleister" as "Zahlungs-dienstleister" instead of mid-syllable without a
//! hyphen. The browser shows a hyphen only where it breaks the line, and a browser without
//! hyphenation dictionaries (CSS `hyphens: auto` does nothing on many Linux builds) still
//! honours soft hyphens.
//!
//! The rule is the classic one for German and English, without a dictionary: between two
//! vowel groups, the break goes before the last consonant of the consonant cluster
//! ("Sen-dung", "Ver-fol-gung"), keeping the letter groups that are one sound ("sch", "ch",
//! "ck", "ph", "th") together; never inside a vowel group, and at least three letters
//! on each side. Words shorter than [`MIN_WORD`] letters are left alone.

/// Words with fewer letters are not hyphenated (they fit any column).
pub const MIN_WORD: usize = 8;
/// Letters kept together at the start and at the end of a word.
const EDGE: usize = 3;
pub const SOFT_HYPHEN: char = '\u{AD}';

fn is_vowel(c: char) -> bool {
    matches!(c.to_lowercase().next().unwrap_or(c), 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü' | 'é' | 'è' | 'à' | 'â' | 'ê' | 'ô')
}

/// Letter groups spoken as one consonant: a break never splits them.
const GROUPS: [&str; 5] = ["sch", "ch", "ck", "ph", "th"];

/// Where a soft hyphen goes inside `word` (char indices: before that letter).
fn breaks(word: &[char]) -> Vec<usize> {
    let n = word.len();
    let lower: Vec<char> = word.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    // Skip the first vowel group's leading consonants.
    while i < n && !is_vowel(lower[i]) {
        i += 1;
    }
    while i < n {
        // At a vowel group: walk over it.
        while i < n && is_vowel(lower[i]) {
            i += 1;
        }
        let start = i;
        while i < n && !is_vowel(lower[i]) {
            i += 1;
        }
        if i >= n {
            break; // consonants at the end: no syllable follows
        }
        // Consonant cluster start..i between two vowels: break before its last unit.
        let cluster: String = lower[start..i].iter().collect();
        let mut at = i - 1;
        for g in GROUPS {
            if cluster.ends_with(g) {
                at = i - g.chars().count();
                break;
            }
        }
        if at >= start && at >= EDGE && n - at >= EDGE && !out.contains(&at) {
            out.push(at);
        }
    }
    out
}

/// `text` with soft hyphens inside its long words. Only letters count: a word with digits or
/// other signs is split at those into runs of letters, each hyphenated by itself.
pub fn soft_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() >= MIN_WORD {
            let at = breaks(run);
            for (i, c) in run.iter().enumerate() {
                if at.contains(&i) {
                    out.push(SOFT_HYPHEN);
                }
                out.push(*c);
            }
        } else {
            out.extend(run.iter());
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        soft_hyphens(text).replace(SOFT_HYPHEN, "-")
    }

    #[test]
    fn long_words_get_hyphens_at_syllables() {
        assert_eq!(shown("Zahlungsdienstleister"), "Zah-lungs-dienst-leis-ter");
        assert_eq!(shown("Sendungsverfolgung"), "Sen-dungs-ver-fol-gung");
        assert_eq!(shown("Größenberatung"), "Grö-ßen-be-ra-tung");
        assert_eq!(shown("Bewertungsportal"), "Bewer-tungs-por-tal");
        assert_eq!(shown("Consideration"), "Con-si-de-ra-tion");
        assert_eq!(shown("Taschenrechner"), "Taschen-rech-ner");
        assert_eq!(shown("Zuckerdosen"), "Zucker-do-sen");
    }

    #[test]
    fn short_words_signs_and_spaces_are_kept_and_removing_the_hyphens_gives_the_text_back() {
        for text in ["Pays at the till", "E-Mail-Bestätigung 24 h", "Kasse", "", "  zwei  Leerzeichen ", "Über€Größenberatung!"] {
            assert_eq!(soft_hyphens(text).replace(SOFT_HYPHEN, ""), text);
        }
        assert_eq!(soft_hyphens("Pays at the till"), "Pays at the till");
        // At least three letters stay on each side of a break.
        for word in soft_hyphens("Zahlungsdienstleister Sendungsverfolgung").split(' ') {
            let parts: Vec<&str> = word.split(SOFT_HYPHEN).collect();
            assert!(parts.iter().all(|p| p.chars().count() >= 3), "{parts:?}");
        }
    }
}
