//! "New blank map" is really blank: the five generic phases (awareness, consideration,
//! purchase, delivery & service, loyalty — named as in docs' glossary) in the chosen language
//! and nothing else; the blank template builds the same map.

use journey_core::library::Library;
use journey_core::model::{JourneyMap, Lang};
use journey_core::templates::Template;

fn assert_blank(m: &JourneyMap, names: [&str; 5]) {
    assert_eq!(m.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), names);
    assert!(m.stages.iter().all(|s| s.description.is_empty()));
    assert!(m.personas.is_empty() && m.touchpoints.is_empty() && m.routes.is_empty() && m.measures.is_empty());
    assert!(m.description.is_empty() && m.hidden_lanes.is_empty() && m.journey_throughput_s.is_empty());
}

#[test]
fn a_new_blank_map_has_the_five_phases_and_nothing_else_in_both_languages() {
    let en = ["Awareness", "Consideration", "Purchase", "Delivery & service", "Loyalty"];
    let de = ["Aufmerksamkeit", "Interesse & Recherche", "Kauf", "Versand, Produkterlebnis & Service", "Kundenbindung"];
    for (lang, names) in [(Lang::En, en), (Lang::De, de)] {
        let mut lib = Library::default();
        let id = lib.create_blank("m1", "Shop", "New map", 0.0, lang);
        assert_blank(lib.get(&id).unwrap(), names);
        assert_blank(&Template::Blank.build("m2", 0.0, lang), names);
    }
}
