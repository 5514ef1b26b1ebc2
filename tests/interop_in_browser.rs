//! Browser tests of the interop UI's plumbing: the routes of share links and presentation
//! mode (fragments with `.`, `-`, `_` survive; ids are decoded), file names from map names,
//! and that a real share fragment of the example round-trips through the route.

use journey_core::interop::{decode_share_fragment, encode_share_fragment};
use journey_core::model::Lang;
use journey_core::templates::coffee_to_go;
use journey_studio::ui::browser::files::file_stem;
use journey_studio::ui::shell::route::{Page, MapView};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn share_and_present_routes_parse_and_print_back() {
    assert_eq!(Page::from_hash("#/shared/v1.aB-_9x"), Page::Shared("v1.aB-_9x".into()));
    assert_eq!(Page::from_hash("#/map/a%20b/present"), Page::Map("a b".into(), MapView::Present));
    assert_eq!(Page::from_hash("#/map/a-b_c.d"), Page::map("a-b_c.d"));
    assert_eq!(Page::from_hash("#/map/x/present/more"), Page::NotFound);
    assert_eq!(Page::from_hash("#/shared/"), Page::NotFound);
    for page in [Page::Shared("v1.x-y_z".into()), Page::Map("id 1".into(), MapView::Present), Page::map("m")] {
        assert_eq!(Page::from_hash(&page.href()), page);
    }
}

#[wasm_bindgen_test]
fn a_real_fragment_survives_the_route() {
    let map = coffee_to_go("c", 1.0, Lang::De);
    let fragment = encode_share_fragment(&map).unwrap();
    let Page::Shared(back) = Page::from_hash(&Page::Shared(fragment).href()) else { panic!("not a share route") };
    assert_eq!(decode_share_fragment(&back).unwrap(), map);
}

#[wasm_bindgen_test]
fn file_names_from_map_names() {
    assert_eq!(file_stem("Coffee to go"), "Coffee-to-go");
    assert_eq!(file_stem("  a/b\\c: d?  "), "a-b-c-d");
    assert_eq!(file_stem("Kundenreise Ü"), "Kundenreise-Ü");
    assert_eq!(file_stem("///"), "journey-map");
}
