//! What can go wrong when importing an event log: problems with single rows (skipped and
//! reported) and problems that make the whole file unusable. Every message exists in
//! English and German and names the line (1-based, as an editor shows it) where it can.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// Why one row was skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// The row has fewer fields than the mapped columns need.
    TooFewFields { expected: usize, found: usize },
    EmptyCase,
    EmptyActivity,
    EmptyTimestamp,
    BadTimestamp { value: String },
    /// A text field is not valid UTF-8; `column` is the header name.
    NotUtf8 { column: String },
    /// The CSV reader itself failed on this row (e.g. a broken quote).
    Csv { detail: String },
}

/// A skipped row with its line number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowIssue {
    pub line: u64,
    pub problem: RowProblem,
}

impl RowIssue {
    pub fn message(&self, lang: Lang) -> String {
        let what = match (&self.problem, lang) {
            (RowProblem::TooFewFields { expected, found }, Lang::En) => {
                format!("expected at least {expected} fields, found {found}")
            }
            (RowProblem::TooFewFields { expected, found }, Lang::De) => {
                format!("mindestens {expected} Felder erwartet, {found} gefunden")
            }
            (RowProblem::EmptyCase, Lang::En) => "the case id is empty".into(),
            (RowProblem::EmptyCase, Lang::De) => "die Fall-ID ist leer".into(),
            (RowProblem::EmptyActivity, Lang::En) => "the activity is empty".into(),
            (RowProblem::EmptyActivity, Lang::De) => "die Aktivität ist leer".into(),
            (RowProblem::EmptyTimestamp, Lang::En) => "the timestamp is empty".into(),
            (RowProblem::EmptyTimestamp, Lang::De) => "der Zeitstempel ist leer".into(),
            (RowProblem::BadTimestamp { value }, Lang::En) => {
                format!("“{}” is not a timestamp this import understands", shorten(value))
            }
            (RowProblem::BadTimestamp { value }, Lang::De) => {
                format!("„{}“ ist kein lesbarer Zeitstempel", shorten(value))
            }
            (RowProblem::NotUtf8 { column }, Lang::En) => {
                format!("column “{column}” is not valid UTF-8 text")
            }
            (RowProblem::NotUtf8 { column }, Lang::De) => {
                format!("Spalte „{column}“ ist kein gültiger UTF-8-Text")
            }
            (RowProblem::Csv { detail }, Lang::En) => format!("unreadable CSV: {detail}"),
            (RowProblem::Csv { detail }, Lang::De) => format!("nicht lesbares CSV: {detail}"),
        };
        format!("{} {}: {what}", lang.pick(("Line", "Zeile")), self.line)
    }
}

/// Why a whole file cannot be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// Nothing but whitespace.
    EmptyFile,
    /// The header line could not be read.
    BadHeader { detail: String },
    /// Only one column was found with every delimiter tried.
    SingleColumn,
    /// A mapped column is not in the header.
    MissingColumn { role: String, name: String },
    /// Two roles point at the same column.
    SameColumnTwice { name: String },
    /// Every row was dropped by the lifecycle filter.
    LifecycleKeptNothing { column: String, value: String },
    /// The file has a header but not a single usable row.
    NoUsableRows { skipped: u64, first: Option<RowIssue> },
    /// The chosen time zone is not in the zone database.
    UnknownTimeZone { name: String },
    /// Dates like `03/01/2024` whose day/month order the file does not show.
    DateOrderUnknown { column: String },
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::EmptyFile, Lang::En) => "The file is empty.".into(),
            (ImportError::EmptyFile, Lang::De) => "Die Datei ist leer.".into(),
            (ImportError::BadHeader { detail }, Lang::En) => {
                format!("Line 1: the header row cannot be read ({detail}).")
            }
            (ImportError::BadHeader { detail }, Lang::De) => {
                format!("Zeile 1: die Kopfzeile ist nicht lesbar ({detail}).")
            }
            (ImportError::SingleColumn, Lang::En) => {
                "Line 1: only one column found. An event log needs at least case, activity and \
                 time, separated by comma, semicolon or tab."
                    .into()
            }
            (ImportError::SingleColumn, Lang::De) => {
                "Zeile 1: nur eine Spalte gefunden. Ein Ereignisprotokoll braucht mindestens Fall, \
                 Aktivität und Zeit, getrennt durch Komma, Semikolon oder Tabulator."
                    .into()
            }
            (ImportError::MissingColumn { role, name }, Lang::En) => {
                format!("Line 1: the {role} column “{name}” is not in the header.")
            }
            (ImportError::MissingColumn { role, name }, Lang::De) => {
                format!("Zeile 1: die Spalte „{name}“ ({}) fehlt in der Kopfzeile.", role_de(role))
            }
            (ImportError::SameColumnTwice { name }, Lang::En) => {
                format!("Column “{name}” is mapped to two roles; choose different columns.")
            }
            (ImportError::SameColumnTwice { name }, Lang::De) => {
                format!("Spalte „{name}“ ist zwei Rollen zugeordnet; bitte verschiedene Spalten wählen.")
            }
            (ImportError::LifecycleKeptNothing { column, value }, Lang::En) => {
                format!("No row has “{value}” in column “{column}”; check the lifecycle value to keep.")
            }
            (ImportError::LifecycleKeptNothing { column, value }, Lang::De) => {
                format!("Keine Zeile hat „{value}“ in Spalte „{column}“; bitte den zu behaltenden Lebenszyklus-Wert prüfen.")
            }
            (ImportError::UnknownTimeZone { name }, Lang::En) => {
                format!("“{name}” is not a time zone this app knows; use a name like Europe/Berlin or UTC.")
            }
            (ImportError::UnknownTimeZone { name }, Lang::De) => {
                format!("„{name}“ ist keine bekannte Zeitzone; bitte einen Namen wie Europe/Berlin oder UTC verwenden.")
            }
            (ImportError::DateOrderUnknown { column }, Lang::En) => format!(
                "The dates in column “{column}” (like 03/01/2024) do not show whether the day or the month comes first; choose the date order."
            ),
            (ImportError::DateOrderUnknown { column }, Lang::De) => format!(
                "Die Daten in Spalte „{column}“ (wie 03/01/2024) zeigen nicht, ob Tag oder Monat zuerst steht; bitte die Datumsreihenfolge wählen."
            ),
            (ImportError::NoUsableRows { skipped, first }, _) => {
                let head = match lang {
                    Lang::En => format!("No usable rows: all {skipped} data rows were skipped."),
                    Lang::De => format!("Keine verwendbaren Zeilen: alle {skipped} Datenzeilen wurden übersprungen."),
                };
                match first {
                    Some(issue) => format!("{head} {}", issue.message(lang)),
                    None => head,
                }
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// German name of a column role (roles are passed around in English).
fn role_de(role: &str) -> &str {
    match role {
        "case" => "Fall",
        "activity" => "Aktivität",
        "time" => "Zeit",
        "channel" => "Kanal",
        "rating" => "Bewertung",
        "resource" => "Ressource",
        "lifecycle" => "Lebenszyklus",
        "record" => "Datensatz",
        "customer" => "Kunde",
        other => other,
    }
}

/// Keeps a quoted cell value short so one absurd cell doesn't flood the report.
fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        let mut s: String = value.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_messages_name_the_line_in_both_languages() {
        let issue = RowIssue { line: 7, problem: RowProblem::BadTimestamp { value: "soon".into() } };
        assert_eq!(issue.message(Lang::En), "Line 7: “soon” is not a timestamp this import understands");
        assert!(issue.message(Lang::De).starts_with("Zeile 7: „soon“"));
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "x".repeat(100);
        let msg = RowIssue { line: 2, problem: RowProblem::BadTimestamp { value: long } }.message(Lang::En);
        assert!(msg.contains('…') && msg.len() < 120);
    }
}
