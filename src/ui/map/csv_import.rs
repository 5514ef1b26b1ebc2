//! Importing touchpoints from a CSV sheet into a map, with a mapping step: the core reads
//! the sheet and suggests a field per column, the user confirms or changes each one, and
//! the rows are added in one undoable edit. Bad cells are listed with line and column.
//! The file is read as bytes: its encoding (UTF-8, UTF-16, Windows-1252 from Excel) and
//! delimiter are detected by the core, shown, and can be changed (`shell::csv_choice`).

use journey_core::interop::{import_rows, read_sheet_bytes, suggest_mapping, ColumnMapping, CsvField, CsvImportReport, CsvSheet};
use journey_core::text_file::CsvOptions;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::ui::browser::files::read_picked_bytes;
use crate::ui::shell::csv_choice::CsvChoice;
use crate::ui::state::AppState;
use crate::i18n::map::map_texts;

#[derive(Clone)]
enum Status {
    Error(String),
    Done(CsvImportReport),
}

#[component]
pub fn CsvImportPanel(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let sheet = RwSignal::new(None::<CsvSheet>);
    let mapping = RwSignal::new(ColumnMapping { columns: Vec::new() });
    let status = RwSignal::new(None::<Status>);
    let id = StoredValue::new(id);

    // The picked file's bytes and the user's choice of encoding and delimiter.
    let bytes = StoredValue::new(Vec::<u8>::new());
    let choice = RwSignal::new(CsvOptions::default());
    let reread = move || {
        let lang = state.lang.get_untracked();
        match bytes.with_value(|b| read_sheet_bytes(b, &choice.get_untracked())) {
            Ok(s) => {
                mapping.set(suggest_mapping(&s.headers));
                sheet.set(Some(s));
                status.set(None);
            }
            Err(e) => {
                sheet.set(None);
                status.set(Some(Status::Error(e.message(lang))));
            }
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            let lang = state.lang.get_untracked();
            match read_picked_bytes(&input).await {
                Some((_, Ok(b))) => {
                    bytes.set_value(b);
                    choice.set(CsvOptions::default());
                    reread();
                }
                Some((_, Err(why))) => status.set(Some(Status::Error((map_texts(lang).file_unreadable)(&why)))),
                None => {}
            }
        });
    };

    let import = move |_| {
        let lang = state.lang.get_untracked();
        let Some(s) = sheet.get_untracked() else { return };
        let m = mapping.get_untracked();
        if let Err(e) = m.validate() {
            return status.set(Some(Status::Error(e.message(lang))));
        }
        let mut result = None;
        id.with_value(|id| state.edit_map(id, |map| result = Some(import_rows(map, &s, &m, lang))));
        match result {
            Some(Ok(report)) => {
                sheet.set(None);
                status.set(Some(Status::Done(report)));
            }
            Some(Err(e)) => status.set(Some(Status::Error(e.message(lang)))),
            None => {}
        }
    };

    view! {
        <div class="export-panel csv-import" data-testid="csv-import">
            <label class="file-pick">
                <span>{move || it().csv_file_label}</span>
                <input type="file" accept=".csv,.tsv,.txt,text/csv" data-testid="csv-file" on:change=on_pick/>
            </label>
            {move || sheet.get().map(|s| view! {
                <CsvChoice encoding=s.encoding delimiter=s.delimiter choice on_change=move |_| reread() prefix="csv-"/>
                <MappingTable sheet=s mapping/> <button type="button" data-testid="csv-import-now" on:click=import>{move || it().csv_import_now}</button> })}
            {move || status.get().map(|st| {
                let lang = state.lang.get();
                match st {
                    Status::Error(msg) => view! { <p class="notice error" role="alert" data-testid="csv-error">{msg}</p> }.into_any(),
                    Status::Done(report) => view! {
                        <div class="notice info" role="status" data-testid="csv-report">
                            <p>{(map_texts(lang).csv_report)(report.added.len(), report.created_stages.len())}</p>
                            {(!report.problems.is_empty()).then(|| view! {
                                <p>{map_texts(lang).csv_problems_title}</p>
                                <ul>{report.problems.iter().map(|p| view! { <li data-testid="csv-problem">{p.message(lang)}</li> }).collect_view()}</ul>
                            })}
                        </div>
                    }.into_any(),
                }
            })}
        </div>
    }
}

/// One row per column: its header, the first value, and a field select.
#[component]
fn MappingTable(sheet: CsvSheet, mapping: RwSignal<ColumnMapping>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let first = sheet.rows.first().map(|r| r.cells.clone()).unwrap_or_default();
    let rows = sheet
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let sample = first.get(i).cloned().unwrap_or_default();
            let current = move || {
                mapping.with(|m| m.columns.get(i).copied().flatten())
                    .and_then(|f| CsvField::ALL.iter().position(|x| *x == f))
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            };
            let set = move |ev: leptos::ev::Event| {
                let field = event_target_value(&ev).parse::<usize>().ok().and_then(|p| CsvField::ALL.get(p).copied());
                mapping.update(|m| {
                    if m.columns.len() <= i {
                        m.columns.resize(i + 1, None);
                    }
                    m.columns[i] = field;
                });
            };
            let header = header.clone();
            view! {
                <tr>
                    <th scope="row">{header.clone()}</th>
                    <td class="muted">{sample}</td>
                    <td>
                        <select aria-label=header data-testid=format!("csv-map-{i}") on:change=set prop:value=current>
                            <option value="">{move || it().csv_ignore}</option>
                            {CsvField::ALL.iter().enumerate().map(|(p, f)| {
                                let f = *f;
                                view! { <option value=p.to_string()>{move || f.name(state.lang.get())}</option> }
                            }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="csv-mapping" data-testid="csv-mapping">
            <caption>{move || it().csv_mapping_title}</caption>
            <thead><tr><th scope="col">{move || it().csv_column}</th><th scope="col">{move || it().csv_first_row}</th><th scope="col">{move || it().csv_field}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
