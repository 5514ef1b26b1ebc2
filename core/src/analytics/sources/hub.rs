//! The customer hub: several sources (orders, tickets, web sessions) read with their
//! presets and joined into one log by the customer key, so one customer's orders,
//! tickets and sessions form one journey across channels. With the library's key every
//! e-mail address is replaced by the same keyed hash in each file before anything is
//! kept, so the files join without any address in memory after reading.

use super::events::{to_log, SourceEvent, SourceEvents};
use super::read::read_events;
use super::{CaseBy, HubSummary, SourceOptions};
use super::Source;
use crate::analytics::event_log::NONE_ID;
use crate::analytics::interner::Interner;
use crate::analytics::{EventLog, ImportError};

/// A file that could not be read: which one (index) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct HubError {
    pub index: usize,
    pub source: Source,
    pub error: ImportError,
}

/// Reads every `(bytes, options)` and joins their events into one log with one case per
/// customer (or per session after a pause, `case_by`); `CaseBy::Record` would keep the
/// sources apart and is read as per customer.
pub fn join_sources(inputs: Vec<(Vec<u8>, SourceOptions)>, case_by: CaseBy) -> Result<(EventLog, HubSummary), HubError> {
    let mut all = SourceEvents::default();
    let mut summary = HubSummary::default();
    // One table of each kind for all sources: the same customer text is one customer.
    let (mut customers, mut activities, mut channels) = (Interner::new(), Interner::new(), Interner::new());
    // Per customer (joined id): the sources it has events in (empty: none yet).
    let mut seen: Vec<Vec<bool>> = Vec::new();
    let n = inputs.len();
    for (index, (data, options)) in inputs.into_iter().enumerate() {
        let source = options.source;
        let (read, s) = read_events(data, &options).map_err(|error| HubError { index, source, error })?;
        let to_ids = |table: &[String], joined: &mut Interner| -> Vec<u32> { table.iter().map(|t| joined.intern(t.as_bytes()).unwrap_or(0)).collect() };
        let (customer, activity, channel) = (to_ids(&read.customers, &mut customers), to_ids(&read.activities, &mut activities), to_ids(&read.channels, &mut channels));
        // Records are not joined (per record is read as per customer below).
        all.events.reserve(read.events.len());
        for e in &read.events {
            let c = customer[e.customer as usize];
            if seen.len() <= c as usize {
                seen.resize(c as usize + 1, Vec::new());
            }
            if seen[c as usize].is_empty() {
                seen[c as usize] = vec![false; n];
            }
            seen[c as usize][index] = true;
            let channel = if e.channel == NONE_ID { NONE_ID } else { channel[e.channel as usize] };
            all.events.push(SourceEvent { customer: c, activity: activity[e.activity as usize], channel, ..*e });
        }
        summary.sources.push(s);
    }
    let seen: Vec<&Vec<bool>> = seen.iter().filter(|v| !v.is_empty()).collect();
    summary.customers = seen.len() as u64;
    summary.matched = seen.iter().filter(|v| v.iter().filter(|&&b| b).count() >= 2).count() as u64;
    for a in 0..n {
        for b in a + 1..n {
            let both = seen.iter().filter(|v| v[a] && v[b]).count() as u64;
            summary.pairs.push((a, b, both));
        }
    }
    (all.customers, all.activities, all.channels) = (customers.into_names(), activities.into_names(), channels.into_names());
    let case_by = if case_by == CaseBy::Record { CaseBy::Customer } else { case_by };
    Ok((to_log(&all, case_by), summary))
}
