//! Reads a source file with its preset: rows → records (line items of one order are one
//! order) → events (each filled date column one event: wide to long; or one event per
//! row) → filters → cases (per customer, per record, or sessions split after idle time)
//! → an [`EventLog`] the metrics run on, and a summary with the contact counts.
//!
//! Customer e-mail addresses are normalised (trimmed, lower case) and, with a key,
//! replaced by their keyed hash before anything is kept (see [`super::pseudonym`]).

use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

use super::layout::{channel_name, Layout};
use super::pseudonym::CustomerKeys;
use super::source_rows::SourceRows;
use super::{CaseBy, ContactCounts, Filters, SourceOptions, SourceSummary};
use crate::analytics::detect::detect_delimiter;
use crate::analytics::error::{ImportError, RowIssue, RowProblem};
use crate::analytics::event_log::{EventLog, NONE_ID};
use crate::analytics::fast_hash::FastMap;
use crate::analytics::importer::MAX_REPORTED_ISSUES;
use crate::analytics::interner::Interner;
use crate::analytics::time_form::{detect_form, TimeForm, TimeReader};
use crate::analytics::timestamp::LocalZone;
use crate::text_file::decode;

/// One event before it joins a case. The texts are shared (`Rc<str>`): a customer's,
/// a record's, an activity's and a channel's text is made once and counted, not copied
/// per event (a million-event GA4 file spent most of its time in malloc and free).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEvent {
    pub customer: Rc<str>,
    pub record: Rc<str>,
    pub activity: Rc<str>,
    pub time_ms: i64,
    pub channel: Option<Rc<str>>,
    pub line: u32,
}

/// Reads `data` (a CSV export of `options.source`) into events and a summary.
pub fn read_events(data: Vec<u8>, options: &SourceOptions) -> Result<(Vec<SourceEvent>, SourceSummary), ImportError> {
    let layout = options.source.layout().ok_or_else(|| ImportError::BadHeader { detail: "the generic log has no preset".into() })?;
    let (data, _) = decode(data, None);
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::EmptyFile);
    }
    let delimiter = detect_delimiter(&data[..data.len().min(64 * 1024)]).ok_or(ImportError::SingleColumn)?;
    // Rows in the file, estimated from the first 64 KB: the kept records' buffers are sized
    // once instead of doubled a dozen times (in the tab every doubling copies the buffer).
    let sample = &data[..data.len().min(64 * 1024)];
    let lines_in_sample = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    let mut rows_estimate = Some(data.len() / (sample.len() / lines_in_sample).max(1) + 1);
    let mut rows = SourceRows::new(data, delimiter);
    let headers: Vec<String> = rows.headers()?.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_string()).collect();
    let cols = Columns::resolve(&headers, &layout)?;
    let mut records = Records::new(cols.wanted.len());
    let mut index: FastMap<Rc<str>, usize> = FastMap::default();
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
        let cell = |i: usize| rows.cell(i).map(str::trim).unwrap_or("");
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
                    let id = records.push(record_id, line as u32, values);
                    index.insert(id, records.len() - 1);
                }
            }
        } else {
            records.push(record_id, line as u32, values);
        }
    }
    let form = match options.time_form {
        TimeForm::Auto => {
            let kept = &records;
            let sample = (0..kept.len().min(2000)).flat_map(|r| cols.time_slots.iter().map(move |&k| kept.value(r, k)));
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
    // One keyed hash per distinct customer value, not per row; one shared text per
    // distinct activity and channel.
    let mut keys: FastMap<String, Rc<str>> = FastMap::default();
    let mut activities: FastMap<String, Rc<str>> = FastMap::default();
    let mut channels: FastMap<String, Option<Rc<str>>> = FastMap::default();
    let mut channel_raw = String::new();
    let dated_names: Vec<Rc<str>> = layout.dated.iter().map(|d| Rc::from(lang.pick(d.activity))).collect();
    let status_names: Vec<Rc<str>> = layout.status_events.iter().map(|(_, _, a)| Rc::from(lang.pick(*a))).collect();
    for r in 0..records.len() {
        let value = |k: usize| records.value(r, k);
        let (id, line) = (records.ids[r].clone(), records.lines[r]);
        let customer_raw = cols.customer_slots.iter().map(|&k| value(k)).find(|v| !v.is_empty());
        let customer: Rc<str> = match customer_raw {
            Some(v) => match keys.get(v) {
                Some(k) => k.clone(),
                None => {
                    let k: Rc<str> = customer_keys.key(v).into();
                    keys.insert(v.to_string(), k.clone());
                    k
                }
            },
            // No customer named: the record stands alone.
            None => format!("{} {}", options.source.key(), id).into(),
        };
        let channel = {
            channel_raw.clear();
            for v in cols.channel_slots.iter().map(|&k| value(k)).filter(|v| !v.is_empty()) {
                if !channel_raw.is_empty() {
                    channel_raw.push_str(" / ");
                }
                channel_raw.push_str(v);
            }
            match channels.get(channel_raw.as_str()) {
                Some(c) => c.clone(),
                None => {
                    let c: Option<Rc<str>> = (!channel_raw.is_empty()).then(|| channel_name(options.source, &channel_raw, lang).into());
                    channels.insert(channel_raw.clone(), c.clone());
                    c
                }
            }
        };
        if !layout.reason.is_empty() {
            let reason = cols.reason_slots.iter().map(|&k| value(k)).find(|v| !v.is_empty());
            let reason = reason.map(|v| v.split([',', ' ']).find(|t| !t.is_empty()).unwrap_or(v).to_string());
            let channel: String = channel.as_deref().map_or_else(|| lang.pick(("(no channel)", "(kein Kanal)")).into(), str::to_string);
            let reason = reason.unwrap_or_else(|| lang.pick(("(no reason)", "(kein Grund)")).into());
            *by_channel.entry(channel.clone()).or_default() += 1;
            *by_reason.entry(reason.clone()).or_default() += 1;
            *by_reason_channel.entry((reason, channel)).or_default() += 1;
        }
        let mut push = |activity: Rc<str>, cell: &str, summary: &mut SourceSummary| match reader.read(cell.as_bytes()) {
            Some(time_ms) => events.push(SourceEvent { customer: customer.clone(), record: id.clone(), activity, time_ms, channel: channel.clone(), line }),
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
                let activity = match activities.get(name) {
                    Some(a) => a.clone(),
                    None => {
                        let a: Rc<str> = name.into();
                        activities.insert(name.to_string(), a.clone());
                        a
                    }
                };
                push(activity, cell, &mut summary);
            }
            _ => {
                for (name, &k) in dated_names.iter().zip(&cols.time_slots) {
                    let cell = value(k);
                    if !cell.is_empty() {
                        push(name.clone(), cell, &mut summary);
                    }
                }
                for ((&(status, _, _), name), &(status_slot, time_slot)) in layout.status_events.iter().zip(&status_names).zip(&cols.status_slots) {
                    if value(status_slot).eq_ignore_ascii_case(status) && !value(time_slot).is_empty() {
                        push(name.clone(), value(time_slot), &mut summary);
                    }
                }
            }
        }
    }
    summary.records = records.len() as u64;
    // Distinct customers; a customer's events are mostly in a row, so only a change is
    // looked up.
    let mut customers: FastMap<&str, ()> = FastMap::default();
    for (k, e) in events.iter().enumerate() {
        if k == 0 || events[k - 1].customer != e.customer {
            customers.insert(&e.customer, ());
        }
    }
    summary.customers = customers.len() as u64;
    let mut by_reason_channel: Vec<(String, String, u64)> = by_reason_channel.into_iter().map(|((r, c), n)| (r, c, n)).collect();
    by_reason_channel.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    summary.contacts = ContactCounts { by_channel: sorted(by_channel), by_reason: sorted(by_reason), by_reason_channel };
    let before = events.len();
    let events = filter(events, &options.filters);
    summary.filtered = (before - events.len()) as u64;
    summary.events = events.len() as u64;
    if events.is_empty() {
        return Err(ImportError::NoUsableRows { skipped: summary.skipped_rows, first: summary.first_issues.first().cloned() });
    }
    Ok((events, summary))
}

/// Reads a source file into an event log with the cases `options.case_by` asks for.
pub fn read_source(data: Vec<u8>, options: &SourceOptions) -> Result<(EventLog, SourceSummary), ImportError> {
    let (events, mut summary) = read_events(data, options)?;
    let log = to_log(&events, options.case_by);
    summary.cases = log.case_count() as u64;
    Ok((log, summary))
}

/// Events (of one or several sources) → an event log with one case per `case_by`.
pub fn to_log(events: &[SourceEvent], case_by: CaseBy) -> EventLog {
    // Customers as dense ids first: sessions are cut per customer in time order.
    let mut customers = Interner::new();
    let customer: Vec<u32> = events.iter().map(|e| customers.intern(e.customer.as_bytes()).unwrap_or(0)).collect();
    let mut cases = Interner::new();
    let case: Vec<u32> = match case_by {
        CaseBy::Customer => customer.clone(),
        CaseBy::Record => {
            // One name buffer for every event: the case name is written, not allocated.
            let mut name = String::new();
            events
                .iter()
                .map(|e| {
                    name.clear();
                    let _ = write!(name, "{} {}", e.customer, e.record);
                    cases.intern(name.as_bytes()).unwrap_or(0)
                })
                .collect()
        }
        CaseBy::Idle { minutes } => {
            let mut order: Vec<u32> = (0..events.len() as u32).collect();
            order.sort_unstable_by_key(|&i| (customer[i as usize], events[i as usize].time_ms, i));
            let gap = minutes.max(1) as i64 * 60_000;
            let mut case = vec![0u32; events.len()];
            let mut session = 0u32;
            // The case id of the session being walked: a new name only when a session starts.
            let mut current: Option<u32> = None;
            let mut name = String::new();
            for (k, &i) in order.iter().enumerate() {
                let i = i as usize;
                if k > 0 {
                    let p = order[k - 1] as usize;
                    let next = if customer[p] != customer[i] { 0 } else if events[i].time_ms - events[p].time_ms > gap { session + 1 } else { session };
                    if next != session || customer[p] != customer[i] {
                        current = None;
                    }
                    session = next;
                }
                let id = *current.get_or_insert_with(|| {
                    name.clear();
                    let _ = write!(name, "{} #{}", events[i].customer, session + 1);
                    cases.intern(name.as_bytes()).unwrap_or(0)
                });
                case[i] = id;
            }
            case
        }
    };
    let names = if case_by == CaseBy::Customer { customers.into_names() } else { cases.into_names() };
    let (mut acts, mut channels) = (Interner::new(), Interner::new());
    let mut raw = EventLog::default();
    for (e, c) in events.iter().zip(case) {
        raw.case.push(c);
        raw.activity.push(acts.intern(e.activity.as_bytes()).unwrap_or(0));
        raw.time_ms.push(e.time_ms);
        raw.line.push(e.line);
        raw.channel.push(e.channel.as_deref().and_then(|c| channels.intern(c.as_bytes())).unwrap_or(NONE_ID));
    }
    raw.case_names = names;
    raw.activity_names = acts.into_names();
    raw.channel_names = channels.into_names();
    EventLog::from_file_order(raw)
}

/// Date range, renames (and so merges), then dropped activities.
pub fn filter(events: Vec<SourceEvent>, f: &Filters) -> Vec<SourceEvent> {
    events
        .into_iter()
        .filter(|e| f.from_ms.map_or(true, |t| e.time_ms >= t) && f.to_ms.map_or(true, |t| e.time_ms < t))
        .map(|mut e| {
            if let Some((_, to)) = f.rename.iter().find(|(from, _)| **from == *e.activity) {
                e.activity = to.as_str().into();
            }
            e
        })
        .filter(|e| !f.drop.iter().any(|d| **d == *e.activity))
        .collect()
}

/// One order, ticket or event row, with the values of the columns the layout uses.
/// The records read (orders, tickets, event rows), flat: every kept value's text in one
/// buffer, `stride` spans per record (one per wanted column) — no allocation per row.
/// After this many records their size per record is known well enough to reserve the rest.
const RESERVE_AFTER: usize = 1024;

struct Records {
    text: String,
    spans: Vec<(u32, u32)>,
    stride: usize,
    ids: Vec<Rc<str>>,
    lines: Vec<u32>,
}

impl Records {
    fn new(stride: usize) -> Records {
        Records { text: String::new(), spans: Vec::new(), stride, ids: Vec::new(), lines: Vec::new() }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Room for about `rows` records in all, at the bytes per record seen so far (with a
    /// tenth to spare; an estimate that is short only means one more doubling).
    fn reserve_for(&mut self, rows: usize) {
        let more = (rows + rows / 10).saturating_sub(self.len());
        let bytes_per_record = self.text.len() / self.len().max(1) + 1;
        self.text.reserve(more * bytes_per_record);
        self.spans.reserve(more * self.stride);
        self.ids.reserve(more);
        self.lines.reserve(more);
    }

    fn keep(&mut self, v: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(v);
        (start, v.len() as u32)
    }

    /// Adds a record; returns its id text. Rows of one record usually follow each other
    /// (a GA4 session, a Matomo visit), so the previous record's id text is shared.
    fn push<'a>(&mut self, id: &str, line: u32, values: impl Iterator<Item = &'a str>) -> Rc<str> {
        let id: Rc<str> = match self.ids.last() {
            Some(last) if **last == *id => last.clone(),
            _ => id.into(),
        };
        for v in values {
            let span = self.keep(v);
            self.spans.push(span);
        }
        self.ids.push(id.clone());
        self.lines.push(line);
        id
    }

    /// Record `r`'s empty values take the row's (line items repeating an order).
    fn fill_empty<'a>(&mut self, r: usize, values: impl Iterator<Item = &'a str>) {
        for (k, v) in values.enumerate() {
            if self.spans[r * self.stride + k].1 == 0 && !v.is_empty() {
                let span = self.keep(v);
                self.spans[r * self.stride + k] = span;
            }
        }
    }

    fn value(&self, r: usize, k: usize) -> &str {
        let (start, len) = self.spans[r * self.stride + k];
        &self.text[start as usize..(start + len) as usize]
    }
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
