//! First look at a file: which delimiter, which headers, and a guess of which column holds
//! the case, activity, time, lifecycle and the optional attributes — so the mapping
//! dialog can open pre-filled. Works on a sample (the first few kilobytes are enough).

use serde::Serialize;

use super::error::ImportError;
use super::time_form::{detect_form, FormGuess, TimeForm, TimeReader};
use super::timestamp::parse_timestamp_ms;
use crate::text_file::{decode_lossy, CsvOptions, TextEncoding};

/// Delimiters tried, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// Rows of the sample looked at.
const SAMPLE_ROWS: usize = 50;

/// Which column (by index into the headers) probably plays which role.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ColumnGuess {
    pub case: Option<usize>,
    pub activity: Option<usize>,
    pub time: Option<usize>,
    pub lifecycle: Option<usize>,
    /// The lifecycle value to keep, e.g. `complete`, when the column was found.
    pub lifecycle_value: Option<String>,
    pub channel: Option<usize>,
    pub resource: Option<usize>,
    pub rating: Option<usize>,
    /// How the time column's values are read (day/month order, Excel serials), decided
    /// from every value of the column in the sample.
    pub time_form: FormGuess,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnDetection {
    /// The character encoding the sample was read with (detected or chosen).
    pub encoding: TextEncoding,
    /// Whether the delimiter was detected (false: the caller chose it).
    pub delimiter_detected: bool,
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub guess: ColumnGuess,
    /// Up to five data rows for the dialog's preview.
    pub preview: Vec<Vec<String>>,
}

/// The delimiter that splits the sample into the most consistently sized rows with more
/// than one column; `None` if every delimiter gives a single column.
pub fn detect_delimiter(sample: &[u8]) -> Option<u8> {
    let sample = whole_lines(sample);
    let mut best: Option<(usize, u8)> = None;
    for d in DELIMITERS {
        let rows = read_rows(sample, d, SAMPLE_ROWS);
        let width = rows.first().map_or(0, |r| r.len());
        if width < 2 {
            continue;
        }
        let consistent = rows.iter().filter(|r| r.len() == width).count();
        let score = consistent * width;
        if best.map_or(true, |(s, _)| score > s) {
            best = Some((score, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Encoding, delimiter, headers, a preview and a guess of the column roles, all detected.
pub fn detect_columns(sample: &[u8]) -> Result<ColumnDetection, ImportError> {
    detect_columns_with(sample, &CsvOptions::default())
}

/// Like [`detect_columns`], with the encoding and/or delimiter the user chose.
pub fn detect_columns_with(sample: &[u8], options: &CsvOptions) -> Result<ColumnDetection, ImportError> {
    let (text, encoding) = decode_lossy(sample, options.encoding);
    let body = text.as_bytes();
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::EmptyFile);
    }
    let delimiter = match options.delimiter {
        Some(d) => d,
        None => detect_delimiter(body).ok_or(ImportError::SingleColumn)?,
    };
    let mut rows = read_rows(whole_lines(body), delimiter, SAMPLE_ROWS + 1);
    if rows.is_empty() {
        return Err(ImportError::BadHeader { detail: "no header row".into() });
    }
    let headers: Vec<String> = rows.remove(0).into_iter().map(|h| h.trim().to_string()).collect();
    // The time column's form is decided on every row of the sample, not the first fifty.
    let time_values = |i: usize| -> Vec<String> {
        let mut all = read_rows(whole_lines(body), delimiter, usize::MAX);
        if !all.is_empty() {
            all.remove(0);
        }
        all.into_iter().filter_map(|mut r| (i < r.len()).then(|| r.swap_remove(i))).collect()
    };
    let guess = guess_roles(&headers, &rows, &time_values);
    let preview = rows.iter().take(5).cloned().collect();
    Ok(ColumnDetection { encoding, delimiter_detected: options.delimiter.is_none(), delimiter, headers, guess, preview })
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// The sample up to its last newline, so a cut-off last line doesn't skew the count.
fn whole_lines(b: &[u8]) -> &[u8] {
    match b.iter().rposition(|&c| c == b'\n') {
        Some(i) if i + 1 < b.len() => &b[..=i],
        _ => b,
    }
}

fn read_rows(sample: &[u8], delimiter: u8, max: usize) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(strip_bom(sample));
    reader
        .byte_records()
        .take(max)
        .filter_map(Result::ok)
        .map(|r| r.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect())
        .collect()
}

/// Header keywords per role, lower case; the first matching column wins.
const CASE_WORDS: &[&str] = &["case", "fall", "patient", "customer", "kunde", "session", "order", "auftrag", "ticket", "user", "id"];
const ACTIVITY_WORDS: &[&str] = &["activity", "aktivität", "aktivitaet", "concept:name", "event", "ereignis", "handling", "action", "task", "step", "schritt"];
const TIME_WORDS: &[&str] = &["timestamp", "time", "zeit", "date", "datum", "created", "erstellt"];
const LIFECYCLE_WORDS: &[&str] = &["lifecycle", "transition", "registration_type", "status"];
const CHANNEL_WORDS: &[&str] = &["channel", "kanal"];
const RESOURCE_WORDS: &[&str] = &["resource", "ressource", "employee", "mitarbeiter", "org:"];
const RATING_WORDS: &[&str] = &["rating", "bewertung", "score", "stars"];
/// Values that make a column a lifecycle column (XES `lifecycle:transition` and the like).
/// A "status" column holding `paid` or `solved` is not one, and is never used as a filter.
const LIFECYCLE_VALUES: &[&str] = &[
    "start", "started", "begin", "complete", "completed", "end", "schedule", "assign", "reassign", "suspend", "resume",
    "abort", "withdraw", "autoskip", "manualskip", "ate_abort", "pi_abort", "abgeschlossen",
];
/// Header words that make a column an identifier or an amount, never a time, whatever its
/// numbers would read as (GA4's `user_pseudo_id` "1255512575.1779…" is a plausible epoch).
const NOT_TIME_WORDS: &[&str] = &[
    "id", "ids", "uuid", "pseudo", "number", "nr", "no", "nummer", "quantity", "qty", "count", "anzahl", "menge", "price",
    "preis", "total", "amount", "betrag", "subtotal", "tax", "score", "rating", "zip", "phone", "sku",
];
/// Parsed times outside 1990..2100 are not event times (a quantity `2` is not 1970).
const PLAUSIBLE_MS: std::ops::Range<i64> = 631_152_000_000..4_102_444_800_000;

/// The header's words: split at non-letters and at camelCase humps, lower case.
fn header_words(h: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in h.chars() {
        if !c.is_alphanumeric() {
            prev_lower = false;
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Whether `word` (lower case) starts a word of `header`: at the start, after a
/// character that is not a letter or digit, or at a camelCase hump (`userId`).
fn has_word(header: &str, word: &str) -> bool {
    let chars: Vec<char> = header.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let w: Vec<char> = word.chars().collect();
    (0..lower.len()).any(|i| {
        lower[i..].starts_with(&w)
            && (i == 0 || !chars[i - 1].is_alphanumeric() || (chars[i].is_uppercase() && chars[i - 1].is_lowercase()))
    })
}

/// Whether a column named so can hold the time (see [`NOT_TIME_WORDS`]).
pub(crate) fn time_possible(header: &str) -> bool {
    !header_words(header).iter().any(|w| NOT_TIME_WORDS.contains(&w.as_str()))
}

/// A number with more than six fraction digits is an identifier, not a fractional epoch.
fn id_like_number(v: &str) -> bool {
    match v.split_once('.') {
        Some((i, f)) => !i.is_empty() && i.bytes().all(|c| c.is_ascii_digit()) && f.len() > 6 && f.bytes().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// A cell read as a time in any form a column can have (either day/month order).
fn cell_time(v: &str) -> Option<i64> {
    if id_like_number(v) {
        return None;
    }
    parse_timestamp_ms(v)
        .or_else(|| TimeReader::new(TimeForm::DayFirst, None).read(v.as_bytes()))
        .or_else(|| TimeReader::new(TimeForm::MonthFirst, None).read(v.as_bytes()))
        .filter(|ms| PLAUSIBLE_MS.contains(ms))
}

fn guess_roles(headers: &[String], rows: &[Vec<String>], time_values: &dyn Fn(usize) -> Vec<String>) -> ColumnGuess {
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let mut taken = vec![false; headers.len()];
    // The first untaken column whose name has a keyword at a word start (keywords in
    // priority order): "Satisfaction" holds no "action", "Updated at" no "date".
    let pick = |taken: &mut Vec<bool>, words: &[&str], extra: &dyn Fn(usize) -> bool| -> Option<usize> {
        for w in words {
            if let Some(i) = (0..lower.len()).find(|&i| !taken[i] && has_word(&headers[i], w) && extra(i)) {
                taken[i] = true;
                return Some(i);
            }
        }
        None
    };
    let column = |i: usize| rows.iter().filter_map(move |r| r.get(i)).map(|s| s.trim());
    let distinct = |i: usize| {
        let mut v: Vec<&str> = column(i).filter(|v| !v.is_empty()).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    // A time column: allowed by its name, most cells read as plausible times, and not one
    // value throughout (a date column in a one-day sample does not order events).
    let parses_as_time = |i: usize| {
        let (ok, all) = column(i).fold((0, 0), |(ok, all), v| (ok + cell_time(v).is_some() as usize, all + 1));
        time_possible(&headers[i]) && all > 0 && ok * 10 >= all * 8 && (all < 3 || distinct(i) > 1)
    };
    let any = |_: usize| true;
    // Time first (by name, confirmed by content), so "time" columns are not taken as ids.
    let mut g = ColumnGuess { time: pick(&mut taken, TIME_WORDS, &parses_as_time), ..ColumnGuess::default() };
    if g.time.is_none() {
        g.time = (0..headers.len()).find(|&i| parses_as_time(i));
        if let Some(i) = g.time {
            taken[i] = true;
        }
    }
    // A column named like a time whose values don't parse: still the time column, so
    // the import can say which rows are wrong.
    if g.time.is_none() {
        g.time = pick(&mut taken, TIME_WORDS, &|i| time_possible(&headers[i]));
    }
    // A lifecycle column only when its values are lifecycle values.
    let lifecycle_values = |i: usize| column(i).any(|v| LIFECYCLE_VALUES.contains(&v.to_lowercase().as_str()));
    g.lifecycle = pick(&mut taken, LIFECYCLE_WORDS, &lifecycle_values);
    // Another column that reads as times (GA4's `event_date`) is not the activity.
    let not_time = |i: usize| !parses_as_time(i);
    g.activity = pick(&mut taken, ACTIVITY_WORDS, &not_time);
    g.channel = pick(&mut taken, CHANNEL_WORDS, &any);
    g.resource = pick(&mut taken, RESOURCE_WORDS, &any);
    g.rating = pick(&mut taken, RATING_WORDS, &any);
    // A case column repeats: a case has several events. (With a sample of a few rows
    // that cannot be seen, so it is not asked.)
    let repeats_somewhere = |i: usize| rows.len() < 10 || distinct(i) < column(i).filter(|v| !v.is_empty()).count();
    g.case = pick(&mut taken, CASE_WORDS, &|i| repeats_somewhere(i) && not_time(i));
    let free: Vec<usize> = (0..headers.len()).filter(|&i| !taken[i]).collect();
    // Content fallbacks for what the names didn't reveal: logs are usually grouped by
    // case, so the case column repeats the previous row's value most often; the activity
    // column is the text column with the fewest distinct values among the rest.
    let repeats = |i: usize| {
        let v: Vec<&str> = column(i).collect();
        v.windows(2).filter(|w| w[0] == w[1]).count()
    };
    // Only columns filled in most rows and with more than one value can be the case.
    let filled = |i: usize| column(i).filter(|v| !v.is_empty()).count() * 10 >= rows.len() * 8;
    if g.case.is_none() {
        g.case = free
            .iter()
            .copied()
            .filter(|&i| Some(i) != g.activity && filled(i) && (rows.len() < 3 || distinct(i) > 1))
            .max_by_key(|&i| (repeats(i), std::cmp::Reverse(i)));
    }
    if g.activity.is_none() {
        let text_cols =
            free.iter().copied().filter(|&i| Some(i) != g.case && filled(i) && column(i).any(|v| v.parse::<f64>().is_err()));
        g.activity = text_cols.min_by_key(|&i| (distinct(i), i));
    }
    if let Some(i) = g.lifecycle {
        let values: Vec<String> = column(i).map(|v| v.to_lowercase()).collect();
        // Keep the completion rows. A sorted file may show only `start` rows in the
        // sample; XES logs pair those with `complete`, so that is the guess then too.
        g.lifecycle_value = ["complete", "completed", "end", "abgeschlossen"]
            .iter()
            .find(|w| values.iter().any(|v| v == *w))
            .map(|w| w.to_string())
            .or_else(|| Some("complete".to_string()));
    }
    if let Some(i) = g.time {
        let header_says_time = TIME_WORDS.iter().any(|w| has_word(&headers[i], w));
        let values = time_values(i);
        g.time_form = detect_form(values.iter().map(String::as_str), header_says_time);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patients_header_is_guessed() {
        let sample = b"handling,patient,employee,handling_id,registration_type,time\n\
            Registration,1,r1,1,start,2017-01-02T11:41:53Z\n\
            Registration,1,r1,1,complete,2017-01-02T12:41:53Z\n";
        let d = detect_columns(sample).unwrap();
        assert_eq!(d.delimiter, b',');
        assert_eq!(d.guess.activity, Some(0));
        assert_eq!(d.guess.case, Some(1));
        assert_eq!(d.guess.resource, Some(2));
        assert_eq!(d.guess.lifecycle, Some(4));
        assert_eq!(d.guess.lifecycle_value.as_deref(), Some("complete"));
        assert_eq!(d.guess.time, Some(5));
        // A sample holding only start rows (the file is sorted) still keeps `complete`.
        let only_start = b"handling,patient,registration_type,time\nA,1,start,2017-01-02T11:41:53Z\n";
        assert_eq!(detect_columns(only_start).unwrap().guess.lifecycle_value.as_deref(), Some("complete"));
    }

    #[test]
    fn semicolon_and_tab_are_detected_and_roles_found_by_content() {
        let semi = b"a;b;c\nk1;Login;01.02.2024 10:00\nk1;Kauf;01.02.2024 10:05\n";
        let d = detect_columns(semi).unwrap();
        assert_eq!(d.delimiter, b';');
        assert_eq!((d.guess.case, d.guess.activity, d.guess.time), (Some(0), Some(1), Some(2)));
        let tab = b"Fall\tAktivit\xC3\xA4t\tZeit\n1\tA\t1700000000\n";
        let d = detect_columns(tab).unwrap();
        assert_eq!(d.delimiter, b'\t');
        assert_eq!((d.guess.case, d.guess.activity, d.guess.time), (Some(0), Some(1), Some(2)));
    }

    #[test]
    fn excel_files_are_decoded_and_a_chosen_delimiter_is_used() {
        // German Excel "CSV": Windows-1252 with semicolons.
        let d = detect_columns(b"Fall;Aktivit\xE4t;Zeit\n1;Bestellung pr\xFCfen;01.02.2024 10:00\n").unwrap();
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.headers, vec!["Fall", "Aktivität", "Zeit"]);
        assert_eq!(d.preview[0][1], "Bestellung prüfen");
        // Excel "Unicode text": UTF-16 LE with BOM and tabs.
        let mut utf16 = b"\xFF\xFE".to_vec();
        for u in "case\tactivity\ttime\n1\tPr\u{fc}fen\t1700000000\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = detect_columns(&utf16).unwrap();
        assert_eq!((d.encoding, d.delimiter), (TextEncoding::Utf16Le, b'\t'));
        assert_eq!(d.headers, vec!["case", "activity", "time"]);
        // The user overrides the delimiter: a semicolon file read with commas is one column.
        let opts = CsvOptions { encoding: None, delimiter: Some(b',') };
        let d = detect_columns_with(b"a;b\n1;2\n", &opts).unwrap();
        assert_eq!((d.headers.len(), d.delimiter_detected), (1, false));
    }

    #[test]
    fn unusable_samples_get_a_clear_error() {
        assert_eq!(detect_columns(b"  \n"), Err(ImportError::EmptyFile));
        assert_eq!(detect_columns(b"just one column\nvalue\n"), Err(ImportError::SingleColumn));
    }
}
