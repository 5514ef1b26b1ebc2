//! A source file read with its preset, in the shape the page and the worker already
//! show: an [`EventLog`] and an [`ImportSummary`] (rows, events, cases, skipped rows with
//! their lines, the warnings of [`check_import`]) that also carries the source's own
//! summary (records, customers, contact counts).

use super::read::{read_source, SourceOptions};
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
