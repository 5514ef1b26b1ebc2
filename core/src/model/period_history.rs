//! A map's measurement history (schema version 4): every import applied to the map is kept
//! as one dated period — the span of its events, its sources and its key figures (cases,
//! cases reaching the goal, cases that dropped off, volume per touchpoint) — so the team
//! sees whether the journey got better from one month to the next.
//!
//! Each period stands alone: its counts belong to its span and are never added to or
//! chained with another period's (a rate is compared between periods, a count is shown
//! with its own period). A figure the import did not measure is `None`, never 0.

use serde::{Deserialize, Serialize};

use super::MeasuredPeriod;

/// At most this many periods are kept (five years of months); the oldest goes first.
pub const MAX_HISTORY_PERIODS: usize = 60;

/// One applied import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryPeriod {
    /// First and last event, and the file(s) with the date of the import.
    pub period: MeasuredPeriod,
    /// The source presets read (`analytics::sources::Source::key`), in order.
    #[serde(default)]
    pub sources: Vec<String>,
    pub cases: u64,
    pub events: u64,
    /// The goal activities the outcome was measured against (empty: no goal).
    #[serde(default)]
    pub goal: Vec<String>,
    /// Cases that reached the goal; `None` without a goal.
    #[serde(default)]
    pub completed: Option<u64>,
    /// Cases that left without reaching it (quiet longer than the timeout); `None` without a goal.
    #[serde(default)]
    pub dropped: Option<u64>,
    /// Cases per touchpoint that the log measured, in map order.
    #[serde(default)]
    pub touchpoints: Vec<PeriodVolume>,
}

/// The cases that reached one touchpoint in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodVolume {
    pub touchpoint_id: String,
    /// The title when measured (the touchpoint may be renamed or deleted later).
    pub title: String,
    pub cases: u64,
}

impl HistoryPeriod {
    /// Share of cases that reached the goal (`None` without a goal or cases).
    pub fn completion(&self) -> Option<f64> {
        self.share(self.completed)
    }

    /// Share of cases that dropped off.
    pub fn drop_off(&self) -> Option<f64> {
        self.share(self.dropped)
    }

    fn share(&self, n: Option<u64>) -> Option<f64> {
        (self.cases > 0).then_some(())?;
        n.map(|n| n as f64 / self.cases as f64)
    }

    /// The same import again: the same span read from the same sources.
    fn same_import(&self, other: &HistoryPeriod) -> bool {
        self.period.same_span(&other.period) && self.sources == other.sources
    }

    /// The cases of a touchpoint in this period, if it was measured.
    pub fn cases_at(&self, touchpoint_id: &str) -> Option<u64> {
        self.touchpoints.iter().find(|v| v.touchpoint_id == touchpoint_id).map(|v| v.cases)
    }
}

/// Adds a period to `history`, oldest first: one for the same span and sources replaces the
/// earlier entry (a file applied twice is one period), and beyond
/// [`MAX_HISTORY_PERIODS`] the oldest is dropped.
pub fn record_period(history: &mut Vec<HistoryPeriod>, entry: HistoryPeriod) {
    history.retain(|p| !p.same_import(&entry));
    let at = history.partition_point(|p| p.period.start_ms <= entry.period.start_ms);
    history.insert(at, entry);
    if history.len() > MAX_HISTORY_PERIODS {
        history.drain(..history.len() - MAX_HISTORY_PERIODS);
    }
}

/// Whether the journey got better from one period to the next, by the share of cases
/// reaching the goal (the one figure comparable across periods of different length).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// Completion rose by this many percentage points (as a share, 0.05 = 5 points).
    Better(f64),
    Worse(f64),
    /// Within half a percentage point.
    Same,
    /// One of the two periods has no goal: not comparable.
    NotComparable,
}

/// The trend from `before` to `after`.
pub fn trend(before: &HistoryPeriod, after: &HistoryPeriod) -> Trend {
    match (before.completion(), after.completion()) {
        (Some(a), Some(b)) if (b - a).abs() < 0.005 => Trend::Same,
        (Some(a), Some(b)) if b > a => Trend::Better(b - a),
        (Some(a), Some(b)) => Trend::Worse(a - b),
        _ => Trend::NotComparable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400_000.0;
    const JAN1: f64 = 1_767_225_600_000.0; // 2026-01-01

    fn period(start: f64, days: f64, cases: u64, completed: Option<u64>, source: &str) -> HistoryPeriod {
        HistoryPeriod {
            period: MeasuredPeriod::new(start, start + (days - 1.0) * DAY, source),
            sources: vec!["shopify_orders".into()],
            cases,
            events: cases * 3,
            goal: vec!["Fulfilled".into()],
            completed,
            dropped: completed.map(|c| cases - c),
            touchpoints: vec![PeriodVolume { touchpoint_id: "t1".into(), title: "Pay".into(), cases }],
        }
    }

    #[test]
    fn periods_are_kept_in_order_and_the_same_import_replaces_itself() {
        let mut h = Vec::new();
        record_period(&mut h, period(JAN1 + 31.0 * DAY, 28.0, 200, Some(120), "feb.csv"));
        record_period(&mut h, period(JAN1, 31.0, 100, Some(50), "jan.csv"));
        assert_eq!(h.len(), 2);
        assert!(h[0].period.start_ms < h[1].period.start_ms, "oldest first");
        // January applied again (another import date): still one January.
        record_period(&mut h, period(JAN1, 31.0, 101, Some(51), "jan.csv (again)"));
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].cases, 101);
        for i in 0..MAX_HISTORY_PERIODS + 3 {
            record_period(&mut h, period(JAN1 + (60 + i) as f64 * 31.0 * DAY, 31.0, 10, None, "x"));
        }
        assert_eq!(h.len(), MAX_HISTORY_PERIODS);
    }

    #[test]
    fn the_trend_compares_completion_shares_never_counts() {
        let jan = period(JAN1, 31.0, 100, Some(50), "jan");
        let feb = period(JAN1 + 31.0 * DAY, 28.0, 400, Some(240), "feb");
        assert_eq!(jan.completion(), Some(0.5));
        assert_eq!(feb.drop_off(), Some(0.4));
        match trend(&jan, &feb) {
            Trend::Better(d) => assert!((d - 0.1).abs() < 1e-12),
            t => panic!("{t:?}"),
        }
        assert!(matches!(trend(&feb, &jan), Trend::Worse(_)));
        let no_goal = period(JAN1, 31.0, 100, None, "x");
        assert_eq!(no_goal.completion(), None, "no goal is not 0 %");
        assert_eq!(trend(&jan, &no_goal), Trend::NotComparable);
        assert_eq!(trend(&jan, &period(JAN1, 31.0, 1000, Some(503), "y")), Trend::Same);
    }
}
