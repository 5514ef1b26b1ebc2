//! Moving maps between people without a server: files, links and text.
//!
//! - [`backup`]: JSON export/import of one map and of all maps (a versioned backup file).
//! - [`import_plan`]: what happens when an imported map meets the library — nothing is
//!   overwritten without an explicit [`import_plan::ImportChoice::Replace`].
//! - [`share_link`]: the whole map, deflated and base64url-encoded in a URL fragment.
//!
//! Everything here is pure: ids and timestamps come from the caller, text goes in and out.

pub mod backup;
pub mod import_plan;
pub mod share_link;

pub use backup::{export_backup, export_map, parse_backup, parse_import_file, Backup, BackupError, BrokenEntry, ImportFile, ImportFileError};
pub use import_plan::{apply_to_library, plan_import, resolve_import, Conflict, ImportAction, ImportChoice, LibraryEntry, PlanError, PlanItem, PlanStatus};
pub use share_link::{decode_share_fragment, encode_share_fragment, ShareError};
