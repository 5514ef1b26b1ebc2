//! Helpdesk contacts into the map: the tickets of a Zendesk or Freshdesk export counted per
//! contact reason (the ticket's type or first tag) become one contact touchpoint per reason
//! — its volume the tickets of that reason in the export's period, its channel the one most
//! of them came by — classified as the user chose (value-adding, disruptive, self-service
//! candidate; seed 002) with the reason's kind (service, information, order). The result is
//! a plan like every apply ([`ApplyPlan`]: each change before → after, the changed map),
//! with the contact-reduction potential before and after (`score::contact_summary`, per
//! month), so the page shows it in the same preview.
//!
//! A touchpoint of a reason is found again by its title, so next month's tickets update it;
//! a reason the user did not classify keeps the class it has (or none). Counts come from
//! the source summary and are never invented: a reason without tickets is not written.

use serde::{Deserialize, Serialize};

use super::apply::{diff_maps, ApplyPlan, Coverage};
use super::source_types::ContactCounts;
use crate::model::{Channel, ContactClass, ContactReason, EvidenceKind, JourneyMap, Lang, MeasuredPeriod};
use crate::score::contact_summary;

/// The user's choice for one contact reason of the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactChoice {
    /// The reason as the export writes it ("question").
    pub reason: String,
    #[serde(default)]
    pub class: Option<ContactClass>,
    #[serde(default)]
    pub kind: Option<ContactReason>,
}

/// The plan and what it does to the contact-reduction potential (contacts per month).
#[derive(Debug, Clone, PartialEq)]
pub struct ContactsPlan {
    pub plan: ApplyPlan,
    pub potential_before: f64,
    pub potential_after: f64,
}

/// The touchpoint title of a contact reason: "Contact: question" / "Kontakt: question".
pub fn contact_title(reason: &str, lang: Lang) -> String {
    format!("{}: {reason}", lang.pick(("Contact", "Kontakt")))
}

/// The plan for the tickets counted in `counts` over `period` (from `source`), new contact
/// touchpoints going into the stage `stage_id`.
pub fn plan_contacts(
    map: &JourneyMap,
    counts: &ContactCounts,
    period: &MeasuredPeriod,
    stage_id: &str,
    choices: &[ContactChoice],
    lang: Lang,
) -> ContactsPlan {
    let mut out = map.clone();
    for (reason, tickets) in &counts.by_reason {
        if *tickets == 0 {
            continue;
        }
        let title = contact_title(reason, lang);
        let channel = main_channel(counts, reason);
        let id = match out.touchpoints.iter().find(|t| t.title.eq_ignore_ascii_case(&title)) {
            Some(t) => t.id.clone(),
            None => match out.add_touchpoint(stage_id, &title, channel.clone()) {
                Some(id) => id,
                None => continue, // no such stage: nothing written
            },
        };
        let Some(tp) = out.touchpoints.iter_mut().find(|t| t.id == id) else { continue };
        let choice = choices.iter().find(|c| c.reason == *reason);
        if let Some(class) = choice.and_then(|c| c.class) {
            tp.contact_class = Some(class);
        }
        if let Some(kind) = choice.and_then(|c| c.kind) {
            tp.contact_reason = Some(kind);
        }
        tp.channel = channel;
        tp.measurements.volume = Some(*tickets as f64);
        tp.measurements.period = Some(period.clone());
        tp.evidence.kind = EvidenceKind::Measured;
        tp.evidence.source = period.source.clone();
    }
    let potential = |m: &JourneyMap| contact_summary(m, None).reduction_potential;
    ContactsPlan {
        potential_before: potential(map),
        potential_after: potential(&out),
        plan: ApplyPlan {
            changes: diff_maps(map, &out),
            unmatched_activities: Vec::new(),
            goal_activities: Vec::new(),
            goal_missing: false,
            period: Some(period.clone()),
            coverage: Coverage::default(),
            map: out,
            more_unmatched: Default::default(),
        },
    }
}

/// The channel most tickets of `reason` came by (ties: the first named), as the map's channel.
fn main_channel(counts: &ContactCounts, reason: &str) -> Channel {
    let best = counts
        .by_reason_channel
        .iter()
        .filter(|(r, _, _)| r == reason)
        .fold(None::<(&str, u64)>, |best, (_, c, n)| match best {
            Some((_, m)) if m >= *n => best,
            _ => Some((c.as_str(), *n)),
        });
    match best.map(|(c, _)| c.to_lowercase()) {
        Some(c) if c == "e-mail" || c == "email" => Channel::Email,
        Some(c) if c == "phone" || c == "telefon" => Channel::Phone,
        Some(c) if c == "chat" => Channel::Chat,
        Some(_) => Channel::Custom(best.map(|(c, _)| c.to_string()).unwrap_or_default()),
        None => Channel::ServiceDesk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts() -> ContactCounts {
        ContactCounts {
            by_channel: vec![("E-mail".into(), 5), ("Chat".into(), 3)],
            by_reason: vec![("question".into(), 6), ("problem".into(), 2)],
            by_reason_channel: vec![
                ("question".into(), "E-mail".into(), 4),
                ("question".into(), "Chat".into(), 2),
                ("problem".into(), "Chat".into(), 1),
                ("problem".into(), "Web form".into(), 1),
            ],
        }
    }

    #[test]
    fn reasons_become_classified_contact_touchpoints_and_the_potential_follows() {
        let map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let stage = map.stages[3].id.clone();
        let p = MeasuredPeriod::new(0.0, 29.0 * 86_400_000.0, "tickets.csv (2026-04-01)");
        let choices = vec![
            ContactChoice { reason: "question".into(), class: Some(ContactClass::SelfServiceCandidate), kind: Some(ContactReason::Information) },
            ContactChoice { reason: "problem".into(), class: Some(ContactClass::ValueAdding), kind: None },
        ];
        let cp = plan_contacts(&map, &counts(), &p, &stage, &choices, Lang::En);
        let q = cp.plan.map.touchpoints.iter().find(|t| t.title == "Contact: question").unwrap();
        assert_eq!((q.measurements.volume, q.contact_class, q.contact_reason), (Some(6.0), Some(ContactClass::SelfServiceCandidate), Some(ContactReason::Information)));
        assert_eq!(q.channel, Channel::Email);
        assert_eq!(q.stage_id, stage);
        let pr = cp.plan.map.touchpoints.iter().find(|t| t.title == "Contact: problem").unwrap();
        assert_eq!(pr.channel, Channel::Chat, "a tie keeps the first named");
        assert_eq!(cp.potential_before, 0.0);
        // 6 self-service tickets in 30 days, per month.
        assert!((cp.potential_after - 6.0 * crate::model::MONTH_DAYS / 30.0).abs() < 1e-9);
        assert!(cp.plan.changes.iter().any(|c| c.field == super::super::ChangeField::ContactClass));
        // Next month: the same touchpoints, new counts; an unclassified reason keeps its class.
        let again = plan_contacts(&cp.plan.map, &counts(), &p, &stage, &[], Lang::En);
        assert_eq!(again.plan.map.touchpoints.len(), cp.plan.map.touchpoints.len());
        assert_eq!(again.potential_after, cp.potential_after);
    }
}
