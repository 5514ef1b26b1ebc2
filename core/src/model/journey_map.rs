//! The journey map itself: personas, ordered stages, touchpoints and the routes between
//! them. State changes are methods here so that the UI only calls them.
//!
//! Invariants kept by the methods: ids are unique within a map (handed out by
//! [`JourneyMap::next_id`]); every touchpoint's `stage_id` names an existing stage; every
//! route joins two existing touchpoints. Removing a stage or touchpoint removes what hangs
//! on it.

use serde::{Deserialize, Serialize};

use super::{Channel, Lang, Touchpoint};

/// The version of the map's JSON this build writes (migrations: `schema.rs`).
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Persona {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub pains: Vec<String>,
    #[serde(default)]
    pub preferred_channels: Vec<Channel>,
    #[serde(default)]
    pub segment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stage {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// What kind of path a route is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    /// The main route the business designed.
    #[default]
    Planned,
    /// A branch customers also take.
    Alternative,
    /// Back to an earlier touchpoint, e.g. after-sales back to the next purchase.
    LoopBack,
}

impl RouteKind {
    pub const ALL: [RouteKind; 3] = [RouteKind::Planned, RouteKind::Alternative, RouteKind::LoopBack];

    /// The stable key, the same as in the JSON file (`planned`, `alternative`, `loop_back`).
    pub fn key(self) -> &'static str {
        match self {
            RouteKind::Planned => "planned",
            RouteKind::Alternative => "alternative",
            RouteKind::LoopBack => "loop_back",
        }
    }

    pub fn from_key(key: &str) -> Option<RouteKind> {
        RouteKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind as a word in a sentence or a select ("planned" / "geplant").
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            RouteKind::Planned => ("planned", "geplant"),
            RouteKind::Alternative => ("alternative", "alternativ"),
            RouteKind::LoopBack => ("loop back", "Rücksprung"),
        })
    }

    /// The kind as a name of its own (legends, accessible names): "Planned route".
    pub fn long_label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            RouteKind::Planned => ("Planned route", "Geplante Route"),
            RouteKind::Alternative => ("Alternative route", "Alternative Route"),
            RouteKind::LoopBack => ("Loop back", "Rücksprung"),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Route {
    pub id: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub kind: RouteKind,
    /// Customers taking this route per month, or in `period` when it is set; `None`
    /// when unknown (never 0 for "not seen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
    /// The period and source of a measured `volume` (schema version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<super::MeasuredPeriod>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    pub schema_version: u32,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Milliseconds since the Unix epoch.
    pub created_at: f64,
    /// Milliseconds since the Unix epoch.
    pub updated_at: f64,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Next number [`JourneyMap::next_id`] hands out; kept so ids never repeat, even after
    /// deletions.
    #[serde(default)]
    pub next_seq: u64,
    #[serde(default)]
    pub scoring: super::ScoringSettings,
    /// Keys of the editor lanes hidden on this map (see `editor::Lane::key`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_lanes: Vec<String>,
    /// Throughput time of each journey (case) of the last analysed event log, in seconds,
    /// for the throughput-time histogram; empty until a log is analysed. Set it with
    /// [`JourneyMap::set_journey_throughput`], which keeps at most
    /// [`MAX_JOURNEY_THROUGHPUTS`](crate::model::MAX_JOURNEY_THROUGHPUTS) values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journey_throughput_s: Vec<f64>,
    /// Planned improvements linked to touchpoints (see `measure`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<super::Measure>,
    /// What the analytics page remembers for this map (activity matching, goal, …).
    #[serde(default, skip_serializing_if = "super::AnalyticsSettings::is_empty")]
    pub analytics: super::AnalyticsSettings,
}

/// The five default stages, in both languages.
pub const DEFAULT_STAGES: [(&str, &str); 5] = [
    ("Awareness", "Aufmerksamkeit"),
    ("Consideration", "Interesse & Recherche"),
    ("Purchase", "Kauf"),
    ("Delivery & service", "Versand, Produkterlebnis & Service"),
    ("Loyalty", "Kundenbindung"),
];

impl JourneyMap {
    /// An empty map (no stages) with the given id and name, created at `now_ms`.
    pub fn empty(id: impl Into<String>, name: impl Into<String>, now_ms: f64) -> Self {
        JourneyMap {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            name: name.into(),
            description: String::new(),
            created_at: now_ms,
            updated_at: now_ms,
            personas: Vec::new(),
            stages: Vec::new(),
            touchpoints: Vec::new(),
            routes: Vec::new(),
            next_seq: 1,
            scoring: super::ScoringSettings::default(),
            hidden_lanes: Vec::new(),
            journey_throughput_s: Vec::new(),
            measures: Vec::new(),
            analytics: super::AnalyticsSettings::default(),
        }
    }

    /// A blank map with the five default stages named in `lang`.
    pub fn blank(id: impl Into<String>, name: impl Into<String>, now_ms: f64, lang: Lang) -> Self {
        let mut map = JourneyMap::empty(id, name, now_ms);
        for (en, de) in DEFAULT_STAGES {
            map.add_stage(lang.pick((en, de)));
        }
        map
    }

    /// A fresh id unique within this map, e.g. `tp-7`.
    pub fn next_id(&mut self, prefix: &str) -> String {
        let n = self.next_seq.max(1);
        self.next_seq = n + 1;
        format!("{prefix}-{n}")
    }

    /// Records that the map changed at `now_ms`.
    pub fn touch(&mut self, now_ms: f64) {
        self.updated_at = now_ms;
    }

    pub fn rename(&mut self, name: &str) {
        self.name = name.trim().to_string();
    }

    /// A copy with a new id and name, both times set to `now_ms`.
    pub fn duplicate(&self, new_id: impl Into<String>, name: impl Into<String>, now_ms: f64) -> Self {
        let mut copy = self.clone();
        copy.id = new_id.into();
        copy.name = name.into();
        copy.created_at = now_ms;
        copy.updated_at = now_ms;
        copy
    }

    pub fn add_stage(&mut self, name: &str) -> String {
        let id = self.next_id("st");
        self.stages.push(Stage {
            id: id.clone(),
            name: name.to_string(),
            description: String::new(),
        });
        id
    }

    /// Removes a stage with its touchpoints and their routes.
    pub fn remove_stage(&mut self, stage_id: &str) {
        let gone: Vec<String> = self
            .touchpoints
            .iter()
            .filter(|t| t.stage_id == stage_id)
            .map(|t| t.id.clone())
            .collect();
        for id in gone {
            self.remove_touchpoint(&id);
        }
        self.stages.retain(|s| s.id != stage_id);
    }

    pub fn add_persona(&mut self, name: &str) -> String {
        let id = self.next_id("pe");
        self.personas.push(Persona {
            id: id.clone(),
            name: name.to_string(),
            ..Persona::default()
        });
        id
    }

    /// Removes a persona and its mentions on touchpoints.
    pub fn remove_persona(&mut self, persona_id: &str) {
        self.personas.retain(|p| p.id != persona_id);
        for tp in &mut self.touchpoints {
            tp.persona_ids.retain(|p| p != persona_id);
        }
    }

    /// Adds a touchpoint at the end of a stage; `None` when the stage does not exist.
    pub fn add_touchpoint(&mut self, stage_id: &str, title: &str, channel: Channel) -> Option<String> {
        if !self.stages.iter().any(|s| s.id == stage_id) {
            return None;
        }
        let id = self.next_id("tp");
        self.touchpoints.push(Touchpoint {
            id: id.clone(),
            stage_id: stage_id.to_string(),
            title: title.to_string(),
            channel,
            ..Touchpoint::default()
        });
        Some(id)
    }

    /// Removes a touchpoint and every route touching it.
    pub fn remove_touchpoint(&mut self, tp_id: &str) {
        self.touchpoints.retain(|t| t.id != tp_id);
        self.routes.retain(|r| r.from != tp_id && r.to != tp_id);
    }

    /// Adds a route between two existing, different touchpoints; `None` otherwise.
    pub fn add_route(&mut self, from: &str, to: &str, kind: RouteKind) -> Option<String> {
        let exists = |id: &str| self.touchpoints.iter().any(|t| t.id == id);
        if from == to || !exists(from) || !exists(to) {
            return None;
        }
        let id = self.next_id("rt");
        self.routes.push(Route {
            id: id.clone(),
            from: from.to_string(),
            to: to.to_string(),
            kind,
            volume: None,
            period: None,
        });
        Some(id)
    }

    pub fn remove_route(&mut self, route_id: &str) {
        self.routes.retain(|r| r.id != route_id);
    }

    pub fn stage(&self, stage_id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == stage_id)
    }

    pub fn touchpoint(&self, tp_id: &str) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == tp_id)
    }

    pub fn touchpoint_mut(&mut self, tp_id: &str) -> Option<&mut Touchpoint> {
        self.touchpoints.iter_mut().find(|t| t.id == tp_id)
    }

    /// The touchpoints of one stage, in map order.
    pub fn touchpoints_in<'a>(&'a self, stage_id: &'a str) -> impl Iterator<Item = &'a Touchpoint> + 'a {
        self.touchpoints.iter().filter(move |t| t.stage_id == stage_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_map_has_five_stages_in_the_chosen_language() {
        let en = JourneyMap::blank("m1", "A", 0.0, Lang::En);
        let de = JourneyMap::blank("m1", "A", 0.0, Lang::De);
        assert_eq!(en.stages.len(), 5);
        assert_eq!(en.stages[0].name, "Awareness");
        assert_eq!(de.stages[4].name, "Kundenbindung");
    }

    #[test]
    fn ids_never_repeat_after_removal() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "a", Channel::App).unwrap();
        m.remove_touchpoint(&a);
        let b = m.add_touchpoint(&s, "b", Channel::App).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn removing_a_stage_removes_its_touchpoints_and_their_routes() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        let b = m.add_touchpoint(&s1, "b", Channel::Store).unwrap();
        m.add_route(&a, &b, RouteKind::Planned).unwrap();
        m.remove_stage(&s1);
        assert_eq!(m.touchpoints.len(), 1);
        assert!(m.routes.is_empty());
        assert_eq!(m.stages.len(), 4);
    }

    #[test]
    fn routes_need_two_existing_distinct_touchpoints() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s0 = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        assert!(m.add_route(&a, &a, RouteKind::LoopBack).is_none());
        assert!(m.add_route(&a, "nope", RouteKind::Planned).is_none());
        assert!(m.add_touchpoint("no-stage", "x", Channel::App).is_none());
    }

    #[test]
    fn duplicate_gets_new_identity_and_same_content() {
        let m = JourneyMap::blank("m", "M", 1.0, Lang::En);
        let d = m.duplicate("m2", "M (copy)", 5.0);
        assert_eq!(d.id, "m2");
        assert_eq!(d.stages, m.stages);
        assert_eq!(d.created_at, 5.0);
    }
}
