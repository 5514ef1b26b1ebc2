//! The library (`#/`): the list of maps, creating and opening maps, the file area (JSON and
//! backup import/export, a map from Mermaid) and the storage meter.

pub mod files;
pub mod json_import;
pub mod mermaid_import;
pub mod page;
pub mod storage_meter;
pub mod template_picker;
