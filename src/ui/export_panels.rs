//! Two panels of the map's file actions: the Mermaid export (the text to copy or download,
//! and what Mermaid could not carry) and the share link (or, for a map too large for a
//! link, the message saying so and a file instead).

use journey_core::interop::{encode_share_fragment, export_mermaid};
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::download::download_text;
use super::file_io::{copy_text, file_stem};
use super::map_actions::download_json;
use super::route::Page;
use super::state::AppState;
use crate::i18n::interop::interop_texts;

#[component]
pub fn MermaidExportPanel(map: JourneyMap) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || interop_texts(state.lang.get());
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
                    on:click=move |_| { let _ = download_text(&format!("{stem}.mmd"), "text/plain", &export.with_untracked(|e| e.0.clone())); }>
                    {move || it().download}
                </button>
                <span role="status">{move || copied.get().then(|| it().copied)}</span>
            </div>
            {move || {
                let lang = state.lang.get();
                export.with(|(_, missing)| if missing.is_empty() {
                    view! { <p class="muted">{interop_texts(lang).all_carried}</p> }.into_any()
                } else {
                    view! {
                        <div data-testid="not-carried">
                            <p>{interop_texts(lang).not_carried_title}</p>
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
    let it = move || interop_texts(state.lang.get());
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
                <button type="button" data-testid="share-file-instead" on:click=move |_| download_json(&map)>{move || it().share_file_instead}</button>
            </div>
        }.into_any(),
    }
}
