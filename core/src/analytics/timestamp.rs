//! Timestamps of an event log, as milliseconds since the Unix epoch.
//!
//! Accepted: ISO 8601 with zone offset (`2024-03-01T09:15:00Z`, `…+01:00`) and without
//! (`2024-03-01T09:15:00`, `2024-03-01 09:15`), the zone also after a space as BigQuery
//! and Shopify write it (`2024-03-01 10:15:42 UTC`, `2024-03-01 10:15:42 +0100`),
//! `YYYY/MM/DD HH:MM:SS(.fff)`, `DD.MM.YYYY HH:MM(:SS)`, a bare date `YYYYMMDD` (GA4's
//! `event_date`), and epoch numbers by their digit count: seconds (optionally with a
//! fraction), milliseconds (12–14 digits), microseconds (15–17, GA4's `event_timestamp`)
//! and nanoseconds (18–19). Forms a cell cannot settle alone (`03/01/2024`, Excel serial
//! dates) are read by the column's [`TimeForm`](super::time_form::TimeForm). Times without a zone are read in the zone the user picked
//! ([`LocalZone`], an IANA name such as `Europe/Berlin`, through jiff's bundled zone
//! database), or as UTC wall-clock time when none was picked. The zone matters for
//! durations across a DST change (a case from 01:30 to 03:30 local time on the last
//! Sunday of March in Berlin took one hour, not two).
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
/// … at least this many, microseconds (as milliseconds: after the year 33000).
const EPOCH_US_MIN_DIGITS: usize = 15;
/// … at least this many, nanoseconds.
const EPOCH_NS_MIN_DIGITS: usize = 18;

/// Parses one timestamp cell (surrounding whitespace ignored); `None` if it is not one of
/// the accepted forms or not a real date.
pub fn parse_timestamp_ms(text: &str) -> Option<i64> {
    parse_timestamp_bytes(text.as_bytes())
}

/// [`parse_timestamp_ms`] on raw cell bytes: the fast path needs no UTF-8 check.
pub fn parse_timestamp_bytes(cell: &[u8]) -> Option<i64> {
    parse_flagged(cell).map(|(ms, _)| ms)
}

/// Like [`parse_timestamp_bytes`], but a time without zone is wall-clock time in `zone`
/// (the importer does this through [`TimeReader`](super::time_form::TimeReader)).
#[cfg(test)]
pub fn parse_timestamp_bytes_in(cell: &[u8], zone: &mut LocalZone) -> Option<i64> {
    let (ms, zoned) = parse_flagged(cell)?;
    if zoned { Some(ms) } else { zone.to_utc_ms(ms) }
}

/// Milliseconds and whether the text fixed the instant itself (a zone, an offset or an
/// epoch number); when not, the milliseconds are the wall-clock time read as UTC.
pub(super) fn parse_flagged(cell: &[u8]) -> Option<(i64, bool)> {
    parse_flagged_with(cell, &mut None)
}

/// The last date the fast path read (its ten bytes) and its first millisecond: the rows
/// of a log mostly share the day of the row before, which is then not computed again.
pub(super) type DayCache = Option<([u8; 10], i64)>;

/// [`parse_flagged`] remembering the last date in `day`.
#[inline]
pub(super) fn parse_flagged_with(cell: &[u8], day: &mut DayCache) -> Option<(i64, bool)> {
    let t = cell.trim_ascii();
    if t.is_empty() {
        return None;
    }
    if let Some(ms) = epoch_digits(t) {
        return Some((ms, true));
    }
    fast_path_with(t, day).or_else(|| std::str::from_utf8(t).ok().and_then(slow_path))
}

/// A cell of 9 to 19 digits and nothing else (GA4's microseconds, epoch seconds or
/// milliseconds) read as `epoch` reads it, without the UTF-8 check, the date layouts that
/// cannot match and the string parse: a GA4 file has a million of them. Eight digits are
/// a compact date and take the slow path; an overflow falls through to it (and fails there).
fn epoch_digits(t: &[u8]) -> Option<i64> {
    if !(9..=19).contains(&t.len()) {
        return None;
    }
    // In u64, 19 digits cannot overflow (< 1.9e19); a value past i64 is refused after. No
    // checked multiply per digit: in wasm that is a 128-bit multiply call each (65 ms of a
    // 1M-row GA4 import in the tab).
    let mut n: u64 = 0;
    for &c in t {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (c - b'0') as u64;
    }
    let n = i64::try_from(n).ok()?;
    Some(match t.len() {
        l if l >= EPOCH_NS_MIN_DIGITS => n.div_euclid(1_000_000),
        l if l >= EPOCH_US_MIN_DIGITS => n.div_euclid(1_000),
        l if l >= EPOCH_MS_MIN_DIGITS => n,
        _ => n * 1000,
    })
}

/// The zone in which timestamps without one are read.
#[derive(Debug, Clone)]
pub struct LocalZone {
    tz: jiff::tz::TimeZone,
    /// (local minute, offset in ms) of the last conversion: offsets change at most once a
    /// minute, and logs are mostly in time order, so most rows skip the zone lookup.
    cache: Option<(i64, i64)>,
}

impl LocalZone {
    /// An IANA zone name (`Europe/Berlin`, `America/New_York`, `UTC`), matched as the zone
    /// database does (case-insensitively); `None` if the database does not know it.
    pub fn named(name: &str) -> Option<LocalZone> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        jiff::tz::TimeZone::get(name).ok().map(|tz| LocalZone { tz, cache: None })
    }

    /// Wall-clock milliseconds (as if UTC) → the real instant. A time in a DST gap is
    /// moved forward, a repeated time takes the earlier instant (jiff's "compatible").
    pub fn to_utc_ms(&mut self, local_ms: i64) -> Option<i64> {
        let minute = local_ms.div_euclid(60_000);
        if let Some((m, off)) = self.cache {
            if m == minute {
                return Some(local_ms - off);
            }
        }
        let dt = Timestamp::from_millisecond(local_ms).ok()?.to_zoned(jiff::tz::TimeZone::UTC).datetime();
        let utc = self.tz.to_ambiguous_timestamp(dt).compatible().ok()?.as_millisecond();
        self.cache = Some((minute, local_ms - utc));
        Some(utc)
    }
}

/// Fixed-width layouts: `YYYY-MM-DD`, `YYYY/MM/DD` or `DD.MM.YYYY`, then `T` or space,
/// `HH:MM`, optional `:SS`, optional `.fraction`, optional `Z` / `±HH:MM` / `±HHMM`.
#[cfg(test)]
fn fast_path(b: &[u8]) -> Option<(i64, bool)> {
    fast_path_with(b, &mut None)
}

fn fast_path_with(b: &[u8], last_day: &mut DayCache) -> Option<(i64, bool)> {
    if b.len() < 10 {
        return None;
    }
    let date = [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]];
    let mut ms = match *last_day {
        // Same ten bytes as the last date read: same layout, same valid day.
        Some((d, day_ms)) if d == date => day_ms,
        _ => {
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
            let day_ms = Date { year, month, day }.days() * 86_400_000;
            *last_day = Some((date, day_ms));
            day_ms
        }
    };
    let rest = &b[10..];
    if rest.is_empty() {
        // A date alone is midnight; only for the ISO layout, like jiff.
        return (b[4] == b'-').then_some((ms, false));
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
    let mut zone = &rest[i..];
    // BigQuery writes `… UTC`, Shopify `… +0100`: a space before the zone.
    if let [b' ', tail @ ..] = zone {
        zone = tail;
        if zone.is_empty() {
            return None;
        }
    }
    let offset_min = match zone {
        [] | [b'Z'] | [b'z'] => 0,
        [u, t, c] if [*u, *t, *c].eq_ignore_ascii_case(b"UTC") || [*u, *t, *c].eq_ignore_ascii_case(b"GMT") => 0,
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
    Some((ms - offset_min * 60_000, !zone.is_empty()))
}

/// Everything the fast path declined, read by jiff (and epoch numbers).
fn slow_path(t: &str) -> Option<(i64, bool)> {
    if let Some(ms) = compact_date(t) {
        return Some((ms, false));
    }
    if let Some(ms) = epoch(t) {
        return Some((ms, true));
    }
    // Every date form below has at least six digits (the shortest, `1.1.2024`): a cell
    // with fewer is refused before `jiff` tries eight parsers on it (a file of bad cells
    // was dominated by those attempts).
    if t.bytes().filter(u8::is_ascii_digit).count() < 6 {
        return None;
    }
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some((ts.as_millisecond(), true));
    }
    if let Ok(dt) = t.parse::<DateTime>() {
        return civil_ms(dt).map(|ms| (ms, false));
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
            return civil_ms(dt).map(|ms| (ms, false));
        }
        if fmt == "%d.%m.%Y" {
            if let Ok(d) = jiff::civil::Date::strptime(fmt, t) {
                return civil_ms(d.to_datetime(jiff::civil::Time::midnight())).map(|ms| (ms, false));
            }
        }
    }
    None
}

/// A civil (zone-less) date-time read as UTC.
fn civil_ms(dt: DateTime) -> Option<i64> {
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp().as_millisecond())
}

/// `20260901`: eight digits that are a real date between 1900 and 2199 are that day
/// (GA4's `event_date`), not epoch seconds in 1970.
fn compact_date(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    if b.len() != 8 {
        return None;
    }
    let (year, month, day) = (digits(&b[0..4])?, digits(&b[4..6])?, digits(&b[6..8])?);
    if !(1900..2200).contains(&year) || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date { year, month, day }.days() * 86_400_000)
}

/// `1514764800` (seconds), `1514764800.25` (seconds with fraction), `1514764800123`
/// (milliseconds, 12 digits or more), `1514764800123456` (microseconds, 15 or more) or
/// `1514764800123456789` (nanoseconds, 18 or more).
fn epoch(t: &str) -> Option<i64> {
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if int.is_empty() || int.len() > 19 || !int.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = int.parse().ok()?;
    match frac {
        None if int.len() >= EPOCH_NS_MIN_DIGITS => Some(n.div_euclid(1_000_000)),
        None if int.len() >= EPOCH_US_MIN_DIGITS => Some(n.div_euclid(1_000)),
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

pub(super) fn days_in_month(y: i64, m: i64) -> i64 {
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

    #[test]
    fn the_day_cache_gives_what_a_fresh_read_gives() {
        let cells = [
            "2024-03-01T10:00:00Z", "2024-03-01T23:59:59+0100", "2024-03-01", "2024/03/01 10:00", "01.03.2024 10:00",
            "2024-02-30T10:00:00Z", "2024-03-01T25:00:00Z", "2024-03-01T10:00:00Z", "2024-03-02 09:00 UTC", "2024-03-0110:00",
        ];
        let mut day = None;
        for c in cells.iter().chain(cells.iter().rev()).chain(cells.iter()) {
            assert_eq!(parse_flagged_with(c.as_bytes(), &mut day), parse_flagged(c.as_bytes()), "{c}");
        }
    }
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
        // As the tools write them: BigQuery's extract, Shopify's offset after a space,
        // GA4's microseconds and event_date, nanoseconds.
        assert_eq!(parse_timestamp_ms("2018-01-02 10:01:53 UTC"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02 10:01:53.123456 UTC"), Some(T0 + 123));
        assert_eq!(parse_timestamp_ms("2018-01-02 11:01:53 +0100"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02 05:01:53 -05:00"), Some(T0));
        assert_eq!(parse_timestamp_ms("2018-01-02 10:01:53 gmt"), Some(T0));
        assert_eq!(parse_timestamp_ms("1514887313000000"), Some(T0));
        assert_eq!(parse_timestamp_ms("1514887313123456"), Some(T0 + 123));
        assert_eq!(parse_timestamp_ms("1514887313000000000"), Some(T0));
        assert_eq!(parse_timestamp_ms("20180102"), Some(T0 - (10 * 3600 + 60 + 53) * 1000));
        assert_eq!(parse_bits("20180102"), Some(false), "a date has no zone: read in the chosen one");
        // Eight digits that are not a date stay epoch seconds.
        assert_eq!(parse_timestamp_ms("20181302"), Some(20_181_302_000));
    }

    fn parse_bits(t: &str) -> Option<bool> {
        parse_flagged(t.as_bytes()).map(|(_, zoned)| zoned)
    }

    #[test]
    fn half_written_zones_are_refused() {
        for bad in ["2018-01-02 10:01:53 CET", "2018-01-02 10:01:53 +1", "12345678901234567890", "1514887313123456.5"] {
            assert_eq!(parse_timestamp_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in ["2018-02-30T10:00:00", "2018-13-01 00:00", "2018-01-02T24:00:00", "31.04.2018 10:00", "soon", "", "12:00", "2018-01-02T10:01:53+99:00"] {
            assert_eq!(parse_timestamp_ms(bad), None, "{bad}");
        }
        assert!(parse_timestamp_ms("2020-02-29T00:00:00").is_some());
    }

    #[test]
    fn zone_less_times_are_read_in_the_chosen_zone() {
        let mut berlin = LocalZone::named("Europe/Berlin").unwrap();
        let read = |z: &mut LocalZone, t: &str| parse_timestamp_bytes_in(t.as_bytes(), z).unwrap();
        // Winter: UTC+1. A time with its own offset or an epoch number is not shifted.
        assert_eq!(read(&mut berlin, "2018-01-02T11:01:53"), T0);
        assert_eq!(read(&mut berlin, "02.01.2018 11:01:53"), T0);
        assert_eq!(read(&mut berlin, "2018-01-02T10:01:53Z"), T0);
        assert_eq!(read(&mut berlin, "1514887313"), T0);
        // Across the spring DST change (2024-03-31, 02:00 → 03:00): 01:30 to 03:30 local
        // time is one hour, not two.
        let a = read(&mut berlin, "2024-03-31 01:30:00");
        let b = read(&mut berlin, "2024-03-31 03:30:00");
        assert_eq!(b - a, 3_600_000);
        // New York in summer: UTC−4.
        let mut ny = LocalZone::named("america/new_york").unwrap();
        assert_eq!(read(&mut ny, "2024-07-01T08:00:00"), read(&mut berlin, "2024-07-01T14:00:00"));
        assert!(LocalZone::named("Mars/Olympus").is_none());
        assert!(LocalZone::named("").is_none());
        assert_eq!(read(&mut LocalZone::named("UTC").unwrap(), "2018-01-02T10:01:53"), T0);
    }

    proptest! {
        /// A cell of digits only reads the same through `epoch_digits` as through the slow
        /// path (every length, so also 8 digits, a compact date, which it must leave alone).
        #[test]
        fn epoch_digits_reads_as_the_slow_path(digits in "[0-9]{1,21}") {
            let direct = epoch_digits(digits.as_bytes()).map(|ms| (ms, true));
            if direct.is_some() {
                prop_assert_eq!(direct, slow_path(&digits), "{}", digits);
            } else {
                prop_assert!(digits.len() < 9 || digits.len() > 19 || digits.parse::<i64>().is_err(), "{}", digits);
            }
        }

        /// The fast path and jiff agree on every valid ISO timestamp with offset.
        #[test]
        fn fast_path_agrees_with_jiff(secs in -2_000_000_000i64..4_000_000_000i64, ms in 0i64..1000, off in -14i64*60..=14*60) {
            let ts = Timestamp::from_millisecond(secs * 1000 + ms).unwrap();
            let offset = jiff::tz::Offset::from_seconds((off * 60) as i32).unwrap();
            let text = ts.display_with_offset(offset).to_string();
            let fast = fast_path(text.as_bytes());
            prop_assert_eq!(fast, Some((secs * 1000 + ms, true)), "{}", text);
            prop_assert_eq!(text.parse::<Timestamp>().unwrap().as_millisecond(), secs * 1000 + ms);
        }

        /// Zone-less and German layouts match jiff's civil reading as UTC.
        #[test]
        fn civil_layouts_agree_with_jiff(secs in 0i64..4_000_000_000i64) {
            let dt = Timestamp::from_second(secs).unwrap().to_zoned(jiff::tz::TimeZone::UTC).datetime();
            for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S", "%d.%m.%Y %H:%M:%S"] {
                let text = dt.strftime(fmt).to_string();
                prop_assert_eq!(fast_path(text.as_bytes()), Some((secs * 1000, false)), "{}", text);
                prop_assert_eq!(slow_path(&text), Some((secs * 1000, false)), "{}", text);
            }
        }

        #[test]
        fn never_panics_on_junk(s in "\\PC{0,40}") {
            let _ = parse_timestamp_ms(&s);
        }
    }
}
