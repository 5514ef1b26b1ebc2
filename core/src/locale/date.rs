//! Calendar dates: days since 1970-01-01 ⇄ year/month/day (proleptic Gregorian, era-based
//! arithmetic: the year is shifted to start in March so the leap day is its last day), and
//! "today" in the user's local time. The browser knows the time zone; it passes the clock
//! and the offset in, so the date logic stays here and is tested natively.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: i64,
    pub day: i64,
}

impl Date {
    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        Date { year: yoe + era * 400 + i64::from(month <= 2), month, day }
    }

    /// Days since 1970-01-01; the inverse of [`Date::from_days`].
    pub fn days(self) -> i64 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`, the form dates are stored in.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The local calendar date, `YYYY-MM-DD`, at `now_ms` (ms since the epoch, UTC) for a
/// place `offset_minutes` ahead of UTC (Berlin in summer: +120; note that JavaScript's
/// `getTimezoneOffset` has the opposite sign).
pub fn local_date_iso(now_ms: f64, offset_minutes: i64) -> String {
    let local_ms = now_ms.floor() as i64 + offset_minutes * 60_000;
    Date::from_days(local_ms.div_euclid(86_400_000)).iso()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_days_and_eras() {
        for days in [-1000, -1, 0, 59, 60, 365 * 30 + 7, 20_000, 1_000_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::from_days(0).iso(), "1970-01-01");
        // 2024-02-29 is day 19782 (known from `date -d 2024-02-29 +%s` / 86400).
        assert_eq!(Date::from_days(19_782).iso(), "2024-02-29");
        assert_eq!(Date { year: 2000, month: 3, day: 1 }.days(), 11_017);
    }

    #[test]
    fn today_is_the_local_date_not_the_utc_one() {
        // 2026-11-29 23:30 UTC.
        let ms = (Date { year: 2026, month: 11, day: 29 }.days() * 86_400_000 + 84_600_000) as f64;
        assert_eq!(local_date_iso(ms, 0), "2026-11-29");
        assert_eq!(local_date_iso(ms, 60), "2026-11-30", "Berlin is already in the next day");
        assert_eq!(local_date_iso(ms, -300), "2026-11-29", "New York");
        // 00:30 UTC is still the previous day in New York.
        assert_eq!(local_date_iso(ms + 3_600_000.0, -300), "2026-11-29");
        assert_eq!(local_date_iso(ms + 3_600_000.0, 0), "2026-11-30");
    }
}
