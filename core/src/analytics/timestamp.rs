//! Timestamps of an event log, as milliseconds since the Unix epoch.
//!
//! Accepted: ISO 8601 with zone offset (`2024-03-01T09:15:00Z`, `…+01:00`) and without
//! (`2024-03-01T09:15:00`, `2024-03-01 09:15`), `YYYY/MM/DD HH:MM:SS(.fff)`,
//! `DD.MM.YYYY HH:MM(:SS)`, epoch seconds (optionally with a fraction) and epoch
//! milliseconds. Times without a zone are read as UTC wall-clock time: every metric is a
//! difference between two events of one log, so a fixed shift does not matter (only a DST
//! change inside a case would be off by an hour).
//!
//! A hand-written fast path reads the fixed-width layouts (a big log has a million of
//! them); anything it is not sure about — odd widths, named zones, leap seconds — goes to
//! `jiff`, which also decides what is invalid. A property test checks that both agree.

use jiff::civil::DateTime;
use jiff::Timestamp;

use crate::locale::Date;

/// Epoch numbers with at least this many digits are milliseconds (as seconds they would
/// lie after the year 5000).
const EPOCH_MS_MIN_DIGITS: usize = 12;

/// Parses one timestamp cell (surrounding whitespace ignored); `None` if it is not one of
/// the accepted forms or not a real date.
pub fn parse_timestamp_ms(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    fast_path(t.as_bytes()).or_else(|| slow_path(t))
}

/// [`parse_timestamp_ms`] on raw cell bytes: the fast path needs no UTF-8 check.
pub fn parse_timestamp_bytes(cell: &[u8]) -> Option<i64> {
    let t = cell.trim_ascii();
    if t.is_empty() {
        return None;
    }
    fast_path(t).or_else(|| std::str::from_utf8(t).ok().and_then(slow_path))
}

/// Fixed-width layouts: `YYYY-MM-DD`, `YYYY/MM/DD` or `DD.MM.YYYY`, then `T` or space,
/// `HH:MM`, optional `:SS`, optional `.fraction`, optional `Z` / `±HH:MM` / `±HHMM`.
fn fast_path(b: &[u8]) -> Option<i64> {
    if b.len() < 10 {
        return None;
    }
    let (year, month, day) = if (b[4] == b'-' || b[4] == b'/') && b[7] == b[4] {
        (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?)
    } else if b[2] == b'.' && b[5] == b'.' {
        (digits(&b[6..10])?, digits(&b[3..5])?, digits(&b[0..2])?)
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms = Date { year, month, day }.days() * 86_400_000;
    let rest = &b[10..];
    if rest.is_empty() {
        // A date alone is midnight; only for the ISO layout, like jiff.
        return (b[4] == b'-').then_some(ms);
    }
    if rest.len() < 6 || !(rest[0] == b'T' || rest[0] == b' ') || rest[3] != b':' {
        return None;
    }
    let (hour, minute) = (digits(&rest[1..3])?, digits(&rest[4..6])?);
    if hour > 23 || minute > 59 {
        return None;
    }
    ms += (hour * 3600 + minute * 60) * 1000;
    let mut i = 6;
    if rest.get(i) == Some(&b':') {
        let second = digits(rest.get(i + 1..i + 3)?)?;
        if second > 59 {
            return None; // leap seconds: let jiff decide
        }
        ms += second * 1000;
        i += 3;
        if rest.get(i) == Some(&b'.') || rest.get(i) == Some(&b',') {
            i += 1;
            let start = i;
            let mut frac_ms = 0i64;
            while i < rest.len() && rest[i].is_ascii_digit() {
                if i - start < 3 {
                    frac_ms = frac_ms * 10 + (rest[i] - b'0') as i64;
                }
                i += 1;
            }
            let n = i - start;
            if n == 0 || n > 9 {
                return None;
            }
            for _ in n..3 {
                frac_ms *= 10;
            }
            ms += frac_ms;
        }
    }
    let zone = &rest[i..];
    let offset_min = match zone {
        [] | [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 23 || m > 59 {
                return None;
            }
            let off = h * 60 + m;
            if *sign == b'-' { -off } else { off }
        }
        _ => return None,
    };
    // A zone only makes sense after an ISO date; other layouts with a zone go to jiff.
    if !zone.is_empty() && b[4] != b'-' {
        return None;
    }
    Some(ms - offset_min * 60_000)
}

/// Everything the fast path declined, read by jiff (and epoch numbers).
fn slow_path(t: &str) -> Option<i64> {
    if let Some(ms) = epoch(t) {
        return Some(ms);
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts.as_millisecond());
    }
    if let Ok(dt) = t.parse::<DateTime>() {
        return civil_ms(dt);
    }
    const FORMATS: [&str; 6] = [
        "%Y/%m/%d %H:%M:%S%.f",
        "%Y/%m/%d %H:%M",
        "%d.%m.%Y %H:%M:%S%.f",
        "%d.%m.%Y %H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%d.%m.%Y",
    ];
    for fmt in FORMATS {
        if let Ok(dt) = DateTime::strptime(fmt, t) {
            return civil_ms(dt);
        }
        if fmt == "%d.%m.%Y" {
            if let Ok(d) = jiff::civil::Date::strptime(fmt, t) {
                return civil_ms(d.to_datetime(jiff::civil::Time::midnight()));
            }
        }
    }
    None
}

/// A civil (zone-less) date-time read as UTC.
fn civil_ms(dt: DateTime) -> Option<i64> {
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp().as_millisecond())
}

/// `1514764800` (seconds), `1514764800.25` (seconds with fraction) or `1514764800123`
/// (milliseconds, 12 digits or more).
fn epoch(t: &str) -> Option<i64> {
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if int.is_empty() || int.len() > 15 || !int.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = int.parse().ok()?;
    match frac {
        None if int.len() >= EPOCH_MS_MIN_DIGITS => Some(n),
        None => Some(n * 1000),
        Some(f) if int.len() < EPOCH_MS_MIN_DIGITS && !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()) => {
            let mut frac_ms = 0i64;
            for (k, c) in f.bytes().take(3).enumerate() {
                frac_ms += (c - b'0') as i64 * [100, 10, 1][k];
            }
            Some(n * 1000 + frac_ms)
        }
        Some(_) => None,
    }
}

#[inline]
fn digits(b: &[u8]) -> Option<i64> {
    let mut v = 0i64;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some(v)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T0: i64 = 1_514_887_313_000; // 2018-01-02T10:01:53Z

    #[test]
    fn every_accepted_form() {
        assert_eq!(parse_timestamp_ms("2018-01-02T10:01:53Z"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02T11:01:53+01:00"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02T05:01:53-0500"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02T10:01:53"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02 10:01:53.250"), Some(T0 + 250));
        assert_eq!(parse_timestamp_ms("2018/01/02 10:01:53.5"), Some(T0 + 500));
        assert_eq!(parse_timestamp_ms("02.01.2018 10:01:53"), Some(T0));
        assert_eq!(parse_timestamp_ms("02.01.2018 10:01"), Some(T0 - 53_000));
        assert_eq!(parse_timestamp_ms("2.1.2018 10:01"), Some(T0 - 53_000));
        assert_eq!(parse_timestamp_ms("1514887313"), Some(T0));
        assert_eq!(parse_timestamp_ms("1514887313.5"), Some(T0 + 500));
        assert_eq!(parse_timestamp_ms("1514887313000"), Some(T0));
        assert_eq!(parse_timestamp_ms(" 2018-01-02T10:01:53Z "), Some(T0));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in ["2018-02-30T10:00:00", "2018-13-01 00:00", "2018-01-02T24:00:00", "31.04.2018 10:00", "soon", "", "12:00", "2018-01-02T10:01:53+99:00"] {
            assert_eq!(parse_timestamp_ms(bad), None, "{bad}");
        }
        assert!(parse_timestamp_ms("2020-02-29T00:00:00").is_some());
    }

    proptest! {
        /// The fast path and jiff agree on every valid ISO timestamp with offset.
        #[test]
        fn fast_path_agrees_with_jiff(secs in -2_000_000_000i64..4_000_000_000i64, ms in 0i64..1000, off in -14i64*60..=14*60) {
            let ts = Timestamp::from_millisecond(secs * 1000 + ms).unwrap();
            let offset = jiff::tz::Offset::from_seconds((off * 60) as i32).unwrap();
            let text = ts.display_with_offset(offset).to_string();
            let fast = fast_path(text.as_bytes());
            prop_assert_eq!(fast, Some(secs * 1000 + ms), "{}", text);
            prop_assert_eq!(text.parse::<Timestamp>().unwrap().as_millisecond(), secs * 1000 + ms);
        }

        /// Zone-less and German layouts match jiff's civil reading as UTC.
        #[test]
        fn civil_layouts_agree_with_jiff(secs in 0i64..4_000_000_000i64) {
            let dt = Timestamp::from_second(secs).unwrap().to_zoned(jiff::tz::TimeZone::UTC).datetime();
            for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S", "%d.%m.%Y %H:%M:%S"] {
                let text = dt.strftime(fmt).to_string();
                prop_assert_eq!(fast_path(text.as_bytes()), Some(secs * 1000), "{}", text);
                prop_assert_eq!(slow_path(&text), Some(secs * 1000), "{}", text);
            }
        }

        #[test]
        fn never_panics_on_junk(s in "\\PC{0,40}") {
            let _ = parse_timestamp_ms(&s);
        }
    }
}
