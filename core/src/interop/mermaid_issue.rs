//! What the Mermaid importer reports: each issue with its line and column (1-based,
//! counted in characters) and a message in both languages.
//!
//! Severity: an **error** means something in the text was not imported as written (a line
//! skipped, a score not taken); a **warning** means it was imported but worth a look.

use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// The text does not start with `journey` (fatal).
    NotAJourney { found: String },
    /// A `---` front-matter block is never closed (fatal).
    UnclosedFrontmatter,
    /// Something follows `journey` on its line.
    TextAfterHeader,
    /// A second `journey` line.
    RepeatedHeader,
    /// An unescaped `#` starts a Mermaid comment; the rest of the line was ignored.
    HashComment,
    /// An unescaped `;` ends a statement in Mermaid; the line was skipped.
    Semicolon,
    /// `title` or `section` without text.
    MissingText { keyword: &'static str },
    /// A section name containing `:`; the line was skipped.
    ColonInSection,
    /// A line that is neither a statement nor `Name: score: actors`.
    NotATask,
    EmptyTaskName,
    MissingScore { task: String },
    ScoreOutOfRange { task: String, score: i64 },
    ScoreNotAWholeNumber { task: String, raw: String },
    /// Text after a second `:` in a task.
    ExtraTaskData,
    /// An empty entry in an actor list (`Me, , Cat`).
    EmptyActor,
    DuplicateActor { name: String },
    /// `accDescr {` without a closing `}`.
    UnclosedDescription,
    /// `title` and `accTitle` differ; the map has one name, so `accTitle` was dropped.
    AccTitleDiffers { title: String, acc_title: String },
    /// `title`, `accTitle` or `accDescr` given twice; the last one counts (as in Mermaid).
    RepeatedStatement { keyword: &'static str },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MermaidIssue {
    pub line: usize,
    pub column: usize,
    pub kind: IssueKind,
}

impl MermaidIssue {
    pub fn new(line: usize, column: usize, kind: IssueKind) -> Self {
        MermaidIssue { line, column, kind }
    }

    pub fn severity(&self) -> Severity {
        use IssueKind::*;
        match self.kind {
            TextAfterHeader | RepeatedHeader | HashComment | ExtraTaskData | EmptyActor
            | DuplicateActor { .. } | AccTitleDiffers { .. } | RepeatedStatement { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// "Line 3, column 7: …" in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let (line, column) = (self.line, self.column);
        let text = self.text(lang);
        let (line_word, column_word) = lang.pick((("Line", "column"), ("Zeile", "Spalte")));
        format!("{line_word} {line}, {column_word} {column}: {text}")
    }

    fn text(&self, lang: Lang) -> String {
        use IssueKind::*;
        let en = lang == Lang::En;
        match &self.kind {
            NotAJourney { found } if en => format!("expected “journey” as the first line, found “{found}”"),
            NotAJourney { found } => format!("als erste Zeile wird „journey“ erwartet, gefunden: „{found}“"),
            UnclosedFrontmatter if en => "the “---” block at the top is never closed".into(),
            UnclosedFrontmatter => "der „---“-Block am Anfang wird nicht geschlossen".into(),
            TextAfterHeader if en => "text after “journey” was ignored".into(),
            TextAfterHeader => "Text nach „journey“ wurde ignoriert".into(),
            RepeatedHeader if en => "a second “journey” line was ignored".into(),
            RepeatedHeader => "eine zweite „journey“-Zeile wurde ignoriert".into(),
            HashComment if en => "Mermaid reads “#” as the start of a comment, so the rest of the line was ignored (write #35; for a literal #)".into(),
            HashComment => "Mermaid liest „#“ als Beginn eines Kommentars, der Rest der Zeile wurde ignoriert (für ein echtes # bitte #35; schreiben)".into(),
            Semicolon if en => "“;” ends a statement in Mermaid and cannot appear here (write #59;); the line was skipped".into(),
            Semicolon => "„;“ beendet in Mermaid eine Anweisung und ist hier nicht erlaubt (bitte #59; schreiben); die Zeile wurde übersprungen".into(),
            MissingText { keyword } if en => format!("“{keyword}” needs a text after it; the line was skipped"),
            MissingText { keyword } => format!("nach „{keyword}“ fehlt der Text; die Zeile wurde übersprungen"),
            ColonInSection if en => "a section name cannot contain “:” (write #58;); the line was skipped".into(),
            ColonInSection => "ein Abschnittsname darf kein „:“ enthalten (bitte #58; schreiben); die Zeile wurde übersprungen".into(),
            NotATask if en => "expected a task like “Name: 3: Actor, Actor”; the line was skipped".into(),
            NotATask => "erwartet wird eine Aufgabe wie „Name: 3: Person, Person“; die Zeile wurde übersprungen".into(),
            EmptyTaskName if en => "the task has no name; the line was skipped".into(),
            EmptyTaskName => "die Aufgabe hat keinen Namen; die Zeile wurde übersprungen".into(),
            MissingScore { task } if en => format!("task “{task}” has no score; imported without emotion"),
            MissingScore { task } => format!("Aufgabe „{task}“ hat keine Bewertung; ohne Emotion importiert"),
            ScoreOutOfRange { task, score } if en => {
                format!("score {score} of task “{task}” is outside 1–5; imported without emotion")
            }
            ScoreOutOfRange { task, score } => {
                format!("Bewertung {score} der Aufgabe „{task}“ liegt nicht zwischen 1 und 5; ohne Emotion importiert")
            }
            ScoreNotAWholeNumber { task, raw } if en => {
                format!("score “{raw}” of task “{task}” is not a whole number from 1 to 5; imported without emotion")
            }
            ScoreNotAWholeNumber { task, raw } => {
                format!("Bewertung „{raw}“ der Aufgabe „{task}“ ist keine ganze Zahl von 1 bis 5; ohne Emotion importiert")
            }
            ExtraTaskData if en => "text after the actor list was ignored".into(),
            ExtraTaskData => "Text nach der Personenliste wurde ignoriert".into(),
            EmptyActor if en => "an empty name in the actor list was ignored".into(),
            EmptyActor => "ein leerer Name in der Personenliste wurde ignoriert".into(),
            DuplicateActor { name } if en => format!("actor “{name}” is listed twice; counted once"),
            DuplicateActor { name } => format!("Person „{name}“ steht doppelt in der Liste; einmal gezählt"),
            UnclosedDescription if en => "“accDescr {” is never closed with “}”; the description was skipped".into(),
            UnclosedDescription => "„accDescr {“ wird nie mit „}“ geschlossen; die Beschreibung wurde übersprungen".into(),
            AccTitleDiffers { title, acc_title } if en => format!(
                "accTitle “{acc_title}” differs from the title “{title}”; a map has one name, so the accTitle was not kept"
            ),
            AccTitleDiffers { title, acc_title } => format!(
                "accTitle „{acc_title}“ weicht vom Titel „{title}“ ab; eine Karte hat einen Namen, der accTitle wurde nicht übernommen"
            ),
            RepeatedStatement { keyword } if en => format!("“{keyword}” appears again; the last one counts"),
            RepeatedStatement { keyword } => format!("„{keyword}“ kommt mehrfach vor; das letzte zählt"),
        }
    }
}

impl std::fmt::Display for MermaidIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
