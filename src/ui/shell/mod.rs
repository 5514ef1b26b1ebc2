//! What frames every page: hash routing, notices and the save indicator, the language
//! switch, and for map pages the one frame ([`map_frame::MapFrame`]) with the map's
//! navigation and the "map not found" message, around [`map_frame::MapHandle`]; the
//! confirms' focus and Esc ([`dialog`]), the app-wide keys (undo/redo of the map, `?` for the list of shortcuts) in [`shortcuts`];
//! typing saved while typing and before the page goes ([`typing`]), other tabs' writes
//! followed ([`other_tabs`]), the title, the focus after a page change and the skip link
//! ([`page_focus`]), the backup download ([`backup`]) and the encoding and
//! delimiter pickers of every CSV import ([`csv_choice`]).

pub mod backup;
pub mod csv_choice;
pub mod dialog;
pub mod lang_switch;
pub mod map_frame;
pub mod map_nav;
pub mod notices;
pub mod other_tabs;
pub mod page_focus;
pub mod remove_draft;
pub mod route;
pub mod shortcuts;
pub mod typing;
pub mod update_notice;
