//! One moment where customer and business meet, with what the customer does, thinks and
//! feels, how sure we are of it (evidence) and what was measured there.

use serde::{Deserialize, Serialize};

use super::{Channel, Lang};

/// Frontstage: the customer sees it. Backstage: an internal process behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Frontstage,
    Backstage,
}

/// How sure we are of what a touchpoint says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Measured,
    Reported,
    #[default]
    Assumed,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 3] = [EvidenceKind::Measured, EvidenceKind::Reported, EvidenceKind::Assumed];

    /// The stable key, the same as in the JSON and CSV files.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceKind::Measured => "measured",
            EvidenceKind::Reported => "reported",
            EvidenceKind::Assumed => "assumed",
        }
    }

    /// The kind for a key or a label in either language (ignoring case).
    pub fn from_key_or_label(text: &str) -> Option<EvidenceKind> {
        let t = text.trim().to_lowercase();
        EvidenceKind::ALL.into_iter().find(|k| k.key() == t || Lang::ALL.iter().any(|l| k.label(*l) == t))
    }

    /// The kind as a word ("measured" / "gemessen").
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            EvidenceKind::Measured => ("measured", "gemessen"),
            EvidenceKind::Reported => ("reported", "berichtet"),
            EvidenceKind::Assumed => ("assumed", "angenommen"),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// Where it comes from: a file name and date, a survey, "team workshop", …
    #[serde(default)]
    pub source: String,
}

/// Measurement points of a touchpoint. Every field is optional: a missing value is unknown,
/// never zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Measurements {
    /// Customers or contacts per month, or in `period` when it is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
    /// Share of customers who leave the journey here, 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_rate: Option<f64>,
    /// Median throughput time in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_time_s: Option<f64>,
    /// Customer satisfaction, mean on a 1..=5 scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat: Option<f64>,
    /// Customer effort score, share agreeing "it was easy", 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ces: Option<f64>,
    /// Net promoter score, −100..=100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<f64>,
    /// When the values came from an event log or aggregate: the period they cover and
    /// their source. Then `volume` is the count in that period, not per month
    /// (schema version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<super::MeasuredPeriod>,
}

/// Why a customer got in touch (contacts only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactReason {
    Service,
    Information,
    Order,
}

/// Whether a contact is worth having.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactClass {
    /// Useful for customer and business (feedback, more information, booking more).
    ValueAdding,
    /// Caused by information gaps or problems: avoidable.
    Disruptive,
    /// The customer could solve it alone.
    SelfServiceCandidate,
}

impl ContactReason {
    /// The stable key (as the map's JSON writes it).
    pub fn key(self) -> &'static str {
        match self {
            ContactReason::Service => "service",
            ContactReason::Information => "information",
            ContactReason::Order => "order",
        }
    }
}

impl ContactClass {
    /// The stable key (as the map's JSON writes it).
    pub fn key(self) -> &'static str {
        match self {
            ContactClass::ValueAdding => "value_adding",
            ContactClass::Disruptive => "disruptive",
            ContactClass::SelfServiceCandidate => "self_service_candidate",
        }
    }
}

/// An improvement idea with its value and effort (scored in `score`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Opportunity {
    pub text: String,
    /// 0..=100
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_value: Option<f64>,
    /// 0..=100
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<f64>,
    /// 0..=5
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Touchpoint {
    pub id: String,
    pub stage_id: String,
    /// Personas this touchpoint belongs to; empty means all.
    #[serde(default)]
    pub persona_ids: Vec<String>,
    pub title: String,
    #[serde(default)]
    pub channel: Channel,
    #[serde(default)]
    pub customer_action: String,
    #[serde(default)]
    pub thoughts: String,
    /// −2 (very negative) ..= +2 (very positive); `None` when nobody knows yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<i8>,
    #[serde(default)]
    pub pain_points: Vec<String>,
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    /// Owner or department responsible.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default)]
    pub evidence: Evidence,
    #[serde(default)]
    pub measurements: Measurements,
    /// 1..=5, how much this touchpoint matters to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_class: Option<ContactClass>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_reason: Option<ContactReason>,
    /// Event-log activity name this touchpoint stands for, when it differs from the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_key: Option<String>,
    /// The designed (to-be) emotion −2..=+2, when the team has designed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_be_emotion: Option<i8>,
    /// What changes in the to-be journey at this touchpoint.
    #[serde(default)]
    pub to_be_note: String,
    /// Which system records this touchpoint (data inventory); `None` = not stated yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<super::DataSource>,
    /// Measurements over time, oldest first by date (see `tracking`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::MeasurementRecord>,
}

impl Touchpoint {
    /// Clamps the emotion into −2..=2, so a typo can't break the curve.
    pub fn set_emotion(&mut self, emotion: Option<i8>) {
        self.emotion = emotion.map(|e| e.clamp(-2, 2));
    }

    /// Clamps the to-be emotion into −2..=2, like [`Touchpoint::set_emotion`].
    pub fn set_to_be_emotion(&mut self, emotion: Option<i8>) {
        self.to_be_emotion = emotion.map(|e| e.clamp(-2, 2));
    }
}
