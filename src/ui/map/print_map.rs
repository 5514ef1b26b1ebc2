//! The map itself on paper: the core's picture of the map (`journey_core::canvas::map_pages`)
//! split into pages by whole stages — each page with the map's name, the legend, the lane
//! names and its stages' headers — followed by the score summary on a page of its own.
//! What the print sheet shows when "the map" is chosen (the default); the one-page summary
//! stays a choice (`PrintChoice`).

use journey_core::canvas::map_pages;
use journey_core::charts::escape;
use journey_core::model::{JourneyMap, Lang};
use journey_core::score::MapScores;
use leptos::html::Div;
use leptos::prelude::*;

use crate::ui::map::print_sheet::MapSheet;
use crate::ui::shell::map_frame::MapHandle;

/// What goes on paper: the map itself (pages of stages plus the summary) or the summary only.
#[derive(Clone, Copy)]
pub struct PrintChoice(pub RwSignal<&'static str>);

/// The print choice of the page, made on first use ("map" without a choice).
pub fn print_choice() -> RwSignal<&'static str> {
    match use_context::<PrintChoice>() {
        Some(p) => p.0,
        None => {
            let p = RwSignal::new("map");
            provide_context(PrintChoice(p));
            p
        }
    }
}

/// The printable width of a landscape page in CSS pixels (96 per inch): A4 297 mm and A3
/// 420 mm less the page margins of style/print.css.
pub fn page_width(paper: &str) -> f64 {
    let mm = if paper == "a3" { 420.0 - 24.0 } else { 297.0 - 20.0 };
    mm / 25.4 * 96.0
}

/// The map module's print sheet (the browser's own print menu on a map opened first): the
/// map's pages on A4, drawn when the browser is about to print — written into the sheet at
/// once, since the browser lays the page out right after `beforeprint` — followed by `note`
/// (where the score summary is printed: the whole app's menu). Without the summary's chart
/// the map module links no chart library.
#[component]
pub fn MapPagesOnPrint(note: Signal<&'static str>) -> impl IntoView {
    let handle = MapHandle::current();
    let sheet = NodeRef::<Div>::new();
    let draw = window_event_listener(leptos::ev::beforeprint, move |_| {
        let (Some(el), Some(Some(map))) = (sheet.get_untracked(), handle.map.try_get_untracked()) else { return };
        let mut html = String::new();
        for p in map_pages(&map, handle.state.lang.get_untracked(), page_width("a4")) {
            // The pictures come from the core, which escapes every label.
            html.push_str(r#"<section class="print-map-page" data-testid="print-map-page">"#);
            html.push_str(&p.svg);
            html.push_str("</section>");
        }
        html.push_str(&format!(r#"<p class="print-note">{}</p>"#, escape(note.get_untracked())));
        el.set_inner_html(&html);
    });
    on_cleanup(move || draw.remove());
    view! { <div class="print-sheet print-map" node_ref=sheet><p>{note}</p></div> }
}

/// The map's pages and its score summary. The pictures come from the core, which escapes
/// every label, so they are inserted as markup.
#[component]
pub fn PrintedMap(map: JourneyMap, scores: MapScores, lang: Lang, paper: &'static str) -> impl IntoView {
    let pages = map_pages(&map, lang, page_width(paper));
    let n = pages.len();
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(i, p)| view! { <section class="print-map-page" data-testid="print-map-page" data-page=(i + 1).to_string() data-pages=n.to_string() inner_html=p.svg></section> })
        .collect_view();
    view! {
        <div class="print-map" data-testid="print-map">{pages}</div>
        <div class="print-summary-page"><MapSheet map scores lang/></div>
    }
}
