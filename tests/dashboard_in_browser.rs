//! Browser tests of the charts dashboard (wasm-bindgen-test in Chromium): its hash route, and
//! that the mounted dashboard follows edits and undo of the map live — a chart that needed
//! data draws once the data is typed in, and a changed number changes the drawn chart.

use journey_core::charts::dashboard::ChartKind;
use journey_core::model::Lang;
use journey_studio::store::keys;
use journey_studio::ui::dashboard::DashboardPage;
use journey_studio::ui::shell::route::{Page, MapView};
use journey_studio::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_app_keys() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let ours: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(keys::PREFIX))
        .collect();
    for k in ours {
        storage.remove_item(&k).unwrap();
    }
}

/// Lets the reactive system and the browser run (effects are scheduled, not synchronous).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn card(root: &web_sys::Element, key: &str) -> web_sys::Element {
    root.query_selector(&format!("[data-testid=chart-card][data-chart={key}]")).unwrap().expect(key)
}

fn svg_text(root: &web_sys::Element, key: &str) -> Option<String> {
    card(root, key).query_selector("svg").unwrap().map(|s| s.text_content().unwrap_or_default())
}

#[wasm_bindgen_test]
fn the_dashboard_has_its_own_hash_route() {
    assert_eq!(Page::from_hash("#/map/abc/dashboard"), Page::Map("abc".into(), MapView::Dashboard));
    assert_eq!(Page::from_hash("#/map/a%20b/dashboard"), Page::Map("a b".into(), MapView::Dashboard));
    assert_eq!(Page::Map("a b".into(), MapView::Dashboard).href(), "#/map/a%20b/dashboard");
    assert_eq!(Page::from_hash("#/map/abc"), Page::map("abc"));
    assert_eq!(Page::from_hash("#/map/abc/dashboard/x"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map//dashboard"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map/abc/other"), Page::NotFound);
}

#[wasm_bindgen_test]
async fn charts_follow_edits_and_undo_live() {
    clear_app_keys();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let state = AppState::load(Some(journey_core::templates::coffee_to_go));
    state.set_lang(Lang::En);
    let id = state.library.with_untracked(|l| l.maps[0].id.clone());
    let page_id = id.clone();
    let _handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        provide_context(state);
        view! { <DashboardPage id=page_id/> }
    });
    settle().await;

    for kind in ChartKind::ALL {
        card(&root, kind.key());
    }
    assert!(svg_text(&root, "route-flow").is_none(), "the example has no route volumes");
    assert!(card(&root, "route-flow").query_selector("[data-testid=needs-data]").unwrap().is_some());
    let funnel_before = svg_text(&root, "funnel").expect("the example's funnel draws");
    assert!(funnel_before.contains("12,000"), "{funnel_before}");

    // Route volumes typed in: the route flow draws.
    state.edit_map(&id, |m| m.routes.iter_mut().for_each(|r| r.volume = Some(250.0)));
    settle().await;
    let flow = svg_text(&root, "route-flow").expect("the route flow draws after the edit");
    assert!(flow.contains("250"), "{flow}");

    // A changed volume changes the funnel's numbers.
    state.edit_map(&id, |m| {
        let first_stage = m.stages[0].id.clone();
        for t in m.touchpoints.iter_mut().filter(|t| t.stage_id == first_stage) {
            t.measurements.volume = Some(50_000.0);
        }
    });
    settle().await;
    let funnel_after = svg_text(&root, "funnel").unwrap();
    assert!(funnel_after.contains("50,000") && !funnel_after.contains("12,000"), "{funnel_after}");

    // Undo goes back, chart by chart.
    assert!(state.undo(&id));
    settle().await;
    assert_eq!(svg_text(&root, "funnel").unwrap(), funnel_before);
    assert!(state.undo(&id));
    settle().await;
    assert!(svg_text(&root, "route-flow").is_none());

    // Renaming the map renames every chart's title.
    assert!(state.rename(&id, "Night shift"));
    settle().await;
    let title = card(&root, "funnel").query_selector("svg > title").unwrap().unwrap().text_content().unwrap();
    assert_eq!(title, "Funnel and drop-off – Night shift");

    state.flush();
    root.remove();
    clear_app_keys();
}

#[wasm_bindgen_test]
async fn an_svg_becomes_a_png_of_twice_its_size_and_garbage_is_an_error_not_a_panic() {
    use journey_core::charts::dashboard::draw;
    use journey_core::charts::ChartOptions;
    use journey_core::score::score_map;
    use journey_core::templates::coffee_to_go;
    use journey_studio::ui::browser::download::{svg_to_png, PNG_SCALE};

    let map = coffee_to_go("ex", 0.0, Lang::De);
    let chart = draw(ChartKind::Funnel, &map, &score_map(&map), &ChartOptions::new(Lang::De));
    let png = svg_to_png(chart.svg().unwrap(), 960, 540).await.expect("a PNG");
    assert_eq!(png.type_(), "image/png");
    let bytes = js_sys::Uint8Array::new(&JsFuture::from(png.array_buffer()).await.unwrap()).to_vec();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    assert_eq!((be(16), be(20)), (960 * PNG_SCALE, 540 * PNG_SCALE));

    let err = svg_to_png("<svg><unclosed", 960, 540).await.expect_err("not an image");
    assert!(err.0.contains("SVG"), "{err}");
}
