//! The customer hub: several sources (orders, tickets, web sessions) read with their
//! presets and joined into one log by the customer key, so one customer's orders,
//! tickets and sessions form one journey across channels. With the library's key every
//! e-mail address is replaced by the same keyed hash in each file before anything is
//! kept, so the files join without any address in memory after reading.

use std::collections::HashMap;
use std::rc::Rc;

use super::read::{read_events, to_log, SourceEvent};
use super::{CaseBy, HubSummary, SourceOptions};
use super::Source;
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
    let mut all: Vec<SourceEvent> = Vec::new();
    let mut summary = HubSummary::default();
    let mut seen: HashMap<Rc<str>, Vec<bool>> = HashMap::new();
    let n = inputs.len();
    for (index, (data, options)) in inputs.into_iter().enumerate() {
        let source = options.source;
        let (events, s) = read_events(data, &options).map_err(|error| HubError { index, source, error })?;
        for (k, e) in events.iter().enumerate() {
            // A customer's events mostly follow each other: look up only a change.
            if k == 0 || events[k - 1].customer != e.customer {
                seen.entry(e.customer.clone()).or_insert_with(|| vec![false; n])[index] = true;
            }
        }
        summary.sources.push(s);
        all.extend(events);
    }
    summary.customers = seen.len() as u64;
    summary.matched = seen.values().filter(|v| v.iter().filter(|&&b| b).count() >= 2).count() as u64;
    for a in 0..n {
        for b in a + 1..n {
            let both = seen.values().filter(|v| v[a] && v[b]).count() as u64;
            summary.pairs.push((a, b, both));
        }
    }
    let case_by = if case_by == CaseBy::Record { CaseBy::Customer } else { case_by };
    Ok((to_log(&all, case_by), summary))
}
