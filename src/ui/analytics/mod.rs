//! The analytics page (`#/map/<id>/analytics`): pick an event-log CSV, confirm the column
//! mapping, import it in the background worker (progress, cancel), see the metrics, and
//! write the measured values into the map (with undo right there). A survey CSV gives
//! CSAT, CES and NPS per touchpoint and stage.
//!
//! The heavy work happens in the worker; this module only holds the page's signals and
//! routes worker replies into them. Nothing touches the map until "Apply to map".

mod aggregate;
mod apply;
mod contacts_step;
mod coverage;
mod crash_watch;
mod deviation;
mod draft;
mod funnel;
mod goal;
mod goal_end;
pub mod history_view;
mod hub;
mod import_check;
mod mapping_step;
mod matching;
mod metrics;
mod more_note;
mod planned_actual;
mod pva_open;
mod recipe_step;
mod source_step;
mod survey;
mod time_form_pick;
mod too_large;
mod warehouse_hint;
mod worker;
mod zone;

use std::rc::Rc;

use journey_core::analytics::session::{Reply, Request};
use journey_core::analytics::{
    detect_columns_with, AnalysisOptions, ApplyPlan, ColumnDetection, ColumnMapping, DeviationReport, FunnelReport,
    ImportSummary, Report,
};
use journey_core::analytics::sources::Source;
use journey_core::charts::{throughput_histogram, Chart, ChartOptions, ThroughputInput};
use journey_core::text_file::CsvOptions;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;
use crate::i18n::analytics::analytics_texts;
use worker::{Incoming, WorkerClient};

/// How much of the file column detection looks at.
pub const SAMPLE_BYTES: i32 = 64 * 1024;

/// The result of one import, as the worker sent it.
#[derive(Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub summary: ImportSummary,
    pub issues: Vec<String>,
    pub import_ms: f64,
    pub analyze_ms: f64,
}

#[derive(Clone, Copy, PartialEq)]
pub struct Progress {
    pub rows: u64,
    pub rows_per_s: f64,
    pub bytes_read: u64,
    pub total_bytes: u64,
}

/// Every signal of the page, shared by its parts.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Held here because worker replies arrive outside any reactive owner, where
    /// `expect_context` would not find it.
    pub state: AppState,
    /// The page's map (id, map memo, scores, the one way to edit it).
    pub map: MapHandle,
    pub file_name: RwSignal<String>,
    file: StoredValue<Option<web_sys::File>, LocalStorage>,
    pub detection: RwSignal<Option<ColumnDetection>>,
    pub mapping: RwSignal<Option<ColumnMapping>>,
    pub progress: RwSignal<Option<Progress>>,
    pub result: RwSignal<Option<Imported>>,
    pub chart: RwSignal<Option<Chart>>,
    pub funnel: RwSignal<Option<FunnelReport>>,
    pub deviation: RwSignal<Option<DeviationReport>>,
    pub error: RwSignal<Option<String>>,
    /// The size in bytes of a chosen file refused as too large for the tab.
    pub too_large: RwSignal<Option<f64>>,
    /// A short message (cancelled, applied, undone), kept as its text table entry so it
    /// follows the language switch.
    pub notice: RwSignal<Option<fn(journey_core::model::Lang) -> &'static str>>,
    /// Set when the chosen file is a warehouse aggregate instead of an event log: the
    /// page then derives everything on the page and says what needs raw events.
    pub aggregate: RwSignal<Option<journey_core::analytics::aggregate::Aggregate>>,
    /// After planning an aggregate: the titles of the touchpoints it could not measure.
    pub not_derivable: RwSignal<Option<String>>,
    /// The preview of changes to the map (from the log or a survey), until Apply or Cancel.
    pub plan: RwSignal<Option<ApplyPlan>>,
    /// True when `plan` came from a survey file (the preview then shows by the survey).
    pub plan_from_survey: RwSignal<bool>,
    /// The IANA zone for timestamps without one.
    pub zone: RwSignal<String>,
    /// The source the file is read as (a preset, or the generic log with the mapping).
    pub source: RwSignal<Source>,
    /// Bumped when the funnel's inputs change (matching, window): the funnel runs again.
    pub funnel_version: RwSignal<u64>,
    worker: StoredValue<Option<Rc<WorkerClient>>, LocalStorage>,
    /// The start of the chosen file, for detecting its columns again with another
    /// encoding or delimiter.
    sample: StoredValue<Vec<u8>, LocalStorage>,
    /// Encoding and delimiter the user chose in the mapping step (`None`: detected).
    pub csv_choice: RwSignal<CsvOptions>,
    /// The draft step and planned vs actual (`draft.rs`, `planned_actual.rs`).
    pub draft: draft::DraftSignals,
    /// A picked workbook's bytes (read again in the worker when the user picks another
    /// sheet), its sheets and the chosen one; empty for a CSV file.
    workbook: StoredValue<Option<Vec<u8>>, LocalStorage>,
    pub sheets: RwSignal<Vec<String>>,
    pub sheet: RwSignal<String>,
    /// How the current import reads its files: the preview stores it with the map as its
    /// import recipe (`recipe_step.rs`).
    pub recipe: RwSignal<Option<journey_core::model::ImportRecipe>>,
    /// Set by "Import next period with this map's recipe": the preview opens by itself
    /// when the import is done (and is scrolled into view, `scroll_preview`).
    pub auto_preview: RwSignal<bool>,
    pub scroll_preview: StoredValue<bool>,
    /// The contact-reduction potential before → after, while the preview shows a plan of
    /// helpdesk contacts (`contacts_step.rs`).
    pub contacts_potential: RwSignal<Option<(f64, f64)>>,
    /// A recipe import waiting for its workbook's sheet from the worker (`recipe_step.rs`).
    pub recipe_pending: StoredValue<Option<journey_core::model::ImportRecipe>>,
}

impl Ctx {
    pub fn send(&self, request: &Request, bytes: Option<js_sys::ArrayBuffer>) {
        if let Some(w) = self.worker.get_value() {
            w.send(request, bytes);
        }
    }

    /// Asks the worker how the log deviates from the map as it is now (for an aggregate,
    /// computes it here).
    pub fn request_deviation(&self) {
        if let Some(map) = self.map.get_untracked() {
            match self.aggregate.get_untracked() {
                Some(agg) => aggregate::deviation(*self, &agg, &map),
                None => self.send(&Request::Deviation { map }, None),
            }
        }
    }
}

#[component]
pub fn AnalyticsPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = MapHandle::new(state, id);
    let ctx = Ctx {
        state,
        map: handle,
        file_name: RwSignal::new(String::new()),
        file: StoredValue::new_local(None),
        detection: RwSignal::new(None),
        mapping: RwSignal::new(None),
        progress: RwSignal::new(None),
        result: RwSignal::new(None),
        chart: RwSignal::new(None),
        funnel: RwSignal::new(None),
        deviation: RwSignal::new(None),
        error: RwSignal::new(None),
        too_large: RwSignal::new(None),
        notice: RwSignal::new(None),
        aggregate: RwSignal::new(None),
        not_derivable: RwSignal::new(None),
        plan: RwSignal::new(None),
        plan_from_survey: RwSignal::new(false),
        zone: RwSignal::new(String::new()),
        source: RwSignal::new(Source::Generic),
        funnel_version: RwSignal::new(0),
        worker: StoredValue::new_local(None),
        sample: StoredValue::new_local(Vec::new()),
        csv_choice: RwSignal::new(CsvOptions::default()),
        draft: draft::DraftSignals::new(),
        workbook: StoredValue::new_local(None),
        sheets: RwSignal::new(Vec::new()),
        sheet: RwSignal::new(String::new()),
        recipe: RwSignal::new(None),
        auto_preview: RwSignal::new(false),
        scroll_preview: StoredValue::new(false),
        contacts_potential: RwSignal::new(None),
        recipe_pending: StoredValue::new(None),
    };
    provide_context(ctx);
    provide_context(hub::HubFiles::new());
    ctx.zone.set(zone::initial_zone(ctx));
    let client = WorkerClient::new(move |incoming| on_incoming(ctx, incoming));
    ctx.worker.set_value(Some(client));
    crash_watch::watch(ctx);
    on_cleanup(move || {
        if let Some(w) = ctx.worker.get_value() {
            w.terminate();
        }
    });

    let t = move || analytics_texts(state.lang.get());
    view! {
        <MapFrame map=handle current=MapView::Analytics>
            // While planned vs actual shows on the canvas, the steps stay (hidden) beneath it:
            // by `content-visibility: hidden` (style/analytics.css), which keeps their laid-out
            // state — `display: none` (the `hidden` attribute) took the browser ~200 ms of
            // style work on a 300-touchpoint map (~110,000 elements, the matching's options),
            // most of the time to show the view (benchmarks/README.md, issue 28).
            <article class="analytics" data-testid="analytics-page" class:analytics-beneath=move || ctx.draft.canvas.with(Option::is_some)>
                <h1>{move || t().title}</h1>
                <p class="intro">{move || t().intro}</p>
                <recipe_step::RecipeStep/>
                <FilePicker/>
                <too_large::TooLargeView/>
                {move || ctx.error.get().map(|e| view! { <p class="analytics-error" role="alert" data-testid="analytics-error">{e}</p> })}
                {move || ctx.notice.get().map(|n| view! { <p class="analytics-notice" role="status" data-testid="analytics-notice">{n(state.lang.get())}</p> })}
                <zone::ZonePicker/>
                <source_step::SourceStep/>
                <hub::HubView/>
                {move || (ctx.source.get() == Source::Generic).then(|| view! { <mapping_step::MappingStep/> })}
                <ProgressView/>
                <import_check::ImportCheck/>
                <aggregate::AggregateNotice/>
                {move || ctx.aggregate.with(Option::is_none).then(|| view! { <goal::GoalView/> })}
                <matching::MatchingView/>
                <metrics::Metrics/>
                <funnel::FunnelView/>
                <deviation::DeviationView/>
                <planned_actual::PlannedActualView/>
                <pva_open::OpenFromDrafted/>
                <draft::DraftView/>
                <contacts_step::ContactsStep/>
                <apply::ApplyView/>
                <history_view::HistoryView map=handle/>
                <survey::SurveyView/>
            </article>
            <pva_open::CanvasMode/>
        </MapFrame>
    }
}

/// Routes one worker message into the page's signals.
fn on_incoming(ctx: Ctx, incoming: Incoming) {
    // A message already on its way when the page went (left, or its map deleted in another
    // tab and then here): the page's signals are gone, and so is the need for the answer.
    if ctx.progress.try_get_untracked().is_none() {
        return;
    }
    let lang = ctx.state.lang.get_untracked();
    match incoming {
        Incoming::Reply(Reply::Progress { rows, rows_per_s, bytes_read, total_bytes, .. }) => {
            ctx.progress.set(Some(Progress { rows, rows_per_s, bytes_read, total_bytes }));
        }
        Incoming::Reply(Reply::Imported { report, summary, issues, import_ms, analyze_ms }) => {
            ctx.progress.set(None);
            ctx.result.set(Some(Imported { report, summary, issues, import_ms, analyze_ms }));
            // The metrics are painted first; what follows them (deviation, planned vs
            // actual, funnel, a spare worker for the next import) after.
            after_paint(ctx, move || {
                ctx.request_deviation();
                planned_actual::request(ctx);
                ctx.funnel_version.update(|n| *n += 1);
                keep_spare(ctx);
            });
        }
        Incoming::Reply(Reply::Drafted { draft }) => {
            ctx.draft.busy.set(false);
            ctx.draft.draft.set(Some(*draft));
        }
        Incoming::Reply(Reply::PlannedVsActual { report }) => ctx.draft.planned_vs_actual.set(Some(report)),
        Incoming::Reply(Reply::Failed { message }) => {
            ctx.progress.set(None);
            ctx.auto_preview.set(false);
            ctx.recipe_pending.set_value(None);
            ctx.scroll_preview.set_value(false);
            ctx.draft.busy.set(false);
            ctx.error.set(Some(message));
            keep_spare(ctx);
        }
        Incoming::Reply(Reply::ReadFailed) => {
            ctx.progress.set(None);
            ctx.error.set(Some(analytics_texts(lang).read_failed.to_string()));
            keep_spare(ctx);
        }
        Incoming::Reply(Reply::Funnel { report }) => ctx.funnel.set(Some(report)),
        Incoming::Reply(Reply::Analyzed { report }) => ctx.result.update(|r| {
            if let Some(r) = r {
                r.report = report;
            }
        }),
        Incoming::Reply(Reply::Planned { mut plan }) => {
            ctx.plan_from_survey.set(false);
            ctx.contacts_potential.set(None);
            // The plan's map keeps how these files were read, for next period's import.
            if let Some(recipe) = ctx.recipe.get_untracked() {
                journey_core::analytics::attach_recipe(&mut plan.map, plan.period.as_ref(), recipe);
            }
            ctx.plan.set(Some(*plan));
            recipe_step::show_preview(ctx);
        }
        Incoming::Reply(Reply::Deviation { report }) => ctx.deviation.set(Some(report)),
        Incoming::Reply(Reply::Applied { map }) => apply::store_applied(ctx, map),
        Incoming::Reply(Reply::Ready) => {}
        Incoming::Reply(Reply::Sheet { names, sheet, csv }) => {
            keep_spare(ctx);
            match ctx.recipe_pending.get_value() {
                Some(recipe) => {
                    ctx.recipe_pending.set_value(None);
                    recipe_step::sheet_arrived(ctx, recipe, csv);
                }
                None => sheet_read(ctx, names, sheet, csv),
            }
        }
        // Drawn after the metrics are painted (it follows the import's reply at once).
        Incoming::Durations(durations_s) => after_paint(ctx, move || {
            let lang = ctx.state.lang.get_untracked();
            let chart = throughput_histogram(&ThroughputInput { durations_s }, &ChartOptions::new(lang));
            ctx.chart.set(Some(chart));
        }),
        Incoming::Crashed(detail) => {
            ctx.progress.set(None);
            // The worker's own report of a panic (a failure reply just before) says more.
            if ctx.error.get_untracked().is_none() {
                let base = analytics_texts(lang).worker_failed;
                ctx.error.set(Some(match detail {
                    Some(d) => format!("{base} {d}"),
                    None => base.to_string(),
                }));
            }
            // A fresh worker for the next import, without a reload (after this handler:
            // restarting drops the closure that is calling it).
            set_timeout(
                move || {
                    if let Some(w) = ctx.worker.get_value() {
                        w.restart();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    }
}

/// Runs `f` after the browser has painted what the page shows now (the next frame, then
/// a task after it), unless the page has gone by then.
fn after_paint(ctx: Ctx, f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                if ctx.progress.try_get_untracked().is_some() {
                    f();
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// A spare worker for the next import, started once the current one is done (`worker.rs`).
fn keep_spare(ctx: Ctx) {
    if let Some(w) = ctx.worker.get_value() {
        w.keep_spare();
    }
}

/// The file input; choosing a file reads its start and proposes a column mapping.
#[component]
fn FilePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let lang = state.lang.get_untracked();
        // A new file ends an import still running for the previous one.
        end_running_import(ctx);
        ctx.error.set(None);
        ctx.notice.set(None);
        ctx.result.set(None);
        ctx.chart.set(None);
        ctx.funnel.set(None);
        ctx.deviation.set(None);
        ctx.plan.set(None);
        ctx.detection.set(None);
        ctx.mapping.set(None);
        ctx.aggregate.set(None);
        ctx.not_derivable.set(None);
        ctx.draft.clear();
        // Set again when this file's import starts (an aggregate has no recipe).
        ctx.recipe.set(None);
        ctx.file_name.set(file.name());
        // Checked before any byte is read: a file the worker cannot hold is never sent.
        if too_large::refuse(ctx, file.size()) {
            ctx.file.set_value(None);
            return;
        }
        ctx.file.set_value(Some(file.clone()));
        ctx.workbook.set_value(None);
        ctx.sheets.set(Vec::new());
        if journey_core::analytics::workbook::is_workbook_name(&file.name()) {
            // A workbook is read whole in the worker; its chosen sheet comes back as CSV.
            return leptos::task::spawn_local(async move {
                match read_bytes(&file, None).await {
                    Some(buf) => {
                        ctx.workbook.set_value(Some(js_sys::Uint8Array::new(&buf).to_vec()));
                        read_sheet(ctx, None);
                    }
                    None => ctx.error.set(Some(analytics_texts(lang).read_failed.to_string())),
                }
            });
        }
        leptos::task::spawn_local(async move {
            let sample = match read_bytes(&file, Some(SAMPLE_BYTES)).await {
                Some(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                None => return ctx.error.set(Some(analytics_texts(lang).read_failed.to_string())),
            };
            // A warehouse aggregate (JSON naming its format) is read whole and shown;
            // everything else goes through column detection as an event log.
            if journey_core::analytics::aggregate::looks_like_aggregate(&sample) {
                return match read_bytes(&file, None).await {
                    Some(buf) => aggregate::import(ctx, js_sys::Uint8Array::new(&buf).to_vec()),
                    None => ctx.error.set(Some(analytics_texts(lang).read_failed.to_string())),
                };
            }
            // The worker reads the whole file now, while the user confirms the mapping.
            if let Some(w) = ctx.worker.get_value() {
                w.stage(&file);
            }
            ctx.sample.set_value(sample);
            ctx.csv_choice.set(CsvOptions::default());
            redetect(ctx);
        });
    };
    let t = move || analytics_texts(state.lang.get());
    let pick_sheet = move |ev: leptos::ev::Event| read_sheet(ctx, Some(event_target_value(&ev)));
    view! {
        <p class="file-picker">
            <label for="log-file">{move || t().log_file}</label>
            <input id="log-file" type="file" accept=".csv,.tsv,.txt,text/csv,.json,application/json,.xlsx,.xlsm,.xls,.ods" data-testid="log-file" on:change=on_change/>
        </p>
        <Show when=move || !ctx.sheets.with(Vec::is_empty)>
            <p class="file-picker">
                <label for="log-sheet">{move || t().sheet_label}</label>
                <select id="log-sheet" data-testid="log-sheet" on:change=pick_sheet>
                    {move || ctx.sheets.get().into_iter().map(|name| {
                        let selected = ctx.sheet.get_untracked() == name;
                        view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                    }).collect_view()}
                </select>
            </p>
        </Show>
        <warehouse_hint::WarehouseHint/>
    }
}

/// Ends an import still running (a new file was picked): its reply is never used.
pub fn end_running_import(ctx: Ctx) {
    if ctx.progress.get_untracked().is_some() {
        if let Some(w) = ctx.worker.get_value() {
            w.restart();
        }
        ctx.progress.set(None);
    }
}

/// Asks the worker for one sheet of the picked workbook (`None`: the first).
fn read_sheet(ctx: Ctx, sheet: Option<String>) {
    let lang = ctx.state.lang.get_untracked();
    // A copy is transferred: the workbook stays here for the next sheet choice.
    let Some(buf) = ctx.workbook.with_value(|w| w.as_ref().map(|b| js_sys::Uint8Array::from(b.as_slice()).buffer())) else { return };
    ctx.error.set(None);
    ctx.send(&Request::ReadSheet { sheet, lang }, Some(buf));
}

/// A sheet came back as CSV: from here on it is the file, detected and imported like any CSV.
fn sheet_read(ctx: Ctx, names: Vec<String>, sheet: String, csv: String) {
    let bytes = csv.into_bytes();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let name = format!("{} — {sheet}.csv", ctx.file_name.get_untracked());
    match web_sys::File::new_with_u8_array_sequence(&parts, &name) {
        Ok(file) => ctx.file.set_value(Some(file)),
        Err(_) => return ctx.error.set(Some(analytics_texts(ctx.state.lang.get_untracked()).read_failed.to_string())),
    }
    ctx.sheet.set(sheet);
    ctx.sheets.set(names);
    ctx.detection.set(None);
    ctx.mapping.set(None);
    ctx.sample.set_value(bytes[..bytes.len().min(SAMPLE_BYTES as usize)].to_vec());
    ctx.csv_choice.set(CsvOptions::default());
    redetect(ctx);
}

/// Detects the columns of the chosen file's start with the encoding and delimiter the
/// user chose (or detected ones) and proposes a mapping.
pub fn redetect(ctx: Ctx) {
    let lang = ctx.state.lang.get_untracked();
    let choice = ctx.csv_choice.get_untracked();
    match ctx.sample.with_value(|sample| detect_columns_with(sample, &choice)) {
        Ok(d) => {
            ctx.error.set(None);
            // A known export is read by its source preset unless the user picks another.
            ctx.source.set(Source::recognise(&d.headers).filter(|s| s.layout().is_some()).unwrap_or(Source::Generic));
            ctx.mapping.set(Some(ColumnMapping::from_detection(&d).unwrap_or_else(|| empty_mapping(&d))));
            ctx.detection.set(Some(d));
        }
        Err(e) => {
            ctx.detection.set(None);
            ctx.mapping.set(None);
            ctx.error.set(Some(e.message(lang)));
        }
    }
}

/// A mapping with what detection found and empty names where it found nothing.
fn empty_mapping(d: &ColumnDetection) -> ColumnMapping {
    let name = |i: Option<usize>| i.and_then(|i| d.headers.get(i).cloned());
    ColumnMapping {
        delimiter: d.delimiter,
        case: name(d.guess.case).unwrap_or_default(),
        activity: name(d.guess.activity).unwrap_or_default(),
        time: name(d.guess.time).unwrap_or_default(),
        channel: name(d.guess.channel),
        rating: name(d.guess.rating),
        resource: name(d.guess.resource),
        lifecycle: None,
        time_zone: None,
        time_form: d.guess.time_form.form,
    }
}

/// Reads the file (or its first `limit` bytes) into an `ArrayBuffer`.
pub async fn read_bytes(file: &web_sys::File, limit: Option<i32>) -> Option<js_sys::ArrayBuffer> {
    let promise = match limit {
        Some(n) => file.slice_with_i32_and_i32(0, n).ok()?.array_buffer(),
        None => file.array_buffer(),
    };
    JsFuture::from(promise).await.ok()?.dyn_into::<js_sys::ArrayBuffer>().ok()
}

/// Sends the whole file with the confirmed mapping to the worker.
pub fn start_import(ctx: Ctx, mut mapping: ColumnMapping) {
    let zone = ctx.zone.get_untracked();
    if !zone.is_empty() {
        zone::remember_zone(ctx, &zone);
        mapping.time_zone = Some(zone);
    }
    let file = ctx.file_name.get_untracked();
    recipe_step::remember(ctx, vec![journey_core::analytics::recipe::from_mapping(&mapping, &file, recipe_step::sheet(ctx))]);
    send_file(ctx, move |lang, map, encoding| Request::Import { mapping, options: AnalysisOptions::default(), lang, map, encoding });
}

/// Reads the chosen file and sends it to the worker with the request `make` builds from
/// the language, the map (the goal defaults to the map's) and the chosen encoding.
pub fn send_file(
    ctx: Ctx,
    make: impl FnOnce(journey_core::model::Lang, Option<journey_core::model::JourneyMap>, Option<journey_core::text_file::TextEncoding>) -> Request
        + 'static,
) {
    let Some(file) = ctx.file.get_value() else { return };
    send_files(ctx, vec![file], move |lang, map, encoding, _| make(lang, map, encoding));
}

/// Sends `files` to the worker, which reads them itself as one buffer (their byte lengths
/// passed to `make`, in order), with the progress bar and cancel of an import. The page
/// reads none of their bytes: a `File` crosses to the worker as a handle, and the worker
/// reads it in chunks straight into its wasm memory (`src/bin/analytics-worker/read.rs`),
/// so the file is held once, not three times (page, transfer, wasm copy).
pub fn send_files(
    ctx: Ctx,
    files: Vec<web_sys::File>,
    make: impl FnOnce(
            journey_core::model::Lang,
            Option<journey_core::model::JourneyMap>,
            Option<journey_core::text_file::TextEncoding>,
            Vec<u64>,
        ) -> Request
        + 'static,
) {
    ctx.plan.set(None);
    ctx.contacts_potential.set(None);
    let lang = ctx.state.lang.get_untracked();
    ctx.error.set(None);
    ctx.notice.set(None);
    ctx.result.set(None);
    ctx.chart.set(None);
    ctx.funnel.set(None);
    ctx.deviation.set(None);
    ctx.draft.clear();
    let lengths: Vec<u64> = files.iter().map(|f| f.size() as u64).collect();
    let total = lengths.iter().sum();
    // Several files together may pass the limit each alone did not.
    if too_large::refuse(ctx, total as f64) {
        return;
    }
    ctx.progress.set(Some(Progress { rows: 0, rows_per_s: 0.0, bytes_read: 0, total_bytes: total }));
    // The goal defaults to the map's (its main route's end): never a guess.
    let map = ctx.map.map.get_untracked();
    // The user's choice of encoding, else detection over the whole file.
    let encoding = ctx.csv_choice.get_untracked().encoding;
    let Some(w) = ctx.worker.get_value() else { return };
    // Every import in a worker that has not answered a request yet: a crash of this page's
    // wasm may have poisoned an old one's message handler, and ending the old one gives
    // the last log's memory back (`worker.rs`).
    w.fresh();
    if worker::test_panic("worker") {
        return ctx.send(&Request::Panic, None);
    }
    w.send_files(&make(lang, map, encoding, lengths), &files);
}

/// Progress bar with rows and rows/s, and the cancel button.
#[component]
fn ProgressView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    let cancel = move |_| {
        if let Some(w) = ctx.worker.get_value() {
            w.restart();
        }
        ctx.progress.set(None);
        ctx.notice.set(Some(|l| analytics_texts(l).cancelled));
    };
    move || {
        ctx.progress.get().map(|p| {
            let max = p.total_bytes.max(1) as f64;
            view! {
                <section class="import-progress" data-testid="import-progress" aria-live="polite">
                    <h2>{t().importing}</h2>
                    <progress max=max value=p.bytes_read as f64 aria-label=t().importing></progress>
                    <p data-testid="progress-text">{(t().progress)(p.rows, p.rows_per_s)}</p>
                    <button type="button" on:click=cancel data-testid="cancel-import">{t().cancel}</button>
                </section>
            }
        })
    }
}
