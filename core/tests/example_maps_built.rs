//! The two example maps (coffee to go, running shoes online) are built with the template
//! builder; these fixtures are the JSON of the maps as they were built by hand before, in
//! both languages, so the builder's maps must be identical field by field, ids included.
//! Regenerate a fixture only for a deliberate change of an example map.

use journey_core::model::schema::to_json;
use journey_core::model::Lang;
use journey_core::templates::{coffee_to_go, online_shop_checkout};

fn check(made: String, fixture: &str, name: &str) {
    if std::env::var_os("WRITE_EXAMPLE_FIXTURES").is_some() {
        std::fs::write(format!("{}/tests/example_maps/{name}.json", env!("CARGO_MANIFEST_DIR")), &made).unwrap();
        return;
    }
    assert_eq!(made, fixture, "{name} differs from the hand-built map");
}

#[test]
fn coffee_to_go_equals_the_hand_built_map() {
    check(to_json(&coffee_to_go("example", 1_700_000_000_000.0, Lang::En)), include_str!("example_maps/coffee_to_go_en.json"), "coffee_to_go_en");
    check(to_json(&coffee_to_go("example", 1_700_000_000_000.0, Lang::De)), include_str!("example_maps/coffee_to_go_de.json"), "coffee_to_go_de");
}

#[test]
fn online_shop_checkout_equals_the_hand_built_map() {
    let en = to_json(&online_shop_checkout("shoes", 1_700_000_000_000.0, Lang::En));
    let de = to_json(&online_shop_checkout("shoes", 1_700_000_000_000.0, Lang::De));
    check(en, include_str!("example_maps/online_shop_checkout_en.json"), "online_shop_checkout_en");
    check(de, include_str!("example_maps/online_shop_checkout_de.json"), "online_shop_checkout_de");
}
