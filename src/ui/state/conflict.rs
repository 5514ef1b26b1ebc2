//! A map this tab and another tab both changed (`other_tabs.rs` finds them, the shell's
//! notice settles them). Its own file so that `AppState` holds it without importing the
//! code that extends `AppState`.

/// A map that this tab and another tab both changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub map_id: String,
    pub map_name: String,
    /// The other tab deleted the map.
    pub deleted: bool,
}
