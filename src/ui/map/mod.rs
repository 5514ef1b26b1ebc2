//! One map as a whole: the map page (`#/map/<id>`, which shows the editor), its file
//! actions and exports, the print sheet, the presentation mode and a map opened from a
//! share link.

pub mod actions;
pub mod csv_import;
pub mod exports;
pub mod image_export;
pub mod page;
pub mod present_opening;
pub mod presentation;
pub mod print_map;
pub mod print_sheet;
pub mod shared;
pub mod shared_canvas;
