//! The number inputs of the app: a touchpoint's measurements (the scores page's table and
//! the editor's measurement lane) and the map's scoring settings, with their labels and
//! where they are stored. Their scales come from [`MeasurementKind::scale`] and
//! [`Scale`]; parsing is [`Scale::parse`], the same for every input.

use super::error::EntryError;
use super::scale::{Scale, Unit};
use crate::locale::{Lang, Text};
use crate::model::{MeasurementKind, Touchpoint};
use crate::score::ScoringSettings;

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

    /// The measurement this field edits; its scale is the field's scale.
    pub fn kind(self) -> MeasurementKind {
        match self {
            TouchpointField::DropOff => MeasurementKind::DropOffRate,
            TouchpointField::Csat => MeasurementKind::Csat,
            TouchpointField::Ces => MeasurementKind::Ces,
            TouchpointField::Volume => MeasurementKind::Volume,
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
        lang.pick(self.pair())
    }

    /// The text typed in `lang` as a stored value (`None`: cleared), or why it was refused.
    pub fn parse(self, text: &str, lang: Lang) -> Result<Option<f64>, EntryError> {
        let (en, de) = self.pair();
        self.kind().scale().parse(&Text::new(en, de), text, Unit::Shown(lang))
    }

    /// The stored value as the input shows it (empty when unknown).
    pub fn show(self, tp: &Touchpoint, lang: Lang) -> String {
        self.kind().scale().show(self.get(tp), lang)
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
            // A volume typed by hand is per month: it no longer is a log's count.
            TouchpointField::Volume => (m.volume, m.period) = (value, None),
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
            SettingField::CostPerContact => Scale::NON_NEGATIVE,
            SettingField::MeasuredConversion => Scale::PERCENT,
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
        lang.pick(self.pair())
    }

    /// The text typed in `lang` as a stored value (`None`: cleared), or why it was refused.
    pub fn parse(self, text: &str, lang: Lang) -> Result<Option<f64>, EntryError> {
        let (en, de) = self.pair();
        self.scale().parse(&Text::new(en, de), text, Unit::Shown(lang))
    }

    pub fn show(self, settings: &ScoringSettings, lang: Lang) -> String {
        self.scale().show(self.get(settings), lang)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::EntryProblem;

    #[test]
    fn percentages_are_typed_in_percent_and_stored_as_shares() {
        assert_eq!(TouchpointField::DropOff.parse("25", Lang::En), Ok(Some(0.25)));
        assert_eq!(TouchpointField::DropOff.parse(" 2,5 % ", Lang::En), Ok(Some(0.025)));
        assert_eq!(TouchpointField::Ces.parse("85.5", Lang::En), Ok(Some(0.855)));
        assert_eq!(SettingField::MeasuredConversion.parse("20", Lang::En), Ok(Some(0.2)));
        let mut tp = Touchpoint::default();
        tp.measurements.drop_off_rate = Some(0.35);
        assert_eq!(TouchpointField::DropOff.show(&tp, Lang::En), "35");
        tp.measurements.drop_off_rate = Some(0.025);
        assert_eq!(TouchpointField::DropOff.show(&tp, Lang::De), "2,5");
        assert_eq!(TouchpointField::Csat.show(&tp, Lang::De), "");
    }

    #[test]
    fn empty_clears_optional_fields_and_is_refused_for_required_ones() {
        assert_eq!(TouchpointField::Csat.parse("  ", Lang::En), Ok(None));
        assert_eq!(SettingField::CostPerContact.parse("", Lang::En), Ok(None));
        let err = SettingField::WeightEffort.parse("", Lang::En).unwrap_err();
        assert_eq!(err.problem, EntryProblem::Required);
        assert!(err.message(Lang::De).starts_with("Gewicht Aufwand (CES): Bitte"), "{}", err.message(Lang::De));
    }

    #[test]
    fn values_outside_the_scale_are_refused_with_field_value_and_scale() {
        let err = TouchpointField::DropOff.parse("150", Lang::En).unwrap_err();
        assert_eq!(err.problem, EntryProblem::OutOfRange { value: 150.0, min: 0.0, max: Some(100.0) });
        assert_eq!(err.message(Lang::En), "Drop-off (%): 150 is outside the scale 0 to 100.");
        assert_eq!(err.message(Lang::De), "Abbruch (%): 150 liegt außerhalb der Skala 0 bis 100.");
        assert!(TouchpointField::Csat.parse("0.5", Lang::En).is_err());
        assert!(TouchpointField::Csat.parse("5", Lang::En).is_ok());
        let neg = TouchpointField::Volume.parse("-3", Lang::En).unwrap_err();
        assert_eq!(neg.message(Lang::En), "Volume per month: −3 must not be less than 0.");
        assert!(SettingField::WeightImportance.parse("1,5", Lang::En).is_err());
    }

    #[test]
    fn text_that_is_no_number_is_named_and_shortened() {
        for bad in ["abc", "NaN", "inf", "1e999", "--1", "12a"] {
            let err = TouchpointField::Volume.parse(bad, Lang::En).unwrap_err();
            assert!(matches!(err.problem, EntryProblem::NotANumber(_)), "{bad}");
        }
        let long = "x".repeat(500);
        match TouchpointField::Csat.parse(&long, Lang::En).unwrap_err().problem {
            EntryProblem::NotANumber(t) => assert_eq!(t.chars().count(), 40),
            other => panic!("{other:?}"),
        }
        assert!(TouchpointField::Volume.parse("x", Lang::En).unwrap_err().message(Lang::De).contains("„x“ ist keine Zahl"));
    }

    #[test]
    fn thousands_separators_of_both_languages_are_read() {
        assert_eq!(TouchpointField::Volume.parse("12.000.000", Lang::En), Ok(Some(12_000_000.0)));
        assert_eq!(TouchpointField::Volume.parse("1.234,5", Lang::En), Ok(Some(1234.5)));
        assert_eq!(TouchpointField::Volume.parse("1,234.5", Lang::En), Ok(Some(1234.5)));
        assert_eq!(TouchpointField::Volume.parse("2 400", Lang::En), Ok(Some(2400.0)));
    }

    #[test]
    fn settings_fields_read_and_write_their_setting() {
        let mut s = ScoringSettings::default();
        for field in SettingField::ALL {
            let before = field.get(&s);
            field.set(&mut s, None);
            if field.parse("", Lang::En).is_err() {
                assert_eq!(field.get(&s), before, "a required field keeps its value");
            }
        }
        SettingField::WeightPassThrough.set(&mut s, SettingField::WeightPassThrough.parse("0,6", Lang::En).unwrap());
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
        // A log's count typed over by hand becomes a monthly figure: its period goes.
        tp.measurements.period = Some(crate::model::MeasuredPeriod::new(0.0, 86_400_000.0, "log.csv"));
        TouchpointField::Csat.set(&mut tp, Some(4.0));
        assert!(tp.measurements.period.is_some());
        TouchpointField::Volume.set(&mut tp, Some(1200.0));
        assert_eq!(tp.measurements.period, None);
    }
}
