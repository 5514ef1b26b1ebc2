//! User-visible text in both languages. Scores and reports are computed once, without
//! knowing the UI language, so every message travels as an English/German pair and the UI
//! picks one.

use serde::{Deserialize, Serialize};

use super::Lang;

/// One message in English and German.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        lang.pick((&self.en, &self.de))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_picks_its_side() {
        assert_eq!(Text::new("a", "b").get(Lang::De), "b");
        assert_eq!(Text::new("a", "b").get(Lang::En), "a");
        assert_eq!(Lang::De.pick((1, 2)), 2);
    }
}
