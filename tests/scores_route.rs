//! Browser tests of the scores view's route: `#/map/<id>/scores` parses, round-trips
//! through `href` (ids with characters that need escaping too), and nothing else is taken
//! for it.

use journey_studio::ui::shell::route::{Page, MapView};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_scores_route_parses_and_round_trips() {
    assert_eq!(Page::from_hash("#/map/abc/scores"), Page::Map("abc".into(), MapView::Scores));
    for id in ["abc", "m1700000000-00ff", "a b/ü?#"] {
        let page = Page::Map(id.to_string(), MapView::Scores);
        assert_eq!(Page::from_hash(&page.href()), page, "{}", page.href());
        assert_eq!(Page::from_hash(&Page::map(id.to_string()).href()), Page::map(id.to_string()));
    }
}

#[wasm_bindgen_test]
fn near_misses_are_not_the_scores_view() {
    assert_eq!(Page::from_hash("#/map/abc/score"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map/abc/scores/x"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map//scores"), Page::NotFound);
    assert_eq!(Page::from_hash("#/map/abc"), Page::map("abc"));
}
