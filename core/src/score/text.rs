//! User-visible text in both languages. Scores are computed once, without knowing the UI
//! language, so every message travels as an English/German pair and the UI picks one.

use serde::Serialize;

use crate::model::Lang;

/// One message in English and German.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub en: String,
    pub de: String,
}

impl Text {
    pub fn new(en: impl Into<String>, de: impl Into<String>) -> Self {
        Text { en: en.into(), de: de.into() }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::De => &self.de,
        }
    }
}

/// Picks one side of a static (en, de) pair.
pub(crate) fn pick(lang: Lang, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::En => pair.0,
        Lang::De => pair.1,
    }
}

/// A number for a sentence: whole numbers without decimals, otherwise one decimal, with a
/// decimal comma in German.
pub(crate) fn num(value: f64, lang: Lang) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let s = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") };
    match lang {
        Lang::En => s,
        Lang::De => s.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_decimal_separator_of_the_language() {
        assert_eq!(num(45.06, Lang::En), "45.1");
        assert_eq!(num(45.06, Lang::De), "45,1");
        assert_eq!(num(20.0, Lang::De), "20");
        assert_eq!(Text::new("a", "b").get(Lang::De), "b");
    }
}
