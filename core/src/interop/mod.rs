//! Moving maps between people without a server: files, links and text.
//!
//! - [`backup`]: JSON export/import of one map and of all maps (a versioned backup file).
//! - [`import_plan`]: what happens when an imported map meets the library — nothing is
//!   overwritten without an explicit [`import_plan::ImportChoice::Replace`].
//! - [`csv_export`], [`csv_mapping`], [`csv_import`]: touchpoints as a spreadsheet, with a
//!   mapping step between reading a sheet and importing its rows.
//! - [`mermaid_import`], [`mermaid_export`], [`mermaid_normalise`]: Mermaid `journey`
//!   diagrams (shared lexing in `mermaid_lex`, escaping and scores in [`mermaid_text`]).
//! - [`share_link`]: the whole map, deflated and base64url-encoded in a URL fragment.
//!
//! Everything here is pure: ids and timestamps come from the caller, text goes in and out.
//! The formats are described for users and developers in `docs/interop.md`.

pub mod backup;
pub mod csv_export;
pub mod csv_import;
pub mod csv_mapping;
pub mod import_plan;
pub mod mermaid_export;
pub mod mermaid_import;
mod mermaid_issue;
mod mermaid_lex;
pub mod mermaid_normalise;
pub mod mermaid_text;
pub mod share_link;

pub use backup::{export_backup, export_backup_with_key, export_map, is_customer_key, parse_backup, parse_import_file, Backup, BackupError, BrokenEntry, ImportFile, ImportFileError};
pub use csv_export::{export_touchpoints_csv, CsvExportOptions, ScoreColumn};
pub use csv_import::{import_rows, read_sheet, read_sheet_bytes, CsvError, CsvImportReport, CsvProblem, CsvProblemKind, CsvRow, CsvSheet};
pub use csv_mapping::{suggest_mapping, ColumnMapping, CsvField, MappingError};
pub use import_plan::{apply_to_library, plan_import, resolve_import, Conflict, ImportAction, ImportChoice, LibraryEntry, PlanError, PlanItem, PlanStatus};
pub use mermaid_export::{export_mermaid, MermaidExport, NotCarried};
pub use mermaid_import::{import_mermaid, unsorted_stage_name, IssueKind, MermaidImport, MermaidIssue, Severity};
pub use mermaid_normalise::normalise_mermaid;
pub use share_link::{decode_share_fragment, encode_share_fragment, ShareError};
