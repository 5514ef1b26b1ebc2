//! Timestamp forms that one cell cannot settle on its own, decided once for the whole
//! column: the day/month order of `03/01/2024` (US exports write month first, British and
//! many European ones day first) and Excel serial dates (`45352.4276`, days since
//! 1899-12-30, which as epoch seconds would be a moment in January 1970).
//!
//! [`detect_form`] looks at the column's values in the file's start (not one row: a row
//! never decides its own reading, so `03/01/2024` is 1 March or 3 January for the whole
//! file); the user can change the choice, and [`TimeReader`] reads every cell with it. A
//! cell that does not fit the chosen order (`13/01/2024` read month first) is a bad row,
//! reported with its line, never re-read the other way round.

use serde::{Deserialize, Serialize};

use super::timestamp::{days_in_month, parse_flagged_with, DayCache, LocalZone};
use crate::locale::Date;

/// How the time column is read beyond the forms every cell states itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeForm {
    /// Only forms that are unambiguous per cell (ISO, `DD.MM.YYYY`, epoch numbers, …);
    /// `03/01/2024` is refused because its order is unknown.
    #[default]
    Auto,
    /// `NN/NN/YYYY` (or `NN-NN-YYYY`) is day/month/year.
    DayFirst,
    /// `NN/NN/YYYY` (or `NN-NN-YYYY`) is month/day/year (US).
    MonthFirst,
    /// Numbers are Excel serial dates (days since 1899-12-30, the fraction is the time).
    ExcelSerial,
}

impl TimeForm {
    pub fn is_auto(&self) -> bool {
        *self == TimeForm::Auto
    }
}

/// What [`detect_form`] found in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FormGuess {
    pub form: TimeForm,
    /// The column holds `NN/NN/YYYY` dates whose order the sample does not settle (no
    /// part above 12): the user has to choose; until then they are not read.
    #[serde(default)]
    pub order_unknown: bool,
}

/// Decides the column's form from its values (empty cells ignored).
pub fn detect_form<'a>(values: impl Iterator<Item = &'a str>, time_like_header: bool) -> FormGuess {
    let (mut slashed, mut first_big, mut second_big, mut numbers, mut serial, mut fraction, mut all) = (0, 0, 0, 0, 0, 0, 0);
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        all += 1;
        if let Some((a, b, _)) = numeric_date_parts(v.as_bytes()) {
            slashed += 1;
            first_big += (a > 12) as usize;
            second_big += (b > 12) as usize;
        } else if let Ok(x) = v.parse::<f64>() {
            numbers += 1;
            serial += (EXCEL_MIN..=EXCEL_MAX).contains(&x) as usize;
            fraction += v.contains('.') as usize;
        }
    }
    if all == 0 {
        return FormGuess::default();
    }
    if slashed * 2 > all {
        return match (first_big > 0, second_big > 0) {
            (true, false) => FormGuess { form: TimeForm::DayFirst, order_unknown: false },
            (false, true) => FormGuess { form: TimeForm::MonthFirst, order_unknown: false },
            // Both orders seen: not one date form; leave it to the rows to show what's wrong.
            (true, true) => FormGuess::default(),
            (false, false) => FormGuess { form: TimeForm::Auto, order_unknown: true },
        };
    }
    // Every number lies in the serial range of 1954..2119 and something says it is a time
    // (a fraction of a day, or the column's name): Excel serial dates.
    if numbers == all && serial == all && (fraction > 0 || time_like_header) {
        return FormGuess { form: TimeForm::ExcelSerial, order_unknown: false };
    }
    FormGuess::default()
}

/// Excel serials accepted as dates: 1954-10-03 (20000) to 2119-01-10 (80000).
const EXCEL_MIN: f64 = 20_000.0;
const EXCEL_MAX: f64 = 80_000.0;
/// 1970-01-01 as an Excel serial.
const EXCEL_EPOCH: f64 = 25_569.0;

/// Reads the time column's cells with the column's form and zone.
#[derive(Debug, Clone)]
pub struct TimeReader {
    form: TimeForm,
    zone: Option<LocalZone>,
    /// The last date read (see `timestamp::DayCache`).
    day: DayCache,
}

impl TimeReader {
    pub fn new(form: TimeForm, zone: Option<LocalZone>) -> TimeReader {
        TimeReader { form, zone, day: None }
    }

    /// Milliseconds since the epoch, or `None` if the cell is not a time in this form.
    #[inline]
    pub fn read(&mut self, cell: &[u8]) -> Option<i64> {
        let (ms, zoned) = match self.form {
            TimeForm::Auto => parse_flagged_with(cell, &mut self.day)?,
            TimeForm::DayFirst | TimeForm::MonthFirst => match numeric_date(cell.trim_ascii(), self.form) {
                Some(ms) => (ms, false),
                None => parse_flagged_with(cell, &mut self.day)?,
            },
            TimeForm::ExcelSerial => (excel_serial(cell.trim_ascii())?, false),
        };
        match (&mut self.zone, zoned) {
            (Some(z), false) => z.to_utc_ms(ms),
            _ => Some(ms),
        }
    }
}

/// `45352.4276` → wall-clock milliseconds (read as UTC), to the millisecond.
fn excel_serial(cell: &[u8]) -> Option<i64> {
    let x: f64 = std::str::from_utf8(cell).ok()?.parse().ok()?;
    if !(EXCEL_MIN..=EXCEL_MAX).contains(&x) {
        return None;
    }
    Some(((x - EXCEL_EPOCH) * 86_400_000.0).round() as i64)
}

/// The two leading numbers and the year of `N(N)/N(N)/YYYY…` or `N(N)-N(N)-YYYY…`.
fn numeric_date_parts(b: &[u8]) -> Option<(i64, i64, i64)> {
    let (a, rest) = number(b, 2)?;
    let sep = *rest.first()?;
    if sep != b'/' && sep != b'-' {
        return None;
    }
    let (m, rest) = number(&rest[1..], 2)?;
    if rest.first() != Some(&sep) {
        return None;
    }
    let (y, rest) = number(&rest[1..], 4)?;
    if y < 1000 || !(rest.is_empty() || rest[0] == b' ' || rest[0] == b'T') {
        return None;
    }
    Some((a, m, y))
}

/// 1 to `max` digits at the start of `b`.
fn number(b: &[u8], max: usize) -> Option<(i64, &[u8])> {
    let n = b.iter().take(max).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || b.get(n).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((b[..n].iter().fold(0, |v, c| v * 10 + (c - b'0') as i64), &b[n..]))
}

/// `03/01/2024`, `3/1/2024 10:15`, `03/01/2024 10:15:42`, `3/1/2024 1:05 PM` in the given
/// order → wall-clock milliseconds (read as UTC).
fn numeric_date(b: &[u8], form: TimeForm) -> Option<i64> {
    let (a, c, year) = numeric_date_parts(b)?;
    let (month, day) = if form == TimeForm::MonthFirst { (a, c) } else { (c, a) };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let date_len = b.iter().position(|&c| c == b' ' || c == b'T').unwrap_or(b.len());
    let ms = Date { year, month, day }.days() * 86_400_000;
    let time = b[date_len..].trim_ascii();
    if time.is_empty() {
        return Some(ms);
    }
    Some(ms + clock_ms(time)?)
}

/// `10:15`, `10:15:42`, `10:15:42.5`, `1:05 PM`, `12:00 am` → milliseconds after midnight.
fn clock_ms(t: &[u8]) -> Option<i64> {
    let (clock, half) = match t.len().checked_sub(2).map(|i| t[i..].to_ascii_uppercase()) {
        Some(s) if s == b"AM" || s == b"PM" => (t[..t.len() - 2].trim_ascii(), Some(s[0] == b'P')),
        _ => (t, None),
    };
    let (h, rest) = number(clock, 2)?;
    let rest = rest.strip_prefix(b":")?;
    let (m, rest) = number(rest, 2)?;
    let (s, frac_ms) = match rest {
        [] => (0, 0),
        [b':', tail @ ..] => {
            let (s, tail) = number(tail, 2)?;
            let frac = match tail {
                [] => 0,
                [b'.', f @ ..] if !f.is_empty() && f.len() <= 9 && f.iter().all(u8::is_ascii_digit) => {
                    f.iter().chain(b"000").take(3).fold(0, |v, c| v * 10 + (c - b'0') as i64)
                }
                _ => return None,
            };
            (s, frac)
        }
        _ => return None,
    };
    let h = match half {
        None if h <= 23 => h,
        Some(pm) if (1..=12).contains(&h) => (h % 12) + if pm { 12 } else { 0 },
        _ => return None,
    };
    if m > 59 || s > 59 {
        return None;
    }
    Some(((h * 60 + m) * 60 + s) * 1000 + frac_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-01T10:15:00Z, computed by hand: 19783 days after 1970-01-01.
    const MARCH_1: i64 = 19_783 * 86_400_000 + (10 * 60 + 15) * 60_000;

    fn read(form: TimeForm, cell: &str) -> Option<i64> {
        TimeReader::new(form, None).read(cell.as_bytes())
    }

    #[test]
    fn us_and_european_slashed_dates_follow_the_columns_order() {
        assert_eq!(read(TimeForm::MonthFirst, "03/01/2024 10:15"), Some(MARCH_1));
        assert_eq!(read(TimeForm::DayFirst, "01/03/2024 10:15"), Some(MARCH_1));
        assert_eq!(read(TimeForm::MonthFirst, "3/1/2024 10:15:00"), Some(MARCH_1));
        assert_eq!(read(TimeForm::MonthFirst, "3/1/2024 10:15 AM"), Some(MARCH_1));
        assert_eq!(read(TimeForm::MonthFirst, "3/1/2024 10:15 PM"), Some(MARCH_1 + 12 * 3_600_000));
        assert_eq!(read(TimeForm::MonthFirst, "3/1/2024 12:15 am"), Some(MARCH_1 - 10 * 3_600_000));
        assert_eq!(read(TimeForm::DayFirst, "01-03-2024 10:15:00.250"), Some(MARCH_1 + 250));
        assert_eq!(read(TimeForm::MonthFirst, "03/01/2024"), Some(MARCH_1 - (10 * 60 + 15) * 60_000));
        // A row that does not fit the column's order is refused, not read the other way.
        assert_eq!(read(TimeForm::MonthFirst, "13/01/2024 10:15"), None);
        assert_eq!(read(TimeForm::DayFirst, "02/30/2024 10:15"), None);
        assert_eq!(read(TimeForm::MonthFirst, "02/30/2024"), None);
        assert_eq!(read(TimeForm::MonthFirst, "03/01/2024 13:15 PM"), None);
        // Without a chosen order the ambiguous form is not read at all.
        assert_eq!(read(TimeForm::Auto, "03/01/2024 10:15"), None);
        // ISO cells in such a column still read.
        assert_eq!(read(TimeForm::DayFirst, "2024-03-01T10:15:00Z"), Some(MARCH_1));
    }

    #[test]
    fn excel_serials_are_days_since_1899_12_30() {
        // 45352 is 2024-03-01 (Excel shows it so); 10:15 is 0.427083… of a day.
        assert_eq!(read(TimeForm::ExcelSerial, "45352"), Some(MARCH_1 - (10 * 60 + 15) * 60_000));
        assert_eq!(read(TimeForm::ExcelSerial, "45352.427083333"), Some(MARCH_1));
        assert_eq!(read(TimeForm::ExcelSerial, "3"), None);
        assert_eq!(read(TimeForm::ExcelSerial, "2024-03-01"), None);
    }

    #[test]
    fn the_order_is_detected_from_the_whole_column_never_per_row() {
        let us = ["03/01/2024 10:15", "03/13/2024 09:00", "04/02/2024 11:00"];
        assert_eq!(detect_form(us.into_iter(), true), FormGuess { form: TimeForm::MonthFirst, order_unknown: false });
        let eu = ["01/03/2024 10:15", "13/03/2024 09:00"];
        assert_eq!(detect_form(eu.into_iter(), true).form, TimeForm::DayFirst);
        let open = ["01/03/2024 10:15", "02/03/2024 09:00", ""];
        assert_eq!(detect_form(open.into_iter(), true), FormGuess { form: TimeForm::Auto, order_unknown: true });
        let serials = ["45352.43", "45353.5"];
        assert_eq!(detect_form(serials.into_iter(), false).form, TimeForm::ExcelSerial);
        // Whole numbers only count as serials in a column named like a time.
        assert_eq!(detect_form(["45352", "45360"].into_iter(), false).form, TimeForm::Auto);
        assert_eq!(detect_form(["45352", "45360"].into_iter(), true).form, TimeForm::ExcelSerial);
        assert_eq!(detect_form(["2024-03-01T10:15:00Z"].into_iter(), true), FormGuess::default());
        assert_eq!(detect_form(["1", "2"].into_iter(), true), FormGuess::default());
    }

    #[test]
    fn a_chosen_zone_applies_to_zone_less_forms_only() {
        let mut berlin = TimeReader::new(TimeForm::MonthFirst, LocalZone::named("Europe/Berlin"));
        assert_eq!(berlin.read(b"03/01/2024 11:15"), Some(MARCH_1));
        assert_eq!(berlin.read(b"2024-03-01T10:15:00Z"), Some(MARCH_1));
    }
}
