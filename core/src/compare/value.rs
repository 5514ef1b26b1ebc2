//! A compared value and how it is written (numbers through `crate::locale`, a missing value
//! as "–", never as 0).

use crate::locale::{percent, Lang};

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
            FieldValue::Number(v) => v.map_or("–".into(), |v| crate::locale::number(v, 2, lang)),
            FieldValue::Share(v) => v.map_or("–".into(), |v| percent(v, 1, lang)),
            FieldValue::Emotion(v) => crate::locale::emotion(*v),
            FieldValue::List(items) if items.is_empty() => "–".into(),
            FieldValue::List(items) => items.join("; "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_missing_values() {
        assert_eq!(FieldValue::Share(Some(0.25)).display(Lang::En), "25 %");
        assert_eq!(FieldValue::Number(None).display(Lang::En), "–");
        // One minus sign and the language's separators everywhere (issue 25).
        assert_eq!(FieldValue::Emotion(Some(-2)).display(Lang::En), "−2");
        assert_eq!(FieldValue::Number(Some(22042.0)).display(Lang::En), "22,042");
        assert_eq!(FieldValue::Number(Some(-1.5)).display(Lang::De), "−1,5");
    }
}
