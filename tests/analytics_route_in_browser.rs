//! The analytics page's hash route (`#/map/<id>/analytics`) parses and prints back, and
//! does not swallow neighbouring paths.

use journey_studio::ui::shell::route::{Page, MapView};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn analytics_route_round_trips() {
    let page = Page::Map("a b/c".into(), MapView::Analytics);
    assert_eq!(Page::from_hash(&page.href()), page);
    assert_eq!(Page::from_hash("#/map/x/analytics"), Page::Map("x".into(), MapView::Analytics));
    assert_eq!(Page::from_hash("#/map/x"), Page::map("x"));
    assert_eq!(Page::from_hash("#/map/x/analytics/more"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map//analytics"), Page::NotFound);
}
