//! A map's import recipe (schema version 4): how the files of its last import were read —
//! which sources, their column mapping or preset, how cases were formed, the date form,
//! the time zone and the activity filters — so next month's files import in one step.
//!
//! Only column names and settings are kept, never a value of the file: no customer, no
//! e-mail address, and not the key of the customer pseudonyms (that stays with the
//! library, `AppState::customer_key`). The recipe is plain data here; the analytics core
//! turns it into the readers' options (`analytics::recipe`).

use serde::{Deserialize, Serialize};

use super::Lang;

/// The sources of one import, in the order they are joined (one for a single file, two or
/// more for the customer hub).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ImportRecipe {
    pub sources: Vec<RecipeSource>,
}

/// How one file is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipeSource {
    /// The name of the file this source read last ("orders-2026-03.csv"): shown so the user
    /// knows which export to pick next time.
    #[serde(default)]
    pub last_file: String,
    /// The source preset's key (`analytics::sources::Source::key`): `generic`,
    /// `shopify_orders`, `zendesk_tickets`, …
    pub source: String,
    /// The column mapping, by header name (the generic event log only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<RecipeColumns>,
    /// How cases are formed by a preset: `customer`, `record` or `idle` (with `idle_minutes`).
    #[serde(default = "customer")]
    pub cases: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_minutes: Option<u32>,
    /// Day/month order of the dates (`auto`, `day_first`, `month_first`, `excel_serial`).
    #[serde(default = "auto")]
    pub time_form: String,
    /// IANA zone for times without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Language of a preset's event names ("Order placed" / "Bestellung aufgegeben"), so
    /// next month's events match the same touchpoints.
    #[serde(default)]
    pub event_lang: Lang,
    /// Activities left out (noise such as `scroll`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// Activities renamed (from, to); two renamed to one name are merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rename: Vec<(String, String)>,
    /// The sheet of a workbook (.xlsx, .xls, .ods) that was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// The generic event log's mapping: header names and the delimiter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipeColumns {
    /// The delimiter as text: `,`, `;` or a tab.
    pub delimiter: String,
    pub case: String,
    pub activity: String,
    pub time: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Lifecycle column and the value kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<(String, String)>,
}

fn customer() -> String {
    "customer".into()
}

fn auto() -> String {
    "auto".into()
}

impl ImportRecipe {
    /// The files the recipe reads, by their last names ("orders.csv + tickets.csv").
    pub fn files(&self) -> String {
        self.sources.iter().map(|s| s.last_file.as_str()).collect::<Vec<_>>().join(" + ")
    }
}
