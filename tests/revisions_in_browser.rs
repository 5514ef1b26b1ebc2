//! Two tabs on one storage (store level): per-map revisions refuse a save that would
//! overwrite another tab's write; maps stored before revisions existed read as revision 0;
//! a failed save changes nothing stored, the index included; the index keeps the maps
//! another tab added, and a map key the index misses is still listed.

mod common;

use journey_core::library::Library;
use journey_core::model::Lang;
use journey_studio::store::library_store::{load_library, save_index, save_index_except, save_map, stored_entries};
use journey_studio::store::revision::{parse_record, read_revision, save_map_checked, SaveError};
use journey_studio::store::{keys, KeyValue, MemoryStorage, SetError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn one_map(id: &str, name: &str) -> Library {
    let mut lib = Library::default();
    lib.create_blank(id, name, "x", 1.0, Lang::En);
    lib
}

#[wasm_bindgen_test]
fn maps_stored_before_revisions_read_as_revision_0_and_the_first_save_makes_1() {
    let kv = MemoryStorage::default();
    // What the previous version stored: the map and the index, no revision record.
    let lib = one_map("m", "Old");
    save_map(&kv, &lib.maps[0]).unwrap();
    save_index(&kv, &lib, &[]).unwrap();
    assert_eq!(read_revision(&kv, "m").revision, 0);
    assert_eq!(load_library(&kv).library.maps.len(), 1);
    assert_eq!(save_map_checked(&kv, &lib.maps[0], 0, "tab-a"), Ok(1));
    let record = parse_record(&kv.get(&keys::revision_key("m")).unwrap()).unwrap();
    assert_eq!((record.format, record.revision, record.tab.as_str()), (1, 1, "tab-a"));
    // A record of a newer format is not understood: it reads as 0 and is left alone.
    kv.set(&keys::revision_key("n"), r#"{"format":9,"revision":4}"#).unwrap();
    assert_eq!(read_revision(&kv, "n").revision, 0);
}

#[wasm_bindgen_test]
fn the_second_writer_is_refused_and_nothing_is_overwritten() {
    let kv = MemoryStorage::default();
    let mut lib_a = one_map("m", "Shared");
    let mut lib_b = lib_a.clone();
    // Both tabs loaded revision 0. Tab A saves first.
    lib_a.maps[0].touchpoints.clear();
    lib_a.maps[0].description = "A's edit".into();
    assert_eq!(save_map_checked(&kv, &lib_a.maps[0], 0, "a"), Ok(1));
    let after_a = kv.get(&keys::map_key("m")).unwrap();
    lib_b.maps[0].description = "B's edit".into();
    let refused = save_map_checked(&kv, &lib_b.maps[0], 0, "b");
    assert_eq!(refused, Err(SaveError::Conflict { expected: 0, stored: 1, tab: "a".into() }));
    assert_eq!(kv.get(&keys::map_key("m")).unwrap(), after_a, "A's version stays");
    // B loads theirs (revision 1) and saves again on top of it.
    assert_eq!(save_map_checked(&kv, &lib_b.maps[0], 1, "b"), Ok(2));
}

#[wasm_bindgen_test]
fn a_failed_save_changes_nothing_stored_the_index_included() {
    let lib = one_map("m", "Small");
    let kv = MemoryStorage::with_quota(6_000);
    assert_eq!(save_map_checked(&kv, &lib.maps[0], 0, "a"), Ok(1));
    save_index(&kv, &lib, &[]).unwrap();
    let before: Vec<Option<String>> =
        [keys::map_key("m"), keys::revision_key("m"), keys::INDEX.to_string()].iter().map(|k| kv.get(k)).collect();
    let mut big = lib.clone();
    // Text that does not pack small (maps are stored deflated).
    big.maps[0].description = common::noise(20_000);
    big.maps[0].updated_at = 99.0;
    big.maps[0].name = "Renamed".into();
    assert_eq!(save_map_checked(&kv, &big.maps[0], 1, "a"), Err(SaveError::Write(SetError::QuotaExceeded)));
    save_index_except(&kv, &big, &[], &["m".to_string()]).unwrap();
    let after: Vec<Option<String>> =
        [keys::map_key("m"), keys::revision_key("m"), keys::INDEX.to_string()].iter().map(|k| kv.get(k)).collect();
    assert_eq!(after, before);
    assert_eq!(stored_entries(&kv)[0].updated_at, lib.maps[0].updated_at);
}

#[wasm_bindgen_test]
fn the_index_keeps_other_tabs_maps_and_lists_keys_it_misses() {
    let kv = MemoryStorage::default();
    let lib_a = one_map("a", "Tab A's map");
    let lib_b = one_map("b", "Tab B's map");
    save_map(&kv, &lib_a.maps[0]).unwrap();
    save_index(&kv, &lib_a, &[]).unwrap();
    save_map(&kv, &lib_b.maps[0]).unwrap();
    save_index(&kv, &lib_b, &[]).unwrap();
    // Tab A writes the index again, knowing only its own map: B's entry stays.
    save_index(&kv, &lib_a, &[]).unwrap();
    let ids: Vec<String> = stored_entries(&kv).into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["a", "b"]);
    // A map written by a tab that closed before writing the index is still listed.
    let lib_c = one_map("c", "Orphan");
    save_map(&kv, &lib_c.maps[0]).unwrap();
    let names: Vec<String> = load_library(&kv).library.maps.into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["Tab A's map", "Tab B's map", "Orphan"]);
}

