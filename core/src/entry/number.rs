//! Reading a number as a person types it, in either language: "1.234,5" and "1,234.5"
//! are both 1234.5 (with both marks, the last one is the decimal mark), "0,15" and "0.15"
//! are both 0.15, "12.000.000" is twelve million (one mark several times groups
//! thousands). One mark once followed by exactly three digits is the one ambiguous case:
//! typed into the app it is read in the UI's language ("1,200" is 1200 in English and 1.2
//! in German; "1.200" the other way round); read from a file, whose language is not known,
//! one mark once is the decimal mark. Spaces are ignored, `−` (as the app writes it) and
//! `-` are minus signs, and a trailing `%` is reported so the scale can decide.
//! The typed digits are kept as a plain decimal, so a share typed in percent becomes its
//! stored value by moving the decimal point ([`Typed::scaled_down`]), not by a float
//! division that can miss the nearest value by one step.

use crate::locale::Lang;

/// A typed number: its value as written and whether it carried a `%` sign.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub value: f64,
    pub percent: bool,
    /// The number as a plain decimal with `.` and `-` ("-1234.5"), as typed.
    pub decimal: String,
}

impl Typed {
    /// The value divided by `factor`. For a power of ten (100: percent → share) the
    /// decimal point of the typed digits is moved and the result read once, so it is the
    /// double nearest to the exact quotient: "0.7" % and "12.34567" % are exactly the
    /// shares 0.007 and 0.1234567, and a share written in percent reads back unchanged.
    pub fn scaled_down(&self, factor: f64) -> f64 {
        let places = factor.log10().round();
        if factor == 1.0 || 10f64.powi(places as i32) != factor {
            return self.value / factor;
        }
        format!("{}e-{places}", self.decimal).parse().unwrap_or(self.value / factor)
    }
}

/// The number in `text`, typed in `lang` (`None`: a file's cell, language unknown);
/// `Ok(None)` for an empty (or blank) text; `Err` with the text, trimmed and shortened to
/// 40 characters, when it is not a finite number.
pub fn read_number(text: &str, lang: Option<Lang>) -> Result<Option<Typed>, String> {
    let refused = || text.trim().chars().take(40).collect::<String>();
    let mut s: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| if c == '−' { '-' } else { c }).collect();
    if s.is_empty() {
        return Ok(None);
    }
    let percent = s.ends_with('%');
    if percent {
        s.pop();
    }
    let (dots, commas) = (s.matches('.').count(), s.matches(',').count());
    s = match (dots, commas) {
        (0, 0) => s,
        // Both kinds: the last one is the decimal separator, the other groups thousands.
        (d, c) if d > 0 && c > 0 => {
            let decimal = if s.rfind('.') > s.rfind(',') { '.' } else { ',' };
            let group = if decimal == '.' { ',' } else { '.' };
            s.replace(group, "").replace(decimal, ".")
        }
        // One kind, several times: thousands groups ("12.000.000").
        (d, c) if d + c > 1 => s.replace(['.', ','], ""),
        // One separator once: the language's thousands mark before a group of three digits
        // ("1,200" typed in English)…
        _ if groups_thousands(&s, lang) => s.replace(['.', ','], ""),
        // …otherwise the decimal separator of either language.
        _ => s.replace(',', "."),
    };
    // `parse::<f64>` also reads "inf" and "NaN": only a finite number is a value.
    match s.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(Typed { value, percent, decimal: s })),
        _ => Err(refused()),
    }
}

/// Whether the only mark in `s` is `lang`'s thousands mark with exactly three digits after
/// it and a whole part that is not zero ("0,150" is a decimal in any language).
fn groups_thousands(s: &str, lang: Option<Lang>) -> bool {
    let Some(lang) = lang else { return false };
    let group = lang.pick((',', '.'));
    let Some((whole, rest)) = s.split_once(group) else { return false };
    let digits = whole.trim_start_matches(['-', '+']);
    rest.len() == 3
        && rest.chars().all(|c| c.is_ascii_digit())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.trim_start_matches('0') != ""
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        read_number(text, None).ok().flatten().map(|t| t.value)
    }

    fn typed(text: &str, lang: Lang) -> Option<f64> {
        read_number(text, Some(lang)).ok().flatten().map(|t| t.value)
    }

    #[test]
    fn both_languages_separators_are_read() {
        assert_eq!(value("1.234,5"), Some(1234.5));
        assert_eq!(value("1,234.5"), Some(1234.5));
        assert_eq!(value("0,15"), Some(0.15));
        assert_eq!(value("12.000.000"), Some(12_000_000.0));
        assert_eq!(value("2 400"), Some(2400.0));
        assert_eq!(value("−3"), Some(-3.0));
        assert_eq!(value("-3"), Some(-3.0));
    }

    #[test]
    fn one_mark_before_three_digits_is_read_in_the_language_it_was_typed_in() {
        assert_eq!(typed("1,200", Lang::En), Some(1200.0));
        assert_eq!(typed("1.200", Lang::En), Some(1.2));
        assert_eq!(typed("1.200", Lang::De), Some(1200.0));
        assert_eq!(typed("1,200", Lang::De), Some(1.2));
        assert_eq!(typed("-12,500", Lang::En), Some(-12500.0));
        // Not a group of three, or a zero whole part: a decimal in either language.
        for lang in [Lang::En, Lang::De] {
            assert_eq!(typed("0,15", lang), Some(0.15));
            assert_eq!(typed("0.15", lang), Some(0.15));
            assert_eq!(typed("0,150", lang), Some(0.15));
            assert_eq!(typed("1,5", lang), Some(1.5));
            assert_eq!(typed("1.2345", lang), Some(1.2345));
            assert_eq!(typed("1.234,5", lang), Some(1234.5));
            assert_eq!(typed("1,234.5", lang), Some(1234.5));
        }
        // A file's cell: one mark once is the decimal mark.
        assert_eq!(value("1,200"), Some(1.2));
        assert_eq!(value("1.200"), Some(1.2));
    }

    #[test]
    fn percent_signs_are_reported_and_blank_is_empty() {
        assert_eq!(read_number(" 150 % ", None), Ok(Some(Typed { value: 150.0, percent: true, decimal: "150".into() })));
        assert_eq!(read_number("  ", None), Ok(None));
    }

    #[test]
    fn percent_becomes_a_share_by_moving_the_point() {
        let share = |text: &str| read_number(text, None).unwrap().unwrap().scaled_down(100.0);
        // In floats 0.7 / 100 is not 0.007 (and 0.07 × 100 is 7.000000000000001).
        assert_ne!(0.7 / 100.0, 0.007);
        assert_eq!(share("0,7"), 0.007);
        assert_eq!(share("7"), 0.07);
        assert_eq!(share("12,34567"), 0.1234567);
        assert_eq!(share("1.234,5"), 12.345);
        assert_eq!(share("−3"), -0.03);
        assert_eq!(read_number("2,5", None).unwrap().unwrap().scaled_down(1.0), 2.5);
    }

    #[test]
    fn words_and_special_floats_are_refused() {
        for bad in ["abc", "NaN", "inf", "1e999", "--1", "12a", "%", "-", "."] {
            assert!(read_number(bad, None).is_err(), "{bad}");
        }
        assert_eq!(read_number(&"x".repeat(500), None).unwrap_err().chars().count(), 40);
    }
}
