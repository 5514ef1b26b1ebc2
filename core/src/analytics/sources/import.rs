//! A source file read with its preset, in the shape the page and the worker already
//! show: an [`EventLog`] and an [`ImportSummary`] (rows, events, cases, skipped rows with
//! their lines, the warnings of [`check_import`]) that also carries the source's own
//! summary (records, customers, contact counts).

use super::hub::{join_sources, HubError};
use super::read::read_source;
use super::{CaseBy, SourceOptions};
use crate::analytics::session::{Reply, Session};
use crate::analytics::{check_import, AnalysisOptions, EventLog, ImportError, ImportSummary, UsedColumns};
use crate::model::{JourneyMap, Lang};

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

/// The worker's `ImportSource`: reads `data` with the preset into the session, then
/// analyses (like [`Session::import`]).
pub fn import_source_into(
    session: &mut Session,
    data: Vec<u8>,
    source: &SourceOptions,
    options: &AnalysisOptions,
    map: Option<&JourneyMap>,
    lang: Lang,
    now_ms: &dyn Fn() -> f64,
) -> Reply {
    let start = session.begin(lang, now_ms);
    match import_source(data, source) {
        Ok((log, summary)) => session.analyse_new(log, summary, options, map, lang, start, now_ms),
        Err(e) => Reply::Failed { message: e.message(lang) },
    }
}

/// The worker's `ImportHub`: splits `data` by `lengths`, joins the sources per customer
/// into the session, then analyses.
#[allow(clippy::too_many_arguments)]
pub fn import_hub_into(
    session: &mut Session,
    data: Vec<u8>,
    lengths: &[u64],
    sources: &[SourceOptions],
    options: &AnalysisOptions,
    map: Option<&JourneyMap>,
    lang: Lang,
    now_ms: &dyn Fn() -> f64,
) -> Reply {
    let start = session.begin(lang, now_ms);
    let mut files = Vec::with_capacity(lengths.len());
    let mut at = 0usize;
    for &n in lengths {
        let end = at.saturating_add(n as usize).min(data.len());
        files.push(data[at..end].to_vec());
        at = end;
    }
    match import_hub(files, sources) {
        Ok((log, summary)) => session.analyse_new(log, summary, options, map, lang, start, now_ms),
        Err(e) => Reply::Failed { message: format!("{} {}: {}", lang.pick(("File", "Datei")), e.index + 1, e.error.message(lang)) },
    }
}
