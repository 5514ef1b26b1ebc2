//! Numbers as people read them in each language: German "1.234,5", English "1,234.5",
//! trailing zeros dropped, and one minus sign everywhere (U+2212 "−", which is as wide as
//! "+" and does not break a line). A number that rounds to zero is written without sign.
//! An unknown or infinite value is written "–", never as 0.

use super::Lang;

/// The minus sign every formatted number uses (the reader in `entry` accepts it too).
pub const MINUS: char = '−';

/// A number for reading: thousands grouped ("12,000" / "12.000"), at most `decimals`
/// decimals. For tables, charts and sentences about volumes.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    format(value, decimals, lang, true)
}

/// A number without thousands groups ("1234,5"): what an input field shows (so it reads
/// back unchanged), scores ("72,5") and figures in sentences.
pub fn plain(value: f64, decimals: usize, lang: Lang) -> String {
    format(value, decimals, lang, false)
}

/// A number with exactly `decimals` decimals, trailing zeros kept ("4.50" / "4,50"): for
/// means whose precision is part of the message (rating means).
pub fn fixed(value: f64, decimals: usize, lang: Lang) -> String {
    let s = plain(value, decimals, lang);
    if decimals == 0 || s == "–" {
        return s;
    }
    let point = lang.pick(('.', ','));
    let have = s.split_once(point).map_or(0, |(_, f)| f.len());
    let mut out = if have == 0 { format!("{s}{point}") } else { s };
    out.extend(std::iter::repeat_n('0', decimals - have));
    out
}

/// A share 0..=1 as a percentage with at most `decimals` decimals and the space both
/// languages' style guides use: "20.1 %" / "20,1 %".
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{} %", plain(share * 100.0, decimals, lang))
}

/// A change or a balance with its sign: "+20", "−5", "0".
pub fn signed(value: f64, decimals: usize, lang: Lang) -> String {
    let s = plain(value, decimals, lang);
    if value > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

/// A Net Promoter Score (−100…+100), always with its sign as the NPS is read: "+0",
/// "+35", "−20".
pub fn nps(value: f64, lang: Lang) -> String {
    let s = plain(value, 0, lang);
    if s.starts_with(MINUS) || s == "–" {
        s
    } else {
        format!("+{s}")
    }
}

/// A duration in seconds in the largest sensible unit, one decimal at most: "45 s",
/// "3.5 min", "2 h", "4 d" / "4 T".
pub fn duration(seconds: f64, lang: Lang) -> String {
    let (value, unit) = if seconds < 120.0 {
        (seconds, "s")
    } else if seconds < 2.0 * 3600.0 {
        (seconds / 60.0, "min")
    } else if seconds < 2.0 * 86_400.0 {
        (seconds / 3600.0, "h")
    } else {
        (seconds / 86_400.0, lang.pick(("d", "T")))
    };
    format!("{} {unit}", plain(value, 1, lang))
}

fn format(value: f64, decimals: usize, lang: Lang, group: bool) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let formatted = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match formatted.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (formatted.as_str(), ""),
    };
    let (group_mark, point) = lang.pick(((',', '.'), ('.', ',')));
    let mut out = String::with_capacity(formatted.len() + 4);
    let is_zero = int_part.chars().all(|c| c == '0') && frac_part.is_empty();
    if value < 0.0 && !is_zero {
        out.push(MINUS);
    }
    for (i, c) in int_part.chars().enumerate() {
        if group && i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group_mark);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_numbers_follow_the_language() {
        assert_eq!(number(12000.0, 0, Lang::En), "12,000");
        assert_eq!(number(12000.0, 0, Lang::De), "12.000");
        assert_eq!(number(1234.5, 2, Lang::De), "1.234,5");
        assert_eq!(number(1234.5, 2, Lang::En), "1,234.5");
        assert_eq!(number(-1234567.0, 0, Lang::En), "−1,234,567");
        assert_eq!(number(999.0, 0, Lang::De), "999");
    }

    #[test]
    fn plain_numbers_drop_trailing_zeros_and_groups() {
        assert_eq!(plain(4275.0, 2, Lang::En), "4275");
        assert_eq!(plain(4.5, 2, Lang::De), "4,5");
        assert_eq!(plain(0.126, 2, Lang::En), "0.13");
        assert_eq!(plain(45.06, 1, Lang::De), "45,1");
        assert_eq!(plain(20.0, 1, Lang::De), "20");
    }

    #[test]
    fn one_minus_sign_and_no_negative_zero() {
        assert_eq!(plain(-1.5, 2, Lang::De), "−1,5");
        assert_eq!(number(-3.0, 0, Lang::En), "−3");
        assert_eq!(plain(-0.001, 2, Lang::En), "0");
        assert_eq!(plain(-0.0, 0, Lang::En), "0");
        assert_eq!(number(-0.04, 1, Lang::En), "0");
        assert_eq!(number(-0.05, 1, Lang::En), "−0.1");
    }

    #[test]
    fn fixed_numbers_keep_their_decimals() {
        assert_eq!(fixed(4.5, 2, Lang::En), "4.50");
        assert_eq!(fixed(4.0, 2, Lang::De), "4,00");
        assert_eq!(fixed(4.567, 2, Lang::En), "4.57");
        assert_eq!(fixed(-1.0, 1, Lang::En), "−1.0");
    }

    #[test]
    fn signed_numbers_show_plus_and_the_one_minus() {
        assert_eq!(signed(20.0, 0, Lang::En), "+20");
        assert_eq!(signed(-5.0, 0, Lang::De), "−5");
        assert_eq!(signed(0.2, 0, Lang::En), "0");
        assert_eq!(nps(0.0, Lang::En), "+0");
        assert_eq!(nps(-20.0, Lang::De), "−20");
    }

    #[test]
    fn durations_take_the_largest_sensible_unit() {
        assert_eq!(duration(45.0, Lang::En), "45 s");
        assert_eq!(duration(210.0, Lang::De), "3,5 min");
        assert_eq!(duration(7200.0, Lang::En), "2 h");
        assert_eq!(duration(4.0 * 86_400.0, Lang::De), "4 T");
    }

    #[test]
    fn unknown_values_and_percentages() {
        assert_eq!(number(f64::NAN, 0, Lang::En), "–");
        assert_eq!(plain(f64::INFINITY, 1, Lang::En), "–");
        assert_eq!(percent(0.2011, 1, Lang::De), "20,1 %");
        assert_eq!(percent(1.0, 1, Lang::En), "100 %");
        assert_eq!(percent(0.35, 0, Lang::De), "35 %");
    }
}
