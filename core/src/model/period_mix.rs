//! Which volumes of a map belong to one measurement period and which to another, so no page
//! chains or compares them as if they were one: the funnel marks and skips other-period
//! steps, the scores page and the dashboard mark those values and say so.
//!
//! The map's period is the latest one a log measured (by its last event); without any
//! measured period every volume is "per month" as entered, and nothing is of another period.

use super::{JourneyMap, Lang, MeasuredPeriod};
use crate::locale::number;

/// The mark on a value of another period (funnel steps, the scores table, the dashboard).
pub fn other_period_mark(lang: Lang) -> &'static str {
    lang.pick(("other period", "anderer Zeitraum"))
}

/// The map's measurement period and the volumes that are not of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodMix {
    /// The latest period a log measured; `None` when every volume is as entered.
    pub period: Option<MeasuredPeriod>,
    /// Touchpoints whose volume is of another period (or entered, beside measured ones), in map order.
    pub other_touchpoints: Vec<String>,
    /// Routes whose volume is of another period, in map order.
    pub other_routes: Vec<String>,
}

impl PeriodMix {
    /// True when a volume with `period` belongs to the map's period.
    pub fn is_current(&self, period: Option<&MeasuredPeriod>) -> bool {
        match (&self.period, period) {
            (Some(a), Some(b)) => a.same_span(b),
            (None, None) => true,
            _ => false,
        }
    }

    /// True when the map holds volumes of more than one period.
    pub fn is_mixed(&self) -> bool {
        !self.other_touchpoints.is_empty() || !self.other_routes.is_empty()
    }

    pub fn touchpoint_is_other(&self, id: &str) -> bool {
        self.other_touchpoints.iter().any(|t| t == id)
    }

    /// What a page says above values it marks, when the map mixes periods: how many values
    /// are not of the map's period, and that counts of different periods do not compare.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let period = self.period.as_ref().filter(|_| self.is_mixed())?;
        let n = self.other_touchpoints.len() + self.other_routes.len();
        let (count, when, mark) = (number(n as f64, 0, lang), period.describe(lang), other_period_mark(lang));
        Some(match lang {
            Lang::En => format!(
                "This map mixes periods: {count} {} not from the latest measurement ({when}). They are marked “{mark}”; counts of different periods do not compare.",
                if n == 1 { "volume is" } else { "volumes are" }
            ),
            Lang::De => format!(
                "Diese Karte mischt Zeiträume: {count} {} nicht aus der letzten Messung ({when}). Sie {} mit „{mark}“ markiert; Anzahlen verschiedener Zeiträume sind nicht vergleichbar.",
                if n == 1 { "Volumen stammt" } else { "Volumen stammen" },
                if n == 1 { "ist" } else { "sind" }
            ),
        })
    }
}

/// The period mix of `map`'s volumes (touchpoints and routes).
pub fn period_mix(map: &JourneyMap) -> PeriodMix {
    let tp_periods = map.touchpoints.iter().filter(|t| t.measurements.volume.is_some()).filter_map(|t| t.measurements.period.as_ref());
    let route_periods = map.routes.iter().filter(|r| r.volume.is_some()).filter_map(|r| r.period.as_ref());
    let period = tp_periods.chain(route_periods).max_by(|a, b| a.end_ms.total_cmp(&b.end_ms)).cloned();
    let mut mix = PeriodMix { period, ..PeriodMix::default() };
    mix.other_touchpoints = map
        .touchpoints
        .iter()
        .filter(|t| t.measurements.volume.is_some() && !mix.is_current(t.measurements.period.as_ref()))
        .map(|t| t.id.clone())
        .collect();
    mix.other_routes =
        map.routes.iter().filter(|r| r.volume.is_some() && !mix.is_current(r.period.as_ref())).map(|r| r.id.clone()).collect();
    mix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, RouteKind};

    const DAY: f64 = 86_400_000.0;
    const MAR1: f64 = 1_709_251_200_000.0; // 2024-03-01T00:00:00Z

    /// A map of four touchpoints: two entered volumes, one of a log of March 1–14, one of an
    /// older log of January; a route of each kind of volume.
    fn map() -> (JourneyMap, [String; 5]) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let ids: Vec<String> = (0..5).map(|i| m.add_touchpoint(&s, &format!("t{i}"), Channel::App).unwrap()).collect();
        let march = MeasuredPeriod::new(MAR1, MAR1 + 13.0 * DAY, "shop.csv");
        let january = MeasuredPeriod::new(MAR1 - 60.0 * DAY, MAR1 - 45.0 * DAY, "old.csv");
        for (i, (v, p)) in [(Some(900.0), None), (Some(800.0), None), (Some(300.0), Some(march.clone())), (Some(50.0), Some(january)), (None, None)]
            .into_iter()
            .enumerate()
        {
            let t = m.touchpoint_mut(&ids[i]).unwrap();
            t.measurements.volume = v;
            t.measurements.period = p;
        }
        let r1 = m.add_route(&ids[0], &ids[1], RouteKind::Planned).unwrap();
        let r2 = m.add_route(&ids[1], &ids[2], RouteKind::Planned).unwrap();
        for r in &mut m.routes {
            r.volume = Some(100.0);
            if r.id == r2 {
                r.period = Some(march.clone());
            }
        }
        let ids: [String; 5] = [ids[0].clone(), ids[1].clone(), ids[2].clone(), ids[3].clone(), r1];
        (m, ids)
    }

    #[test]
    fn the_latest_log_sets_the_period_and_everything_else_is_marked() {
        let (m, [a, b, c, d, r1]) = map();
        let mix = period_mix(&m);
        assert_eq!(mix.period.as_ref().map(|p| p.days()), Some(14));
        // Entered volumes and the January log's are of another period; no volume, no mark.
        assert_eq!(mix.other_touchpoints, vec![a.clone(), b, d]);
        assert!(!mix.touchpoint_is_other(&c));
        assert_eq!(mix.other_routes, vec![r1]);
        assert!(mix.is_mixed());
        assert_eq!(
            mix.note(Lang::En).unwrap(),
            "This map mixes periods: 4 volumes are not from the latest measurement (2024-03-01 – 2024-03-14 (14 days)). They are marked “other period”; counts of different periods do not compare."
        );
        assert!(mix.note(Lang::De).unwrap().starts_with("Diese Karte mischt Zeiträume: 4 Volumen stammen nicht aus der letzten Messung (2024-03-01 – 2024-03-14 (14 Tage))"));
        assert!(!mix.note(Lang::De).unwrap().contains(&a));
    }

    #[test]
    fn a_map_of_entered_values_only_or_of_one_log_is_not_mixed() {
        let (mut m, _) = map();
        for t in &mut m.touchpoints {
            t.measurements.period = None;
        }
        for r in &mut m.routes {
            r.period = None;
        }
        let mix = period_mix(&m);
        assert_eq!((mix.period.clone(), mix.is_mixed(), mix.note(Lang::En)), (None, false, None));
        // All of one log (another import of the same span counts as the same period).
        let p = MeasuredPeriod::new(MAR1, MAR1 + 13.0 * DAY, "a.csv");
        for t in &mut m.touchpoints {
            t.measurements.period = Some(MeasuredPeriod { source: "b.csv".into(), ..p.clone() });
        }
        for r in &mut m.routes {
            r.period = Some(p.clone());
        }
        assert!(!period_mix(&m).is_mixed());
    }
}
