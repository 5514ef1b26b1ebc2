//! Reading an aggregate file: JSON syntax (line and column), the `format` marker, the
//! version (newer ones are refused, never half-read), the fields (JSON path with line and
//! column), then whether the numbers add up (see [`super::validate`]). Messages in English
//! and German.

use serde_json::Value;

use super::format::{Aggregate, FORMAT, VERSION};
use super::locate::{locate, render, Seg};
use crate::model::Lang;

/// Why an aggregate file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum AggregateError {
    /// Not JSON: line and column of the first error (1-based).
    Syntax { line: usize, column: usize, detail: String },
    /// JSON, but no `"format": "journey-studio-aggregate"`.
    NotAnAggregate,
    /// Written for a newer version of the format.
    NewerVersion { found: u64, supported: u32 },
    /// A field is missing, unknown or of the wrong type, or the numbers do not add up.
    /// `line`/`column` are 0 when the place could not be found in the text.
    Invalid { path: String, line: usize, column: usize, detail: String },
}

impl AggregateError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AggregateError::Syntax { line, column, detail }, Lang::En) => {
                format!("Not valid JSON at line {line}, column {column}: {detail}")
            }
            (AggregateError::Syntax { line, column, detail }, Lang::De) => {
                format!("Kein gültiges JSON in Zeile {line}, Spalte {column}: {detail}")
            }
            (AggregateError::NotAnAggregate, Lang::En) => format!(
                "This JSON file is not a journey aggregate: it needs \"format\": \"{FORMAT}\" (see docs/scale.md)."
            ),
            (AggregateError::NotAnAggregate, Lang::De) => format!(
                "Diese JSON-Datei ist kein Journey-Aggregat: ihr fehlt \"format\": \"{FORMAT}\" (siehe docs/scale.md)."
            ),
            (AggregateError::NewerVersion { found, supported }, Lang::En) => format!(
                "This aggregate has format version {found}, but this app reads only up to version {supported}. \
                 Please update Journey Studio, or produce the aggregate with the SQL of this version."
            ),
            (AggregateError::NewerVersion { found, supported }, Lang::De) => format!(
                "Dieses Aggregat hat die Formatversion {found}, diese App liest nur bis Version {supported}. \
                 Bitte aktualisieren Sie Journey Studio oder erzeugen Sie das Aggregat mit dem SQL dieser Version."
            ),
            (AggregateError::Invalid { path, line, column, detail }, Lang::En) if *line > 0 => {
                format!("Not a valid aggregate at {path} (line {line}, column {column}): {detail}")
            }
            (AggregateError::Invalid { path, line, column, detail }, Lang::De) if *line > 0 => {
                format!("Kein gültiges Aggregat bei {path} (Zeile {line}, Spalte {column}): {detail}")
            }
            (AggregateError::Invalid { path, detail, .. }, Lang::En) => format!("Not a valid aggregate at {path}: {detail}"),
            (AggregateError::Invalid { path, detail, .. }, Lang::De) => format!("Kein gültiges Aggregat bei {path}: {detail}"),
        }
    }
}

impl std::fmt::Display for AggregateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AggregateError {}

/// True when the bytes look like an aggregate (JSON naming the format) rather than a CSV
/// event log: the page uses it to pick the import path. Looks at the first bytes only.
pub fn looks_like_aggregate(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&start[..start.len().min(4096)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{') && t.contains(FORMAT)
}

/// Reads an aggregate file (UTF-8 JSON, a byte-order mark is ignored).
pub fn parse_aggregate(text: &str) -> Result<Aggregate, AggregateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| AggregateError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(AggregateError::NotAnAggregate);
    }
    let invalid = |seg: &'static str, detail: String| {
        let (line, column) = locate(text, &[Seg::Key(seg)]).unwrap_or((0, 0));
        AggregateError::Invalid { path: seg.into(), line, column, detail }
    };
    let version = match value.get("version") {
        None => return Err(invalid("format", "the field \"version\" is missing".into())),
        Some(v) => v.as_u64().ok_or_else(|| invalid("version", format!("expected a whole number, found {v}")))?,
    };
    if version > VERSION as u64 {
        return Err(AggregateError::NewerVersion { found: version, supported: VERSION });
    }
    if version == 0 {
        return Err(invalid("version", "version 0 does not exist".into()));
    }
    // Version 1 → 2: version 2 added `ties`. A version-1 file did not say how it ordered
    // equal timestamps, so it is read with `ties: None` (nothing to rewrite in `value`);
    // a version-2 file must say it, and a version-1 file cannot (tests/aggregate/v1_*.json).
    let has_ties = value.get("ties").is_some();
    if version == 1 && has_ties {
        return Err(invalid("ties", "\"ties\" came with version 2; this file says version 1".into()));
    }
    if version >= 2 && !has_ties {
        return Err(invalid("version", format!("the field \"ties\" is missing (required from version 2, this file says {version})")));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let aggregate: Aggregate = serde_path_to_error::deserialize(&mut de).map_err(|e| AggregateError::Invalid {
        path: e.path().to_string(),
        line: e.inner().line(),
        column: e.inner().column(),
        detail: strip_position(&e.inner().to_string()),
    })?;
    super::validate::validate(&aggregate).map_err(|(path, detail)| {
        let (line, column) = locate(text, &path).unwrap_or((0, 0));
        AggregateError::Invalid { path: render(&path), line, column, detail }
    })?;
    Ok(aggregate)
}

/// serde_json appends " at line X column Y" to its messages; they are reported apart.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
