//! Browser tests of the store against Chromium's real local storage (wasm-bindgen-test):
//! unreadable maps are reported and backed up, never overwritten; a full storage keeps the
//! last saved version; and the mounted app names the unreadable map.

use journey_core::library::Library;
use journey_core::model::Lang;
use journey_studio::store::backend::BrowserStorage;
use journey_studio::store::library_store::{load_library, save_index, save_map};
use journey_studio::store::{keys, KeyValue, MemoryStorage, SetError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_app_keys() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let n = storage.length().unwrap();
    let ours: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(keys::PREFIX))
        .collect();
    for k in ours {
        storage.remove_item(&k).unwrap();
    }
}

fn two_maps() -> Library {
    let mut lib = Library::default();
    lib.create_example("good", 1.0, Lang::En);
    lib.create_blank("bad", "Broken one", "x", 2.0, Lang::En);
    lib
}

#[wasm_bindgen_test]
fn garbage_under_a_map_key_is_reported_and_backed_up() {
    clear_app_keys();
    let kv = BrowserStorage::open().expect("local storage in Chromium");
    let lib = two_maps();
    for m in &lib.maps {
        save_map(&kv, m).unwrap();
    }
    save_index(&kv, &lib, &[]).unwrap();
    kv.set(&keys::map_key("bad"), "\u{1F4A5} not json").unwrap();

    let loaded = load_library(&kv);
    assert_eq!(loaded.library.maps.len(), 1);
    assert_eq!(loaded.library.maps[0].id, "good");
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].entry.name, "Broken one");
    assert_eq!(kv.get(&keys::backup_key("bad")).as_deref(), Some("\u{1F4A5} not json"));
    assert_eq!(kv.get(&keys::map_key("bad")).as_deref(), Some("\u{1F4A5} not json"));

    // Saving the index afterwards keeps the unreadable map listed.
    save_index(&kv, &loaded.library, &loaded.unreadable).unwrap();
    let again = load_library(&kv);
    assert_eq!(again.unreadable.len(), 1);
    clear_app_keys();
}

#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_map_keys() {
    clear_app_keys();
    let kv = BrowserStorage::open().unwrap();
    let lib = two_maps();
    for m in &lib.maps {
        save_map(&kv, m).unwrap();
    }
    kv.set(keys::INDEX, "[[[").unwrap();
    let loaded = load_library(&kv);
    assert!(loaded.index_rebuilt);
    assert_eq!(loaded.library.maps.len(), 2);
    assert_eq!(kv.get(&keys::backup_key("index")).as_deref(), Some("[[["));
    clear_app_keys();
}

#[wasm_bindgen_test]
fn nothing_stored_means_first_start() {
    clear_app_keys();
    let kv = BrowserStorage::open().unwrap();
    assert!(load_library(&kv).first_start);
    kv.set(keys::INDEX, r#"{"schema_version":1,"maps":[]}"#).unwrap();
    let loaded = load_library(&kv);
    assert!(!loaded.first_start, "an emptied library stays empty");
    clear_app_keys();
}

#[wasm_bindgen_test]
fn chromium_quota_error_is_recognised_and_the_old_value_stays() {
    clear_app_keys();
    let kv = BrowserStorage::open().unwrap();
    let mut lib = Library::default();
    lib.create_example("big", 1.0, Lang::En);
    save_map(&kv, &lib.maps[0]).unwrap();
    let before = kv.get(&keys::map_key("big")).unwrap();
    // Far beyond Chromium's local-storage quota (about 5 MB per origin).
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(kv.set(&keys::map_key("big"), &huge), Err(SetError::QuotaExceeded));
    assert_eq!(kv.get(&keys::map_key("big")).unwrap(), before);
    clear_app_keys();
}

#[wasm_bindgen_test]
fn memory_storage_quota_behaves_like_the_browser() {
    let kv = MemoryStorage::with_quota(20_000);
    let mut lib = Library::default();
    lib.create_blank("m", "Small", "x", 1.0, Lang::En);
    save_map(&kv, &lib.maps[0]).unwrap();
    let before = kv.get(&keys::map_key("m")).unwrap();
    lib.maps[0].description = "y".repeat(50_000);
    assert_eq!(save_map(&kv, &lib.maps[0]), Err(SetError::QuotaExceeded));
    assert_eq!(kv.get(&keys::map_key("m")).unwrap(), before);
    assert!(!kv.is_persistent());
}

#[wasm_bindgen_test]
async fn the_mounted_app_names_the_unreadable_map() {
    clear_app_keys();
    let kv = BrowserStorage::open().unwrap();
    let lib = two_maps();
    for m in &lib.maps {
        save_map(&kv, m).unwrap();
    }
    save_index(&kv, &lib, &[]).unwrap();
    kv.set(&keys::map_key("bad"), "{\"schema_version\": 99}").unwrap();

    let window = web_sys::window().unwrap();
    window.location().set_hash("#/").unwrap();
    let document = window.document().unwrap();
    let _handle = leptos::mount::mount_to_body(journey_studio::ui::modules::app::App);
    let notice = document
        .query_selector("[data-testid=unreadable-maps]")
        .unwrap()
        .expect("the notice is shown");
    let text = notice.text_content().unwrap();
    assert!(text.contains("Broken one"), "{text}");
    assert!(text.contains("schema version 99"), "{text}");
    assert!(text.contains(&keys::backup_key("bad")), "{text}");
    let body = document.body().unwrap().inner_html();
    let list = document.query_selector("[data-testid=map-list]").unwrap().expect(&body);
    assert!(list.text_content().unwrap().contains("Coffee to go"));
    assert_eq!(kv.get(&keys::backup_key("bad")).as_deref(), Some("{\"schema_version\": 99}"));
    clear_app_keys();
}
