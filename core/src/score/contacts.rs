//! Contact classification: value-adding, disruptive (avoidable) and self-service candidate
//! contacts, with their reason (service / information / order), the contact reduction
//! potential and a recommendation per class.
//!
//! Reduction potential = volume of disruptive + self-service-candidate contacts. Volumes are
//! read as contacts per month; with a cost per contact the potential is also money per month.
//! A volume measured from a log (with a `period`) is the count in that period and is
//! converted to a month by the period's length, so two weeks are never read as a month.
//! Contacts without a volume are listed instead of counted as 0.

use serde::Serialize;

use super::stage::usable_volume;
use crate::locale::Text;
use crate::model::{ContactClass, ContactReason, JourneyMap, Lang};

/// The three classes in the order the UI shows them.
pub const CLASSES: [ContactClass; 3] =
    [ContactClass::ValueAdding, ContactClass::Disruptive, ContactClass::SelfServiceCandidate];
pub const REASONS: [ContactReason; 3] = [ContactReason::Service, ContactReason::Information, ContactReason::Order];

pub fn contact_class_label(class: ContactClass, lang: Lang) -> &'static str {
    lang.pick(
        match class {
            ContactClass::ValueAdding => ("Value-adding contact", "Wertschöpfender Kontakt"),
            ContactClass::Disruptive => ("Disruptive (avoidable) contact", "Störender (vermeidbarer) Kontakt"),
            ContactClass::SelfServiceCandidate => ("Self-service candidate", "Selfservice-Kandidat"),
        },
    )
}

pub fn contact_reason_label(reason: ContactReason, lang: Lang) -> &'static str {
    lang.pick(
        match reason {
            ContactReason::Service => ("Service", "Service"),
            ContactReason::Information => ("Information", "Information"),
            ContactReason::Order => ("Order", "Auftrag"),
        },
    )
}

/// What to do with contacts of a class.
pub fn recommendation(class: ContactClass) -> Text {
    let (en, de) = match class {
        ContactClass::Disruptive => (
            "Remove the cause: close the information gap or fix the problem that makes customers get in touch.",
            "Ursache beseitigen: Informationslücke schließen oder das Problem beheben, das den Kontakt auslöst.",
        ),
        ContactClass::SelfServiceCandidate => (
            "Automate as self-service, so customers can solve it alone at any time.",
            "Als Selfservice automatisieren, damit Kunden es jederzeit selbst erledigen können.",
        ),
        ContactClass::ValueAdding => (
            "Keep and make easy: offer it on the customer's preferred channel.",
            "Beibehalten und einfach machen: auf dem bevorzugten Kanal der Kunden anbieten.",
        ),
    };
    Text::new(en, de)
}

/// Whether contacts of this class can go: avoided or automated.
pub fn is_reducible(class: ContactClass) -> bool {
    matches!(class, ContactClass::Disruptive | ContactClass::SelfServiceCandidate)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactRow {
    pub touchpoint_id: String,
    pub class: ContactClass,
    pub reason: Option<ContactReason>,
    pub volume: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTotal {
    pub class: ContactClass,
    pub touchpoints: usize,
    /// Sum of the known volumes.
    pub volume: f64,
    /// Touchpoints of this class without a volume.
    pub without_volume: usize,
    pub recommendation: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonTotal {
    pub reason: ContactReason,
    pub touchpoints: usize,
    pub volume: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactSummary {
    /// Every classified touchpoint, in map order.
    pub rows: Vec<ContactRow>,
    /// One entry per class, in [`CLASSES`] order.
    pub by_class: Vec<ClassTotal>,
    /// One entry per reason, in [`REASONS`] order.
    pub by_reason: Vec<ReasonTotal>,
    /// Contacts per month that could be avoided or automated.
    pub reduction_potential: f64,
    /// Avoidable or automatable touchpoints whose volume is unknown (not in the potential).
    pub reduction_without_volume: Vec<String>,
    pub cost_per_contact: Option<f64>,
    /// `reduction_potential × cost_per_contact`, when a cost is set.
    pub monthly_savings: Option<f64>,
}

pub fn contact_summary(map: &JourneyMap, cost_per_contact: Option<f64>) -> ContactSummary {
    let rows: Vec<ContactRow> = map
        .touchpoints
        .iter()
        .filter_map(|t| {
            t.contact_class.map(|class| ContactRow {
                touchpoint_id: t.id.clone(),
                class,
                reason: t.contact_reason,
                volume: usable_volume(t.measurements.volume)
                    .map(|v| t.measurements.period.as_ref().map_or(v, |p| p.per_month(v))),
            })
        })
        .collect();
    let by_class = CLASSES
        .iter()
        .map(|&class| {
            let of: Vec<&ContactRow> = rows.iter().filter(|r| r.class == class).collect();
            ClassTotal {
                class,
                touchpoints: of.len(),
                volume: of.iter().filter_map(|r| r.volume).sum(),
                without_volume: of.iter().filter(|r| r.volume.is_none()).count(),
                recommendation: recommendation(class),
            }
        })
        .collect();
    let by_reason = REASONS
        .iter()
        .map(|&reason| {
            let of: Vec<&ContactRow> = rows.iter().filter(|r| r.reason == Some(reason)).collect();
            ReasonTotal { reason, touchpoints: of.len(), volume: of.iter().filter_map(|r| r.volume).sum() }
        })
        .collect();
    let reducible: Vec<&ContactRow> = rows.iter().filter(|r| is_reducible(r.class)).collect();
    let reduction_potential: f64 = reducible.iter().filter_map(|r| r.volume).sum();
    let reduction_without_volume =
        reducible.iter().filter(|r| r.volume.is_none()).map(|r| r.touchpoint_id.clone()).collect();
    ContactSummary {
        rows,
        by_class,
        by_reason,
        reduction_potential,
        reduction_without_volume,
        cost_per_contact,
        monthly_savings: cost_per_contact.map(|c| c * reduction_potential),
    }
}

/// A stable key of a contact class, the same as in the JSON file.
pub fn contact_class_key(class: ContactClass) -> &'static str {
    match class {
        ContactClass::ValueAdding => "value_adding",
        ContactClass::Disruptive => "disruptive",
        ContactClass::SelfServiceCandidate => "self_service_candidate",
    }
}

/// The class for a key; `None` for anything else (e.g. the empty "not a contact" choice).
pub fn contact_class_from_key(key: &str) -> Option<ContactClass> {
    CLASSES.into_iter().find(|c| contact_class_key(*c) == key)
}

/// A stable key of a contact reason, the same as in the JSON file.
pub fn contact_reason_key(reason: ContactReason) -> &'static str {
    match reason {
        ContactReason::Service => "service",
        ContactReason::Information => "information",
        ContactReason::Order => "order",
    }
}

pub fn contact_reason_from_key(key: &str) -> Option<ContactReason> {
    REASONS.into_iter().find(|r| contact_reason_key(*r) == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    #[test]
    fn potential_counts_avoidable_and_automatable_volume_only() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[3].id.clone();
        let spec = [
            (ContactClass::Disruptive, ContactReason::Service, Some(120.0)),
            (ContactClass::SelfServiceCandidate, ContactReason::Information, Some(80.0)),
            (ContactClass::ValueAdding, ContactReason::Order, Some(500.0)),
            (ContactClass::Disruptive, ContactReason::Information, None),
        ];
        let mut ids = Vec::new();
        for (class, reason, volume) in spec {
            let id = m.add_touchpoint(&s, "c", Channel::Phone).unwrap();
            let t = m.touchpoint_mut(&id).unwrap();
            t.contact_class = Some(class);
            t.contact_reason = Some(reason);
            t.measurements.volume = volume;
            ids.push(id);
        }
        m.add_touchpoint(&s, "not a contact", Channel::Website);
        let c = contact_summary(&m, Some(4.5));
        assert_eq!(c.rows.len(), 4);
        assert_eq!(c.reduction_potential, 200.0);
        assert_eq!(c.monthly_savings, Some(900.0));
        assert_eq!(c.reduction_without_volume, vec![ids[3].clone()]);
        assert_eq!((c.by_class[1].touchpoints, c.by_class[1].volume, c.by_class[1].without_volume), (2, 120.0, 1));
        assert_eq!(c.by_reason[1].volume, 80.0);
        assert!(c.by_class[2].recommendation.de.starts_with("Als Selfservice"));
        assert_eq!(contact_summary(&m, None).monthly_savings, None);
        // 140 contacts counted in a two-week log are 140 × 30.44 / 14 a month, not 140.
        let p = crate::model::MeasuredPeriod::new(0.0, 13.0 * 86_400_000.0, "log.csv");
        let t = m.touchpoint_mut(&ids[0]).unwrap();
        (t.measurements.volume, t.measurements.period) = (Some(140.0), Some(p));
        let c = contact_summary(&m, None);
        assert!((c.reduction_potential - (140.0 * crate::model::MONTH_DAYS / 14.0 + 80.0)).abs() < 1e-9);
    }

    #[test]
    fn every_class_and_reason_has_both_labels() {
        for class in CLASSES {
            assert_ne!(contact_class_label(class, Lang::En), contact_class_label(class, Lang::De));
            assert!(!recommendation(class).en.is_empty());
        }
        assert_eq!(contact_reason_label(ContactReason::Order, Lang::De), "Auftrag");
    }

    #[test]
    fn contact_keys_round_trip_and_match_the_json_names() {
        for class in CLASSES {
            assert_eq!(contact_class_from_key(contact_class_key(class)), Some(class));
            assert_eq!(serde_json::to_string(&class).unwrap(), format!("\"{}\"", contact_class_key(class)));
        }
        for reason in REASONS {
            assert_eq!(contact_reason_from_key(contact_reason_key(reason)), Some(reason));
            assert_eq!(serde_json::to_string(&reason).unwrap(), format!("\"{}\"", contact_reason_key(reason)));
        }
        assert_eq!(contact_class_from_key(""), None);
    }
}
