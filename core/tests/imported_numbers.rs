//! Numbers in files go through the one reader of typed numbers (`journey_core::entry`), as
//! typed ones do: a survey file's rating and an event log's rating column read "1.234,5" and
//! "1,234.5" as the same number, and "4,5" as "4.5". Expected values are the texts' meaning,
//! known by construction (a file's language is unknown: with both marks the last one is the
//! decimal mark, one mark once is the decimal mark).

use journey_core::analytics::survey::{survey, SurveyProblem};
use journey_core::analytics::{analyze, detect_columns, import_all, AnalysisOptions, ColumnMapping};
use journey_core::entry::read_number;
use journey_core::model::{Channel, JourneyMap, Lang};

fn map_with_visit() -> JourneyMap {
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let stage = map.stages[0].id.clone();
    map.add_touchpoint(&stage, "Visit", Channel::default()).unwrap();
    map
}

#[test]
fn a_survey_file_reads_either_languages_separators() {
    let csv = "touchpoint;rating;scale\nVisit;\"4,0\";csat\nVisit;4.0;csat\nVisit;1.234,5;csat\nVisit;1,234.5;csat\nVisit;4,5 %;csat\n";
    let report = survey(csv.as_bytes(), &map_with_visit()).unwrap();
    assert!(!report.touchpoints.is_empty(), "{:?}", report.first_issues);
    let csat = report.touchpoints[0].csat.as_ref().unwrap();
    // "4,0" and "4.0": two answers of 4 (CSAT answers are whole numbers).
    assert_eq!((csat.count, csat.mean), (2, 4.0));
    // "1.234,5" and "1,234.5" are both 1234.5, refused the same way (outside 1–5).
    let problems: Vec<&SurveyProblem> = report.first_issues.iter().map(|i| &i.problem).collect();
    assert_eq!(problems[0], &SurveyProblem::OutOfScale { value: 1234.5, scale: "csat".into() });
    assert_eq!(problems[1], &SurveyProblem::OutOfScale { value: 1234.5, scale: "csat".into() });
    // A percentage is no rating.
    assert_eq!(problems[2], &SurveyProblem::NotANumber { value: "4,5 %".into() });
    assert_eq!(read_number("1.234,5", None).unwrap().unwrap().value, 1234.5);
}

#[test]
fn an_event_logs_rating_column_reads_either_languages_separators() {
    let log = "case;activity;time;rating\n\
               1;Visit;2024-03-01 10:00;\"4,5\"\n\
               2;Visit;2024-03-01 11:00;4.5\n\
               1;Pay;2024-03-01 10:10;1.234,5\n\
               2;Pay;2024-03-01 11:10;1,234.5\n";
    let detection = detect_columns(log.as_bytes()).unwrap();
    let mapping = ColumnMapping::from_detection(&detection).unwrap();
    assert_eq!(mapping.rating.as_deref(), Some("rating"));
    let (log, _) = import_all(log.as_bytes().to_vec(), &mapping).unwrap();
    let report = analyze(&log, &AnalysisOptions::default());
    let mean = |name: &str| report.volumes.activities.iter().find(|a| a.activity == name).unwrap().mean_rating;
    assert_eq!(mean("Visit"), Some(4.5));
    assert_eq!(mean("Pay"), Some(1234.5));
}
