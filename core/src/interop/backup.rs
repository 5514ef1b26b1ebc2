//! JSON files: one map (the plain versioned map JSON of [`crate::model::schema`]) or all
//! maps in a backup file with its own small envelope:
//!
//! ```json
//! { "format": "journey-studio-backup", "schema_version": 1, "exported_at": 1700000000000,
//!   "maps": [ { "schema_version": 1, "id": "…", … }, … ] }
//! ```
//!
//! The envelope's `schema_version` is the version of the envelope; every map inside keeps
//! its own and is read through [`map_from_value`], so old maps in a backup are migrated
//! and each entry's errors name their full path (`maps[2].touchpoints[0].emotion`).
//! A broken entry does not stop the others: [`Backup::broken`] lists it and the UI decides.

use serde_json::{Map, Value};

use crate::model::schema::{map_from_value, parse_map, strip_position, to_json, LoadError};
use crate::model::{JourneyMap, Lang};

/// The `format` value that marks a backup file.
pub const BACKUP_FORMAT: &str = "journey-studio-backup";

/// The envelope version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;

/// A read backup: the maps that could be read and the entries that could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// Milliseconds since the Unix epoch, as written by the exporting app.
    pub exported_at: f64,
    pub maps: Vec<JourneyMap>,
    pub broken: Vec<BrokenEntry>,
}

/// One entry of `maps` that is not a readable journey map.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenEntry {
    /// Position in the file's `maps` array (0-based, as in the JSON path).
    pub index: usize,
    /// The error, with a JSON path starting at the file root (`maps[2]…`).
    pub error: LoadError,
}

impl BrokenEntry {
    pub fn message(&self, lang: Lang) -> String {
        match &self.error {
            // The path already names the entry.
            LoadError::Invalid { .. } => self.error.message(lang),
            other => format!("maps[{}]: {}", self.index, other.message(lang)),
        }
    }
}

/// Why a file is not a backup (or not a map) at all.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupError {
    /// Not JSON: line and column (1-based).
    Syntax { line: usize, column: usize, detail: String },
    /// JSON, but the envelope is wrong at `path`.
    NotABackup { path: String, detail: String },
    /// Written by a newer app.
    NewerVersion { found: u32, supported: u32 },
}

impl BackupError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            // The same words as for a single map file.
            (BackupError::Syntax { line, column, detail }, _) => {
                LoadError::Syntax { line: *line, column: *column, detail: detail.clone() }.message(lang)
            }
            (BackupError::NotABackup { path, detail }, Lang::En) => {
                format!("Not a Journey Studio backup at {path}: {detail}")
            }
            (BackupError::NotABackup { path, detail }, Lang::De) => {
                format!("Keine Journey-Studio-Sicherung bei {path}: {detail}")
            }
            (BackupError::NewerVersion { found, supported }, Lang::En) => format!(
                "This backup has format version {found}, but this app reads only up to version \
                 {supported}. Please update Journey Studio."
            ),
            (BackupError::NewerVersion { found, supported }, Lang::De) => format!(
                "Diese Sicherung hat Format-Version {found}, diese App liest nur bis Version \
                 {supported}. Bitte aktualisieren Sie Journey Studio."
            ),
        }
    }
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BackupError {}

/// One map as a file: exactly the versioned map JSON.
pub fn export_map(map: &JourneyMap) -> String {
    to_json(map)
}

/// All maps as one backup file, written at `exported_at_ms`.
pub fn export_backup(maps: &[JourneyMap], exported_at_ms: f64) -> String {
    // Each map goes through `to_json`, the one place that decides how a map is written.
    let maps: Vec<Value> = maps
        .iter()
        .map(|m| serde_json::from_str(&to_json(m)).expect("to_json writes valid JSON"))
        .collect();
    let mut root = Map::new();
    root.insert("format".into(), Value::from(BACKUP_FORMAT));
    root.insert("schema_version".into(), Value::from(BACKUP_VERSION));
    root.insert("exported_at".into(), Value::from(exported_at_ms));
    root.insert("maps".into(), Value::Array(maps));
    serde_json::to_string_pretty(&Value::Object(root)).expect("JSON values always serialise")
}

/// Reads a backup file.
pub fn parse_backup(text: &str) -> Result<Backup, BackupError> {
    backup_from_value(parse_json(text)?)
}

/// What an imported JSON file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFile {
    /// Boxed: a map is much larger than a backup's three vectors.
    Single(Box<JourneyMap>),
    Backup(Backup),
}

/// Why an imported JSON file could not be read: as a backup or as a single map.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFileError {
    Backup(BackupError),
    Map(LoadError),
}

impl ImportFileError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportFileError::Backup(e) => e.message(lang),
            ImportFileError::Map(e) => e.message(lang),
        }
    }
}

impl ImportFile {
    /// The readable maps, whatever the file was.
    pub fn into_maps(self) -> Vec<JourneyMap> {
        match self {
            ImportFile::Single(m) => vec![*m],
            ImportFile::Backup(b) => b.maps,
        }
    }
}

/// Reads a JSON file the user picked: a backup if it says so (`"format"` present), else a
/// single map. One "Import JSON" button can use this for both kinds.
pub fn parse_import_file(text: &str) -> Result<ImportFile, ImportFileError> {
    let value = parse_json(text).map_err(ImportFileError::Backup)?;
    if value.get("format").is_some() {
        backup_from_value(value).map(ImportFile::Backup).map_err(ImportFileError::Backup)
    } else {
        // Re-parse through the map reader so its errors are exactly those of a map file.
        parse_map(text).map(|m| ImportFile::Single(Box::new(m))).map_err(ImportFileError::Map)
    }
}

fn parse_json(text: &str) -> Result<Value, BackupError> {
    serde_json::from_str(text).map_err(|e| BackupError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })
}

fn backup_from_value(mut value: Value) -> Result<Backup, BackupError> {
    let not_backup = |path: &str, detail: String| BackupError::NotABackup { path: path.into(), detail };
    let Some(root) = value.as_object_mut() else {
        return Err(not_backup("$", format!("expected an object, found {}", kind_of(&value))));
    };
    match root.get("format") {
        Some(Value::String(f)) if f == BACKUP_FORMAT => {}
        Some(other) => return Err(not_backup("format", format!("expected \"{BACKUP_FORMAT}\", found {other}"))),
        None => return Err(not_backup("format", "missing".into())),
    }
    let version = match root.get("schema_version") {
        Some(v) => v
            .as_u64()
            .filter(|v| *v >= 1)
            .ok_or_else(|| not_backup("schema_version", format!("expected a whole number from 1, found {v}")))?,
        None => return Err(not_backup("schema_version", "missing".into())),
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > BACKUP_VERSION {
        return Err(BackupError::NewerVersion { found: version, supported: BACKUP_VERSION });
    }
    let exported_at = match root.get("exported_at") {
        None => 0.0,
        Some(v) => v
            .as_f64()
            .ok_or_else(|| not_backup("exported_at", format!("expected a number, found {v}")))?,
    };
    let entries = match root.remove("maps") {
        Some(Value::Array(entries)) => entries,
        Some(other) => return Err(not_backup("maps", format!("expected a list, found {}", kind_of(&other)))),
        None => return Err(not_backup("maps", "missing".into())),
    };
    let mut maps = Vec::new();
    let mut broken = Vec::new();
    for (index, entry) in entries.into_iter().enumerate() {
        match map_from_value(entry) {
            Ok(map) => maps.push(map),
            Err(error) => broken.push(BrokenEntry { index, error: prefix_path(error, index) }),
        }
    }
    Ok(Backup { exported_at, maps, broken })
}

/// Makes an entry's JSON path absolute: `touchpoints[0].emotion` → `maps[2].touchpoints[0].emotion`.
fn prefix_path(error: LoadError, index: usize) -> LoadError {
    match error {
        LoadError::Invalid { path, detail } => {
            let path = if path.is_empty() || path == "." {
                format!("maps[{index}]")
            } else {
                format!("maps[{index}].{path}")
            };
            LoadError::Invalid { path, detail }
        }
        other => other,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::SCHEMA_VERSION;
    use crate::templates::coffee_to_go;

    fn library() -> Vec<JourneyMap> {
        let mut second = JourneyMap::blank("m-2", "Second", 5.0, Lang::De);
        second.description = "Zweite Karte".into();
        vec![coffee_to_go("m-1", 1.0, Lang::En), second, coffee_to_go("m-3", 2.0, Lang::De)]
    }

    #[test]
    fn single_map_export_import_gives_the_identical_model() {
        for map in library() {
            match parse_import_file(&export_map(&map)).unwrap() {
                ImportFile::Single(back) => assert_eq!(*back, map),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn backup_export_import_gives_the_identical_maps() {
        let maps = library();
        let text = export_backup(&maps, 1_700_000_000_123.0);
        let backup = parse_backup(&text).unwrap();
        assert_eq!(backup.maps, maps);
        assert!(backup.broken.is_empty());
        assert_eq!(backup.exported_at, 1_700_000_000_123.0);
        assert!(matches!(parse_import_file(&text).unwrap(), ImportFile::Backup(b) if b.maps == maps));
    }

    #[test]
    fn a_broken_entry_names_its_full_path_and_the_others_still_load() {
        let text = export_backup(&library(), 0.0);
        let mut value: Value = serde_json::from_str(&text).unwrap();
        value["maps"][2]["touchpoints"][0]["emotion"] = Value::from("happy");
        let backup = parse_backup(&value.to_string()).unwrap();
        assert_eq!(backup.maps.len(), 2);
        assert_eq!(backup.broken.len(), 1);
        assert_eq!(backup.broken[0].index, 2);
        match &backup.broken[0].error {
            LoadError::Invalid { path, .. } => assert_eq!(path, "maps[2].touchpoints[0].emotion"),
            other => panic!("{other:?}"),
        }
        assert!(backup.broken[0].message(Lang::De).contains("maps[2].touchpoints[0].emotion"));
    }

    #[test]
    fn an_entry_from_a_newer_app_is_reported_with_its_index() {
        let text = export_backup(&library(), 0.0);
        let mut value: Value = serde_json::from_str(&text).unwrap();
        value["maps"][1]["schema_version"] = Value::from(SCHEMA_VERSION + 1);
        let backup = parse_backup(&value.to_string()).unwrap();
        assert_eq!(backup.broken.len(), 1);
        let msg = backup.broken[0].message(Lang::En);
        assert!(msg.starts_with("maps[1]: "), "{msg}");
    }

    #[test]
    fn envelope_errors_name_the_json_path() {
        let cases = [
            ("[]", "$"),
            (r#"{"format":"other","schema_version":1,"maps":[]}"#, "format"),
            (r#"{"format":"journey-studio-backup","maps":[]}"#, "schema_version"),
            (r#"{"format":"journey-studio-backup","schema_version":"1","maps":[]}"#, "schema_version"),
            (r#"{"format":"journey-studio-backup","schema_version":1}"#, "maps"),
            (r#"{"format":"journey-studio-backup","schema_version":1,"maps":{}}"#, "maps"),
            (r#"{"format":"journey-studio-backup","schema_version":1,"exported_at":"x","maps":[]}"#, "exported_at"),
        ];
        for (text, want) in cases {
            match parse_backup(text) {
                Err(BackupError::NotABackup { path, .. }) => assert_eq!(path, want, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn newer_backups_and_broken_json_are_refused_clearly() {
        let text = r#"{"format":"journey-studio-backup","schema_version":9,"maps":[]}"#;
        let err = parse_backup(text).unwrap_err();
        assert_eq!(err, BackupError::NewerVersion { found: 9, supported: BACKUP_VERSION });
        assert!(err.message(Lang::De).contains("Format-Version 9"));
        match parse_backup("{\n \"format\": \"journey-studio-backup\",\n ]") {
            Err(BackupError::Syntax { line, column, .. }) => assert_eq!((line, column), (3, 2)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_single_map_file_with_errors_reports_the_map_path() {
        let text = export_map(&library()[0]).replacen("\"name\": \"Coffee to go\"", "\"name\": 3", 1);
        match parse_import_file(&text) {
            Err(ImportFileError::Map(LoadError::Invalid { path, .. })) => assert_eq!(path, "name"),
            other => panic!("{other:?}"),
        }
    }
}
