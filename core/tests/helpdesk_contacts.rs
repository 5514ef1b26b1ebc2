//! Helpdesk contacts into the contact classification: generated Zendesk and Freshdesk
//! exports (sources::generator) are read with their presets; the tickets per contact reason
//! become classified contact touchpoints whose volumes, channels and contact-reduction
//! potential equal what the generated world holds (counted from the world, not the reader).

use std::collections::BTreeMap;

use journey_core::analytics::contacts_plan::{contact_title, plan_contacts, ContactChoice};
use journey_core::analytics::sources::generator::world;
use journey_core::analytics::sources::{import_source, CaseBy, Source, SourceOptions};
use journey_core::model::{Channel, ContactClass, ContactReason, JourneyMap, Lang, MeasuredPeriod, MONTH_DAYS};
use journey_core::score::{contact_summary, score_map};

#[test]
fn tickets_per_reason_become_classified_contacts_with_the_worlds_counts_and_potential() {
    let w = world(80, 17);
    // The truth: tickets per reason, and per reason the channel most of them came by.
    let mut per_reason: BTreeMap<&str, u64> = BTreeMap::new();
    let mut per_channel: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    let mut span = (i64::MAX, i64::MIN);
    for t in w.customers.iter().flat_map(|c| &c.tickets) {
        *per_reason.entry(t.reason).or_default() += 1;
        *per_channel.entry((t.reason, t.channel)).or_default() += 1;
        span = (span.0.min(t.created), span.1.max(t.solved.unwrap_or(t.created)));
    }
    assert_eq!(per_reason.len(), 3, "every reason occurs");
    let choices = vec![
        ContactChoice { reason: "question".into(), class: Some(ContactClass::SelfServiceCandidate), kind: Some(ContactReason::Information) },
        ContactChoice { reason: "incident".into(), class: Some(ContactClass::Disruptive), kind: Some(ContactReason::Service) },
        ContactChoice { reason: "problem".into(), class: Some(ContactClass::ValueAdding), kind: Some(ContactReason::Service) },
    ];
    for (source, csv) in [(Source::ZendeskTickets, w.zendesk_csv()), (Source::FreshdeskTickets, w.freshdesk_csv())] {
        let (log, summary) = import_source(csv.into_bytes(), &SourceOptions::new(source, CaseBy::Customer)).unwrap();
        let (a, b) = log.time_span_ms().unwrap();
        assert_eq!((a, b), span, "{source:?}: the period is the tickets' first and last event");
        let period = MeasuredPeriod::new(a as f64, b as f64, "tickets.csv (2026-04-01)");
        let mut map = JourneyMap::blank("m", "Service", 0.0, Lang::En);
        let stage = map.stages[3].id.clone();
        let counts = summary.source.unwrap().contacts;
        // The export's own spelling of a reason ("Question" in Freshdesk) keeps the user's choice.
        let choices: Vec<ContactChoice> = counts
            .by_reason
            .iter()
            .filter_map(|(r, _)| choices.iter().find(|c| c.reason.eq_ignore_ascii_case(r)).map(|c| ContactChoice { reason: r.clone(), ..c.clone() }))
            .collect();
        let cp = plan_contacts(&map, &counts, &period, &stage, &choices, Lang::En);
        map = cp.plan.map.clone();
        for (reason, &n) in &per_reason {
            let spelled = counts.by_reason.iter().find(|(r, _)| r.eq_ignore_ascii_case(reason)).unwrap().0.clone();
            let tp = map.touchpoints.iter().find(|t| t.title == contact_title(&spelled, Lang::En)).unwrap_or_else(|| panic!("{source:?} {reason}"));
            assert_eq!(tp.measurements.volume, Some(n as f64), "{source:?} {reason}");
            assert_eq!(tp.measurements.period.as_ref(), Some(&period));
            let max = per_channel.iter().filter(|((r, _), _)| r == reason).map(|(_, &n)| n).max().unwrap();
            let expected: Vec<Channel> = per_channel
                .iter()
                .filter(|((r, _), &m)| r == reason && m == max)
                .map(|((_, c), _)| match *c {
                    "E-mail" => Channel::Email,
                    "Phone" => Channel::Phone,
                    "Chat" => Channel::Chat,
                    other => Channel::Custom(other.into()),
                })
                .collect();
            assert!(expected.contains(&tp.channel), "{source:?} {reason}: {:?} not among {expected:?}", tp.channel);
        }
        // Avoidable = questions (self-service) + incidents (disruptive), per month.
        let avoidable = (per_reason["question"] + per_reason["incident"]) as f64;
        let per_month = avoidable * MONTH_DAYS / period.days() as f64;
        assert!((cp.potential_after - per_month).abs() < 1e-6, "{source:?}: {} vs {per_month}", cp.potential_after);
        assert_eq!(cp.potential_before, 0.0);
        assert!((contact_summary(&map, None).reduction_potential - per_month).abs() < 1e-6);
        score_map(&map); // the classified map scores
        let back = journey_core::model::schema::parse_map(&journey_core::model::schema::to_json(&map)).unwrap();
        assert_eq!(back, map);
    }
}
