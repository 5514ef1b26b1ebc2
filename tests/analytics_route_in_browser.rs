//! The analytics page's hash route (`#/map/<id>/analytics`) parses and prints back, and
//! does not swallow neighbouring paths.

use journey_studio::ui::shell::route::Page;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn analytics_route_round_trips() {
    let page = Page::MapAnalytics("a b/c".into());
    assert_eq!(Page::from_hash(&page.href()), page);
    assert_eq!(Page::from_hash("#/map/x/analytics"), Page::MapAnalytics("x".into()));
    assert_eq!(Page::from_hash("#/map/x"), Page::Map("x".into()));
    assert_eq!(Page::from_hash("#/map/x/analytics/more"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map//analytics"), Page::NotFound);
}
