//! Two tabs on one map, at the level of `AppState` (the one writer of storage): two states
//! loaded from the same local storage stand for two tabs; the `storage` event a browser
//! sends the other tab is handed over by hand (`on_storage_event`), as the shell's listener
//! does. What is checked is what is stored: nothing is overwritten silently, and nothing is
//! lost.

use journey_core::model::schema::read_stored_map;
use journey_studio::store::keys;
use journey_studio::ui::state::{AppState, SaveStatus};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_app_keys() {
    let s = storage();
    let ours: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).filter(|k| k.starts_with(keys::PREFIX)).collect();
    for k in ours {
        s.remove_item(&k).unwrap();
    }
}

fn stored_map(id: &str) -> journey_core::model::JourneyMap {
    read_stored_map(&storage().get_item(&keys::map_key(id)).unwrap().expect("map stored")).unwrap()
}

/// The event the other tab gets for a map key: its new stored text.
fn tell(state: &AppState, id: &str) {
    let key = keys::map_key(id);
    state.on_storage_event(&key, storage().get_item(&key).unwrap());
}

/// A fresh storage with the example map written by a first tab; returns that tab and the id.
fn first_tab() -> (AppState, String) {
    clear_app_keys();
    let a = AppState::load(Some(journey_core::templates::coffee_to_go));
    a.flush();
    let id = a.library.with_untracked(|l| l.maps[0].id.clone());
    (a, id)
}

#[wasm_bindgen_test]
fn a_tab_without_unsaved_edits_follows_the_other_and_both_edits_are_kept() {
    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    a.edit_map(&id, |m| m.name = "Renamed in A".into());
    a.flush();
    tell(&b, &id);
    assert_eq!(b.library.with_untracked(|l| l.get(&id).unwrap().name.clone()), "Renamed in A");
    // B's edit goes on top of A's version: its save is made, and both edits are stored.
    b.edit_map(&id, |m| m.description = "Written in B".into());
    b.flush();
    assert_eq!(b.save_status.get_untracked(), SaveStatus::Saved);
    let stored = stored_map(&id);
    assert_eq!((stored.name.as_str(), stored.description.as_str()), ("Renamed in A", "Written in B"));
    assert!(b.conflicts.with_untracked(|c| c.is_empty()));
}

#[wasm_bindgen_test]
fn the_second_writer_is_held_back_told_and_keeps_a_copy() {
    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    a.edit_map(&id, |m| m.name = "Renamed in A".into());
    a.flush();
    // B edits its older version before it heard of A's write: the save is refused.
    b.edit_map(&id, |m| m.description = "Written in B".into());
    b.flush();
    assert_eq!(stored_map(&id).name, "Renamed in A", "A's write is not overwritten");
    assert_ne!(stored_map(&id).description, "Written in B");
    assert_eq!(b.conflicts.with_untracked(|c| c.len()), 1);
    assert_eq!(b.save_status.get_untracked(), SaveStatus::Pending, "B must not say saved");
    assert!(b.unsaved_work());
    // The storage event arriving later changes nothing: the conflict stays one.
    tell(&b, &id);
    assert_eq!(b.conflicts.with_untracked(|c| c.len()), 1);

    let copy = b.keep_mine_as_copy(&id).expect("a copy");
    assert!(b.conflicts.with_untracked(|c| c.is_empty()));
    assert_eq!(b.save_status.get_untracked(), SaveStatus::Saved);
    assert_eq!(stored_map(&id).name, "Renamed in A");
    let kept = stored_map(&copy);
    assert_eq!(kept.description, "Written in B");
    assert_eq!(kept.name, "Coffee to go (copy)");
    // B now shows A's version of the original; A learns of the copy.
    assert_eq!(b.library.with_untracked(|l| l.get(&id).unwrap().name.clone()), "Renamed in A");
    tell(&a, &copy);
    assert!(a.library.with_untracked(|l| l.get(&copy).is_some()));
    // And A keeps saving over the original: its revision is still the stored one.
    a.edit_map(&id, |m| m.name = "Again in A".into());
    a.flush();
    assert_eq!(stored_map(&id).name, "Again in A");
}

#[wasm_bindgen_test]
fn load_theirs_drops_mine_from_storage_but_keeps_it_one_undo_away() {
    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    a.edit_map(&id, |m| m.name = "Renamed in A".into());
    a.flush();
    b.edit_map(&id, |m| m.description = "Written in B".into());
    b.flush();
    b.load_theirs(&id);
    assert_eq!(b.library.with_untracked(|l| l.get(&id).unwrap().name.clone()), "Renamed in A");
    assert!(b.undo(&id));
    assert_eq!(b.library.with_untracked(|l| l.get(&id).unwrap().description.clone()), "Written in B");
}

#[wasm_bindgen_test]
fn a_map_deleted_in_the_other_tab_goes_unless_edited_here() {
    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    a.delete(&id);
    b.on_storage_event(&keys::map_key(&id), None);
    assert!(b.library.with_untracked(|l| l.get(&id).is_none()));

    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    b.edit_map(&id, |m| m.description = "Written in B".into());
    a.delete(&id);
    b.on_storage_event(&keys::map_key(&id), None);
    assert!(b.conflicts.with_untracked(|c| c.iter().any(|c| c.map_id == id && c.deleted)));
    b.flush();
    assert!(storage().get_item(&keys::map_key(&id)).unwrap().is_none(), "nothing written while in conflict");
    let copy = b.keep_mine_as_copy(&id).expect("a copy");
    assert_eq!(stored_map(&copy).description, "Written in B");
}

#[wasm_bindgen_test]
fn a_map_deleted_in_the_other_tab_while_open_here_stays_until_the_user_chooses() {
    let (a, id) = first_tab();
    let b = AppState::load(Some(journey_core::templates::coffee_to_go));
    // A page of B shows the map; its last edit was saved before the delete.
    b.note_open(&id);
    b.edit_map(&id, |m| m.description = "Saved in B".into());
    b.flush();
    let name = b.library.with_untracked(|l| l.get(&id).unwrap().name.clone());
    a.delete(&id);
    b.on_storage_event(&keys::map_key(&id), None);
    assert!(b.library.with_untracked(|l| l.get(&id).is_some()), "not pulled from under the page");
    assert!(b.conflicts.with_untracked(|c| c.iter().any(|c| c.map_id == id && c.deleted)));
    // An index B writes meanwhile does not list a map whose key is gone.
    b.add_map(journey_studio::ui::state::NewMap::Blank("Other".into()));
    b.flush();
    let index = storage().get_item(keys::INDEX).unwrap().unwrap();
    assert!(!index.contains(&id), "{index}");
    assert!(storage().get_item(&keys::map_key(&id)).unwrap().is_none());
    // Kept as a new map: a new id, the same name, B's text, stored.
    let kept = b.keep_mine_as_copy(&id).expect("kept");
    assert_ne!(kept, id);
    b.flush();
    let stored = stored_map(&kept);
    assert_eq!((stored.name.as_str(), stored.description.as_str()), (name.as_str(), "Saved in B"));
    assert!(b.library.with_untracked(|l| l.get(&id).is_none()));
    assert!(b.conflicts.with_untracked(|c| c.is_empty()));
    b.note_closed(&id);
}

#[wasm_bindgen_test]
fn typed_text_not_yet_committed_is_never_called_saved() {
    let (a, _) = first_tab();
    assert_eq!(a.save_status.get_untracked(), SaveStatus::Saved);
    a.note_typing();
    assert_eq!(a.save_status.get_untracked(), SaveStatus::Pending);
    a.flush();
    assert_eq!(a.save_status.get_untracked(), SaveStatus::Pending, "still typing");
    assert!(a.unsaved_work());
    a.typing_committed();
    a.flush();
    assert_eq!(a.save_status.get_untracked(), SaveStatus::Saved);
    assert!(!a.unsaved_work());
}
