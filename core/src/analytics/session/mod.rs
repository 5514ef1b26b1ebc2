//! The analytics worker's state and its message protocol, kept here (pure, natively
//! tested) so the browser worker is only glue: it turns `postMessage` data into a
//! [`Request`], calls [`Session`], and posts the [`Reply`]s back as JSON.
//!
//! The file's bytes travel next to the JSON (the `File`s, which the worker reads itself, or
//! a transferred `ArrayBuffer`), never inside it. The session keeps the imported [`EventLog`], so a new funnel, the deviation from a
//! map or "apply to map" are answered without re-reading the file.
//!
//! In a folder of its own: it answers from `draft/`, which reads the files of `analytics/`,
//! so it cannot sit among them without an import circle (scripts/import_cycles.py).

use serde::{Deserialize, Serialize};

mod bounds;
mod warm_up;
pub use bounds::bounded_report;

use super::draft::{draft_from_log, Draft, DraftOptions};
use super::{
    analyze, planned_vs_log, PlannedVsActual, apply_to_map, deviation, funnel, goal_activities, plan_apply, AnalysisOptions, ApplyOptions, ApplyPlan, ColumnMapping,
    DeviationReport, EventLog, FunnelReport, FunnelSpec, ImportSummary, Importer, Report,
};
use super::source_types::SourceOptions;
use crate::model::{JourneyMap, Lang};
use crate::text_file::TextEncoding;

/// Rows read between two progress messages: small enough for a lively progress bar on a
/// slow machine, large enough that posting costs nothing measurable.
pub const CHUNK_ROWS: usize = 50_000;

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Import the bytes sent alongside, then analyse. Without goal activities in
    /// `options`, the goal is the map's default ([`goal_activities`]: the user's stored
    /// choice, else the main route's end), when a map is sent.
    Import {
        mapping: ColumnMapping,
        options: AnalysisOptions,
        lang: Lang,
        #[serde(default)]
        map: Option<JourneyMap>,
        /// The encoding the user chose; `None` detects it (see [`crate::text_file`]).
        #[serde(default)]
        encoding: Option<TextEncoding>,
    },
    /// Import the bytes sent alongside with a source preset (docs/data-sources.md).
    ImportSource {
        source: SourceOptions,
        options: AnalysisOptions,
        lang: Lang,
        #[serde(default)]
        map: Option<JourneyMap>,
    },
    /// Join several source files per customer (the customer hub). The files travel as one
    /// buffer beside the request, `lengths` bytes each, in the order of `sources`.
    ImportHub {
        sources: Vec<SourceOptions>,
        lengths: Vec<u64>,
        options: AnalysisOptions,
        lang: Lang,
        #[serde(default)]
        map: Option<JourneyMap>,
    },
    /// Read one sheet of the workbook (.xlsx/.xls/.ods) sent alongside as CSV text
    /// ([`crate::analytics::workbook`]); `None` reads the first sheet.
    ReadSheet {
        #[serde(default)]
        sheet: Option<String>,
        lang: Lang,
    },
    /// Analyse the imported log again with other options (goal, timeout, funnel).
    Analyze { options: AnalysisOptions },
    /// A funnel over the imported log.
    Funnel { spec: FunnelSpec },
    /// Compare the imported log with a map.
    Deviation { map: JourneyMap },
    /// Write measured values into a copy of the map.
    Apply { map: JourneyMap, options: ApplyOptions },
    /// The preview of writing measured values into the map: every change and the result.
    PlanApply { map: JourneyMap, options: ApplyOptions },
    /// Draft the as-is map from the imported log (`analytics::draft`).
    Draft { options: DraftOptions, map_id: String, now_ms: f64, lang: Lang },
    /// A planned map beside what the imported log's customers did.
    PlannedVsActual { map: JourneyMap },
    /// Test hook: the worker panics (e2e `edges_logs` checks that the page restarts it and
    /// the next import works). The page sends it only when a test asks (`worker.rs`).
    Panic,
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    /// The worker has started and listens.
    Ready,
    Progress { rows: u64, events: u64, skipped: u64, bytes_read: u64, total_bytes: u64, rows_per_s: f64 },
    /// Import and analysis are done. Durations in milliseconds, measured in the worker.
    Imported { report: Report, summary: ImportSummary, issues: Vec<String>, import_ms: f64, analyze_ms: f64 },
    /// The file is unusable, or a request came before any import; the message is in the
    /// requested language.
    Failed { message: String },
    /// The browser could not read the files sent with the request (moved, deleted or
    /// changed since they were chosen); the page says so in its language.
    ReadFailed,
    Funnel { report: FunnelReport },
    /// The answer to [`Request::Analyze`].
    Analyzed { report: Report },
    Deviation { report: DeviationReport },
    Applied { map: JourneyMap },
    Planned { plan: Box<ApplyPlan> },
    Drafted { draft: Box<Draft> },
    PlannedVsActual { report: PlannedVsActual },
    /// A workbook's sheets and the chosen one as CSV text.
    Sheet { names: Vec<String>, sheet: String, csv: String },
}

/// `reply` with its long lists cut for the page (`bounds.rs`, `analytics/shown.rs`).
pub fn bounded(reply: Reply) -> Reply {
    match reply {
        Reply::Imported { report, summary, issues, import_ms, analyze_ms } => {
            Reply::Imported { report: bounded_report(report), summary, issues, import_ms, analyze_ms }
        }
        Reply::Analyzed { report } => Reply::Analyzed { report: bounded_report(report) },
        Reply::Deviation { mut report } => {
            bounds::bound_deviation(&mut report);
            Reply::Deviation { report }
        }
        Reply::PlannedVsActual { mut report } => {
            bounds::bound_planned_actual(&mut report);
            Reply::PlannedVsActual { report }
        }
        Reply::Planned { mut plan } => {
            bounds::bound_plan(&mut plan);
            Reply::Planned { plan }
        }
        Reply::Drafted { mut draft } => {
            bounds::bound_draft(&mut draft);
            Reply::Drafted { draft }
        }
        other => other,
    }
}

/// The answer to [`Request::ReadSheet`] for the workbook `bytes`.
pub fn read_sheet_reply(bytes: &[u8], sheet: Option<&str>, lang: Lang) -> Reply {
    use crate::analytics::workbook::{sheet_names, sheet_to_csv};
    let read = sheet_names(bytes).and_then(|names| {
        let chosen = sheet.map(str::to_string).or_else(|| names.first().cloned()).unwrap_or_default();
        sheet_to_csv(bytes, &chosen).map(|csv| Reply::Sheet { names, sheet: chosen, csv })
    });
    read.unwrap_or_else(|e| Reply::Failed { message: e.message(lang) })
}

#[derive(Default)]
pub struct Session {
    log: Option<EventLog>,
    lang: Lang,
    /// The encoding the next [`Session::import`] reads the file in (`None`: detected);
    /// the worker sets it from the request.
    pub encoding: Option<TextEncoding>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Imports `data` in chunks of [`CHUNK_ROWS`], calling `progress` after each, then
    /// analyses. `now_ms` is the clock (the worker passes `performance.now`).
    pub fn import(
        &mut self,
        data: Vec<u8>,
        mapping: &ColumnMapping,
        options: &AnalysisOptions,
        map: Option<&JourneyMap>,
        lang: Lang,
        now_ms: &dyn Fn() -> f64,
        progress: &mut dyn FnMut(Reply),
    ) -> Reply {
        let start = self.begin(lang, now_ms);
        let mut importer = match Importer::with_encoding(data, mapping, self.encoding) {
            Ok(i) => i,
            Err(e) => return Reply::Failed { message: e.message(lang) },
        };
        loop {
            let p = importer.step(CHUNK_ROWS);
            if p.done {
                break;
            }
            let secs = ((now_ms() - start) / 1000.0).max(1e-3);
            progress(Reply::Progress {
                rows: p.rows,
                events: p.events,
                skipped: p.skipped,
                bytes_read: p.bytes_read,
                total_bytes: p.total_bytes,
                rows_per_s: p.rows as f64 / secs,
            });
        }
        let (log, summary) = match importer.finish() {
            Ok(done) => done,
            Err(e) => return Reply::Failed { message: e.message(lang) },
        };
        self.analyse_new(log, summary, options, map, lang, start, now_ms)
    }

    /// Imports and analyses a small generated log, then forgets it (`warm_up.rs`: the
    /// browser optimises the hot code before the user's file arrives); the session is as
    /// before. A session that holds a log (an import came first) is warm already and keeps it.
    pub fn warm_up(&mut self) {
        if self.log.is_some() {
            return;
        }
        let (csv, mapping, options) = warm_up::input();
        let encoding = self.encoding.take();
        let _ = self.import(csv, &mapping, &options, None, Lang::En, &|| 0.0, &mut |_| {});
        let _ = self.case_durations_s();
        self.log = None;
        self.encoding = encoding;
    }

    /// Forgets the previous log before a new import; the import's start time.
    pub fn begin(&mut self, lang: Lang, now_ms: &dyn Fn() -> f64) -> f64 {
        self.log = None;
        self.lang = lang;
        now_ms()
    }

    /// Analyses a freshly imported log and keeps it for the follow-up requests (the
    /// source presets hand their logs in here: `sources::import_source_into`).
    #[allow(clippy::too_many_arguments)]
    pub fn analyse_new(
        &mut self,
        log: EventLog,
        summary: ImportSummary,
        options: &AnalysisOptions,
        map: Option<&JourneyMap>,
        lang: Lang,
        start: f64,
        now_ms: &dyn Fn() -> f64,
    ) -> Reply {
        let imported = now_ms();
        let mut options = options.clone();
        if options.drop_off.end_activities.is_empty() {
            if let Some(map) = map {
                options.drop_off.end_activities = goal_activities(&log.activity_names, map).activities;
            }
        }
        let report = analyze(&log, &options);
        let analysed = now_ms();
        let issues = summary.issue_messages(lang);
        self.log = Some(log);
        bounded(Reply::Imported { report, summary, issues, import_ms: imported - start, analyze_ms: analysed - imported })
    }

    /// Throughput time of every case in seconds (for the histogram chart on the page).
    pub fn case_durations_s(&self) -> Vec<f64> {
        let Some(log) = &self.log else { return Vec::new() };
        (0..log.case_count())
            .map(|c| {
                let r = log.case_range(c);
                if r.is_empty() {
                    0.0
                } else {
                    (log.time_ms[r.end - 1] - log.time_ms[r.start]) as f64 / 1000.0
                }
            })
            .collect()
    }

    /// Answers every request but `Import` (which needs the bytes: see [`Session::import`]),
    /// with long lists cut for the page ([`bounded`]).
    pub fn handle(&mut self, request: Request) -> Reply {
        bounded(self.answer(request))
    }

    fn answer(&mut self, request: Request) -> Reply {
        if request == Request::Panic {
            panic!("asked to panic (test hook)");
        }
        let Some(log) = &self.log else {
            return Reply::Failed { message: no_log(self.lang) };
        };
        match request {
            Request::Import { lang, .. }
            | Request::ImportSource { lang, .. }
            | Request::ImportHub { lang, .. }
            | Request::ReadSheet { lang, .. } => {
                Reply::Failed { message: no_log(lang) }
            }
            Request::Funnel { spec } => Reply::Funnel { report: funnel(log, &spec) },
            Request::Analyze { options } => Reply::Analyzed { report: analyze(log, &options) },
            Request::Deviation { map } => Reply::Deviation { report: deviation(log, &map) },
            Request::Apply { map, options } => Reply::Applied { map: apply_to_map(&map, log, &options) },
            Request::PlanApply { map, options } => Reply::Planned { plan: Box::new(plan_apply(&map, log, &options)) },
            Request::Draft { options, map_id, now_ms, lang } => match draft_from_log(log, &options, &map_id, now_ms, lang) {
                Ok(mut draft) => {
                    first_period(&mut draft.map, log, &options, now_ms);
                    Reply::Drafted { draft: Box::new(draft) }
                }
                Err(refusal) => Reply::Failed { message: refusal.reason.get(lang).to_string() },
            },
            Request::PlannedVsActual { map } => Reply::PlannedVsActual { report: planned_vs_log(&map, log) },
            Request::Panic => unreachable!("answered above"),
        }
    }
}

/// The drafted map's measurement history starts with the log it was drafted from (the
/// same counts an apply of the log onto the drafted map records), so re-measuring it from
/// next period's file shows whether the journey got better.
fn first_period(map: &mut JourneyMap, log: &EventLog, options: &DraftOptions, now_ms: f64) {
    let date = crate::locale::Date::from_days((now_ms / 86_400_000.0).floor() as i64).iso();
    let drop_off = super::DropOffOptions { end_activities: options.goal_activities.clone(), timeout_s: options.timeout_s };
    let apply = ApplyOptions { source_file: options.source_name.clone(), date, create_alternative_routes: false, drop_off, clear_other_periods: false };
    map.analytics.history = plan_apply(map, log, &apply).map.analytics.history;
}

fn no_log(lang: Lang) -> String {
    lang.pick(("No event log is loaded yet. Import a file first.", "Es ist noch kein Ereignisprotokoll geladen. Bitte zuerst eine Datei importieren.")).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::generator;

    fn mapping() -> ColumnMapping {
        generator::column_mapping()
    }

    #[test]
    fn import_reports_progress_then_the_report_and_answers_follow_ups() {
        let csv = generator::generate_csv(120_000, 3);
        let mut s = Session::new();
        let mut progress = Vec::new();
        let reply = s.import(csv.into_bytes(), &mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |r| {
            progress.push(r)
        });
        let Reply::Imported { report, summary, .. } = reply else { panic!("{reply:?}") };
        assert_eq!(report.events, 120_000);
        assert_eq!(summary.skipped_rows, 0);
        assert_eq!(progress.len(), 2, "120k rows in 50k chunks: two reports before the end");
        assert_eq!(s.case_durations_s().len() as u64, report.cases);

        let spec = FunnelSpec { steps: vec![generator::START.into(), "Checkout".into()], mode: Default::default(), window_s: None };
        let Reply::Funnel { report: f } = s.handle(Request::Funnel { spec }) else { panic!() };
        assert_eq!(f.steps[0].cases, report.cases);

        // The protocol survives JSON both ways.
        let spec = FunnelSpec { steps: vec!["Checkout".into()], mode: Default::default(), window_s: None };
        let json = serde_json::to_string(&Request::Funnel { spec: spec.clone() }).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), Request::Funnel { spec });
    }

    #[test]
    fn the_goal_defaults_to_the_maps_main_route_end_and_reanalysis_changes_it() {
        use crate::model::{Channel, RouteKind};
        let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let st = map.stages[0].id.clone();
        let a = map.add_touchpoint(&st, generator::START, Channel::Website).unwrap();
        let b = map.add_touchpoint(&st, "Payment", Channel::Website).unwrap();
        map.add_route(&a, &b, RouteKind::Planned);
        let csv = generator::generate_csv(5_000, 4);
        let mut s = Session::new();
        let reply = s.import(csv.into_bytes(), &mapping(), &AnalysisOptions::default(), Some(&map), Lang::En, &|| 0.0, &mut |_| {});
        let Reply::Imported { report, .. } = reply else { panic!("{reply:?}") };
        assert_eq!(report.drop_off.end_activities, vec!["Payment"]);
        assert!(!report.drop_off.goal_missing);
        let mut options = AnalysisOptions::default();
        options.drop_off.end_activities = vec!["Delivery".into()];
        let Reply::Analyzed { report: again } = s.handle(Request::Analyze { options }) else { panic!() };
        assert_eq!(again.drop_off.end_activities, vec!["Delivery"]);
        assert!(again.drop_off.dropped >= report.drop_off.dropped);
    }

    #[test]
    fn a_warm_up_leaves_no_log_behind_and_an_import_after_it_is_unchanged() {
        let mut s = Session::new();
        s.warm_up();
        let map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        assert!(matches!(s.handle(Request::Deviation { map }), Reply::Failed { .. }), "no log after the warm-up");
        let csv = generator::generate_csv(5_000, 9);
        let import = |s: &mut Session| {
            match s.import(csv.clone().into_bytes(), &mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |_| {}) {
                Reply::Imported { report, summary, issues, .. } => (report, summary, issues),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(import(&mut s), import(&mut Session::new()), "same report as in a session never warmed");
        // A warm-up that comes after an import leaves its log alone.
        s.warm_up();
        let spec = FunnelSpec { steps: vec![generator::START.into()], mode: Default::default(), window_s: None };
        let Reply::Funnel { report } = s.handle(Request::Funnel { spec }) else { panic!("the log was dropped") };
        assert_eq!(report.steps[0].cases, import(&mut Session::new()).0.cases);
    }

    #[test]
    fn unusable_file_and_early_requests_fail_with_a_message() {
        let mut s = Session::new();
        let reply = s.import(b"".to_vec(), &mapping(), &AnalysisOptions::default(), None, Lang::De, &|| 0.0, &mut |_| {});
        assert!(matches!(reply, Reply::Failed { .. }));
        let map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let Reply::Failed { message } = s.handle(Request::Deviation { map }) else { panic!() };
        assert!(message.contains("Ereignisprotokoll"));
    }

    #[test]
    fn draft_and_planned_vs_actual_are_answered_from_the_imported_log() {
        let csv = generator::generate_csv(20_000, 5);
        let mut s = Session::new();
        s.import(csv.into_bytes(), &mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |_| {});
        let options = DraftOptions { source_name: "shop.csv".into(), goal_activities: vec!["Payment".into()], ..DraftOptions::default() };
        let request = Request::Draft { options, map_id: "m9".into(), now_ms: 5.0, lang: Lang::De };
        let json = serde_json::to_string(&request).unwrap();
        let Reply::Drafted { draft } = s.handle(serde_json::from_str(&json).unwrap()) else { panic!() };
        assert_eq!(draft.map.id, "m9");
        assert_eq!(draft.map.stages[0].name, "Aufmerksamkeit");
        assert!(draft.map.touchpoints.iter().any(|t| t.title == "Payment"));
        let reply = s.handle(Request::PlannedVsActual { map: draft.map.clone() });
        let Reply::PlannedVsActual { report } = reply else { panic!() };
        assert!(report.unplanned_activities.is_empty(), "the as-is map has every activity");
        // The reply survives JSON (the worker posts it as text).
        let text = serde_json::to_string(&Reply::PlannedVsActual { report: report.clone() }).unwrap();
        assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), Reply::PlannedVsActual { report });
    }
}
