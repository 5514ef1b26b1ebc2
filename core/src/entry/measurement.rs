//! The scale of each kind of measurement, once: the tracking panel, the scores page, the
//! editor, the CSV import and `JourneyMap::add_record` all check against it.

use super::error::EntryError;
use super::scale::{Scale, Unit};
use crate::locale::Text;
use crate::model::MeasurementKind;

impl MeasurementKind {
    /// The allowed values in display units (shares in percent).
    pub fn scale(&self) -> Scale {
        match self {
            MeasurementKind::Volume | MeasurementKind::ThroughputTime => Scale::NON_NEGATIVE,
            MeasurementKind::DropOffRate | MeasurementKind::Ces => Scale::PERCENT,
            MeasurementKind::Csat => Scale::between(1.0, 5.0),
            MeasurementKind::Nps => Scale::between(-100.0, 100.0),
            MeasurementKind::Custom(_) => Scale::ANY,
        }
    }

    /// Whether a stored value lies on this kind's scale.
    pub fn allows(&self, stored: f64) -> bool {
        let s = self.scale();
        let v = stored * s.factor;
        v.is_finite() && v >= s.min && s.max.is_none_or(|max| v <= max)
    }

    /// A typed value of this kind as a stored value, named by the kind's label.
    pub fn parse(&self, text: &str, unit: Unit) -> Result<Option<f64>, EntryError> {
        let label = Text::new(self.label(crate::model::Lang::En), self.label(crate::model::Lang::De));
        self.scale().parse(&label, text, unit)
    }
}
