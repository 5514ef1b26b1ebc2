//! Why a typed value was refused, as a sentence in either language.

use crate::locale::{plain, Lang, Text};

/// What was wrong with a typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryProblem {
    /// The text (shortened) is not a number.
    NotANumber(String),
    /// The number, in the units it was typed in, is outside the field's scale.
    OutOfRange { value: f64, min: f64, max: Option<f64> },
    /// The field must have a value.
    Required,
}

/// A refused value: which field, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryError {
    /// The field's label in English and German.
    pub field: Text,
    pub problem: EntryProblem,
}

impl EntryError {
    /// A sentence naming the field, the value and what is allowed.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field.get(lang);
        let n = |v: f64| plain(v, 2, lang);
        match (&self.problem, lang) {
            (EntryProblem::NotANumber(text), Lang::En) => format!("{field}: “{text}” is not a number."),
            (EntryProblem::NotANumber(text), Lang::De) => format!("{field}: „{text}“ ist keine Zahl."),
            (EntryProblem::OutOfRange { value, min, max: Some(max) }, Lang::En) => {
                format!("{field}: {} is outside the scale {} to {}.", n(*value), n(*min), n(*max))
            }
            (EntryProblem::OutOfRange { value, min, max: Some(max) }, Lang::De) => {
                format!("{field}: {} liegt außerhalb der Skala {} bis {}.", n(*value), n(*min), n(*max))
            }
            (EntryProblem::OutOfRange { value, min, max: None }, Lang::En) => {
                format!("{field}: {} must not be less than {}.", n(*value), n(*min))
            }
            (EntryProblem::OutOfRange { value, min, max: None }, Lang::De) => {
                format!("{field}: {} darf nicht kleiner als {} sein.", n(*value), n(*min))
            }
            (EntryProblem::Required, Lang::En) => format!("{field}: please enter a number; it cannot be empty."),
            (EntryProblem::Required, Lang::De) => format!("{field}: Bitte eine Zahl eingeben; das Feld darf nicht leer sein."),
        }
    }
}
