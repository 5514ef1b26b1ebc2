//! The events of a source (or of several joined) before they join cases: small plain
//! records whose customer, record, activity and channel are ids into tables holding each
//! text once — then filters, and cases (per customer, per record, or sessions split after
//! idle time) → an [`EventLog`].
//!
//! Ids, not shared texts: a million GA4 events spent much of their time counting
//! references and interning each event's texts again for the log. The log's ids are
//! given in order of first appearance in the events, as interning the texts gave them.

use std::fmt::Write;

use super::{CaseBy, Filters};
use crate::analytics::event_log::{EventLog, NONE_ID};
use crate::analytics::interner::Interner;

/// One event before it joins a case: `customer`, `activity` and `channel` index the
/// tables of its [`SourceEvents`] (`channel` is [`NONE_ID`] when none), `record` its
/// records.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceEvent {
    pub customer: u32,
    pub record: u32,
    pub activity: u32,
    pub channel: u32,
    pub time_ms: i64,
    pub line: u32,
}

/// Events and the texts their ids stand for. Each table holds distinct texts (so two
/// ids are two customers, activities or channels); records are ids as read, kept only
/// when read for one case per record (a million ids copied for nothing otherwise).
#[derive(Debug, Clone, Default)]
pub struct SourceEvents {
    pub events: Vec<SourceEvent>,
    pub customers: Vec<String>,
    pub records: Option<Texts>,
    pub activities: Vec<String>,
    pub channels: Vec<String>,
}

static EMPTY: Texts = Texts { text: String::new(), spans: Vec::new() };

/// Many short texts in one buffer (a million record ids without an allocation each).
#[derive(Debug, Clone, Default)]
pub struct Texts {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Texts {
    pub fn push(&mut self, t: &str) {
        self.spans.push((self.text.len() as u32, t.len() as u32));
        self.text.push_str(t);
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Text `i` ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        self.spans.get(i).and_then(|&(s, n)| self.text.get(s as usize..(s + n) as usize)).unwrap_or("")
    }

    pub fn reserve(&mut self, texts: usize, bytes: usize) {
        self.spans.reserve(texts);
        self.text.reserve(bytes);
    }
}

/// Date range, renames (and so merges), then dropped activities.
pub fn filter(mut s: SourceEvents, f: &Filters) -> SourceEvents {
    if f.from_ms.is_none() && f.to_ms.is_none() && f.rename.is_empty() && f.drop.is_empty() {
        return s;
    }
    // Per activity: its id after renaming (a new name joins the table), or `None` when
    // the renamed activity is dropped.
    let mut to: Vec<Option<u32>> = Vec::with_capacity(s.activities.len());
    for a in 0..s.activities.len() {
        let renamed = match f.rename.iter().find(|(from, _)| *from == s.activities[a]) {
            Some((_, new)) => match s.activities.iter().position(|n| n == new) {
                Some(i) => i,
                None => {
                    s.activities.push(new.clone());
                    s.activities.len() - 1
                }
            },
            None => a,
        };
        let dropped = f.drop.iter().any(|d| *d == s.activities[renamed]);
        to.push((!dropped).then_some(renamed as u32));
    }
    s.events.retain_mut(|e| {
        let in_range = f.from_ms.is_none_or(|t| e.time_ms >= t) && f.to_ms.is_none_or(|t| e.time_ms < t);
        match to.get(e.activity as usize).copied().flatten() {
            Some(a) if in_range => {
                e.activity = a;
                true
            }
            _ => false,
        }
    });
    s
}

/// Table ids → the log's ids, in order of first appearance.
struct FirstSeen {
    to: Vec<u32>,
    order: Vec<u32>,
}

impl FirstSeen {
    fn new(ids: usize) -> FirstSeen {
        FirstSeen { to: vec![NONE_ID; ids], order: Vec::new() }
    }

    /// The log's id of table id `id` ([`NONE_ID`] stays; an id past the table is 0).
    #[inline]
    fn get(&mut self, id: u32) -> u32 {
        let Some(to) = self.to.get_mut(id as usize) else { return if id == NONE_ID { NONE_ID } else { 0 } };
        if *to == NONE_ID {
            *to = self.order.len() as u32;
            self.order.push(id);
        }
        *to
    }

    /// The texts in the log's order.
    fn names(&self, table: &[String]) -> Vec<String> {
        self.order.iter().map(|&i| table[i as usize].clone()).collect()
    }
}

/// Events (of one or several sources) → an event log with one case per `case_by`
/// (per record needs the records' ids; without them, one case per customer as the hub).
pub fn to_log(s: &SourceEvents, case_by: CaseBy) -> EventLog {
    let case_by = if case_by == CaseBy::Record && s.records.is_none() { CaseBy::Customer } else { case_by };
    let events = &s.events;
    // Customers as dense ids first: sessions are cut per customer in time order.
    let mut customers = FirstSeen::new(s.customers.len());
    let customer: Vec<u32> = events.iter().map(|e| customers.get(e.customer)).collect();
    let customer_name = |i: usize| s.customers.get(events[i].customer as usize).map_or("", String::as_str);
    let mut cases = Interner::new();
    let mut session_names: Vec<String> = Vec::new();
    let case: Vec<u32> = match case_by {
        CaseBy::Customer => customer.clone(),
        CaseBy::Record => {
            let records = s.records.as_ref().map_or(&EMPTY, |r| r);
            // One name buffer for every event: the case name is written, not allocated.
            let mut name = String::new();
            (0..events.len())
                .map(|i| {
                    name.clear();
                    let _ = write!(name, "{} {}", customer_name(i), records.get(events[i].record as usize));
                    cases.intern(name.as_bytes()).unwrap_or(0)
                })
                .collect()
        }
        CaseBy::Idle { minutes } => {
            let order = by_customer_and_time(events, &customer, customers.order.len());
            let gap = minutes.max(1) as i64 * 60_000;
            let mut case = vec![0u32; events.len()];
            let mut session = 0u32;
            // Each session is a case of its own, named when it starts. The names need no
            // interning: "<customer> #<n>" is told apart by its last " #" (n has only
            // digits), so two (customer, session) pairs never share one.
            for (k, &i) in order.iter().enumerate() {
                let i = i as usize;
                let starts = match k.checked_sub(1).map(|k| order[k] as usize) {
                    None => true,
                    Some(p) if customer[p] != customer[i] => {
                        session = 0;
                        true
                    }
                    Some(p) if events[i].time_ms - events[p].time_ms > gap => {
                        session += 1;
                        true
                    }
                    Some(_) => false,
                };
                if starts {
                    let mut name = String::with_capacity(customer_name(i).len() + 8);
                    let _ = write!(name, "{} #{}", customer_name(i), session + 1);
                    session_names.push(name);
                }
                case[i] = session_names.len() as u32 - 1;
            }
            case
        }
    };
    let names = match case_by {
        CaseBy::Customer => customers.names(&s.customers),
        CaseBy::Record => cases.into_names(),
        CaseBy::Idle { .. } => session_names,
    };
    let (mut acts, mut channels) = (FirstSeen::new(s.activities.len()), FirstSeen::new(s.channels.len()));
    let activity = events.iter().map(|e| acts.get(e.activity)).collect();
    let channel = events.iter().map(|e| channels.get(e.channel)).collect();
    EventLog::from_file_order(EventLog {
        case,
        activity,
        time_ms: events.iter().map(|e| e.time_ms).collect(),
        line: events.iter().map(|e| e.line).collect(),
        channel,
        case_names: names,
        activity_names: acts.names(&s.activities),
        channel_names: channels.names(&s.channels),
        ..EventLog::default()
    })
}

/// Event indices ordered by (customer, time, index): a counting sort by the dense
/// customer id (stable), then each customer's few events sorted by time (stable, and
/// mostly in order already) — instead of sorting a million triples.
fn by_customer_and_time(events: &[SourceEvent], customer: &[u32], customers: usize) -> Vec<u32> {
    let mut start = vec![0u32; customers + 1];
    for &c in customer {
        start[c as usize + 1] += 1;
    }
    for c in 0..customers {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut order = vec![0u32; events.len()];
    for (i, &c) in customer.iter().enumerate() {
        order[next[c as usize] as usize] = i as u32;
        next[c as usize] += 1;
    }
    for c in 0..customers {
        let group = &mut order[start[c] as usize..start[c + 1] as usize];
        if !group.windows(2).all(|w| events[w[0] as usize].time_ms <= events[w[1] as usize].time_ms) {
            group.sort_by_key(|&i| events[i as usize].time_ms);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(customer: u32, activity: u32, minute: i64) -> SourceEvent {
        SourceEvent { customer, record: 0, activity, channel: NONE_ID, time_ms: minute * 60_000, line: 2 }
    }

    fn events() -> SourceEvents {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        SourceEvents {
            // Customer 1 first in the file, the table's order the other way round.
            events: vec![ev(1, 0, 50), ev(0, 1, 0), ev(1, 2, 0), ev(1, 0, 10), ev(0, 1, 100)],
            customers: names(&["b", "a"]),
            records: None,
            activities: names(&["view", "buy", "scroll"]),
            channels: Vec::new(),
        }
    }

    #[test]
    fn sessions_split_after_the_pause_and_ids_follow_first_appearance() {
        let log = to_log(&events(), CaseBy::Idle { minutes: 30 });
        // a: 0, 10 | 50 (40 minutes idle); b: 0 | 100.
        let mut cases = log.case_names.clone();
        cases.sort();
        assert_eq!(cases, vec!["a #1", "a #2", "b #1", "b #2"]);
        assert_eq!(log.activity_names, vec!["view", "buy", "scroll"], "in order of first appearance");
        let by_customer = to_log(&events(), CaseBy::Customer);
        assert_eq!(by_customer.case_names, vec!["a", "b"], "a appears first in the events");
        // Per record without the records' ids read: per customer.
        assert_eq!(to_log(&events(), CaseBy::Record).case_names, vec!["a", "b"]);
    }

    #[test]
    fn filter_renames_merge_then_drops_and_keeps_the_range() {
        let f = Filters { from_ms: Some(0), to_ms: Some(100 * 60_000), rename: vec![("scroll".into(), "view".into()), ("buy".into(), "pay".into())], drop: vec!["pay".into()] };
        let kept = filter(events(), &f);
        // buy → pay is dropped, scroll → view merges; minute 100 is out of the range.
        assert_eq!(kept.events.iter().map(|e| (e.customer, kept.activities[e.activity as usize].as_str(), e.time_ms / 60_000)).collect::<Vec<_>>(), vec![(1, "view", 50), (1, "view", 0), (1, "view", 10)]);
        let none = Filters::default();
        assert_eq!(filter(events(), &none).events, events().events);
    }
}
