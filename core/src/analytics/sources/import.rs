//! A source file read with its preset, in the shape the page and the worker already
//! show: an [`EventLog`] and an [`ImportSummary`] (rows, events, cases, skipped rows with
//! their lines, the warnings of [`check_import`]) that also carries the source's own
//! summary (records, customers, contact counts).

use super::hub::{join_sources, HubError};
use super::read::{read_source, CaseBy, SourceOptions};
use crate::analytics::{check_import, EventLog, ImportError, ImportSummary, UsedColumns};

/// Reads `data` with the preset of `options.source`.
pub fn import_source(data: Vec<u8>, options: &SourceOptions) -> Result<(EventLog, ImportSummary), ImportError> {
    let (log, s) = read_source(data, options)?;
    let used = UsedColumns { case: "", activity: "", time: "", lifecycle: None, headers: &[] };
    let warnings = check_import(&log, s.rows, s.skipped_rows, 0, &used);
    let summary = ImportSummary {
        rows: s.rows,
        events: log.event_count() as u64,
        cases: log.case_count() as u64,
        activities: log.activity_names.len() as u64,
        skipped_rows: s.skipped_rows,
        first_issues: s.first_issues.clone(),
        timestamp_ties: log.timestamp_ties,
        warnings,
        source: Some(s),
        ..ImportSummary::default()
    };
    Ok((log, summary))
}

/// Several source files joined per customer (the customer hub), in the page's shape; the
/// summary's `hub` says how many customers matched across sources. An unreadable file is
/// named by its place in the list.
pub fn import_hub(files: Vec<Vec<u8>>, sources: &[SourceOptions]) -> Result<(EventLog, ImportSummary), HubError> {
    let inputs = files.into_iter().zip(sources.iter().cloned()).collect();
    let (log, hub) = join_sources(inputs, CaseBy::Customer)?;
    let rows = hub.sources.iter().map(|s| s.rows).sum();
    let skipped = hub.sources.iter().map(|s| s.skipped_rows).sum();
    let used = UsedColumns { case: "", activity: "", time: "", lifecycle: None, headers: &[] };
    let warnings = check_import(&log, rows, skipped, 0, &used);
    let summary = ImportSummary {
        rows,
        events: log.event_count() as u64,
        cases: log.case_count() as u64,
        activities: log.activity_names.len() as u64,
        skipped_rows: skipped,
        first_issues: hub.sources.iter().flat_map(|s| s.first_issues.iter().cloned()).take(crate::analytics::importer::MAX_REPORTED_ISSUES).collect(),
        timestamp_ties: log.timestamp_ties,
        warnings,
        hub: Some(hub),
        ..ImportSummary::default()
    };
    Ok((log, summary))
}
