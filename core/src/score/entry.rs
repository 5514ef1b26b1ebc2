//! Score inputs as a person types them: the number fields of a touchpoint (drop-off,
//! CSAT, CES, volume) and of the map's scoring settings (weights, threshold, cost per
//! contact, measured conversion), with their scales, parsing, display and where they are
//! stored. Plus stable keys for the choice fields (contact class and reason).
//!
//! Shares are typed as percentages (drop-off 25 means 0.25) because that is how people
//! speak about them. Parsing is lenient about the decimal separator (`2,5` and `2.5` both
//! mean 2.5; with both present, the last one is the decimal separator) and strict about
//! the scale: a value outside it is refused with a message naming the field, the value and
//! the scale, and nothing is stored. An empty field clears an optional value (unknown, never
//! 0) and is refused for a required one.

use crate::model::{ContactClass, ContactReason, Lang, Touchpoint};

use super::band::format_number;
use super::settings::ScoringSettings;
use super::text::pick;

/// The scale of a field in display units.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    min: f64,
    max: Option<f64>,
    /// Display value = stored value × factor (100 for shares shown as percent).
    factor: f64,
    required: bool,
}

const PERCENT: Scale = Scale { min: 0.0, max: Some(100.0), factor: 100.0, required: false };
const NON_NEGATIVE: Scale = Scale { min: 0.0, max: None, factor: 1.0, required: false };

/// What was wrong with a typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryProblem {
    /// The text (shortened) is not a number.
    NotANumber(String),
    /// The number, in display units, is outside the field's scale.
    OutOfRange { value: f64, min: f64, max: Option<f64> },
    /// The field must have a value.
    Required,
}

/// A refused value: which field, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryError {
    /// The field's label in English and German.
    pub field: (&'static str, &'static str),
    pub problem: EntryProblem,
}

impl EntryError {
    /// A sentence naming the field, the value and what is allowed.
    pub fn message(&self, lang: Lang) -> String {
        let field = pick(lang, self.field);
        let n = |v: f64| format_number(v, 2, lang);
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

/// Reads a number typed in either language. `None` for an empty text.
fn read_number(text: &str) -> Result<Option<f64>, String> {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '%')
        .collect();
    if s.is_empty() {
        return Ok(None);
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
        // One separator once: the decimal separator of either language.
        _ => s.replace(',', "."),
    };
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(text.trim().chars().take(40).collect()),
    }
}

fn parse(scale: Scale, field: (&'static str, &'static str), text: &str) -> Result<Option<f64>, EntryError> {
    let err = |problem| EntryError { field, problem };
    let shown = read_number(text).map_err(|t| err(EntryProblem::NotANumber(t)))?;
    let Some(v) = shown else {
        return if scale.required { Err(err(EntryProblem::Required)) } else { Ok(None) };
    };
    if v < scale.min || scale.max.is_some_and(|max| v > max) {
        return Err(err(EntryProblem::OutOfRange { value: v, min: scale.min, max: scale.max }));
    }
    Ok(Some(v / scale.factor))
}

fn show(scale: Scale, stored: Option<f64>, lang: Lang) -> String {
    // Four decimals hide float noise (0.35 × 100) but keep what a person typed.
    stored.map(|v| format_number(v * scale.factor, 4, lang)).unwrap_or_default()
}

/// A number input of a touchpoint's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TouchpointField {
    /// Drop-off rate, typed in percent (stored 0..=1).
    DropOff,
    /// CSAT mean, 1..=5.
    Csat,
    /// CES, share agreeing "it was easy", typed in percent (stored 0..=1).
    Ces,
    /// Customers or contacts per month, not negative.
    Volume,
}

impl TouchpointField {
    pub const ALL: [TouchpointField; 4] =
        [TouchpointField::DropOff, TouchpointField::Csat, TouchpointField::Ces, TouchpointField::Volume];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            TouchpointField::DropOff => ("Drop-off (%)", "Abbruch (%)"),
            TouchpointField::Csat => ("CSAT (1–5)", "CSAT (1–5)"),
            TouchpointField::Ces => ("CES (% easy)", "CES (% leicht)"),
            TouchpointField::Volume => ("Volume per month", "Volumen pro Monat"),
        }
    }

    fn scale(self) -> Scale {
        match self {
            TouchpointField::DropOff | TouchpointField::Ces => PERCENT,
            TouchpointField::Csat => Scale { min: 1.0, max: Some(5.0), factor: 1.0, required: false },
            TouchpointField::Volume => NON_NEGATIVE,
        }
    }

    /// A stable key for test ids (`drop_off`, `csat`, `ces`, `volume`).
    pub fn key(self) -> &'static str {
        match self {
            TouchpointField::DropOff => "drop_off",
            TouchpointField::Csat => "csat",
            TouchpointField::Ces => "ces",
            TouchpointField::Volume => "volume",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }

    /// The typed text as a stored value (`None`: cleared), or why it was refused.
    pub fn parse(self, text: &str) -> Result<Option<f64>, EntryError> {
        parse(self.scale(), self.pair(), text)
    }

    /// The stored value as the input shows it (empty when unknown).
    pub fn show(self, tp: &Touchpoint, lang: Lang) -> String {
        show(self.scale(), self.get(tp), lang)
    }

    pub fn get(self, tp: &Touchpoint) -> Option<f64> {
        let m = &tp.measurements;
        match self {
            TouchpointField::DropOff => m.drop_off_rate,
            TouchpointField::Csat => m.csat,
            TouchpointField::Ces => m.ces,
            TouchpointField::Volume => m.volume,
        }
    }

    pub fn set(self, tp: &mut Touchpoint, value: Option<f64>) {
        let m = &mut tp.measurements;
        match self {
            TouchpointField::DropOff => m.drop_off_rate = value,
            TouchpointField::Csat => m.csat = value,
            TouchpointField::Ces => m.ces = value,
            TouchpointField::Volume => m.volume = value,
        }
    }
}

/// A number input of the map's scoring settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingField {
    WeightExperience,
    WeightEffort,
    WeightPassThrough,
    /// Strength 0..=1 with which importance sharpens the gap to 100.
    WeightImportance,
    IllusionThreshold,
    CostPerContact,
    /// End-to-end conversion measured elsewhere, typed in percent.
    MeasuredConversion,
}

impl SettingField {
    pub const ALL: [SettingField; 7] = [
        SettingField::WeightExperience,
        SettingField::WeightEffort,
        SettingField::WeightPassThrough,
        SettingField::WeightImportance,
        SettingField::IllusionThreshold,
        SettingField::CostPerContact,
        SettingField::MeasuredConversion,
    ];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            SettingField::WeightExperience => ("Weight of experience (CSAT or emotion)", "Gewicht Erlebnis (CSAT oder Emotion)"),
            SettingField::WeightEffort => ("Weight of effort (CES)", "Gewicht Aufwand (CES)"),
            SettingField::WeightPassThrough => ("Weight of pass-through (1 − drop-off)", "Gewicht Durchlauf (1 − Abbruch)"),
            SettingField::WeightImportance => ("Strength of importance (0–1)", "Stärke der Wichtigkeit (0–1)"),
            SettingField::IllusionThreshold => ("Warning threshold (points)", "Warnschwelle (Punkte)"),
            SettingField::CostPerContact => ("Cost per contact", "Kosten pro Kontakt"),
            SettingField::MeasuredConversion => ("Measured conversion (%)", "Gemessene Abschlussquote (%)"),
        }
    }

    fn scale(self) -> Scale {
        let required = |min, max| Scale { min, max, factor: 1.0, required: true };
        match self {
            SettingField::WeightExperience | SettingField::WeightEffort | SettingField::WeightPassThrough => {
                required(0.0, None)
            }
            SettingField::WeightImportance => required(0.0, Some(1.0)),
            SettingField::IllusionThreshold => required(0.0, Some(100.0)),
            SettingField::CostPerContact => NON_NEGATIVE,
            SettingField::MeasuredConversion => PERCENT,
        }
    }

    /// A stable key for test ids.
    pub fn key(self) -> &'static str {
        match self {
            SettingField::WeightExperience => "weight_experience",
            SettingField::WeightEffort => "weight_effort",
            SettingField::WeightPassThrough => "weight_pass_through",
            SettingField::WeightImportance => "weight_importance",
            SettingField::IllusionThreshold => "illusion_threshold",
            SettingField::CostPerContact => "cost_per_contact",
            SettingField::MeasuredConversion => "measured_conversion",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }

    pub fn parse(self, text: &str) -> Result<Option<f64>, EntryError> {
        parse(self.scale(), self.pair(), text)
    }

    pub fn show(self, settings: &ScoringSettings, lang: Lang) -> String {
        show(self.scale(), self.get(settings), lang)
    }

    pub fn get(self, s: &ScoringSettings) -> Option<f64> {
        match self {
            SettingField::WeightExperience => Some(s.weights.experience),
            SettingField::WeightEffort => Some(s.weights.effort),
            SettingField::WeightPassThrough => Some(s.weights.pass_through),
            SettingField::WeightImportance => Some(s.weights.importance),
            SettingField::IllusionThreshold => Some(s.illusion_threshold),
            SettingField::CostPerContact => s.cost_per_contact,
            SettingField::MeasuredConversion => s.measured_conversion,
        }
    }

    /// Stores a parsed value. `None` only clears optional fields; a required field keeps
    /// its value (its parser never returns `None`).
    pub fn set(self, s: &mut ScoringSettings, value: Option<f64>) {
        match (self, value) {
            (SettingField::WeightExperience, Some(v)) => s.weights.experience = v,
            (SettingField::WeightEffort, Some(v)) => s.weights.effort = v,
            (SettingField::WeightPassThrough, Some(v)) => s.weights.pass_through = v,
            (SettingField::WeightImportance, Some(v)) => s.weights.importance = v,
            (SettingField::IllusionThreshold, Some(v)) => s.illusion_threshold = v,
            (SettingField::CostPerContact, v) => s.cost_per_contact = v,
            (SettingField::MeasuredConversion, v) => s.measured_conversion = v,
            (_, None) => {}
        }
    }
}

/// A stable key of a contact class, the same as in the JSON file.
pub fn contact_class_key(class: ContactClass) -> &'static str {
    match class {
        ContactClass::ValueAdding => "value_adding",
        ContactClass::Disruptive => "disruptive",
        ContactClass::SelfServiceCandidate => "self_service_candidate",
    }
}

/// The class for a key; `None` for anything else (e.g. the empty "not a contact" choice).
pub fn contact_class_from_key(key: &str) -> Option<ContactClass> {
    super::CLASSES.into_iter().find(|c| contact_class_key(*c) == key)
}

/// A stable key of a contact reason, the same as in the JSON file.
pub fn contact_reason_key(reason: ContactReason) -> &'static str {
    match reason {
        ContactReason::Service => "service",
        ContactReason::Information => "information",
        ContactReason::Order => "order",
    }
}

pub fn contact_reason_from_key(key: &str) -> Option<ContactReason> {
    super::REASONS.into_iter().find(|r| contact_reason_key(*r) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_typed_in_percent_and_stored_as_shares() {
        assert_eq!(TouchpointField::DropOff.parse("25"), Ok(Some(0.25)));
        assert_eq!(TouchpointField::DropOff.parse(" 2,5 % "), Ok(Some(0.025)));
        assert_eq!(TouchpointField::Ces.parse("85.5"), Ok(Some(0.855)));
        assert_eq!(SettingField::MeasuredConversion.parse("20"), Ok(Some(0.2)));
        let mut tp = Touchpoint::default();
        tp.measurements.drop_off_rate = Some(0.35);
        assert_eq!(TouchpointField::DropOff.show(&tp, Lang::En), "35");
        tp.measurements.drop_off_rate = Some(0.025);
        assert_eq!(TouchpointField::DropOff.show(&tp, Lang::De), "2,5");
        assert_eq!(TouchpointField::Csat.show(&tp, Lang::De), "");
    }

    #[test]
    fn empty_clears_optional_fields_and_is_refused_for_required_ones() {
        assert_eq!(TouchpointField::Csat.parse("  "), Ok(None));
        assert_eq!(SettingField::CostPerContact.parse(""), Ok(None));
        let err = SettingField::WeightEffort.parse("").unwrap_err();
        assert_eq!(err.problem, EntryProblem::Required);
        assert!(err.message(Lang::De).starts_with("Gewicht Aufwand (CES): Bitte"), "{}", err.message(Lang::De));
    }

    #[test]
    fn values_outside_the_scale_are_refused_with_field_value_and_scale() {
        let err = TouchpointField::DropOff.parse("150").unwrap_err();
        assert_eq!(err.problem, EntryProblem::OutOfRange { value: 150.0, min: 0.0, max: Some(100.0) });
        assert_eq!(err.message(Lang::En), "Drop-off (%): 150 is outside the scale 0 to 100.");
        assert_eq!(err.message(Lang::De), "Abbruch (%): 150 liegt außerhalb der Skala 0 bis 100.");
        assert!(TouchpointField::Csat.parse("0.5").is_err());
        assert!(TouchpointField::Csat.parse("5").is_ok());
        let neg = TouchpointField::Volume.parse("-3").unwrap_err();
        assert_eq!(neg.message(Lang::En), "Volume per month: -3 must not be less than 0.");
        assert!(SettingField::WeightImportance.parse("1,5").is_err());
    }

    #[test]
    fn text_that_is_no_number_is_named_and_shortened() {
        for bad in ["abc", "NaN", "inf", "1e999", "--1", "12a"] {
            let err = TouchpointField::Volume.parse(bad).unwrap_err();
            assert!(matches!(err.problem, EntryProblem::NotANumber(_)), "{bad}");
        }
        let long = "x".repeat(500);
        match TouchpointField::Csat.parse(&long).unwrap_err().problem {
            EntryProblem::NotANumber(t) => assert_eq!(t.chars().count(), 40),
            other => panic!("{other:?}"),
        }
        assert!(TouchpointField::Volume.parse("x").unwrap_err().message(Lang::De).contains("„x“ ist keine Zahl"));
    }

    #[test]
    fn thousands_separators_of_both_languages_are_read() {
        assert_eq!(TouchpointField::Volume.parse("12.000.000"), Ok(Some(12_000_000.0)));
        assert_eq!(TouchpointField::Volume.parse("1.234,5"), Ok(Some(1234.5)));
        assert_eq!(TouchpointField::Volume.parse("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(TouchpointField::Volume.parse("2 400"), Ok(Some(2400.0)));
    }

    #[test]
    fn settings_fields_read_and_write_their_setting() {
        let mut s = ScoringSettings::default();
        for field in SettingField::ALL {
            let before = field.get(&s);
            field.set(&mut s, None);
            if field.parse("").is_err() {
                assert_eq!(field.get(&s), before, "a required field keeps its value");
            }
        }
        SettingField::WeightPassThrough.set(&mut s, SettingField::WeightPassThrough.parse("0,6").unwrap());
        assert_eq!(s.weights.pass_through, 0.6);
        SettingField::CostPerContact.set(&mut s, Some(4.5));
        assert_eq!(SettingField::CostPerContact.show(&s, Lang::De), "4,5");
        SettingField::IllusionThreshold.set(&mut s, Some(20.0));
        assert_eq!(s.illusion_threshold, 20.0);
    }

    #[test]
    fn touchpoint_fields_write_their_measurement_only() {
        let mut tp = Touchpoint::default();
        for (i, field) in TouchpointField::ALL.into_iter().enumerate() {
            field.set(&mut tp, Some(i as f64));
            assert_eq!(field.get(&tp), Some(i as f64));
        }
        assert_eq!(tp.measurements.volume, Some(3.0));
        TouchpointField::Csat.set(&mut tp, None);
        assert_eq!(tp.measurements.csat, None);
        assert_eq!(tp.measurements.ces, Some(2.0));
    }

    #[test]
    fn contact_keys_round_trip_and_match_the_json_names() {
        for class in super::super::CLASSES {
            assert_eq!(contact_class_from_key(contact_class_key(class)), Some(class));
            assert_eq!(serde_json::to_string(&class).unwrap(), format!("\"{}\"", contact_class_key(class)));
        }
        for reason in super::super::REASONS {
            assert_eq!(contact_reason_from_key(contact_reason_key(reason)), Some(reason));
            assert_eq!(serde_json::to_string(&reason).unwrap(), format!("\"{}\"", contact_reason_key(reason)));
        }
        assert_eq!(contact_class_from_key(""), None);
    }
}
