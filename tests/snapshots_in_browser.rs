//! Browser tests of the snapshot store: snapshots live under their own keys (the map's key
//! does not grow), list newest first, an unreadable one is reported and left as it was, a
//! write refused for quota changes nothing, and the storage meter counts them.

use journey_core::model::snapshot::Snapshot;
use journey_core::model::Lang;
use journey_core::templates::coffee_to_go;
use journey_studio::store::snapshot_store::{
    all_snapshots, delete_snapshot, list_snapshots, load_snapshot, save_snapshot, snapshots_to_drop, storage_usage, SnapshotLoadError,
};
use journey_studio::store::{keys, KeyValue, MemoryStorage, SetError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn snapshots_are_stored_apart_listed_newest_first_and_deleted() {
    let kv = MemoryStorage::default();
    let map = coffee_to_go("m1", 1.0, Lang::En);
    kv.set(&keys::map_key("m1"), "{}").unwrap();
    save_snapshot(&kv, &Snapshot::take("a", "First", &map, 10.0)).unwrap();
    save_snapshot(&kv, &Snapshot::take("b", "Second", &map, 20.0)).unwrap();
    save_snapshot(&kv, &Snapshot::take("c", "Other map", &coffee_to_go("m2", 1.0, Lang::En), 30.0)).unwrap();
    assert_eq!(kv.get(&keys::map_key("m1")).as_deref(), Some("{}"), "the map's own key is untouched");
    let (list, bad) = list_snapshots(&kv, "m1");
    assert!(bad.is_empty());
    assert_eq!(list.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["Second", "First"]);
    assert_eq!(all_snapshots(&kv).len(), 3);
    assert_eq!(load_snapshot(&kv, "m1", "a").unwrap().map, map);
    delete_snapshot(&kv, "m1", "a");
    assert_eq!(load_snapshot(&kv, "m1", "a"), Err(SnapshotLoadError::Missing));
    assert_eq!(list_snapshots(&kv, "m1").0.len(), 1);
}

#[wasm_bindgen_test]
fn an_unreadable_snapshot_is_reported_and_left_alone() {
    let kv = MemoryStorage::default();
    kv.set(&keys::snapshot_key("m1", "x"), "not json").unwrap();
    let (list, bad) = list_snapshots(&kv, "m1");
    assert!(list.is_empty());
    assert_eq!(bad.len(), 1);
    assert!(!bad[0].error.message(Lang::De).is_empty());
    assert_eq!(kv.get(&keys::snapshot_key("m1", "x")).as_deref(), Some("not json"));
    assert!(matches!(load_snapshot(&kv, "m1", "x"), Err(SnapshotLoadError::Unreadable(_))));
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_snapshot_and_the_meter_counts_snapshots() {
    let map = coffee_to_go("m1", 1.0, Lang::En);
    let small = MemoryStorage::with_quota(100);
    assert_eq!(save_snapshot(&small, &Snapshot::take("a", "A", &map, 1.0)), Err(SetError::QuotaExceeded));
    assert!(small.keys().is_empty());

    let kv = MemoryStorage::default();
    kv.set("someone-else:key", &"z".repeat(5000)).unwrap();
    save_snapshot(&kv, &Snapshot::take("a", "A", &map, 1.0)).unwrap();
    let usage = storage_usage(&kv);
    assert!(usage.snapshots > 1000);
    assert_eq!(usage.used, usage.snapshots, "only the app's own keys count");
    // Far from the quota, the oldest snapshot is still what would be offered first.
    assert_eq!(snapshots_to_drop(&kv).iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["a"]);
}
