//! The as-is journey map drafted from what customers did: an imported event log (or a
//! warehouse aggregate) becomes a valid [`JourneyMap`] in one step. Algorithm and limits in
//! `docs/analytics.md`, "Drafting a map from the log".
//!
//! 1. [`observe`]: per activity its events, cases, drop-offs (the one definition,
//!    [`case_outcomes`](super::case_outcomes), against the goal), time to the next event
//!    and most frequent channel.
//! 2. [`select`]: the activities kept, most cases first (share of activities kept, at most
//!    [`MAX_TOUCHPOINTS`], goal activities always); the rest are listed.
//! 3. [`shape`]: the log projected onto the kept activities: directly-follows steps, where
//!    each activity typically happens first in a case (median relative position), and the
//!    most frequent loop-free path of the cases that reach the goal (the main route).
//! 4. [`stages`]: activities in position order cut into the asked number of stages so that
//!    the positions within a stage spread least (optimal 1-D segmentation); moves by the
//!    user applied after.
//! 5. [`build`]: the map — touchpoints, routes (main route planned, forward steps
//!    alternative, steps back as loop-backs, the share of paths kept), measured values as
//!    measured evidence with period and source; emotion, pain points and judgement scores
//!    stay empty and are listed as to be filled in.
//!
//! Everything is deterministic: ties are broken by counts, then by name.

mod build;
mod observe;
mod select;
mod shape;
mod stages;

use serde::{Deserialize, Serialize};

use crate::locale::Text;
use crate::model::{JourneyMap, Lang};

use super::aggregate::Aggregate;
use super::dropoff::DEFAULT_TIMEOUT_S;
use super::event_log::EventLog;

pub use stages::segment;

/// The most touchpoints a drafted map gets, whatever the share asked: beyond this the map
/// is no longer readable (a log of raw URLs has thousands of distinct activities).
pub const MAX_TOUCHPOINTS: usize = 60;
/// The most stages a draft can be asked for.
pub const MAX_STAGES: usize = 12;

/// What the user chose before drafting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftOptions {
    /// The file's name, written as the evidence source and remembered by the map.
    pub source_name: String,
    /// Share of activities kept, most frequent (by cases) first, 0..=1.
    #[serde(default = "one")]
    pub activity_share: f64,
    /// Share of paths (directly-follows steps between kept activities) kept, most cases
    /// first, 0..=1. The main route's steps and every touchpoint's strongest way in and out
    /// are always kept.
    #[serde(default = "default_path_share")]
    pub path_share: f64,
    /// The journey's goal activities (names as in the log). Empty: no drop-off is written
    /// and the main route is the most frequent path of all cases.
    #[serde(default)]
    pub goal_activities: Vec<String>,
    /// Drop-off timeout τ in seconds.
    #[serde(default = "default_timeout")]
    pub timeout_s: f64,
    /// Number of stages, 1..=[`MAX_STAGES`].
    #[serde(default = "default_stage_count")]
    pub stage_count: usize,
    /// Stage names; missing or blank ones get the default names (the five generic phases
    /// for five stages, else "Stage n").
    #[serde(default)]
    pub stage_names: Vec<String>,
    /// Activities the user moved to another stage (index into the stages).
    #[serde(default)]
    pub moves: Vec<StageMove>,
    /// The map's name; empty: "As-is journey (file)".
    #[serde(default)]
    pub map_name: String,
}

fn one() -> f64 {
    1.0
}
fn default_path_share() -> f64 {
    0.8
}
fn default_timeout() -> f64 {
    DEFAULT_TIMEOUT_S
}
fn default_stage_count() -> usize {
    5
}

impl Default for DraftOptions {
    fn default() -> Self {
        DraftOptions {
            source_name: String::new(),
            activity_share: 1.0,
            path_share: default_path_share(),
            goal_activities: Vec::new(),
            timeout_s: DEFAULT_TIMEOUT_S,
            stage_count: 5,
            stage_names: Vec::new(),
            moves: Vec::new(),
            map_name: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageMove {
    pub activity: String,
    pub stage: usize,
}

/// One activity of the log and what the draft made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftActivity {
    pub activity: String,
    pub events: u64,
    pub cases: u64,
    /// Median relative position of its first event in a case (0 = start, 1 = end).
    pub position: f64,
    /// The stage it was put in.
    pub stage: usize,
    /// Whether the user moved it there.
    pub moved: bool,
}

/// An activity left off the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DroppedActivity {
    pub activity: String,
    pub events: u64,
    pub cases: u64,
}

/// A directly-follows step left off the map (between two kept activities).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DroppedPath {
    pub from: String,
    pub to: String,
    pub cases: u64,
}

/// One stage of the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftStage {
    pub name: String,
    pub activities: Vec<String>,
    /// Median time from the first event in this stage to the first event in the next one,
    /// over the cases that reach both; `None` when not measured (last stage, aggregate, no
    /// case reaching both).
    pub time_to_next_stage_s: Option<f64>,
    pub cases_to_next_stage: u64,
}

/// The draft: the map and everything the page shows before it is created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub map: JourneyMap,
    /// The kept activities in map order.
    pub activities: Vec<DraftActivity>,
    /// Left off by the share of activities (or the cap), most cases first.
    pub dropped_activities: Vec<DroppedActivity>,
    /// Left off by the share of paths, most cases first.
    pub dropped_paths: Vec<DroppedPath>,
    /// Dropped activities and paths left out of the page's copy (`shown.rs`), by cases.
    #[serde(default, skip_serializing_if = "crate::analytics::shown::Omitted::is_none")]
    pub more_dropped: crate::analytics::shown::Omitted,
    #[serde(default, skip_serializing_if = "crate::analytics::shown::Omitted::is_none")]
    pub more_dropped_paths: crate::analytics::shown::Omitted,
    pub stages: Vec<DraftStage>,
    /// The main route's activities.
    pub main_route: Vec<String>,
    /// Cases following the main route (loop-free, as far as the kept activities show).
    pub main_route_cases: u64,
    /// The goal activities used (known to the log).
    pub goal_activities: Vec<String>,
    pub cases: u64,
    pub events: u64,
    pub cases_reaching_goal: u64,
    pub first_day: String,
    pub last_day: String,
    /// What the team still has to fill in (the log cannot say).
    pub to_fill_in: Vec<Text>,
    /// Things the user should know: goal missing, activities capped, what to filter.
    pub notes: Vec<Text>,
}

/// Why no map could be drafted, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRefusal {
    pub reason: Text,
}

/// Drafts the as-is map from an imported event log. `map_id` and `now_ms` are the new
/// map's identity and time; `lang` names stages and writes texts.
pub fn draft_from_log(log: &EventLog, opts: &DraftOptions, map_id: &str, now_ms: f64, lang: Lang) -> Result<Draft, DraftRefusal> {
    if log.event_count() == 0 {
        return Err(empty_log());
    }
    let obs = observe::from_log(log, opts);
    let kept = select::select(&obs, opts);
    let shape = shape::from_log(log, &obs, &kept);
    Ok(build::build(&obs, &kept, &shape, Some(log), opts, map_id, now_ms, lang))
}

/// Drafts the as-is map from a warehouse aggregate: the same steps, with positions and the
/// main route read off the aggregate's top variants, no channels and no time between
/// stages (the aggregate does not carry them; `docs/analytics.md` lists the limits). The
/// goal and timeout are the aggregate's own.
pub fn draft_from_aggregate(a: &Aggregate, opts: &DraftOptions, map_id: &str, now_ms: f64, lang: Lang) -> Result<Draft, DraftRefusal> {
    if a.events == 0 || a.activities.is_empty() {
        return Err(empty_log());
    }
    let mut opts = opts.clone();
    opts.goal_activities = a.goal_activities.clone();
    opts.timeout_s = a.timeout_s;
    let obs = observe::from_aggregate(a);
    let kept = select::select(&obs, &opts);
    let shape = shape::from_aggregate(a, &obs, &kept);
    Ok(build::build(&obs, &kept, &shape, None, &opts, map_id, now_ms, lang))
}

fn empty_log() -> DraftRefusal {
    DraftRefusal {
        reason: Text::new(
            "The log has no events, so there is nothing to draft. Check the file and the column choice (case, activity, time).",
            "Das Protokoll enthält keine Ereignisse, daraus lässt sich keine Karte entwerfen. Bitte Datei und Spaltenwahl (Fall, Aktivität, Zeit) prüfen.",
        ),
    }
}
