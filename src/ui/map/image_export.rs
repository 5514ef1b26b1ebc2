//! The map as an image to paste into slides or an e-mail: the core draws the whole map as SVG
//! (`journey_core::canvas::map_picture`: every shown lane, the curve per persona, a legend),
//! offered as the SVG itself or as a PNG at twice its size. Only in the whole app (the map
//! page's menu hands over to it), so the map module stays small. A failed download is shown.

use journey_core::canvas::map_picture;
use journey_core::model::{JourneyMap, Lang};
use leptos::task::spawn_local;

use crate::ui::browser::download::{download_svg_as_png, download_text};
use crate::ui::browser::files::file_stem;
use crate::ui::state::AppState;

/// Downloads the map's picture as `<name>.svg`.
pub fn download_map_svg(state: AppState, map: &JourneyMap, lang: Lang) {
    let picture = map_picture(map, lang);
    state.report_download(download_text(&format!("{}.svg", file_stem(&map.name)), "image/svg+xml", &picture.svg));
}

/// Downloads the map's picture as `<name>.png`, drawn at 2× (sharp on slides).
pub fn download_map_png(state: AppState, map: &JourneyMap, lang: Lang) {
    let picture = map_picture(map, lang);
    let name = format!("{}.png", file_stem(&map.name));
    spawn_local(async move {
        let result = download_svg_as_png(&name, &picture.svg, picture.width as u32, picture.height as u32).await;
        state.report_download(result);
    });
}
