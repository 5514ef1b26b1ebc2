//! Snapshots of a map (`#/map/<id>/snapshots`): take, view, compare with the map, restore
//! as a copy, delete. Stored apart from the map, always through `AppState`.

pub mod compare;
pub mod page;
pub mod view;
