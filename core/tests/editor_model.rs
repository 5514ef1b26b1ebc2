//! The editor's additive model fields (to-be emotion and note on touchpoints, hidden lanes on
//! the map) load from JSON written before they existed, and survive a round trip.

use journey_core::model::schema::{parse_map, to_json};
use journey_core::model::{Channel, JourneyMap, Lang};

const OLD_JSON: &str = r#"{
  "schema_version": 1, "id": "m", "name": "Old", "created_at": 1, "updated_at": 2,
  "stages": [{"id": "st-1", "name": "Awareness"}],
  "touchpoints": [{"id": "tp-2", "stage_id": "st-1", "title": "Ad", "emotion": 1}],
  "next_seq": 3
}"#;

#[test]
fn json_without_the_editor_fields_still_loads() {
    let m = parse_map(OLD_JSON).expect("old JSON loads");
    assert!(m.hidden_lanes.is_empty());
    let tp = &m.touchpoints[0];
    assert_eq!(tp.to_be_emotion, None);
    assert_eq!(tp.to_be_note, "");
    assert_eq!(tp.emotion, Some(1));
}

#[test]
fn editor_fields_round_trip() {
    let mut m = JourneyMap::blank("m", "M", 0.0, Lang::De);
    let s = m.stages[0].id.clone();
    let id = m.add_touchpoint(&s, "x", Channel::Chat).unwrap();
    let tp = m.touchpoint_mut(&id).unwrap();
    tp.set_to_be_emotion(Some(7));
    tp.to_be_note = "Rückruf statt Warteschleife".into();
    m.hidden_lanes = vec!["thoughts".into()];
    let back = parse_map(&to_json(&m)).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.touchpoints[0].to_be_emotion, Some(2), "clamped");
}
