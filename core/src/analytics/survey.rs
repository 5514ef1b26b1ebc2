//! Survey CSV → CSAT, CES and NPS per touchpoint and per stage.
//!
//! One row per answer: a target (a touchpoint or a stage, by id, title / name or event
//! key, case-insensitive), a rating and the scale it was given on: `csat` (1–5), `ces`
//! or `ces7` (1–7), `ces5` (1–5) or `nps` (0–10). The scores themselves come from
//! [`crate::score`] (CSAT mean, CES share agreeing, NPS), so survey import and scoring
//! agree. A stage's scores pool the answers given for its touchpoints and for the stage
//! itself. Bad rows are skipped and reported with their line, like the event-log import.

use serde::Serialize;

use crate::entry::read_number;
use crate::model::{JourneyMap, Lang};
use crate::score::{ces_share_agreeing, csat, nps, CesScale, CsatSummary, NpsSummary};

use crate::text_file::{decode, CsvOptions, TextEncoding};

use super::detect::detect_delimiter;
use super::error::ImportError;
use super::importer::MAX_REPORTED_ISSUES;

const TARGET_WORDS: &[&str] = &["touchpoint", "kontaktpunkt", "stage", "phase", "target", "ziel"];
const RATING_WORDS: &[&str] = &["rating", "bewertung", "score", "value", "wert", "antwort"];
const SCALE_WORDS: &[&str] = &["scale", "skala", "metric", "metrik", "type", "typ"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyScale {
    Csat,
    Ces(CesScale),
    Nps,
}

impl SurveyScale {
    pub fn parse(text: &str) -> Option<SurveyScale> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csat" => Some(SurveyScale::Csat),
            "ces" | "ces7" => Some(SurveyScale::Ces(CesScale::SevenPoint)),
            "ces5" => Some(SurveyScale::Ces(CesScale::FivePoint)),
            "nps" => Some(SurveyScale::Nps),
            _ => None,
        }
    }

    /// Checks one rating with the scoring rules; the error text comes from `score`.
    fn check(self, v: f64) -> Result<(), crate::score::RatingError> {
        match self {
            SurveyScale::Csat => csat(&[v]).map(|_| ()),
            SurveyScale::Ces(s) => ces_share_agreeing(&[v], s).map(|_| ()),
            SurveyScale::Nps => nps(&[v]).map(|_| ()),
        }
    }
}

/// Why a survey row was skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SurveyProblem {
    TooFewFields { expected: usize, found: usize },
    UnknownTarget { target: String },
    NotANumber { value: String },
    UnknownScale { value: String },
    OutOfScale { value: f64, scale: String },
    /// The CSV reader failed on this row (e.g. a broken quote).
    Csv { detail: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyIssue {
    pub line: u64,
    pub problem: SurveyProblem,
}

impl SurveyIssue {
    pub fn message(&self, lang: Lang) -> String {
        use SurveyProblem::*;
        let what = match (&self.problem, lang) {
            (TooFewFields { expected, found }, Lang::En) => format!("expected {expected} fields, found {found}"),
            (TooFewFields { expected, found }, Lang::De) => format!("{expected} Felder erwartet, {found} gefunden"),
            (UnknownTarget { target }, Lang::En) => format!("no touchpoint or stage is called “{target}”"),
            (UnknownTarget { target }, Lang::De) => format!("kein Touchpoint und keine Phase heißt „{target}“"),
            (NotANumber { value }, Lang::En) => format!("rating “{value}” is not a number"),
            (NotANumber { value }, Lang::De) => format!("Bewertung „{value}“ ist keine Zahl"),
            (UnknownScale { value }, Lang::En) => format!("scale “{value}” is not one of csat, ces, ces5, ces7, nps"),
            (UnknownScale { value }, Lang::De) => format!("Skala „{value}“ ist keine von csat, ces, ces5, ces7, nps"),
            (OutOfScale { value, scale }, Lang::En) => format!("rating {value} is not a whole number on the {scale} scale"),
            (OutOfScale { value, scale }, Lang::De) => format!("Bewertung {value} ist keine ganze Zahl der Skala {scale}"),
            (Csv { detail }, Lang::En) => format!("unreadable CSV: {detail}"),
            (Csv { detail }, Lang::De) => format!("nicht lesbares CSV: {detail}"),
        };
        format!("{} {}: {what}", lang.pick(("Line", "Zeile")), self.line)
    }
}

/// Scores of one touchpoint or stage; `None` where no answers on that scale exist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyScores {
    pub id: String,
    pub name: String,
    pub csat: Option<CsatSummary>,
    /// Share agreeing it was easy, 0..=1.
    pub ces: Option<f64>,
    pub ces_answers: u64,
    pub nps: Option<NpsSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyReport {
    /// Only touchpoints and stages with answers, in map order.
    pub touchpoints: Vec<SurveyScores>,
    pub stages: Vec<SurveyScores>,
    pub rows: u64,
    pub skipped_rows: u64,
    pub first_issues: Vec<SurveyIssue>,
    /// The character encoding and delimiter the file was read with (detected or chosen).
    pub encoding: TextEncoding,
    pub delimiter: u8,
}

/// Answers gathered for one target, by scale.
#[derive(Default, Clone)]
struct Answers {
    csat: Vec<f64>,
    ces5: Vec<f64>,
    ces7: Vec<f64>,
    nps: Vec<f64>,
}

impl Answers {
    fn push(&mut self, scale: SurveyScale, v: f64) {
        match scale {
            SurveyScale::Csat => self.csat.push(v),
            SurveyScale::Ces(CesScale::FivePoint) => self.ces5.push(v),
            SurveyScale::Ces(CesScale::SevenPoint) => self.ces7.push(v),
            SurveyScale::Nps => self.nps.push(v),
        }
    }
    fn extend(&mut self, o: &Answers) {
        self.csat.extend(&o.csat);
        self.ces5.extend(&o.ces5);
        self.ces7.extend(&o.ces7);
        self.nps.extend(&o.nps);
    }
    fn is_empty(&self) -> bool {
        self.csat.is_empty() && self.ces5.is_empty() && self.ces7.is_empty() && self.nps.is_empty()
    }
    fn scores(&self, id: &str, name: &str) -> SurveyScores {
        // CES answers on both scales pool as "agreeing" shares weighted by their counts.
        let agree = |v: &[f64], s| ces_share_agreeing(v, s).map(|x| x * v.len() as f64).unwrap_or(0.0);
        let ces_n = self.ces5.len() + self.ces7.len();
        let ces = (ces_n > 0).then(|| (agree(&self.ces5, CesScale::FivePoint) + agree(&self.ces7, CesScale::SevenPoint)) / ces_n as f64);
        SurveyScores {
            id: id.to_string(),
            name: name.to_string(),
            csat: csat(&self.csat).ok(),
            ces,
            ces_answers: ces_n as u64,
            nps: nps(&self.nps).ok(),
        }
    }
}

enum Target {
    Touchpoint(usize),
    Stage(usize),
}

/// Reads a survey CSV against `map`. Columns are found by header name (target /
/// touchpoint / stage, rating / score / value, scale / metric / type); the encoding and
/// delimiter are detected.
pub fn survey(data: &[u8], map: &JourneyMap) -> Result<SurveyReport, ImportError> {
    survey_with(data, map, &CsvOptions::default())
}

/// Like [`survey`], with the encoding and/or delimiter the user chose.
pub fn survey_with(data: &[u8], map: &JourneyMap, options: &CsvOptions) -> Result<SurveyReport, ImportError> {
    let (data, encoding) = decode(data.to_vec(), options.encoding);
    let data = data.as_slice();
    if data.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::EmptyFile);
    }
    let delimiter = match options.delimiter {
        Some(d) => d,
        None => detect_delimiter(&data[..data.len().min(64 * 1024)]).ok_or(ImportError::SingleColumn)?,
    };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(data);
    let headers: Vec<String> = reader
        .byte_headers()
        .map_err(|e| ImportError::BadHeader { detail: e.to_string() })?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_lowercase())
        .collect();
    let find = |role: &str, words: &[&str]| {
        words
            .iter()
            .find_map(|w| headers.iter().position(|h| h.contains(w)))
            .ok_or_else(|| ImportError::MissingColumn { role: role.into(), name: words[0].into() })
    };
    let (t_col, r_col, s_col) = (find("target", TARGET_WORDS)?, find("rating", RATING_WORDS)?, find("scale", SCALE_WORDS)?);
    let needed = t_col.max(r_col).max(s_col) + 1;
    let norm = |s: &str| s.trim().to_lowercase();
    let lookup = |name: &str| -> Option<Target> {
        let n = norm(name);
        map.touchpoints
            .iter()
            .position(|t| norm(&t.id) == n || norm(&t.title) == n || t.event_key.as_deref().map(norm).as_deref() == Some(n.as_str()))
            .map(Target::Touchpoint)
            .or_else(|| map.stages.iter().position(|s| norm(&s.id) == n || norm(&s.name) == n).map(Target::Stage))
    };
    let mut tp_answers = vec![Answers::default(); map.touchpoints.len()];
    let mut stage_answers = vec![Answers::default(); map.stages.len()];
    let mut report = SurveyReport {
        touchpoints: Vec::new(),
        stages: Vec::new(),
        rows: 0,
        skipped_rows: 0,
        first_issues: Vec::new(),
        encoding,
        delimiter,
    };
    let skip = |report: &mut SurveyReport, line: u64, problem: SurveyProblem| {
        report.skipped_rows += 1;
        if report.first_issues.len() < MAX_REPORTED_ISSUES {
            report.first_issues.push(SurveyIssue { line, problem });
        }
    };
    for record in reader.byte_records() {
        let rec = match record {
            Ok(rec) => rec,
            Err(e) => {
                // Counted and reported like any skipped row, so the counts stay true.
                report.rows += 1;
                let line = e.position().map_or(0, |p| p.line());
                skip(&mut report, line, SurveyProblem::Csv { detail: e.to_string() });
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        if rec.len() == 1 && rec[0].trim_ascii().is_empty() {
            continue;
        }
        report.rows += 1;
        if rec.len() < needed {
            skip(&mut report, line, SurveyProblem::TooFewFields { expected: needed, found: rec.len() });
            continue;
        }
        let field = |i: usize| String::from_utf8_lossy(rec[i].trim_ascii()).into_owned();
        let Some(target) = lookup(&field(t_col)) else {
            skip(&mut report, line, SurveyProblem::UnknownTarget { target: field(t_col) });
            continue;
        };
        // The one reader of typed numbers (`entry`): "4,5", "4.5", "1.234,5" and "1,234.5"
        // read as everywhere else; a rating with "%" is no rating.
        let Some(value) = read_number(&field(r_col), None).ok().flatten().filter(|t| !t.percent).map(|t| t.value) else {
            skip(&mut report, line, SurveyProblem::NotANumber { value: field(r_col) });
            continue;
        };
        let Some(scale) = SurveyScale::parse(&field(s_col)) else {
            skip(&mut report, line, SurveyProblem::UnknownScale { value: field(s_col) });
            continue;
        };
        if scale.check(value).is_err() {
            skip(&mut report, line, SurveyProblem::OutOfScale { value, scale: field(s_col) });
            continue;
        }
        match target {
            Target::Touchpoint(i) => tp_answers[i].push(scale, value),
            Target::Stage(i) => stage_answers[i].push(scale, value),
        }
    }
    for (i, tp) in map.touchpoints.iter().enumerate() {
        if !tp_answers[i].is_empty() {
            report.touchpoints.push(tp_answers[i].scores(&tp.id, &tp.title));
        }
        if let Some(s) = map.stages.iter().position(|s| s.id == tp.stage_id) {
            let a = tp_answers[i].clone();
            stage_answers[s].extend(&a);
        }
    }
    for (i, st) in map.stages.iter().enumerate() {
        if !stage_answers[i].is_empty() {
            report.stages.push(stage_answers[i].scores(&st.id, &st.name));
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::deviation::tests::shop_map;

    #[test]
    fn scores_per_touchpoint_and_stage_hand_checked() {
        let csv = "touchpoint;rating;scale\nVisit;5;csat\nvisit;3;csat\nCart;6;ces\nCart;2;ces\nAwareness;10;nps\nAwareness;0;nps\nVisit;9;nps\nNowhere;5;csat\nVisit;6;csat\nVisit;x;csat\n";
        let r = survey(csv.as_bytes(), &shop_map()).unwrap();
        assert_eq!(r.rows, 10);
        assert_eq!(r.skipped_rows, 3);
        assert_eq!(r.first_issues.iter().map(|i| i.line).collect::<Vec<_>>(), vec![9, 10, 11]);
        assert!(r.first_issues[0].message(Lang::De).contains("Nowhere"));
        let visit = &r.touchpoints[0];
        assert_eq!(visit.csat.as_ref().unwrap().mean, 4.0);
        assert_eq!(visit.nps.as_ref().unwrap().nps, 100.0);
        assert_eq!(r.touchpoints[1].ces, Some(0.5));
        // Stage "Awareness" pools its touchpoints' NPS answers (9) with its own (10, 0).
        let stage = &r.stages[0];
        assert_eq!(stage.name, "Awareness");
        assert!((stage.nps.as_ref().unwrap().nps - (2.0 / 3.0 - 1.0 / 3.0) * 100.0).abs() < 1e-9);
        assert_eq!(stage.csat.as_ref().unwrap().count, 2);
    }

    #[test]
    fn excel_encodings_are_read_and_reported() {
        // Windows-1252 ("Prüfung" is not a target: the message must show it intact).
        let r = survey(b"touchpoint;rating;scale\nVisit;5;csat\nPr\xFCfung;4;csat\n", &shop_map()).unwrap();
        assert_eq!((r.encoding, r.delimiter, r.rows, r.skipped_rows), (TextEncoding::Windows1252, b';', 2, 1));
        assert!(r.first_issues[0].message(Lang::En).contains("Prüfung"));
        // UTF-16 BE with BOM and tabs.
        let mut bytes = b"\xFE\xFF".to_vec();
        for u in "touchpoint\trating\tscale\nCart\t6\tces\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let r = survey(&bytes, &shop_map()).unwrap();
        assert_eq!((r.encoding, r.delimiter, r.touchpoints.len()), (TextEncoding::Utf16Be, b'\t', 1));
        assert_eq!(r.touchpoints[0].ces, Some(1.0));
    }
}
