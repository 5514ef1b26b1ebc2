//! What a map is exported as: the JSON and CSV downloads, and two panels of the map's file
//! actions — the Mermaid export (the text to copy or download, and what Mermaid could not
//! carry) and the share link (or, for a map too large for a link, the message saying so
//! and a file instead). A failed download is shown to the user.

use journey_core::interop::{encode_share_fragment, export_map, export_mermaid, export_touchpoints_csv, CsvExportOptions, ScoreColumn};
use journey_core::model::{JourneyMap, Lang};
use journey_core::score::MapScores;
use leptos::prelude::*;

use crate::ui::browser::download::download_text;
use crate::ui::browser::clipboard::copy_text;
use crate::ui::browser::files::file_stem;
use crate::ui::shell::route::Page;
use crate::ui::state::AppState;
use crate::i18n::map::map_texts;

/// Downloads the map as its versioned JSON file; a failure is shown to the user.
pub fn download_json(state: AppState, map: &JourneyMap) {
    state.report_download(download_text(&format!("{}.json", file_stem(&map.name)), "application/json", &export_map(map)));
}

/// Downloads the touchpoints as CSV in the UI language's spreadsheet style, with the scores
/// the page computed once (`MapHandle::scores`).
pub fn download_csv(state: AppState, map: &JourneyMap, scores: Option<&MapScores>, lang: Lang) {
    let value = |tp: &journey_core::model::Touchpoint| scores.and_then(|s| s.touchpoint_value(&tp.id));
    let columns = [ScoreColumn { header: map_texts(lang).score.to_string(), value: &value }];
    // German spreadsheets use the decimal comma and expect ";" between cells.
    let delimiter = if lang == Lang::De { b';' } else { b',' };
    let text = export_touchpoints_csv(map, CsvExportOptions { lang, delimiter }, &columns);
    state.report_download(download_text(&format!("{}-touchpoints.csv", file_stem(&map.name)), "text/csv", &text));
}

#[component]
pub fn MermaidExportPanel(map: JourneyMap) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let export = {
        let map = map.clone();
        Memo::new(move |_| {
            let e = export_mermaid(&map, state.lang.get());
            (e.text, e.not_carried)
        })
    };
    let copied = RwSignal::new(false);
    let stem = file_stem(&map.name);
    view! {
        <div class="export-panel" data-testid="mermaid-export">
            <label class="stacked">
                <span>{move || it().mermaid_export_label}</span>
                <textarea readonly rows="10" spellcheck="false" data-testid="mermaid-export-text"
                    prop:value=move || export.with(|e| e.0.clone())></textarea>
            </label>
            <div class="panel-buttons">
                <button type="button" data-testid="mermaid-copy" on:click=move |_| copied.set(copy_text(&export.with_untracked(|e| e.0.clone())))>
                    {move || it().copy}
                </button>
                <button type="button" data-testid="mermaid-download"
                    on:click=move |_| state.report_download(download_text(&format!("{stem}.mmd"), "text/plain", &export.with_untracked(|e| e.0.clone())))>
                    {move || it().download}
                </button>
                <span role="status">{move || copied.get().then(|| it().copied)}</span>
            </div>
            {move || {
                let lang = state.lang.get();
                export.with(|(_, missing)| if missing.is_empty() {
                    view! { <p class="muted">{map_texts(lang).all_carried}</p> }.into_any()
                } else {
                    view! {
                        <div data-testid="not-carried">
                            <p>{map_texts(lang).not_carried_title}</p>
                            <ul>{missing.iter().map(|n| view! { <li>{n.message(lang)}</li> }).collect_view()}</ul>
                        </div>
                    }.into_any()
                })
            }}
        </div>
    }
}

/// The page's address without its fragment: the share link works wherever the app is
/// served (domain root, project sub-path, or a file on disk).
fn app_base() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

#[component]
pub fn SharePanel(map: JourneyMap) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let encoded = encode_share_fragment(&map);
    let copied = RwSignal::new(false);
    match encoded {
        Ok(fragment) => {
            let url = format!("{}{}", app_base(), Page::Shared(fragment).href());
            let url_c = url.clone();
            view! {
                <div class="export-panel" data-testid="share-panel">
                    <label class="stacked">
                        <span>{move || it().share_label}</span>
                        <input type="text" readonly data-testid="share-url" prop:value=url
                            on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select() }/>
                    </label>
                    <div class="panel-buttons">
                        <button type="button" data-testid="share-copy" on:click=move |_| copied.set(copy_text(&url_c))>{move || it().copy}</button>
                        <span role="status">{move || copied.get().then(|| it().copied)}</span>
                    </div>
                    <p class="muted">{move || it().share_note}</p>
                </div>
            }.into_any()
        }
        Err(error) => view! {
            <div class="export-panel notice warning" role="alert" data-testid="share-too-large">
                <p>{move || error.message(state.lang.get())}</p>
                <button type="button" data-testid="share-file-instead" on:click=move |_| download_json(state, &map)>{move || it().share_file_instead}</button>
            </div>
        }.into_any(),
    }
}
