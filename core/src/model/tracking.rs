//! Measurement tracking of a touchpoint: which system records it (its data source, for the
//! data inventory) and its measurements over time (volume, drop-off, CSAT, a custom KPI such
//! as "new loyalty cards per weekday"), typed in or taken over from an import.
//!
//! A record of a standard kind that is the newest of its kind also becomes the touchpoint's
//! current measurement, so the scores always use the latest known value.

use serde::{Deserialize, Serialize};

use super::Lang;

/// Which system records a touchpoint. `None` on the touchpoint means "not stated yet";
/// [`DataSource::NoSource`] means "we know nothing records it".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    WebAnalytics,
    Crm,
    ShopSystem,
    Survey,
    ManualCount,
    NoSource,
}

impl DataSource {
    pub const ALL: [DataSource; 6] = [
        DataSource::WebAnalytics,
        DataSource::Crm,
        DataSource::ShopSystem,
        DataSource::Survey,
        DataSource::ManualCount,
        DataSource::NoSource,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DataSource::WebAnalytics => "web_analytics",
            DataSource::Crm => "crm",
            DataSource::ShopSystem => "shop_system",
            DataSource::Survey => "survey",
            DataSource::ManualCount => "manual_count",
            DataSource::NoSource => "none",
        }
    }

    pub fn from_key(key: &str) -> Option<DataSource> {
        DataSource::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DataSource::WebAnalytics, Lang::En) => "Web analytics",
            (DataSource::WebAnalytics, Lang::De) => "Web-Analyse",
            (DataSource::Crm, _) => "CRM",
            (DataSource::ShopSystem, Lang::En) => "Shop system",
            (DataSource::ShopSystem, Lang::De) => "Shopsystem",
            (DataSource::Survey, Lang::En) => "Survey",
            (DataSource::Survey, Lang::De) => "Umfrage",
            (DataSource::ManualCount, Lang::En) => "Manual count",
            (DataSource::ManualCount, Lang::De) => "Manuelle Zählung",
            (DataSource::NoSource, Lang::En) => "None",
            (DataSource::NoSource, Lang::De) => "Keine",
        }
    }
}

/// What a record measured.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementKind {
    Volume,
    /// Share 0..=1.
    DropOffRate,
    /// Seconds.
    ThroughputTime,
    /// Mean on 1..=5.
    Csat,
    /// Share 0..=1.
    Ces,
    /// −100..=100.
    Nps,
    /// A KPI of the business's own, e.g. "new loyalty cards per weekday".
    Custom(String),
}

impl MeasurementKind {
    pub const STANDARD: [MeasurementKind; 6] = [
        MeasurementKind::Volume,
        MeasurementKind::DropOffRate,
        MeasurementKind::ThroughputTime,
        MeasurementKind::Csat,
        MeasurementKind::Ces,
        MeasurementKind::Nps,
    ];

    /// Stable key for forms (`custom` for every custom KPI).
    pub fn key(&self) -> &'static str {
        match self {
            MeasurementKind::Volume => "volume",
            MeasurementKind::DropOffRate => "drop_off_rate",
            MeasurementKind::ThroughputTime => "throughput_time",
            MeasurementKind::Csat => "csat",
            MeasurementKind::Ces => "ces",
            MeasurementKind::Nps => "nps",
            MeasurementKind::Custom(_) => "custom",
        }
    }

    /// The kind for a form key; `custom_name` names a custom KPI.
    pub fn from_key(key: &str, custom_name: &str) -> Option<MeasurementKind> {
        if key == "custom" {
            let name = custom_name.trim();
            return (!name.is_empty()).then(|| MeasurementKind::Custom(name.to_string()));
        }
        MeasurementKind::STANDARD.into_iter().find(|k| k.key() == key)
    }

    pub fn label(&self, lang: Lang) -> String {
        let s = match (self, lang) {
            (MeasurementKind::Volume, Lang::En) => "Volume",
            (MeasurementKind::Volume, Lang::De) => "Volumen",
            (MeasurementKind::DropOffRate, Lang::En) => "Drop-off",
            (MeasurementKind::DropOffRate, Lang::De) => "Abbruch",
            (MeasurementKind::ThroughputTime, Lang::En) => "Throughput time",
            (MeasurementKind::ThroughputTime, Lang::De) => "Durchlaufzeit",
            (MeasurementKind::Csat, _) => "CSAT",
            (MeasurementKind::Ces, _) => "CES",
            (MeasurementKind::Nps, _) => "NPS",
            (MeasurementKind::Custom(name), _) => return name.clone(),
        };
        s.to_string()
    }

    /// Shares are shown in percent; the stored value stays a share.
    pub fn is_share(&self) -> bool {
        matches!(self, MeasurementKind::DropOffRate | MeasurementKind::Ces)
    }
}

/// One measured value of a touchpoint on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasurementRecord {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: MeasurementKind,
    pub value: f64,
    /// Where it came from: "manual count in the store", a file name, …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Why a record was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordError {
    BadDate(String),
    NotANumber,
    OutOfRange { min: f64, max: f64 },
    UnknownTouchpoint(String),
}

impl RecordError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RecordError::BadDate(d), Lang::En) => format!("“{d}” is not a date (YYYY-MM-DD)."),
            (RecordError::BadDate(d), Lang::De) => format!("„{d}“ ist kein Datum (JJJJ-MM-TT)."),
            (RecordError::NotANumber, Lang::En) => "The value must be a number.".into(),
            (RecordError::NotANumber, Lang::De) => "Der Wert muss eine Zahl sein.".into(),
            (RecordError::OutOfRange { min, max }, Lang::En) => format!("The value must lie between {min} and {max}."),
            (RecordError::OutOfRange { min, max }, Lang::De) => format!("Der Wert muss zwischen {min} und {max} liegen."),
            (RecordError::UnknownTouchpoint(t), Lang::En) => format!("Touchpoint {t} is not on this map."),
            (RecordError::UnknownTouchpoint(t), Lang::De) => format!("Touchpoint {t} ist nicht auf dieser Karte."),
        }
    }
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok()
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (for chart axes); `None` if not a date.
pub fn day_number(s: &str) -> Option<i64> {
    if !is_iso_date(s) {
        return None;
    }
    let date: jiff::civil::Date = s.parse().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = epoch.until((jiff::Unit::Day, date)).ok()?;
    Some(i64::from(span.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::JourneyMap;
    use crate::model::Channel;

    fn map() -> (JourneyMap, String) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "a", Channel::Store).unwrap();
        (m, a)
    }

    fn rec(date: &str, kind: MeasurementKind, value: f64) -> MeasurementRecord {
        MeasurementRecord { date: date.into(), kind, value, source: String::new() }
    }

    #[test]
    fn records_are_checked_and_the_newest_becomes_current() {
        let (mut m, a) = map();
        assert_eq!(m.add_record(&a, rec("2026-02-30", MeasurementKind::Volume, 1.0)), Err(RecordError::BadDate("2026-02-30".into())));
        assert_eq!(m.add_record(&a, rec("2026-02-01", MeasurementKind::DropOffRate, 1.5)), Err(RecordError::OutOfRange { min: 0.0, max: 1.0 }));
        assert_eq!(m.add_record(&a, rec("2026-02-01", MeasurementKind::Volume, f64::NAN)), Err(RecordError::NotANumber));
        assert!(m.touchpoint(&a).unwrap().history.is_empty());
        m.add_record(&a, rec("2026-02-10", MeasurementKind::DropOffRate, 0.3)).unwrap();
        m.add_record(&a, rec("2026-02-01", MeasurementKind::DropOffRate, 0.5)).unwrap();
        assert_eq!(m.touchpoint(&a).unwrap().measurements.drop_off_rate, Some(0.3), "an older record does not replace the current value");
        m.add_record(&a, rec("2026-03-01", MeasurementKind::Custom("Loyalty cards".into()), 12.0)).unwrap();
        let tp = m.touchpoint(&a).unwrap();
        let dates: Vec<&str> = tp.records_of(&MeasurementKind::DropOffRate).iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates, ["2026-02-01", "2026-02-10"]);
        assert_eq!(tp.recorded_kinds(), [MeasurementKind::DropOffRate, MeasurementKind::Custom("Loyalty cards".into())]);
        assert!(m.remove_record(&a, 0));
        assert!(!m.remove_record(&a, 9));
    }

    #[test]
    fn current_measurements_go_into_history_once() {
        let (mut m, a) = map();
        m.touchpoint_mut(&a).unwrap().measurements.volume = Some(40.0);
        m.touchpoint_mut(&a).unwrap().measurements.csat = Some(4.2);
        assert_eq!(m.record_current_measurements("2026-04-01", "events.csv"), 2);
        assert_eq!(m.record_current_measurements("2026-04-01", "events.csv"), 0);
        assert_eq!(m.touchpoint(&a).unwrap().history[0].source, "events.csv");
    }

    #[test]
    fn dates_and_keys() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2026-1-2"), None);
        assert!(is_iso_date("2024-02-29") && !is_iso_date("2023-02-29"));
        assert_eq!(MeasurementKind::from_key("custom", "  "), None);
        assert_eq!(MeasurementKind::from_key("custom", "Cards"), Some(MeasurementKind::Custom("Cards".into())));
        for s in DataSource::ALL {
            assert_eq!(DataSource::from_key(s.key()), Some(s));
        }
        let json = serde_json::to_string(&rec("2026-01-01", MeasurementKind::Custom("K".into()), 1.0)).unwrap();
        assert_eq!(json, r#"{"date":"2026-01-01","kind":{"custom":"K"},"value":1.0}"#);
    }
}
