//! Reads a source file with its preset: rows → records (line items of one order are one
//! order) → events (each filled date column one event: wide to long; or one event per
//! row) → filters → cases (per customer, per record, or sessions split after idle time)
//! → an [`EventLog`] the metrics run on, and a summary with the contact counts.
//!
//! Customer e-mail addresses are normalised (trimmed, lower case) and, with a key,
//! replaced by their keyed hash before anything is kept (see [`super::pseudonym`]).

use std::collections::HashMap;
use std::fmt::Write;

use super::events::{filter, to_log, SourceEvent, SourceEvents, Texts};
use super::layout::{channel_name, Layout};
use super::pseudonym::CustomerKeys;
use super::records::{Records, RESERVE_AFTER};
use super::source_rows::SourceRows;
use super::{CaseBy, ContactCounts, SourceOptions, SourceSummary};
use crate::analytics::detect::detect_delimiter;
use crate::analytics::error::{ImportError, RowIssue, RowProblem};
use crate::analytics::event_log::{EventLog, NONE_ID};
use crate::analytics::fast_hash::FastMap;
use crate::analytics::importer::MAX_REPORTED_ISSUES;
use crate::analytics::interner::Interner;
use crate::analytics::time_form::{detect_form, TimeForm, TimeReader};
use crate::analytics::timestamp::LocalZone;
use crate::text_file::decode_to_text;

/// Reads `data` (a CSV export of `options.source`) into events and a summary.
pub fn read_events(data: Vec<u8>, options: &SourceOptions) -> Result<(SourceEvents, SourceSummary), ImportError> {
    let layout = options.source.layout().ok_or_else(|| ImportError::BadHeader { detail: "the generic log has no preset".into() })?;
    let text = decode_to_text(data);
    let data = match &text {
        Ok(t) => t.as_bytes(),
        Err(bytes) => bytes.as_slice(),
    };
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::EmptyFile);
    }
    let delimiter = detect_delimiter(&data[..data.len().min(64 * 1024)]).ok_or(ImportError::SingleColumn)?;
    // Rows in the file, estimated from the first 64 KB: the kept records' buffers are sized
    // once instead of doubled a dozen times (in the tab every doubling copies the buffer).
    let sample = &data[..data.len().min(64 * 1024)];
    let lines_in_sample = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    let mut rows_estimate = Some(data.len() / (sample.len() / lines_in_sample).max(1) + 1);
    let mut rows = SourceRows::new(text, delimiter);
    let headers: Vec<String> = rows.headers()?.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_string()).collect();
    let cols = Columns::resolve(&headers, &layout)?;
    let mut records = Records::new(cols.wanted.len(), rows.text());
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut summary = SourceSummary { source: Some(options.source), ..SourceSummary::default() };
    while let Some(next) = rows.next() {
        let line = match next {
            Ok(line) => line,
            Err(e) => {
                summary.rows += 1;
                let line = e.position().map_or(0, |p| p.line());
                skip(&mut summary, line, RowProblem::Csv { detail: e.to_string() });
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        };
        summary.rows += 1;
        let cell = |i: usize| rows.cell(i).map(trim).unwrap_or("");
        let record_id = cell(cols.record);
        if record_id.is_empty() {
            skip(&mut summary, line, RowProblem::EmptyCase);
            continue;
        }
        let values = cols.wanted.iter().map(|&i| cell(i));
        // Wide sources that repeat a record (line items) merge its rows: each column's
        // first filled value is the record's. Every other row is a record of its own.
        // Once (line items of one order leave the count at RESERVE_AFTER for several rows).
        if records.len() == RESERVE_AFTER {
            if let Some(rows) = rows_estimate.take() {
                records.reserve_for(rows);
            }
        }
        if layout.rows_repeat_record && layout.activity.is_none() {
            match index.get(record_id) {
                Some(&r) => records.fill_empty(r, values),
                None => {
                    index.insert(record_id.to_string(), records.len());
                    records.push(record_id, line as u32, values);
                }
            }
        } else {
            records.push(record_id, line as u32, values);
        }
    }
    let file = rows.text();
    let form = match options.time_form {
        TimeForm::Auto => {
            let kept = &records;
            let sample = (0..kept.len().min(2000)).flat_map(|r| cols.time_slots.iter().map(move |&k| kept.value(file, r, k)));
            let guess = detect_form(sample, true);
            if guess.order_unknown {
                let column = cols.time_names.first().cloned().unwrap_or_default();
                return Err(ImportError::DateOrderUnknown { column });
            }
            guess.form
        }
        chosen => chosen,
    };
    summary.time_form = form;
    let zone = match options.time_zone.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
        Some(name) => Some(LocalZone::named(name).ok_or_else(|| ImportError::UnknownTimeZone { name: name.into() })?),
        None => None,
    };
    let mut reader = TimeReader::new(form, zone);
    let key = options.key.as_deref().map(hex_key);
    let customer_keys = CustomerKeys::new(key.as_deref());
    let mut events = Vec::with_capacity(records.len());
    let mut by_channel: HashMap<String, u64> = HashMap::new();
    let mut by_reason: HashMap<String, u64> = HashMap::new();
    let mut by_reason_channel: HashMap<(String, String), u64> = HashMap::new();
    let lang = options.lang;
    // One keyed hash per distinct customer value, not per row; each customer's,
    // activity's and channel's text once, in a table the events point into.
    let mut raw_customers: FastMap<&str, u32> = FastMap::default();
    let mut customers = Interner::new();
    let mut activities = Interner::new();
    let mut channel_ids: FastMap<String, u32> = FastMap::default();
    let mut channels = Interner::new();
    let mut channel_names: Vec<String> = Vec::new();
    let mut channel_raw = String::new();
    let mut name = String::new();
    let mut normal = String::new();
    let dated: Vec<u32> = layout.dated.iter().map(|d| activities.intern(lang.pick(d.activity).as_bytes()).unwrap_or(0)).collect();
    let statuses: Vec<u32> = layout.status_events.iter().map(|(_, _, a)| activities.intern(lang.pick(*a).as_bytes()).unwrap_or(0)).collect();
    for r in 0..records.len() {
        let value = |k: usize| records.value(file, r, k);
        let line = records.lines[r];
        let customer_raw = cols.customer_slots.iter().map(|&k| value(k)).find(|v| !v.is_empty());
        let customer = match customer_raw {
            Some(v) => match raw_customers.get(v) {
                Some(&c) => c,
                None => {
                    customer_keys.key_into(v, &mut normal, &mut name);
                    let c = customers.intern(name.as_bytes()).unwrap_or(0);
                    raw_customers.insert(v, c);
                    c
                }
            },
            // No customer named: the record stands alone.
            None => {
                name.clear();
                let _ = write!(name, "{} {}", options.source.key(), records.id(file, r));
                customers.intern(name.as_bytes()).unwrap_or(0)
            }
        };
        let channel = {
            channel_raw.clear();
            for v in cols.channel_slots.iter().map(|&k| value(k)).filter(|v| !v.is_empty()) {
                if !channel_raw.is_empty() {
                    channel_raw.push_str(" / ");
                }
                channel_raw.push_str(v);
            }
            match channel_ids.get(channel_raw.as_str()) {
                Some(&c) => c,
                None => {
                    let c = if channel_raw.is_empty() {
                        NONE_ID
                    } else {
                        let text = channel_name(options.source, &channel_raw, lang);
                        let c = channels.intern(text.as_bytes()).unwrap_or(0);
                        if c as usize == channel_names.len() {
                            channel_names.push(text);
                        }
                        c
                    };
                    channel_ids.insert(channel_raw.clone(), c);
                    c
                }
            }
        };
        if !layout.reason.is_empty() {
            let reason = cols.reason_slots.iter().map(|&k| value(k)).find(|v| !v.is_empty());
            let reason = reason.map(|v| v.split([',', ' ']).find(|t| !t.is_empty()).unwrap_or(v).to_string());
            let channel: String = channel_names.get(channel as usize).map_or_else(|| lang.pick(("(no channel)", "(kein Kanal)")).into(), String::clone);
            let reason = reason.unwrap_or_else(|| lang.pick(("(no reason)", "(kein Grund)")).into());
            *by_channel.entry(channel.clone()).or_default() += 1;
            *by_reason.entry(reason.clone()).or_default() += 1;
            *by_reason_channel.entry((reason, channel)).or_default() += 1;
        }
        let record = r as u32;
        let mut push = |activity: u32, cell: &str, summary: &mut SourceSummary| match reader.read(cell.as_bytes()) {
            Some(time_ms) => events.push(SourceEvent { customer, record, activity, time_ms, channel, line }),
            None => skip(summary, line as u64, RowProblem::BadTimestamp { value: cell.to_string() }),
        };
        match (cols.activity_slot, cols.time_slots.first()) {
            (Some(a), Some(&t)) => {
                let name = value(a);
                if name.is_empty() {
                    skip(&mut summary, line as u64, RowProblem::EmptyActivity);
                    continue;
                }
                let cell = value(t);
                if cell.is_empty() {
                    skip(&mut summary, line as u64, RowProblem::EmptyTimestamp);
                    continue;
                }
                push(activities.intern(name.as_bytes()).unwrap_or(0), cell, &mut summary);
            }
            _ => {
                for (&activity, &k) in dated.iter().zip(&cols.time_slots) {
                    let cell = value(k);
                    if !cell.is_empty() {
                        push(activity, cell, &mut summary);
                    }
                }
                for ((&(status, _, _), &activity), &(status_slot, time_slot)) in layout.status_events.iter().zip(&statuses).zip(&cols.status_slots) {
                    if value(status_slot).eq_ignore_ascii_case(status) && !value(time_slot).is_empty() {
                        push(activity, value(time_slot), &mut summary);
                    }
                }
            }
        }
    }
    summary.records = records.len() as u64;
    let customers = customers.into_names();
    // Distinct customers of the events read.
    let mut seen = vec![false; customers.len()];
    for e in &events {
        seen[e.customer as usize] = true;
    }
    summary.customers = seen.iter().filter(|&&s| s).count() as u64;
    let mut by_reason_channel: Vec<(String, String, u64)> = by_reason_channel.into_iter().map(|((r, c), n)| (r, c, n)).collect();
    by_reason_channel.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    summary.contacts = ContactCounts { by_channel: sorted(by_channel), by_reason: sorted(by_reason), by_reason_channel };
    let record_ids = (options.case_by == CaseBy::Record).then(|| {
        let mut ids = Texts::default();
        ids.reserve(records.len(), 0);
        for r in 0..records.len() {
            ids.push(records.id(file, r));
        }
        ids
    });
    let read = SourceEvents { events, customers, records: record_ids, activities: activities.into_names(), channels: channel_names };
    let before = read.events.len();
    let read = filter(read, &options.filters);
    summary.filtered = (before - read.events.len()) as u64;
    summary.events = read.events.len() as u64;
    if read.events.is_empty() {
        return Err(ImportError::NoUsableRows { skipped: summary.skipped_rows, first: summary.first_issues.first().cloned() });
    }
    Ok((read, summary))
}

/// `str::trim`, with a shortcut for a value that starts and ends with a printable ASCII
/// character (almost every cell): only such a byte is known not to end in white space.
#[inline]
fn trim(v: &str) -> &str {
    let printable = |b: u8| (b'!'..=b'~').contains(&b);
    match v.as_bytes() {
        [] => v,
        [first, .., last] if printable(*first) && printable(*last) => v,
        [only] if printable(*only) => v,
        _ => v.trim(),
    }
}

/// Reads a source file into an event log with the cases `options.case_by` asks for.
pub fn read_source(data: Vec<u8>, options: &SourceOptions) -> Result<(EventLog, SourceSummary), ImportError> {
    let (events, mut summary) = read_events(data, options)?;
    let log = to_log(&events, options.case_by);
    summary.cases = log.case_count() as u64;
    Ok((log, summary))
}

/// The layout's columns found in the header: `wanted` lists header indices, the slots
/// index into a record's values.
struct Columns {
    record: usize,
    wanted: Vec<usize>,
    customer_slots: Vec<usize>,
    time_slots: Vec<usize>,
    time_names: Vec<String>,
    activity_slot: Option<usize>,
    channel_slots: Vec<usize>,
    reason_slots: Vec<usize>,
    status_slots: Vec<(usize, usize)>,
}

impl Columns {
    fn resolve(headers: &[String], layout: &Layout) -> Result<Columns, ImportError> {
        let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let missing = |role: &str, name: &str| ImportError::MissingColumn { role: role.into(), name: name.into() };
        let record = find(layout.record).ok_or_else(|| missing("record", layout.record))?;
        let mut wanted = Vec::new();
        let mut slot = |i: usize| {
            wanted.push(i);
            wanted.len() - 1
        };
        let customer_slots: Vec<usize> = layout.customer.iter().filter_map(|n| find(n)).map(&mut slot).collect();
        if customer_slots.is_empty() && !layout.customer.is_empty() {
            return Err(missing("customer", layout.customer[0]));
        }
        let (time_slots, time_names, activity_slot) = match (layout.activity, layout.time) {
            (Some(a), Some(t)) => {
                let ai = find(a).ok_or_else(|| missing("activity", a))?;
                let ti = find(t).ok_or_else(|| missing("time", t))?;
                (vec![slot(ti)], vec![t.to_string()], Some(slot(ai)))
            }
            _ => {
                // The first date column (placed, opened) must be there; later ones may
                // be missing from an export that left them out (their events are then
                // not measured, never zero).
                let first = layout.dated.first().map(|d| d.column).unwrap_or("");
                if find(first).is_none() {
                    return Err(missing("time", first));
                }
                let mut slots = Vec::new();
                let mut names = Vec::new();
                for d in layout.dated {
                    // A missing optional date column gets a slot that stays empty.
                    let i = find(d.column).unwrap_or(usize::MAX);
                    slots.push(slot(i));
                    names.push(d.column.to_string());
                }
                (slots, names, None)
            }
        };
        let channel_slots = layout.channel.iter().filter_map(|n| find(n)).map(&mut slot).collect();
        let reason_slots = layout.reason.iter().filter_map(|n| find(n)).map(&mut slot).collect();
        let status_slots = match layout.status.and_then(find) {
            Some(s) => layout.status_events.iter().filter_map(|(_, t, _)| find(t).map(|ti| (slot(s), slot(ti)))).collect(),
            None => Vec::new(),
        };
        Ok(Columns { record, wanted, customer_slots, time_slots, time_names, activity_slot, channel_slots, reason_slots, status_slots })
    }
}

fn skip(summary: &mut SourceSummary, line: u64, problem: RowProblem) {
    summary.skipped_rows += 1;
    if summary.first_issues.len() < MAX_REPORTED_ISSUES {
        summary.first_issues.push(RowIssue { line, problem });
    }
}

fn sorted(map: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// A hex key → bytes (anything that is not hex is used as its bytes).
fn hex_key(hex: &str) -> Vec<u8> {
    let h = hex.trim();
    if h.len() % 2 == 0 && h.bytes().all(|c| c.is_ascii_hexdigit()) {
        (0..h.len()).step_by(2).map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0)).collect()
    } else {
        h.as_bytes().to_vec()
    }
}
