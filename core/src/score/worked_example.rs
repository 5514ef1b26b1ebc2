//! The worked example of docs/scoring.md, reproduced number by number (to 0.01). If a
//! formula changes, this test and the document must change together.

use super::*;
use crate::model::{Channel, ContactClass, ContactReason, JourneyMap, Opportunity, RouteKind};

fn close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() < 0.005, "{what}: expected {expected}, got {actual}");
}

/// The map of the example: two stages, four touchpoints.
fn example() -> (JourneyMap, [String; 4]) {
    let mut m = JourneyMap::empty("ex", "Worked example", 0.0);
    let consider = m.add_stage("Consideration");
    let purchase = m.add_stage("Purchase");
    let a = m.add_touchpoint(&consider, "Product page", Channel::Website).unwrap();
    let b = m.add_touchpoint(&consider, "Size guide", Channel::Website).unwrap();
    let c = m.add_touchpoint(&purchase, "Checkout", Channel::OnlineShop).unwrap();
    let d = m.add_touchpoint(&purchase, "Asks about delivery time", Channel::Phone).unwrap();
    {
        let t = m.touchpoint_mut(&a).unwrap();
        t.set_emotion(Some(1));
        t.measurements.ces = Some(0.8);
        t.measurements.drop_off_rate = Some(0.3);
        t.importance = Some(4);
        t.measurements.volume = Some(1000.0);
    }
    {
        let t = m.touchpoint_mut(&b).unwrap();
        t.set_emotion(Some(1));
        t.importance = Some(2);
        t.measurements.volume = Some(250.0);
    }
    {
        let t = m.touchpoint_mut(&c).unwrap();
        t.set_emotion(Some(-1));
        t.measurements.csat = Some(4.2);
        t.measurements.drop_off_rate = Some(0.5);
        t.importance = Some(5);
        t.measurements.volume = Some(700.0);
        t.contact_class = Some(ContactClass::ValueAdding);
        t.contact_reason = Some(ContactReason::Order);
        t.opportunities.push(Opportunity {
            text: "Offer PayPal".into(),
            customer_value: Some(80.0),
            business_value: Some(60.0),
            effort: Some(2.0),
        });
    }
    {
        let t = m.touchpoint_mut(&d).unwrap();
        t.contact_class = Some(ContactClass::Disruptive);
        t.contact_reason = Some(ContactReason::Service);
        t.measurements.volume = Some(120.0);
    }
    m.add_route(&a, &c, RouteKind::Planned);
    m.add_route(&a, &b, RouteKind::Alternative);
    m.add_route(&b, &c, RouteKind::Alternative);
    m.scoring.cost_per_contact = Some(4.5);
    (m, [a, b, c, d])
}

#[test]
fn touchpoint_scores_match_the_document() {
    let (m, [a, b, c, d]) = example();
    let s = score_map(&m);
    let tp = |id: &str| s.touchpoint(id).unwrap().score.clone().unwrap();
    close(tp(&a).quality, 74.0, "quality A");
    close(tp(&a).importance_factor, 1.1, "factor A");
    close(tp(&a).value, 71.4, "score A");
    close(tp(&b).value, 77.5, "score B");
    close(tp(&c).quality, 65.0, "quality C");
    close(tp(&c).value, 58.0, "score C");
    assert!(s.touchpoint(&c).unwrap().skipped.contains(&SkippedInput { input: ScoreInput::Emotion, reason: SkipReason::SupersededByCsat }));
    assert!(s.touchpoint(&d).unwrap().score.is_none(), "D has no inputs, so no score");
}

#[test]
fn stage_and_journey_scores_match_the_document() {
    let (m, [a, _, c, _]) = example();
    let s = score_map(&m);
    close(s.stages[0].value.unwrap(), 72.62, "stage Consideration");
    assert_eq!(s.stages[0].weighting, Weighting::Volume);
    close(s.stages[1].value.unwrap(), 58.0, "stage Purchase");
    assert_eq!(s.main_route.touchpoint_ids, vec![a, c]);
    let j = s.journey.as_ref().unwrap();
    close(j.completion.as_ref().unwrap().rate, 0.35, "completion");
    assert_eq!(j.weakest_stage.as_ref().unwrap().stage_name, "Purchase");
    close(j.value, 45.06, "journey score");
    close(s.mean_touchpoint_score.unwrap(), 68.97, "mean touchpoint score");
    let w = s.illusion.as_ref().expect("23.91 points above the journey: the warning fires");
    close(w.gap, 23.91, "gap");
}

#[test]
fn fixing_the_checkout_drop_off_matches_the_what_if() {
    let (mut m, [_, _, c, _]) = example();
    m.touchpoint_mut(&c).unwrap().measurements.drop_off_rate = Some(0.1);
    let s = score_map(&m);
    close(s.touchpoint_value(&c).unwrap(), 82.0, "score C");
    let j = s.journey.as_ref().unwrap();
    assert_eq!(j.weakest_stage.as_ref().unwrap().stage_name, "Consideration");
    close(j.completion.as_ref().unwrap().rate, 0.63, "completion");
    close(j.value, 67.64, "journey score");
    close(s.mean_touchpoint_score.unwrap(), 76.97, "mean");
    assert!(s.illusion.is_none());
}

#[test]
fn priorities_contacts_and_opportunities_match_the_document() {
    let (m, [a, b, c, _]) = example();
    let s = score_map(&m);
    let order: Vec<&str> = s.priorities.entries.iter().map(|e| e.touchpoint_id.as_str()).collect();
    assert_eq!(order, vec![c.as_str(), a.as_str(), b.as_str()]);
    close(s.priorities.entries[0].priority, 75.38, "priority C");
    close(s.priorities.entries[1].priority, 58.67, "priority A");
    close(s.priorities.entries[2].priority, 5.77, "priority B");
    close(s.contacts.reduction_potential, 120.0, "reduction potential");
    close(s.contacts.monthly_savings.unwrap(), 540.0, "savings");
    let p = &s.opportunities.points[0];
    close(p.value, 70.0, "opportunity value");
    assert_eq!(p.quadrant, Quadrant::QuickWin);
}

#[test]
fn ratings_match_the_document() {
    let c = csat(&[5.0, 4.0, 4.0, 3.0, 5.0, 2.0, 4.0, 5.0, 4.0, 3.0]).unwrap();
    close(c.mean, 3.9, "CSAT mean");
    close(c.top2_share, 0.7, "CSAT top-2");
    let n = nps(&[10.0, 9.0, 8.0, 7.0, 6.0, 3.0, 9.0, 10.0, 5.0, 8.0]).unwrap();
    close(n.nps, 10.0, "NPS");
    let ces = ces_share_agreeing(&[7.0, 6.0, 5.0, 4.0, 2.0, 6.0, 7.0, 3.0], CesScale::SevenPoint).unwrap();
    close(ces, 0.625, "CES");
}
