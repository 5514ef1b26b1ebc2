//! Per-map file actions: export as JSON, CSV or Mermaid, a share link, print / PDF,
//! presentation mode, and importing touchpoints from a CSV sheet (the map page shows them in
//! its menu). [`MapPrintSheet`] is the map's print sheet, hidden on screen and the only thing
//! on paper (style/print.css); it stays outside the menu, which paper does not show.
//!
//! Both work on the page's [`MapHandle`]; the chosen paper size is shared through
//! `editor::PaperChoice` in context (A4 without it). The whole app hands them to the map page
//! as `editor::MapExtras` (`ui/modules/app.rs`).

use journey_core::model::{JourneyMap, Lang};
use leptos::prelude::*;

use crate::ui::map::csv_import::CsvImportPanel;
use crate::ui::map::exports::{download_csv, download_json, MermaidExportPanel, SharePanel};
use crate::ui::map::print_sheet::MapSheet;
use crate::ui::browser::fullscreen::request_fullscreen;
use crate::ui::shell::route::{navigate, MapView};
use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::map::map_texts;
use crate::ui::editor::PaperChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Mermaid,
    Share,
    Csv,
}

fn paper_choice() -> RwSignal<&'static str> {
    match use_context::<PaperChoice>() {
        Some(p) => p.0,
        None => {
            let p = RwSignal::new("a4");
            provide_context(PaperChoice(p));
            p
        }
    }
}

/// How long the map must stay unchanged before the hidden print sheet follows it.
const SHEET_DELAY_MS: u64 = 400;

/// The print sheet of the page's map, in the chosen paper size.
///
/// The sheet is only seen on paper, so it follows the map once edits pause (and at once when
/// the browser is about to print): rebuilding a whole sheet — every card and a chart — on
/// each edit was a third of an edit's time on a 300-touchpoint map. `print_now`: Ctrl+P was
/// pressed in the map module, which has no sheet — print once this one is drawn.
#[component]
pub fn MapPrintSheet(#[prop(optional)] print_now: bool) -> impl IntoView {
    let handle = MapHandle::current();
    let paper = paper_choice();
    let map = handle.map;
    let shown = RwSignal::new(map.get_untracked());
    // The scores of the shown map, from the page's one `score_map` (`MapHandle::scores`),
    // taken with it so the sheet never mixes two versions.
    let shown_scores = StoredValue::new(handle.scores.get_untracked());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let catch_up = move || {
        if let Some(h) = timer.try_get_value().flatten() {
            h.clear();
        }
        if let Some(now) = map.try_get_untracked() {
            if shown.try_with_untracked(|s| *s != now) == Some(true) {
                shown_scores.set_value(handle.scores.get_untracked());
                shown.set(now);
            }
        }
    };
    Effect::new(move |first: Option<()>| {
        map.track();
        if first.is_none() {
            return;
        }
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(set_timeout_with_handle(catch_up, std::time::Duration::from_millis(SHEET_DELAY_MS)).ok());
    });
    let printing = window_event_listener(leptos::ev::beforeprint, move |_| catch_up());
    if print_now {
        request_animation_frame(move || {
            if map.try_get_untracked().is_some() {
                let _ = window().print();
            }
        });
    }
    on_cleanup(move || {
        printing.remove();
        if let Some(h) = timer.try_get_value().flatten() {
            h.clear();
        }
    });
    view! {
        <div class="print-sheet" data-paper=move || paper.get()>
            {move || shown.get().zip(shown_scores.get_value()).map(|(m, scores)| view! { <MapSheet map=m scores lang=handle.state.lang.get()/> })}
        </div>
    }
}

#[component]
pub fn MapActions() -> impl IntoView {
    let handle = MapHandle::current();
    let state = handle.state;
    let it = move || map_texts(state.lang.get());
    let id = handle.id();
    let map = handle.map;
    let panel = RwSignal::new(Panel::None);
    let paper = paper_choice();
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
                    <button type="button" data-testid="export-json" on:click=move |_| with_map(&|m, _| download_json(state, m))>{move || it().export_json}</button>
                    <button type="button" data-testid="export-csv" on:click=move |_| with_map(&|m, lang| download_csv(state, m, handle.scores.get_untracked().as_ref(), lang))>{move || it().export_csv}</button>
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
                        move |_| { request_fullscreen(); navigate(&MapView::Present.page(&id)); }
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
        </Show>
    }
}
