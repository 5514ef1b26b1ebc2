//! Measures: planned improvements linked to touchpoints or their pain points, with an owner,
//! a status (idea → planned → in progress → done), a due date and the effect they should
//! have (which score or measurement should move, and which way).
//!
//! A measure keeps its links when a touchpoint is removed: removing a touchpoint may be the
//! measure itself, and the measure's history must stay readable. Links to touchpoints that
//! are gone are shown as such instead of being dropped silently.

use serde::{Deserialize, Serialize};

use super::tracking::MeasurementKind;
use super::Lang;

/// Where a measure stands. The order is the board's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 4] =
        [MeasureStatus::Idea, MeasureStatus::Planned, MeasureStatus::InProgress, MeasureStatus::Done];

    /// Stable key for forms and test ids.
    pub fn key(self) -> &'static str {
        match self {
            MeasureStatus::Idea => "idea",
            MeasureStatus::Planned => "planned",
            MeasureStatus::InProgress => "in_progress",
            MeasureStatus::Done => "done",
        }
    }

    pub fn from_key(key: &str) -> Option<MeasureStatus> {
        MeasureStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MeasureStatus::Idea, Lang::En) => "Idea",
            (MeasureStatus::Idea, Lang::De) => "Idee",
            (MeasureStatus::Planned, Lang::En) => "Planned",
            (MeasureStatus::Planned, Lang::De) => "Geplant",
            (MeasureStatus::InProgress, Lang::En) => "In progress",
            (MeasureStatus::InProgress, Lang::De) => "In Umsetzung",
            (MeasureStatus::Done, Lang::En) => "Done",
            (MeasureStatus::Done, Lang::De) => "Erledigt",
        }
    }
}

/// What a measure is about: a touchpoint, optionally one of its pain points (by its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MeasureLink {
    pub touchpoint_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_point: Option<String>,
}

/// Which number the measure should move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectTarget {
    /// The touchpoint score (0–100).
    Score,
    /// The emotion (−2 … +2).
    Emotion,
    /// A measurement, including a custom KPI.
    Measurement(MeasurementKind),
}

impl EffectTarget {
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (EffectTarget::Score, Lang::En) => "Touchpoint score".into(),
            (EffectTarget::Score, Lang::De) => "Touchpoint-Wert".into(),
            (EffectTarget::Emotion, _) => "Emotion".into(),
            (EffectTarget::Measurement(kind), _) => kind.label(lang),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EffectDirection {
    #[default]
    Up,
    Down,
}

/// The effect a measure should have, e.g. "drop-off should go down".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedEffect {
    pub target: EffectTarget,
    #[serde(default)]
    pub direction: EffectDirection,
}

impl ExpectedEffect {
    pub fn describe(&self, lang: Lang) -> String {
        let arrow = match self.direction {
            EffectDirection::Up => "↑",
            EffectDirection::Down => "↓",
        };
        let word = match (self.direction, lang) {
            (EffectDirection::Up, Lang::En) => "up",
            (EffectDirection::Up, Lang::De) => "steigt",
            (EffectDirection::Down, Lang::En) => "down",
            (EffectDirection::Down, Lang::De) => "sinkt",
        };
        format!("{} {arrow} {word}", self.target.label(lang))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Measure {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub status: MeasureStatus,
    /// Due date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The day it was set to done, `YYYY-MM-DD`: a marker on the measurement trends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<String>,
    #[serde(default)]
    pub links: Vec<MeasureLink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_effect: Option<ExpectedEffect>,
}

impl Measure {
    pub fn touches(&self, tp_id: &str) -> bool {
        self.links.iter().any(|l| l.touchpoint_id == tp_id)
    }
}

/// What the user typed for a measure; checked by [`JourneyMap::add_measure`] and
/// [`JourneyMap::update_measure`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasureDraft {
    pub title: String,
    pub description: String,
    pub owner: String,
    pub status: MeasureStatus,
    pub due: Option<String>,
    pub links: Vec<MeasureLink>,
    pub expected_effect: Option<ExpectedEffect>,
}

/// Why a measure draft was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeasureError {
    EmptyTitle,
    BadDueDate(String),
    UnknownTouchpoint(String),
    UnknownMeasure(String),
}

impl MeasureError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MeasureError::EmptyTitle, Lang::En) => "A measure needs a title.".into(),
            (MeasureError::EmptyTitle, Lang::De) => "Eine Maßnahme braucht einen Titel.".into(),
            (MeasureError::BadDueDate(d), Lang::En) => format!("Due date “{d}” is not a date (YYYY-MM-DD)."),
            (MeasureError::BadDueDate(d), Lang::De) => format!("Fälligkeit „{d}“ ist kein Datum (JJJJ-MM-TT)."),
            (MeasureError::UnknownTouchpoint(t), Lang::En) => format!("Touchpoint {t} is not on this map."),
            (MeasureError::UnknownTouchpoint(t), Lang::De) => format!("Touchpoint {t} ist nicht auf dieser Karte."),
            (MeasureError::UnknownMeasure(m), Lang::En) => format!("Measure {m} does not exist."),
            (MeasureError::UnknownMeasure(m), Lang::De) => format!("Maßnahme {m} gibt es nicht."),
        }
    }
}

/// Which measures a list or board shows. `None` means "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeasureFilter {
    pub stage_id: Option<String>,
    pub owner: Option<String>,
    pub status: Option<MeasureStatus>,
}

pub(super) fn set_status(measure: &mut Measure, status: MeasureStatus, today: &str) {
    if status == MeasureStatus::Done && measure.status != MeasureStatus::Done {
        measure.done_on = Some(today.to_string());
    } else if status != MeasureStatus::Done {
        measure.done_on = None;
    }
    measure.status = status;
}

/// Measures grouped by status, in board column order (every column present, maybe empty).
pub fn board<'a>(measures: &[&'a Measure]) -> Vec<(MeasureStatus, Vec<&'a Measure>)> {
    MeasureStatus::ALL
        .into_iter()
        .map(|s| (s, measures.iter().copied().filter(|m| m.status == s).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::JourneyMap;
    use crate::model::{Channel, Lang};

    fn map() -> (JourneyMap, String, String) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        let b = m.add_touchpoint(&s1, "b", Channel::Store).unwrap();
        (m, a, b)
    }

    fn draft(title: &str, tp: &str) -> MeasureDraft {
        MeasureDraft { title: title.into(), links: vec![MeasureLink { touchpoint_id: tp.into(), pain_point: None }], ..Default::default() }
    }

    #[test]
    fn add_checks_title_date_and_touchpoints() {
        let (mut m, a, _) = map();
        assert_eq!(m.add_measure(draft("  ", &a), "2026-01-01"), Err(MeasureError::EmptyTitle));
        assert_eq!(m.add_measure(draft("x", "nope"), "2026-01-01"), Err(MeasureError::UnknownTouchpoint("nope".into())));
        let mut d = draft("x", &a);
        d.due = Some("2026-13-01".into());
        assert!(matches!(m.add_measure(d, "2026-01-01"), Err(MeasureError::BadDueDate(_))));
        assert!(m.measures.is_empty());
        let id = m.add_measure(draft(" Shorter queue ", &a), "2026-01-01").unwrap();
        assert_eq!(m.measure(&id).unwrap().title, "Shorter queue");
        assert_eq!(m.measure_count(&a), 1);
    }

    #[test]
    fn counts_of_every_touchpoint_are_the_counts_of_each() {
        let (mut m, a, b) = map();
        // One measure on a and on a pain point of a (counts once for a), one on a and b.
        let mut twice = draft("twice", &a);
        twice.links.push(MeasureLink { touchpoint_id: a.clone(), pain_point: Some("Queue".into()) });
        m.add_measure(twice, "2026-01-01").unwrap();
        let mut both = draft("both", &a);
        both.links.push(MeasureLink { touchpoint_id: b.clone(), pain_point: None });
        m.add_measure(both, "2026-01-01").unwrap();
        let counts = m.measure_counts();
        assert_eq!((counts.get(a.as_str()).copied(), counts.get(b.as_str()).copied()), (Some(2), Some(1)));
        for tp in &m.touchpoints {
            assert_eq!(counts.get(tp.id.as_str()).copied().unwrap_or(0), m.measure_count(&tp.id));
        }
    }

    #[test]
    fn done_records_the_day_and_leaving_done_clears_it() {
        let (mut m, a, _) = map();
        let id = m.add_measure(draft("x", &a), "2026-01-01").unwrap();
        assert!(m.set_measure_status(&id, MeasureStatus::Done, "2026-02-03"));
        assert_eq!(m.measure(&id).unwrap().done_on.as_deref(), Some("2026-02-03"));
        m.set_measure_status(&id, MeasureStatus::Done, "2026-03-03");
        assert_eq!(m.measure(&id).unwrap().done_on.as_deref(), Some("2026-02-03"), "staying done keeps the day");
        m.set_measure_status(&id, MeasureStatus::InProgress, "2026-03-03");
        assert_eq!(m.measure(&id).unwrap().done_on, None);
        assert!(!m.set_measure_status("nope", MeasureStatus::Done, "x"));
    }

    #[test]
    fn filters_by_stage_owner_and_status_and_board_groups() {
        let (mut m, a, b) = map();
        let mut d1 = draft("one", &a);
        d1.owner = "Shop team".into();
        let mut d2 = draft("two", &b);
        d2.owner = "Service".into();
        d2.status = MeasureStatus::Planned;
        m.add_measure(d1, "d").unwrap();
        m.add_measure(d2, "d").unwrap();
        let stage_b = m.touchpoint(&b).unwrap().stage_id.clone();
        let f = MeasureFilter { stage_id: Some(stage_b), ..Default::default() };
        assert_eq!(m.filtered_measures(&f).iter().map(|x| x.title.as_str()).collect::<Vec<_>>(), ["two"]);
        let f = MeasureFilter { owner: Some(" shop TEAM".into()), ..Default::default() };
        assert_eq!(m.filtered_measures(&f)[0].title, "one");
        let f = MeasureFilter { status: Some(MeasureStatus::Done), ..Default::default() };
        assert!(m.filtered_measures(&f).is_empty());
        let all = m.filtered_measures(&MeasureFilter::default());
        let cols = board(&all);
        assert_eq!(cols.len(), 4);
        assert_eq!(cols[0].1.len(), 1);
        assert_eq!(cols[1].1[0].title, "two");
        assert_eq!(m.measure_owners(), ["Service", "Shop team"]);
    }

    #[test]
    fn removing_a_touchpoint_keeps_the_measure_and_its_link() {
        let (mut m, a, _) = map();
        let id = m.add_measure(draft("x", &a), "d").unwrap();
        m.remove_touchpoint(&a);
        assert_eq!(m.measure(&id).unwrap().links[0].touchpoint_id, a);
        // Editing it again keeps the dangling link instead of refusing the edit.
        let mut d = draft("y", &a);
        d.status = MeasureStatus::Done;
        m.update_measure(&id, d, "2026-05-05").unwrap();
        assert_eq!(m.measure(&id).unwrap().done_on.as_deref(), Some("2026-05-05"));
    }

    #[test]
    fn status_keys_round_trip() {
        for s in MeasureStatus::ALL {
            assert_eq!(MeasureStatus::from_key(s.key()), Some(s));
        }
        let e = ExpectedEffect { target: EffectTarget::Measurement(MeasurementKind::DropOffRate), direction: EffectDirection::Down };
        assert_eq!(e.describe(Lang::En), "Drop-off ↓ down");
    }

    #[test]
    fn maps_saved_before_measures_and_tracking_still_load() {
        let old = r#"{"schema_version":1,"id":"m","name":"Old","created_at":0,"updated_at":0,
            "stages":[{"id":"st-1","name":"A"}],
            "touchpoints":[{"id":"tp-2","stage_id":"st-1","title":"T","emotion":1}],"next_seq":3}"#;
        let m = crate::model::schema::parse_map(old).unwrap();
        assert!(m.measures.is_empty());
        assert_eq!(m.touchpoints[0].data_source, None);
        assert!(m.touchpoints[0].history.is_empty());
        // And an untouched map writes none of the new fields.
        let json = crate::model::schema::to_json(&m);
        assert!(!json.contains("measures") && !json.contains("history") && !json.contains("data_source"));
    }
}
