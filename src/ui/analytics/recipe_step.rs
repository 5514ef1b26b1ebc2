//! "Import next period with this map's recipe": the map's stored import recipe (how its
//! last applied import read its files) shown in words, and one file input that reads next
//! period's export(s) with it — the files are matched to the recipe's sources by their
//! headers, read in the worker like any import (one file: its preset or column mapping;
//! several: the customer hub; a workbook: the recipe's sheet, read in the worker first), and
//! the preview of the changes opens by itself. Nothing is stored until Apply.
//!
//! Also where the page remembers how the current result was read (`remember`), which the
//! preview attaches to the map as its new recipe.

use journey_core::analytics::detect_columns;
use journey_core::analytics::recipe::{assign, read_with, RecipeRead};
use journey_core::analytics::session::Request;
use journey_core::analytics::sources::{Source, SourceOptions};
use journey_core::analytics::AnalysisOptions;
use journey_core::model::{ImportRecipe, Lang, RecipeSource};
use leptos::prelude::*;

use super::{read_bytes, send_files, Ctx, SAMPLE_BYTES};
use crate::i18n::analytics_history::history_texts;
use crate::i18n::sources::sources_texts;
use crate::ui::state::AppState;

/// Remembers how the import now starting reads its files (the preview attaches it to the map).
pub fn remember(ctx: Ctx, sources: Vec<RecipeSource>) {
    ctx.recipe.set(Some(ImportRecipe { sources }));
}

/// The workbook sheet read, if the file was a workbook.
pub fn sheet(ctx: Ctx) -> Option<String> {
    Some(ctx.sheet.get_untracked()).filter(|s| !s.is_empty() && !ctx.sheets.with_untracked(Vec::is_empty))
}

#[component]
pub fn RecipeStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let recipe = Memo::new(move |_| ctx.map.with(|m| m.analytics.recipe()).flatten());
    move || {
        let recipe = recipe.get()?;
        let lang = state.lang.get();
        let t = history_texts(lang);
        let items = recipe.sources.iter().map(|s| view! { <li data-testid="recipe-source">{describe(s, lang)}</li> }).collect_view();
        let n = recipe.sources.len();
        let many = n > 1;
        let on_change = move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value(""); // the same file can be picked again
            if let Some(recipe) = recipe_now(ctx) {
                reimport(ctx, recipe, files);
            }
        };
        Some(view! {
            <section class="metrics recipe-step" data-testid="recipe-step">
                <h2>{t.recipe_title}</h2>
                <p class="muted">{t.recipe_intro}</p>
                <ul data-testid="recipe-sources">{items}</ul>
                <p class="file-picker">
                    <label for="recipe-files">{(t.recipe_pick)(n)}</label>
                    <input id="recipe-files" type="file" multiple=many accept=".csv,.tsv,.txt,text/csv,.xlsx,.xlsm,.xls,.ods"
                        data-testid="recipe-files" on:change=on_change/>
                </p>
            </section>
        })
    }
}

fn recipe_now(ctx: Ctx) -> Option<ImportRecipe> {
    ctx.map.with_untracked(|m| m.analytics.recipe()).flatten()
}

/// One source of the recipe in words: the preset and last file, how cases are formed,
/// the columns (a log), the date form and what is left out.
fn describe(s: &RecipeSource, lang: Lang) -> String {
    let t = history_texts(lang);
    let label = Source::from_key(&s.source).map_or(s.source.as_str(), |x| x.label(lang));
    let mut parts = vec![(t.recipe_source)(label, &s.last_file)];
    match &s.columns {
        Some(c) => parts.push((t.recipe_columns)(&c.case, &c.activity, &c.time)),
        None => parts.push(match (s.cases.as_str(), s.idle_minutes) {
            ("record", _) => t.recipe_cases_record.to_string(),
            ("idle", Some(m)) => (t.recipe_cases_idle)(m),
            _ => t.recipe_cases_customer.to_string(),
        }),
    }
    let st = sources_texts(lang);
    let form = match s.time_form.as_str() {
        "day_first" => Some(st.form_day_first),
        "month_first" => Some(st.form_month_first),
        "excel_serial" => Some(st.form_excel),
        _ => None,
    };
    parts.extend(form.map(t.recipe_form));
    if !s.drop.is_empty() {
        parts.push((t.recipe_dropped)(&s.drop.join(", ")));
    }
    parts.join(" · ")
}

/// Reads the picked files' headers, matches them to the recipe's sources and imports them
/// with it; the preview follows the import (`Ctx::auto_preview`).
fn reimport(ctx: Ctx, recipe: ImportRecipe, files: Vec<web_sys::File>) {
    let lang = ctx.state.lang.get_untracked();
    ctx.error.set(None);
    if files.is_empty() || recipe.sources.is_empty() {
        return; // nothing picked (the dialog was closed)
    }
    if files.len() != recipe.sources.len() {
        return ctx.error.set(Some((history_texts(lang).recipe_wrong_count)(recipe.sources.len(), files.len())));
    }
    super::end_running_import(ctx);
    let workbook = files.iter().find(|f| journey_core::analytics::workbook::is_workbook_name(&f.name())).cloned();
    if let Some(f) = workbook {
        // One workbook for a one-file recipe: its sheet is read in the worker first.
        if files.len() > 1 {
            return ctx.error.set(Some((history_texts(lang).recipe_workbook)(&f.name())));
        }
        let sheet = recipe.sources[0].sheet.clone();
        ctx.file_name.set(f.name());
        return leptos::task::spawn_local(async move {
            let Some(buf) = read_bytes(&f, None).await else {
                return ctx.error.set(Some(crate::i18n::analytics::analytics_texts(lang).read_failed.to_string()));
            };
            ctx.recipe_pending.set_value(Some(recipe));
            ctx.send(&Request::ReadSheet { sheet, lang }, Some(buf));
        });
    }
    reimport_files(ctx, recipe, files);
}

/// The workbook's sheet came back as CSV: imported with the recipe under the workbook's name.
pub fn sheet_arrived(ctx: Ctx, recipe: ImportRecipe, csv: String) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(csv.as_bytes()));
    match web_sys::File::new_with_u8_array_sequence(&parts, &ctx.file_name.get_untracked()) {
        Ok(file) => reimport_files(ctx, recipe, vec![file]),
        Err(_) => ctx.error.set(Some(crate::i18n::analytics::analytics_texts(ctx.state.lang.get_untracked()).read_failed.to_string())),
    }
}

/// Matches CSV files to the recipe's sources and imports them with it.
fn reimport_files(ctx: Ctx, recipe: ImportRecipe, files: Vec<web_sys::File>) {
    let lang = ctx.state.lang.get_untracked();
    leptos::task::spawn_local(async move {
        let mut headers = Vec::with_capacity(files.len());
        for f in &files {
            let Some(buf) = read_bytes(f, Some(SAMPLE_BYTES)).await else {
                return ctx.error.set(Some(crate::i18n::analytics::analytics_texts(lang).read_failed.to_string()));
            };
            // A file whose start is not readable CSV still goes to the reader, which names the problem.
            headers.push(detect_columns(&js_sys::Uint8Array::new(&buf).to_vec()).map(|d| d.headers).unwrap_or_default());
        }
        let Some(order) = assign(&recipe, &headers) else { return };
        let key = ctx.state.customer_key();
        let mut reads = Vec::with_capacity(order.len());
        for r in &recipe.sources {
            match read_with(r, key.clone(), lang) {
                Ok(read) => reads.push(read),
                Err(message) => return ctx.error.set(Some(message)),
            }
        }
        let picked: Vec<web_sys::File> = order.iter().map(|&i| files[i].clone()).collect();
        // The recipe stays; only the names of the files it read change.
        let sources = recipe.sources.iter().zip(&picked).map(|(r, f)| RecipeSource { last_file: f.name(), ..r.clone() }).collect();
        let names: Vec<String> = picked.iter().map(|f| f.name()).collect();
        start(ctx, picked, reads, names.join(" + "));
        remember(ctx, sources);
    });
}

/// Sends the files with the recipe's reading to the worker, as the page's own import would.
fn start(ctx: Ctx, files: Vec<web_sys::File>, reads: Vec<RecipeRead>, name: String) {
    // The other steps show the file picked above; this import replaces what they showed.
    ctx.detection.set(None);
    ctx.mapping.set(None);
    ctx.aggregate.set(None);
    ctx.file_name.set(name);
    ctx.auto_preview.set(true);
    ctx.scroll_preview.set_value(true);
    if files.len() == 1 {
        ctx.file.set_value(files.first().cloned());
    }
    let zone = ctx.zone.get_untracked();
    let with_zone = |z: Option<String>| z.or_else(|| (!zone.is_empty()).then(|| zone.clone()));
    match <[RecipeRead; 1]>::try_from(reads) {
        Ok([RecipeRead::Log(mut mapping)]) => {
            mapping.time_zone = with_zone(mapping.time_zone.take());
            send_files(ctx, files, move |lang, map, encoding, _| Request::Import { mapping, options: AnalysisOptions::default(), lang, map, encoding });
        }
        Ok([RecipeRead::Source(mut source)]) => {
            source.time_zone = with_zone(source.time_zone.take());
            send_files(ctx, files, move |lang, map, _, _| Request::ImportSource { source, options: AnalysisOptions::default(), lang, map });
        }
        Err(reads) => {
            let sources: Vec<SourceOptions> = reads
                .into_iter()
                .filter_map(|r| match r {
                    RecipeRead::Source(o) => Some(SourceOptions { time_zone: with_zone(o.time_zone.clone()), ..o }),
                    // The hub joins presets only; a log in a joined recipe cannot occur.
                    RecipeRead::Log(_) => None,
                })
                .collect();
            send_files(ctx, files, move |lang, map, _, lengths| Request::ImportHub { sources, lengths, options: AnalysisOptions::default(), lang, map });
        }
    }
}

/// After a recipe import the preview opens far below the file input: it is brought into
/// view once (the user picked the file at the top of the page).
pub fn show_preview(ctx: Ctx) {
    if !ctx.scroll_preview.get_value() {
        return;
    }
    ctx.scroll_preview.set_value(false);
    // After this reply's render.
    set_timeout(
        || {
            if let Ok(Some(el)) = document().query_selector("[data-testid=apply-preview]") {
                el.scroll_into_view();
            }
        },
        std::time::Duration::ZERO,
    );
}
