//! The canonical form of a Mermaid `journey` text, used to compare texts by meaning: the
//! round-trip test checks `normalise(text) == export(import(text))`.
//!
//! Normalisation, statement by statement (read with the same lexer as the importer, but
//! printed here independently of the map model):
//! - blank lines, `%%` comments, directives, front matter and `#` comments are dropped;
//!   lines the importer skips (reported errors) are dropped;
//! - keywords are lower-case (`accTitle`/`accDescr` in their Mermaid spelling), texts
//!   trimmed, entity codes decoded and re-escaped canonically;
//! - the header lines come first: `title`, `accTitle`, `accDescr`. When only one of
//!   `title`/`accTitle` (or a front-matter title) is given it stands for both; the last
//!   occurrence of each counts;
//! - `accDescr` is one line when its text is one line, else a `{ … }` block of trimmed,
//!   non-empty lines;
//! - tasks are `Name: score: a, b` with single spaces; actors trimmed, empty and repeated
//!   ones dropped, no `: ` when there are none; a score that is not a whole number from 1
//!   to 5 (missing, out of range, `3.5`, `happy`) becomes `0`, the "unknown" score;
//! - tasks before any section stay before any section;
//! - indentation: 2 spaces for statements, 4 for tasks.

use super::mermaid_lex::{lex, StmtKind};
use super::mermaid_text::{emotion_to_score, escape, read_score, ScoreReading, TextSlot, UNKNOWN_SCORE};

/// The canonical text, or `None` when `text` is not a journey diagram.
pub fn normalise_mermaid(text: &str) -> Option<String> {
    let lexed = lex(text).ok()?;
    let mut title = None;
    let mut acc_title = None;
    let mut description = None;
    let mut body = Vec::new();
    for stmt in lexed.statements {
        match stmt.kind {
            StmtKind::Title(t) => title = Some(t),
            StmtKind::AccTitle(t) => acc_title = Some(t),
            StmtKind::AccDescr(t) => description = Some(t),
            StmtKind::Section(name) => body.push(format!("  section {}", escape(&name, TextSlot::Section))),
            StmtKind::Task(task) => {
                let score = match read_score(&task.score) {
                    ScoreReading::Emotion(e) => emotion_to_score(e),
                    _ => UNKNOWN_SCORE,
                };
                let name = escape(&task.name, TextSlot::TaskName);
                let actors: Vec<String> = task.actors.iter().map(|a| escape(a, TextSlot::Actor)).collect();
                body.push(if actors.is_empty() {
                    format!("    {name}: {score}")
                } else {
                    format!("    {name}: {score}: {}", actors.join(", "))
                });
            }
        }
    }
    let title = title.or(lexed.frontmatter_title);
    let (title, acc_title) = match (title, acc_title) {
        (Some(t), None) => (Some(t.clone()), Some(t)),
        (None, Some(a)) => (Some(a.clone()), Some(a)),
        pair => pair,
    };
    let mut out = vec!["journey".to_string()];
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        out.push(format!("  title {}", escape(&t, TextSlot::Title)));
    }
    if let Some(a) = acc_title.filter(|a| !a.is_empty()) {
        out.push(format!("  accTitle: {}", escape(&a, TextSlot::Title)));
    }
    match description.as_deref().map(str::trim) {
        Some(d) if d.contains('\n') => {
            out.push("  accDescr {".into());
            out.extend(d.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("    {}", escape(l, TextSlot::DescriptionBlock))));
            out.push("  }".into());
        }
        Some(d) if !d.is_empty() => out.push(format!("  accDescr: {}", escape(d, TextSlot::Title))),
        _ => {}
    }
    out.extend(body);
    let mut text = out.join("\n");
    text.push('\n');
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_case_comments_and_entities_are_canonicalised() {
        let messy = "%% hi\n\n JOURNEY \n\tSection   Kauf#58;x \n  Pay:5:Me ,Cat,,Me   # trailing\n title  T \n";
        assert_eq!(
            normalise_mermaid(messy).unwrap(),
            "journey\n  title T\n  accTitle: T\n  section Kauf#58;x\n    Pay: 5: Me, Cat\n"
        );
    }

    #[test]
    fn scores_outside_the_scale_become_the_unknown_score() {
        let text = "journey\n  A: 7\n  B: : X\n  C: 3.5\n  D: +4\n";
        assert_eq!(normalise_mermaid(text).unwrap(), "journey\n    A: 0\n    B: 0: X\n    C: 0\n    D: 4\n");
    }

    #[test]
    fn not_a_journey_gives_none() {
        assert_eq!(normalise_mermaid("flowchart LR\nA-->B"), None);
    }
}
