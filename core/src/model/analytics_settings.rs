//! What the analytics page remembers per map (schema version 2): which touchpoint each
//! log activity stands for, the journey's goal activities, the drop-off timeout, the
//! funnel window and the time zone for timestamps without one. Stored with the map so a
//! second import of the same tracking export needs no new choices. Version 4 adds the
//! import recipe and the measurement history (`import_recipe.rs`, `period_history.rs`).

use serde::{Deserialize, Serialize};

/// The user's choice for one activity of the event log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityMatch {
    /// Activity name exactly as in the log.
    pub activity: String,
    /// The touchpoint it stands for; `None`: the user left it unmatched on purpose.
    #[serde(default)]
    pub touchpoint_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AnalyticsSettings {
    /// Choices made in the matching step; activities not listed are matched automatically
    /// (event key or title equal, ignoring case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity_matches: Vec<ActivityMatch>,
    /// Goal activities chosen by the user. Empty: the activities matched to the end of
    /// the map's main route.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goal_activities: Vec<String>,
    /// Drop-off timeout τ in seconds; `None`: the default (7 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_timeout_s: Option<f64>,
    /// Funnel conversion window in seconds; `None`: unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funnel_window_s: Option<f64>,
    /// IANA zone (`Europe/Berlin`) for timestamps without one; `None`: the browser's zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The event log (or aggregate) this map was drafted from, when it was drafted from
    /// one (`analytics::draft`): so the team sees where the as-is map came from and can
    /// draft or measure it again from the next period's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_from: Option<DraftSource>,
    /// How the last applied import read its files (schema version 4, an
    /// [`ImportRecipe`](super::ImportRecipe)): next month's files import with it in one step.
    /// Column names and settings only. Kept as JSON and typed on use
    /// ([`AnalyticsSettings::recipe`]): every wasm module reads and writes maps, but only
    /// the analytics page needs its fields, so the small modules carry no code for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipe: Option<serde_json::Value>,
    /// Every applied import as a dated period with its key figures, oldest first (schema
    /// version 4, [`HistoryPeriod`](super::HistoryPeriod)); JSON typed on use like `recipe`
    /// ([`AnalyticsSettings::history`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<serde_json::Value>,
}

/// Where a drafted map came from: the file, its period and the draft's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DraftSource {
    /// File name as the user picked it.
    pub name: String,
    /// First and last day with an event, `YYYY-MM-DD` (UTC).
    pub first_day: String,
    pub last_day: String,
    pub cases: u64,
    pub events: u64,
    /// Share of activities kept (by frequency), 0..=1.
    pub activity_share: f64,
    /// Share of paths (directly-follows steps) kept, 0..=1.
    pub path_share: f64,
}

impl AnalyticsSettings {
    pub fn is_empty(&self) -> bool {
        *self == AnalyticsSettings::default()
    }

    /// The stored choice for an activity: `None` if the user never chose, `Some(None)` if
    /// they left it unmatched.
    pub fn choice(&self, activity: &str) -> Option<Option<&str>> {
        self.activity_matches.iter().find(|m| m.activity == activity).map(|m| m.touchpoint_id.as_deref())
    }

    /// The import recipe; `None` also when the stored one does not read (a hand-edited
    /// file): it is then kept as it is, never rewritten.
    pub fn recipe(&self) -> Option<super::ImportRecipe> {
        serde_json::from_value(self.recipe.clone()?).ok()
    }

    pub fn set_recipe(&mut self, recipe: &super::ImportRecipe) {
        self.recipe = serde_json::to_value(recipe).ok();
    }

    /// The measurement history's periods that read (oldest first).
    pub fn history(&self) -> Vec<super::HistoryPeriod> {
        self.history.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect()
    }

    /// Adds a period to the history (see [`super::record_period`]).
    pub fn record_period(&mut self, entry: super::HistoryPeriod) {
        let mut periods = self.history();
        super::record_period(&mut periods, entry);
        self.set_history(&periods);
    }

    pub fn set_history(&mut self, periods: &[super::HistoryPeriod]) {
        self.history = periods.iter().filter_map(|p| serde_json::to_value(p).ok()).collect();
    }

    /// Records a choice (replacing an earlier one for the same activity).
    pub fn set_choice(&mut self, activity: &str, touchpoint_id: Option<String>) {
        match self.activity_matches.iter_mut().find(|m| m.activity == activity) {
            Some(m) => m.touchpoint_id = touchpoint_id,
            None => self.activity_matches.push(ActivityMatch { activity: activity.to_string(), touchpoint_id }),
        }
    }
}
