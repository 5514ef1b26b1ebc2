//! Everything the UI shows about scores, computed in one pass from a map and its settings.

use std::collections::HashMap;

use serde::Serialize;

use super::contacts::{contact_summary, ContactSummary};
use super::illusion::{completion_missing, illusion_warning, CompletionMissing, IllusionWarning};
use super::journey::{completion, journey_score, weakest_stage, JourneyScore};
use super::main_route::{main_route, MainRoute, RouteBasis};
use super::opportunity::{opportunity_matrix, OpportunityMatrix};
use super::priority::{priorities, PriorityList};
use super::stage::{score_stages, StageScore};
use super::steering::{channel_steering, SteeringRow};
use super::touchpoint::{score_touchpoint, TouchpointResult};
use crate::model::{JourneyMap, Touchpoint};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapScores {
    /// One entry per touchpoint, in map order.
    pub touchpoints: Vec<TouchpointResult>,
    /// One entry per stage, in stage order.
    pub stages: Vec<StageScore>,
    pub main_route: MainRoute,
    /// Plain mean of all touchpoint scores; what a map of happy touchpoints suggests.
    pub mean_touchpoint_score: Option<f64>,
    pub journey: Option<JourneyScore>,
    pub illusion: Option<IllusionWarning>,
    /// Set instead of a warning when the illusion cannot be checked (no completion figure).
    pub completion_missing: Option<CompletionMissing>,
    pub priorities: PriorityList,
    pub contacts: ContactSummary,
    pub opportunities: OpportunityMatrix,
    pub steering: Vec<SteeringRow>,
}

impl MapScores {
    /// The result for one touchpoint.
    pub fn touchpoint(&self, id: &str) -> Option<&TouchpointResult> {
        self.touchpoints.iter().find(|r| r.touchpoint_id == id)
    }

    /// The score of one touchpoint, if it has one.
    pub fn touchpoint_value(&self, id: &str) -> Option<f64> {
        self.touchpoint(id).and_then(|r| r.score.as_ref()).map(|s| s.value)
    }

    pub fn stage(&self, id: &str) -> Option<&StageScore> {
        self.stages.iter().find(|s| s.stage_id == id)
    }
}

/// Scores a whole map with its own settings (`map.scoring`).
pub fn score_map(map: &JourneyMap) -> MapScores {
    let settings = &map.scoring;
    let touchpoints: Vec<TouchpointResult> =
        map.touchpoints.iter().map(|t| score_touchpoint(t, &settings.weights)).collect();
    let stages = score_stages(map, &touchpoints);
    let route = main_route(map);

    let values: Vec<f64> = touchpoints.iter().filter_map(|r| r.score.as_ref().map(|s| s.value)).collect();
    let mean_touchpoint_score = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);

    let completed = completion(map, &route, settings.effective_measured_conversion());
    let journey = journey_score(completed, weakest_stage(map, &stages));
    let illusion = illusion_warning(mean_touchpoint_score, journey.as_ref(), settings.effective_threshold());
    // Only a drawn main route can name the touchpoints whose drop-offs are missing.
    let missing_titles: Vec<String> = if route.basis == RouteBasis::PlannedRoutes {
        // By id through a hash map: a search per route step made this quadratic (a
        // 300-touchpoint map is re-scored on every edit; core/benches/editor.rs).
        let by_id: HashMap<&str, &Touchpoint> = map.touchpoints.iter().map(|t| (t.id.as_str(), t)).collect();
        route
            .touchpoint_ids
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .filter(|t| t.measurements.drop_off_rate.is_none())
            .map(|t| t.title.clone())
            .collect()
    } else {
        Vec::new()
    };
    let completion_missing = completion_missing(mean_touchpoint_score, journey.as_ref(), &missing_titles);

    MapScores {
        priorities: priorities(map, &touchpoints),
        contacts: contact_summary(map, settings.effective_cost_per_contact()),
        opportunities: opportunity_matrix(map),
        steering: channel_steering(map),
        touchpoints,
        stages,
        main_route: route,
        mean_touchpoint_score,
        journey,
        illusion,
        completion_missing,
    }
}
