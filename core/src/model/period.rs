//! The period and source of a measured value: which span of time a count covers (the first
//! and last event of the log, or an aggregate's range) and where it came from.
//!
//! A volume without a period is what a person entered or a template holds: customers per
//! month. A volume with a period is the count *in that period*, never relabelled "per
//! month" — a two-week log's 3,001 cases are "3,001 in 14 days". [`MeasuredPeriod::per_month`]
//! converts when a per-month figure is asked for. Values of different periods are not
//! chained as one funnel: [`MeasuredPeriod::same_span`] tells them apart.

use serde::{Deserialize, Serialize};

use crate::locale::{Date, Lang};

const DAY_MS: f64 = 86_400_000.0;
/// The average month (365.2425 / 12 days), for the per-month conversion.
pub const MONTH_DAYS: f64 = 30.436_875;

/// The time span and source of a measured value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasuredPeriod {
    /// First event of the log, milliseconds since the epoch (UTC).
    pub start_ms: f64,
    /// Last event of the log, milliseconds since the epoch (UTC).
    pub end_ms: f64,
    /// The file (or aggregate) and import date, as shown with the value.
    #[serde(default)]
    pub source: String,
}

impl MeasuredPeriod {
    pub fn new(start_ms: f64, end_ms: f64, source: impl Into<String>) -> Self {
        MeasuredPeriod { start_ms: start_ms.min(end_ms), end_ms: end_ms.max(start_ms), source: source.into() }
    }

    /// Whole calendar days the period touches (UTC), at least 1: a log from the 1st to
    /// the 14th is "14 days".
    pub fn days(&self) -> i64 {
        let day = |ms: f64| (ms / DAY_MS).floor() as i64;
        (day(self.end_ms) - day(self.start_ms) + 1).max(1)
    }

    /// A count in this period converted to a month (the period's days scaled to
    /// [`MONTH_DAYS`]).
    pub fn per_month(&self, count: f64) -> f64 {
        count * MONTH_DAYS / self.days() as f64
    }

    /// True when both cover the same span (the source may differ: a survey of the same
    /// log, a second import of it).
    pub fn same_span(&self, other: &MeasuredPeriod) -> bool {
        self.days() == other.days() && (self.start_ms / DAY_MS).floor() == (other.start_ms / DAY_MS).floor()
    }

    /// First and last day, ISO: ("2024-03-01", "2024-03-14").
    pub fn dates(&self) -> (String, String) {
        let d = |ms: f64| Date::from_days((ms / DAY_MS).floor() as i64).iso();
        (d(self.start_ms), d(self.end_ms))
    }

    /// The unit a count of this period is shown with: "in 14 days" / "in 14 Tagen"
    /// ("in 1 day" / "an 1 Tag" for one day).
    pub fn unit(&self, lang: Lang) -> String {
        let n = crate::locale::number(self.days() as f64, 0, lang);
        match (lang, self.days()) {
            (Lang::En, 1) => "in 1 day".to_string(),
            (Lang::De, 1) => "an 1 Tag".to_string(),
            (Lang::En, _) => format!("in {n} days"),
            (Lang::De, _) => format!("in {n} Tagen"),
        }
    }

    /// The unit with the dates, for a heading over counts: "in 14 days (2024-03-01 –
    /// 2024-03-14)".
    pub fn unit_with_dates(&self, lang: Lang) -> String {
        let (a, b) = self.dates();
        format!("{} ({a} – {b})", self.unit(lang))
    }

    /// The period in words: "2024-03-01 – 2024-03-14 (14 days)".
    pub fn describe(&self, lang: Lang) -> String {
        let (a, b) = self.dates();
        let n = crate::locale::number(self.days() as f64, 0, lang);
        match lang {
            Lang::En => format!("{a} – {b} ({n} {})", if self.days() == 1 { "day" } else { "days" }),
            Lang::De => format!("{a} – {b} ({n} {})", if self.days() == 1 { "Tag" } else { "Tage" }),
        }
    }
}

/// The unit of a volume: its period's ("in 14 days") or, without one, per month.
pub fn volume_unit(period: Option<&MeasuredPeriod>, lang: Lang) -> String {
    match period {
        Some(p) => p.unit(lang),
        None => lang.pick(("/ month", "/ Monat")).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAR1: f64 = 1_709_251_200_000.0; // 2024-03-01T00:00:00Z

    #[test]
    fn a_two_week_log_is_fourteen_days_and_never_a_month() {
        let p = MeasuredPeriod::new(MAR1 + 3_600_000.0, MAR1 + 13.0 * DAY_MS + 80_000_000.0, "shop.csv");
        assert_eq!(p.days(), 14);
        assert_eq!(p.dates(), ("2024-03-01".to_string(), "2024-03-14".to_string()));
        assert_eq!(p.unit(Lang::En), "in 14 days");
        assert_eq!(p.unit(Lang::De), "in 14 Tagen");
        assert_eq!(p.unit_with_dates(Lang::En), "in 14 days (2024-03-01 – 2024-03-14)");
        assert_eq!(p.unit_with_dates(Lang::De), "in 14 Tagen (2024-03-01 – 2024-03-14)");
        // 3,001 in 14 days is about 6,525 a month, not 3,001.
        assert!((p.per_month(3001.0) - 3001.0 * 30.436_875 / 14.0).abs() < 1e-9);
        assert_eq!(volume_unit(None, Lang::En), "/ month");
        assert_eq!(volume_unit(Some(&p), Lang::De), "in 14 Tagen");
    }

    #[test]
    fn same_span_ignores_the_source_and_a_reversed_period_is_ordered() {
        let a = MeasuredPeriod::new(MAR1, MAR1 + 5.0 * DAY_MS, "a.csv");
        let b = MeasuredPeriod::new(MAR1 + 5.0 * DAY_MS, MAR1, "b.csv");
        assert!(a.same_span(&b));
        assert!(!a.same_span(&MeasuredPeriod::new(MAR1, MAR1 + 40.0 * DAY_MS, "a.csv")));
        assert_eq!(MeasuredPeriod::new(MAR1, MAR1, "").days(), 1);
        assert_eq!(MeasuredPeriod::new(MAR1, MAR1, "").unit(Lang::En), "in 1 day");
    }
}
