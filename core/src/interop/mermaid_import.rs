//! Mermaid `journey` text → a new journey map, with every problem reported by line and
//! column.
//!
//! Mapping: `title` → map name (else a front-matter `title:`, else `accTitle`);
//! `accDescr` → map description; `section` → a stage (in order; a repeated section name
//! gives another stage, as Mermaid draws it); task → touchpoint in the current stage;
//! actors → personas (matched by exact name, created when new); score 1..5 → emotion
//! −2..+2.
//!
//! Policies:
//! - A missing, out-of-range or non-whole score is never guessed: the touchpoint is
//!   imported with emotion `None` and the score is reported as an error.
//! - Tasks before any `section` go into a first stage named [`unsorted_stage_name`]
//!   ("Unsorted" / "Ohne Phase"); the exporter writes such a first stage without a
//!   `section` line again.
//! - Mermaid has no channels: touchpoints get the model's default channel.
//! - Lines Mermaid would refuse (`;`, a task without `:`) are skipped and reported; the
//!   rest is imported. Only text that is not a `journey` diagram at all is an `Err`.

pub use super::mermaid_issue::{IssueKind, MermaidIssue, Severity};
use super::mermaid_lex::{lex, StmtKind};
use super::mermaid_text::{read_score, ScoreReading};
use crate::model::{Channel, JourneyMap, Lang};

/// The stage that takes tasks written before any `section`, in both languages.
pub const UNSORTED_STAGE: (&str, &str) = ("Unsorted", "Ohne Phase");

pub fn unsorted_stage_name(lang: Lang) -> &'static str {
    lang.pick((UNSORTED_STAGE.0, UNSORTED_STAGE.1))
}

#[derive(Debug, Clone, PartialEq)]
pub struct MermaidImport {
    pub map: JourneyMap,
    /// Errors and warnings, ordered by line and column.
    pub issues: Vec<MermaidIssue>,
}

impl MermaidImport {
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity() == Severity::Error)
    }
}

/// Reads `text` into a new map with the caller's id and time; `lang` names the unsorted
/// stage. `Err` only when the text is not a `journey` diagram.
pub fn import_mermaid(text: &str, map_id: impl Into<String>, now_ms: f64, lang: Lang) -> Result<MermaidImport, MermaidIssue> {
    let lexed = lex(text)?;
    let mut issues = lexed.issues;
    let mut map = JourneyMap::empty(map_id, "", now_ms);
    let mut title: Option<(String, usize)> = None;
    let mut acc_title: Option<(String, usize, usize)> = None;
    let mut description_seen = false;
    let mut current_stage: Option<String> = None;

    for stmt in lexed.statements {
        let repeated = |keyword| MermaidIssue::new(stmt.line, stmt.column, IssueKind::RepeatedStatement { keyword });
        match stmt.kind {
            StmtKind::Title(text) => {
                if title.is_some() {
                    issues.push(repeated("title"));
                }
                title = Some((text, stmt.line));
            }
            StmtKind::AccTitle(text) => {
                if acc_title.is_some() {
                    issues.push(repeated("accTitle"));
                }
                acc_title = Some((text, stmt.line, stmt.column));
            }
            StmtKind::AccDescr(text) => {
                if description_seen {
                    issues.push(repeated("accDescr"));
                }
                description_seen = true;
                map.description = text;
            }
            StmtKind::Section(name) => current_stage = Some(map.add_stage(&name)),
            StmtKind::Task(task) => {
                let stage = current_stage
                    .get_or_insert_with(|| map.add_stage(unsorted_stage_name(lang)))
                    .clone();
                let emotion = match read_score(&task.score) {
                    ScoreReading::Emotion(e) => Some(e),
                    reading => {
                        let kind = match reading {
                            ScoreReading::OutOfRange(score) => IssueKind::ScoreOutOfRange { task: task.name.clone(), score },
                            ScoreReading::NotAWholeNumber(raw) => IssueKind::ScoreNotAWholeNumber { task: task.name.clone(), raw },
                            _ => IssueKind::MissingScore { task: task.name.clone() },
                        };
                        issues.push(MermaidIssue::new(stmt.line, task.score_column, kind));
                        None
                    }
                };
                let personas: Vec<String> = task.actors.iter().map(|a| persona_named(&mut map, a)).collect();
                let id = map
                    .add_touchpoint(&stage, &task.name, Channel::default())
                    .expect("the stage was just created or found");
                let tp = map.touchpoint_mut(&id).expect("just added");
                tp.set_emotion(emotion);
                tp.persona_ids = personas;
            }
        }
    }

    map.name = match (&title, &lexed.frontmatter_title, &acc_title) {
        (Some((t, _)), _, _) => t.clone(),
        (None, Some(t), _) => t.clone(),
        (None, None, Some((t, _, _))) => t.clone(),
        (None, None, None) => String::new(),
    };
    if let Some((acc, line, column)) = &acc_title {
        if *acc != map.name {
            issues.push(MermaidIssue::new(
                *line,
                *column,
                IssueKind::AccTitleDiffers { title: map.name.clone(), acc_title: acc.clone() },
            ));
        }
    }
    issues.sort_by_key(|i| (i.line, i.column));
    Ok(MermaidImport { map, issues })
}

/// The id of the persona called `name`, created when there is none yet.
fn persona_named(map: &mut JourneyMap, name: &str) -> String {
    match map.personas.iter().find(|p| p.name == name) {
        Some(p) => p.id.clone(),
        None => map.add_persona(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &str) -> MermaidImport {
        import_mermaid(text, "m-1", 7.0, Lang::En).unwrap()
    }

    fn kinds(result: &MermaidImport) -> Vec<(usize, usize, IssueKind)> {
        result.issues.iter().map(|i| (i.line, i.column, i.kind.clone())).collect()
    }

    #[test]
    fn a_plain_journey_becomes_stages_touchpoints_and_personas() {
        let r = import("journey\n  title My day\n  section Go to work\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n  section Go home\n    Sit down: 3\n");
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let m = &r.map;
        assert_eq!((m.id.as_str(), m.name.as_str(), m.created_at), ("m-1", "My day", 7.0));
        assert_eq!(m.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Go to work", "Go home"]);
        assert_eq!(m.personas.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Me", "Cat"]);
        let emotions: Vec<_> = m.touchpoints.iter().map(|t| t.emotion).collect();
        assert_eq!(emotions, [Some(2), Some(-2), Some(0)]);
        assert_eq!(m.touchpoints[1].persona_ids.len(), 2);
        assert!(m.touchpoints[2].persona_ids.is_empty());
        assert_eq!(m.touchpoints[2].stage_id, m.stages[1].id);
    }

    #[test]
    fn bad_scores_are_reported_at_their_column_and_not_guessed() {
        let r = import("journey\nsection S\n  A: 7: Me\n  B:: Me\n  C: happy\n  D: 0\n");
        assert!(r.map.touchpoints.iter().all(|t| t.emotion.is_none()));
        assert_eq!(r.map.touchpoints.len(), 4);
        assert_eq!(
            kinds(&r),
            [
                (3, 6, IssueKind::ScoreOutOfRange { task: "A".into(), score: 7 }),
                (4, 5, IssueKind::MissingScore { task: "B".into() }),
                (5, 6, IssueKind::ScoreNotAWholeNumber { task: "C".into(), raw: "happy".into() }),
                (6, 6, IssueKind::ScoreOutOfRange { task: "D".into(), score: 0 }),
            ]
        );
        assert!(r.has_errors());
        assert_eq!(r.issues[0].message(Lang::De), "Zeile 3, Spalte 6: Bewertung 7 der Aufgabe „A“ liegt nicht zwischen 1 und 5; ohne Emotion importiert");
    }

    #[test]
    fn tasks_before_any_section_go_to_the_unsorted_stage_in_the_callers_language() {
        let text = "journey\n  Wake up: 2: Me\nsection Later\n  Sleep: 5: Me\n";
        let de = import_mermaid(text, "m", 0.0, Lang::De).unwrap().map;
        assert_eq!(de.stages[0].name, "Ohne Phase");
        assert_eq!(import(text).map.stages[0].name, "Unsorted");
        assert_eq!(de.touchpoints[0].stage_id, de.stages[0].id);
    }

    #[test]
    fn comments_keywords_in_any_case_and_entity_codes_are_understood() {
        let r = import("%% a comment\nJOURNEY\n%%{init: {}}%%\n  Title Café #35;1\n  SECTION Kauf#58; online\n    Bezahlt#58; Karte: 4: Smith#44; Anna %% not a comment\n");
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert_eq!(r.map.name, "Café #1");
        assert_eq!(r.map.stages[0].name, "Kauf: online");
        assert_eq!(r.map.touchpoints[0].title, "Bezahlt: Karte");
        assert_eq!(r.map.personas[0].name, "Smith, Anna %% not a comment");
    }

    #[test]
    fn acc_title_and_descriptions_fill_name_and_description() {
        let r = import("journey\n accTitle: Only acc\n accDescr {\n   First line\n   second }\n");
        assert_eq!(r.map.name, "Only acc");
        assert_eq!(r.map.description, "First line\nsecond");
        let differs = import("journey\ntitle A\naccTitle: B\n");
        assert_eq!(differs.map.name, "A");
        assert_eq!(
            kinds(&differs),
            [(3, 1, IssueKind::AccTitleDiffers { title: "A".into(), acc_title: "B".into() })]
        );
    }

    #[test]
    fn malformed_lines_are_skipped_with_line_and_column() {
        let r = import("journey\nsection A: b\n  just text\n  : 3: Me\n  X: 3; Y: 4\n  Z: 4: Me, , Me # note\nsection\naccDescr {\n  never closed\n");
        assert_eq!(
            kinds(&r),
            [
                (2, 10, IssueKind::ColonInSection),
                (3, 3, IssueKind::NotATask),
                (4, 3, IssueKind::EmptyTaskName),
                (5, 7, IssueKind::Semicolon),
                (6, 13, IssueKind::EmptyActor),
                (6, 15, IssueKind::DuplicateActor { name: "Me".into() }),
                (6, 18, IssueKind::HashComment),
                (7, 1, IssueKind::MissingText { keyword: "section" }),
                (8, 1, IssueKind::UnclosedDescription),
                (9, 3, IssueKind::NotATask),
            ]
        );
        assert_eq!(r.map.touchpoints.len(), 1);
        assert_eq!(r.map.touchpoints[0].title, "Z");
    }

    #[test]
    fn text_that_is_not_a_journey_is_refused_with_its_position() {
        let err = import_mermaid("\n\n  graph TD\n A-->B", "m", 0.0, Lang::En).unwrap_err();
        assert_eq!((err.line, err.column), (3, 3));
        assert!(err.message(Lang::En).contains("graph TD"));
        assert!(import_mermaid("", "m", 0.0, Lang::En).is_err());
        assert!(import_mermaid("---\ntitle: x\n", "m", 0.0, Lang::En).is_err());
    }

    #[test]
    fn front_matter_title_names_the_map() {
        let r = import("---\ntitle: From front matter\n---\njourney\nsection S\n  T: 3\n");
        assert_eq!(r.map.name, "From front matter");
        assert!(r.issues.is_empty());
    }
}
