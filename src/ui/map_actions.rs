//! Per-map file actions: export as JSON, CSV or Mermaid, a share link, print / PDF,
//! presentation mode, and importing touchpoints from a CSV sheet. Also renders the map's
//! print sheet, which is hidden on screen and the only thing on paper (style/print.css).
//!
//! Takes no props: it reads the map id from the current `#/map/<id>` route, so the map page
//! can place it with a single line.

use journey_core::interop::{export_map, export_touchpoints_csv, CsvExportOptions, ScoreColumn};
use journey_core::model::{JourneyMap, Lang};
use journey_core::score::score_map;
use leptos::prelude::*;

use super::csv_import::CsvImportPanel;
use super::export_panels::{MermaidExportPanel, SharePanel};
use super::download::download_text;
use super::file_io::file_stem;
use super::map_sheet::MapSheet;
use super::present_page::request_fullscreen;
use super::route::{navigate, Page};
use super::state::AppState;
use crate::i18n::interop::interop_texts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Mermaid,
    Share,
    Csv,
}

/// Downloads the map as its versioned JSON file.
pub fn download_json(map: &JourneyMap) {
    // A failed download leaves nothing to undo; the browser shows its own error.
    let _ = download_text(&format!("{}.json", file_stem(&map.name)), "application/json", &export_map(map));
}

fn download_csv(map: &JourneyMap, lang: Lang) {
    let scores = score_map(map);
    let value = |tp: &journey_core::model::Touchpoint| scores.touchpoint_value(&tp.id);
    let columns = [ScoreColumn { header: interop_texts(lang).score.to_string(), value: &value }];
    // German spreadsheets use the decimal comma and expect ";" between cells.
    let delimiter = if lang == Lang::De { b';' } else { b',' };
    let text = export_touchpoints_csv(map, CsvExportOptions { lang, delimiter }, &columns);
    let _ = download_text(&format!("{}-touchpoints.csv", file_stem(&map.name)), "text/csv", &text);
}

#[component]
pub fn MapActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || interop_texts(state.lang.get());
    let id = match Page::from_hash(&window().location().hash().unwrap_or_default()) {
        Page::Map(id) | Page::Present(id) => id,
        _ => String::new(),
    };
    let map = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|l| l.get(&id).cloned()))
    };
    let panel = RwSignal::new(Panel::None);
    let paper = RwSignal::new("a4");
    let toggle = move |p: Panel| panel.update(|cur| *cur = if *cur == p { Panel::None } else { p });
    let with_map = move |f: &dyn Fn(&JourneyMap, Lang)| {
        if let Some(m) = map.get_untracked() {
            f(&m, state.lang.get_untracked());
        }
    };
    let present_id = id.clone();
    let csv_id = StoredValue::new(id.clone());

    view! {
        <Show when=move || map.with(Option::is_some)>
            <section class="map-files" aria-label=move || it().map_files_title data-testid="map-actions">
                <div class="map-files-bar" role="toolbar" aria-label=move || it().map_files_title>
                    <button type="button" data-testid="export-json" on:click=move |_| with_map(&|m, _| download_json(m))>{move || it().export_json}</button>
                    <button type="button" data-testid="export-csv" on:click=move |_| with_map(&download_csv)>{move || it().export_csv}</button>
                    <button type="button" data-testid="export-mermaid" aria-expanded=move || (panel.get() == Panel::Mermaid).to_string()
                        on:click=move |_| toggle(Panel::Mermaid)>{move || it().export_mermaid}</button>
                    <button type="button" data-testid="share-link" aria-expanded=move || (panel.get() == Panel::Share).to_string()
                        on:click=move |_| toggle(Panel::Share)>{move || it().share}</button>
                    <button type="button" data-testid="import-csv" aria-expanded=move || (panel.get() == Panel::Csv).to_string()
                        on:click=move |_| toggle(Panel::Csv)>{move || it().import_csv}</button>
                    <label>
                        <span>{move || it().paper}</span>
                        <select data-testid="paper" on:change=move |ev| paper.set(if event_target_value(&ev) == "a3" { "a3" } else { "a4" })
                            prop:value=move || paper.get()>
                            <option value="a4">{move || it().paper_a4}</option>
                            <option value="a3">{move || it().paper_a3}</option>
                        </select>
                    </label>
                    <button type="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>{move || it().print}</button>
                    <button type="button" data-testid="present" on:click={
                        let id = present_id.clone();
                        // Asked for here, inside the click: browsers grant full screen only to a user gesture.
                        move |_| { request_fullscreen(); navigate(&Page::Present(id.clone())); }
                    }>{move || it().present}</button>
                </div>
                // The CSV panel does not follow the map: its own import changes the map, and
                // its report must stay on screen. The export panels do follow it.
                {move || match panel.get() {
                    Panel::None => ().into_any(),
                    Panel::Mermaid => (move || map.get().map(|m| view! { <MermaidExportPanel map=m/> })).into_any(),
                    Panel::Share => (move || map.get().map(|m| view! { <SharePanel map=m/> })).into_any(),
                    Panel::Csv => view! { <CsvImportPanel id=csv_id.get_value()/> }.into_any(),
                }}
            </section>
            <div class="print-sheet" data-paper=move || paper.get()>
                {move || map.get().map(|m| view! { <MapSheet map=m lang=state.lang.get()/> })}
            </div>
        </Show>
    }
}
