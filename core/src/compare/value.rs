//! A compared value and how it is written, the same way in both languages' style (decimal
//! comma in German, a missing value as "–", never as 0).

use crate::model::Lang;

/// One side of a changed field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Number(Option<f64>),
    /// A share 0..=1, written in percent.
    Share(Option<f64>),
    /// −2 … +2.
    Emotion(Option<i8>),
    List(Vec<String>),
}

impl FieldValue {
    pub fn display(&self, lang: Lang) -> String {
        match self {
            FieldValue::Text(t) if t.is_empty() => "–".into(),
            FieldValue::Text(t) => t.clone(),
            FieldValue::Number(v) => v.map_or("–".into(), |v| format_number(v, 2, lang)),
            FieldValue::Share(v) => v.map_or("–".into(), |v| format!("{} %", format_number(v * 100.0, 1, lang))),
            FieldValue::Emotion(v) => v.map_or("–".into(), |v| format!("{v:+}")),
            FieldValue::List(items) if items.is_empty() => "–".into(),
            FieldValue::List(items) => items.join("; "),
        }
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped, a decimal comma in
/// German and a real minus sign.
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals, value.abs());
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    let s = if lang == Lang::De { s.replace('.', ",") } else { s };
    if value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_missing_values() {
        assert_eq!(format_number(-1.50, 2, Lang::De), "−1,5");
        assert_eq!(format_number(-0.001, 2, Lang::En), "0");
        assert_eq!(FieldValue::Share(Some(0.25)).display(Lang::En), "25 %");
        assert_eq!(FieldValue::Number(None).display(Lang::En), "–");
        assert_eq!(FieldValue::Emotion(Some(-2)).display(Lang::En), "-2");
    }
}
