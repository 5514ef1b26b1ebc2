//! The scale of a typed value (its allowed range and display factor) and the one parse
//! that every input and the CSV import go through.

use super::error::{EntryError, EntryProblem};
use super::number::read_number;
use crate::locale::{plain, Lang, Text};

/// The allowed range of a value in display units, and how display relates to storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: Option<f64>,
    /// Display value = stored value × factor (100 for shares shown in percent).
    pub factor: f64,
    /// An empty text is refused instead of clearing the value.
    pub required: bool,
}

/// How a number without a `%` sign is meant. A `%` sign always means percent (and is not a
/// number for a field that is no share).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// As the app's inputs show it, typed in the UI's language: a share in percent
    /// ("Drop-off (%)": 25 is 0.25), "1,200" in English is 1200.
    Shown(Lang),
    /// As stored, and as a file's column without a unit holds it: a share as 0..=1
    /// ("0.25"); the CSV import of a column headed "Drop-off rate".
    Stored,
    /// A file's column whose header says "%" ("Drop-off rate (%)"): a share in percent,
    /// as in the inputs — the unit follows the label.
    Percent,
}

impl Scale {
    pub const PERCENT: Scale = Scale { min: 0.0, max: Some(100.0), factor: 100.0, required: false };
    pub const NON_NEGATIVE: Scale = Scale { min: 0.0, max: None, factor: 1.0, required: false };
    /// Any finite number (custom measurements).
    pub const ANY: Scale = Scale { min: f64::MIN, max: None, factor: 1.0, required: false };

    pub const fn between(min: f64, max: f64) -> Scale {
        Scale { min, max: Some(max), factor: 1.0, required: false }
    }

    /// This scale in stored units (a share: 0 to 1).
    fn stored(self) -> Scale {
        Scale { min: self.min / self.factor, max: self.max.map(|m| m / self.factor), factor: 1.0, ..self }
    }

    /// The typed `text` as a stored value (`None`: cleared), or why it is refused. A
    /// refused value names `field`, and the range in the units the person typed.
    pub fn parse(self, field: &Text, text: &str, unit: Unit) -> Result<Option<f64>, EntryError> {
        let err = |problem| EntryError { field: field.clone(), problem };
        let lang = match unit {
            Unit::Shown(lang) => Some(lang),
            Unit::Stored | Unit::Percent => None,
        };
        let typed = read_number(text, lang).map_err(|t| err(EntryProblem::NotANumber(t)))?;
        let Some(typed) = typed else {
            return if self.required { Err(err(EntryProblem::Required)) } else { Ok(None) };
        };
        let is_share = self.factor != 1.0;
        if typed.percent && !is_share {
            return Err(err(EntryProblem::NotANumber(text.trim().chars().take(40).collect())));
        }
        // Checked in the units it was typed in (percent with a `%` or in an input)…
        let shown = typed.percent || unit != Unit::Stored;
        let (scale, value) = if shown { (self, typed.value) } else { (self.stored(), typed.value) };
        if value < scale.min || scale.max.is_some_and(|max| value > max) {
            // …and reported in the units of the place: the input's, or the file's.
            let (value, scale) = match unit {
                Unit::Stored if shown => (value / self.factor, self.stored()),
                _ => (value, scale),
            };
            return Err(err(EntryProblem::OutOfRange { value, min: scale.min, max: scale.max }));
        }
        Ok(Some(typed.scaled_down(scale.factor)))
    }

    /// A stored value as an input shows it (empty when unknown). Four decimals hide float
    /// noise (0.35 × 100) but keep what a person typed; no thousands groups, so the text
    /// reads back unchanged.
    pub fn show(self, stored: Option<f64>, lang: Lang) -> String {
        stored.map(|v| plain(v * self.factor, 4, lang)).unwrap_or_default()
    }
}
