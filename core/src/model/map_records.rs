//! A touchpoint's measurement history: records added and removed with their date and value
//! checked, the newest record of a standard kind kept as the current measurement. Apart from
//! `tracking.rs` (the record types), so that the types depend on nothing above them and
//! `Touchpoint`/`JourneyMap` import them, not the other way round.

use super::tracking::{is_iso_date, DataSource, MeasurementKind, MeasurementRecord, RecordError};
use super::{JourneyMap, Touchpoint};

impl MeasurementKind {
    /// The touchpoint's current value of a standard kind.
    pub fn current(&self, tp: &Touchpoint) -> Option<f64> {
        let m = &tp.measurements;
        match self {
            MeasurementKind::Volume => m.volume,
            MeasurementKind::DropOffRate => m.drop_off_rate,
            MeasurementKind::ThroughputTime => m.throughput_time_s,
            MeasurementKind::Csat => m.csat,
            MeasurementKind::Ces => m.ces,
            MeasurementKind::Nps => m.nps,
            MeasurementKind::Custom(_) => None,
        }
    }

    pub(super) fn set_current(&self, tp: &mut Touchpoint, value: f64) {
        let m = &mut tp.measurements;
        let slot = match self {
            MeasurementKind::Volume => &mut m.volume,
            MeasurementKind::DropOffRate => &mut m.drop_off_rate,
            MeasurementKind::ThroughputTime => &mut m.throughput_time_s,
            MeasurementKind::Csat => &mut m.csat,
            MeasurementKind::Ces => &mut m.ces,
            MeasurementKind::Nps => &mut m.nps,
            MeasurementKind::Custom(_) => return,
        };
        *slot = Some(value);
    }
}

impl Touchpoint {
    /// This touchpoint's records of one kind, oldest first.
    pub fn records_of(&self, kind: &MeasurementKind) -> Vec<&MeasurementRecord> {
        let mut out: Vec<&MeasurementRecord> = self.history.iter().filter(|r| &r.kind == kind).collect();
        out.sort_by(|a, b| a.date.cmp(&b.date));
        out
    }

    /// The kinds this touchpoint has records of, standard kinds first.
    pub fn recorded_kinds(&self) -> Vec<MeasurementKind> {
        let mut kinds: Vec<MeasurementKind> = Vec::new();
        for k in MeasurementKind::STANDARD.iter().chain(self.history.iter().map(|r| &r.kind)) {
            if self.history.iter().any(|r| &r.kind == k) && !kinds.contains(k) {
                kinds.push(k.clone());
            }
        }
        kinds
    }
}

impl JourneyMap {
    /// Adds a measurement record to a touchpoint after checking date and value. The newest
    /// record of a standard kind also becomes the current measurement.
    pub fn add_record(&mut self, tp_id: &str, record: MeasurementRecord) -> Result<(), RecordError> {
        if !is_iso_date(&record.date) {
            return Err(RecordError::BadDate(record.date));
        }
        if !record.value.is_finite() {
            return Err(RecordError::NotANumber);
        }
        // The scale is `MeasurementKind::scale` (crate::entry), the one all inputs use.
        if !record.kind.allows(record.value) {
            let s = record.kind.scale();
            return Err(RecordError::OutOfRange { min: s.min / s.factor, max: s.max.map_or(f64::MAX, |m| m / s.factor) });
        }
        let tp = self.touchpoint_mut(tp_id).ok_or_else(|| RecordError::UnknownTouchpoint(tp_id.into()))?;
        let newest = tp.history.iter().filter(|r| r.kind == record.kind).all(|r| r.date <= record.date);
        if newest {
            record.kind.set_current(tp, record.value);
        }
        tp.history.push(record);
        Ok(())
    }

    /// Removes the `index`-th record of a touchpoint's history (the current measurement
    /// stays as it is).
    pub fn remove_record(&mut self, tp_id: &str, index: usize) -> bool {
        match self.touchpoint_mut(tp_id) {
            Some(tp) if index < tp.history.len() => {
                tp.history.remove(index);
                true
            }
            _ => false,
        }
    }

    pub fn set_data_source(&mut self, tp_id: &str, source: Option<DataSource>) {
        if let Some(tp) = self.touchpoint_mut(tp_id) {
            tp.data_source = source;
        }
    }

    /// Takes every touchpoint's current standard measurements into its history as of
    /// `date` (e.g. right after an analytics import applied new values). A value already
    /// recorded for that day and kind is not recorded twice. Returns how many were added.
    pub fn record_current_measurements(&mut self, date: &str, source: &str) -> usize {
        if !is_iso_date(date) {
            return 0;
        }
        let mut added = 0;
        for tp in &mut self.touchpoints {
            for kind in MeasurementKind::STANDARD {
                let Some(value) = kind.current(tp) else { continue };
                let already = tp.history.iter().any(|r| r.kind == kind && r.date == date && r.value == value);
                if !already {
                    tp.history.push(MeasurementRecord { date: date.into(), kind, value, source: source.into() });
                    added += 1;
                }
            }
        }
        added
    }
}
