//! The Mermaid test set (`tests/mermaid/*.mmd`): every file survives
//! Mermaid text → map → Mermaid text, compared after the normalisation documented in
//! `journey_core::interop::mermaid_normalise`, and reports what it should.

use std::fs;
use std::path::PathBuf;

use journey_core::interop::{export_mermaid, import_mermaid, normalise_mermaid, IssueKind, MermaidIssue, Severity};
use journey_core::model::Lang;

fn test_set() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/mermaid");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("tests/mermaid exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "mmd"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn read(name: &str) -> String {
    test_set().into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} missing")).1
}

fn issues(name: &str) -> Vec<MermaidIssue> {
    import_mermaid(&read(name), "m", 0.0, Lang::En).unwrap().issues
}

#[test]
fn every_file_round_trips_through_the_map() {
    let files = test_set();
    assert!(files.len() >= 8, "test set too small: {}", files.len());
    for (name, text) in &files {
        for lang in Lang::ALL {
            let imported = import_mermaid(text, "m", 0.0, lang).unwrap_or_else(|e| panic!("{name}: {e}"));
            let exported = export_mermaid(&imported.map, lang);
            let expected = normalise_mermaid(text).unwrap();
            assert_eq!(exported.text, expected, "{name} ({lang:?})");
            // The canonical text is a fixed point: reading it again gives the same map.
            let again = import_mermaid(&exported.text, "m", 0.0, lang).unwrap();
            assert_eq!(again.map, imported.map, "{name} ({lang:?}) second pass");
        }
    }
}

#[test]
fn the_test_set_covers_the_required_features() {
    let all: String = test_set().into_iter().map(|(_, t)| t).collect();
    for needle in ["%%", "accTitle", "accDescr {", "accDescr:", ": 0:", ": 6:", ": : Me", "#44;", "\r\n"] {
        assert!(all.contains(needle), "no file contains {needle:?}");
    }
    // Tasks before any section.
    let first = import_mermaid(&read("tasks_before_section.mmd"), "m", 0.0, Lang::De).unwrap().map;
    assert_eq!(first.stages[0].name, "Ohne Phase");
    assert_eq!(first.touchpoints_in(&first.stages[0].id).count(), 2);
}

#[test]
fn out_of_range_scores_are_reported_each_with_line_and_column() {
    let found: Vec<(usize, usize, IssueKind)> =
        issues("out_of_range_scores.mmd").into_iter().map(|i| (i.line, i.column, i.kind)).collect();
    let t = |s: &str| s.to_string();
    assert_eq!(
        found,
        [
            (4, 11, IssueKind::ScoreOutOfRange { task: t("Zero"), score: 0 }),
            (5, 10, IssueKind::ScoreOutOfRange { task: t("Six"), score: 6 }),
            (6, 14, IssueKind::ScoreOutOfRange { task: t("Hundred"), score: 100 }),
            (7, 15, IssueKind::ScoreOutOfRange { task: t("Negative"), score: -1 }),
            (8, 14, IssueKind::MissingScore { task: t("Missing") }),
            (9, 11, IssueKind::ScoreNotAWholeNumber { task: t("Half"), raw: t("3.5") }),
            (10, 11, IssueKind::ScoreNotAWholeNumber { task: t("Word"), raw: t("happy") }),
        ]
    );
    let map = import_mermaid(&read("out_of_range_scores.mmd"), "m", 0.0, Lang::En).unwrap().map;
    let emotions: Vec<Option<i8>> = map.touchpoints.iter().map(|t| t.emotion).collect();
    assert_eq!(emotions, [None, None, None, None, None, None, None, Some(-2), Some(2)]);
}

#[test]
fn files_without_problems_report_nothing() {
    for name in ["basic.mmd", "accessibility.mmd", "acc_description_block.mmd", "escapes_german.mmd", "tasks_before_section.mmd", "crlf.mmd", "messy_spacing.mmd"] {
        assert_eq!(issues(name), [], "{name}");
    }
}

#[test]
fn comments_and_actor_lists_give_warnings_not_errors() {
    let comments = issues("comments.mmd");
    assert_eq!(comments.len(), 1);
    assert_eq!((comments[0].line, comments[0].kind.clone()), (10, IssueKind::HashComment));
    let actors = issues("actors.mmd");
    assert!(actors.iter().all(|i| i.severity() == Severity::Warning), "{actors:?}");
    let kinds: Vec<IssueKind> = actors.into_iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [IssueKind::DuplicateActor { name: "Lena".into() }, IssueKind::EmptyActor, IssueKind::EmptyActor]
    );
}

#[test]
fn escaped_names_come_back_as_written() {
    let map = import_mermaid(&read("escapes_german.mmd"), "m", 0.0, Lang::De).unwrap().map;
    assert_eq!(map.name, "Kaffee zum Mitnehmen: Pendlerin #1");
    assert_eq!(map.description, "Über die App bestellen; abholen");
    assert_eq!(map.stages[1].name, "Kauf: App");
    assert_eq!(map.personas.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Lena, Pendlerin", "Tom, Student"]);
    let titles: Vec<&str> = map.touchpoints.iter().map(|t| t.title.as_str()).collect();
    assert!(titles.contains(&"Title page of the menu") && titles.contains(&"%% Rabatt") && titles.contains(&"Sagt \"Danke\""));
}
