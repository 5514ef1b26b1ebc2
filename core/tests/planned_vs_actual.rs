//! Planned vs actual (`analytics::planned_vs_log`, `planned_vs_drafted`) on the template
//! "Running shoes online" against logs made for it, whose answers are known by
//! construction: an activity the plan lacks, a planned touchpoint no case reaches, a step
//! the plan has no route for.

use journey_core::analytics::draft::{draft_from_log, DraftOptions};
use journey_core::analytics::generator::SplitMix64;
use journey_core::analytics::{planned_vs_drafted, planned_vs_log, EventLog, VolumeTarget};
use journey_core::model::{JourneyMap, Lang};
use journey_core::templates::online_shop_checkout;

const EXTRA: &str = "Compares prices elsewhere";

/// Cases walking the template's planned route by title; every `k`-th case compares prices
/// elsewhere between the product page and the basket (a step and an activity the plan
/// lacks); nobody asks where the parcel is. Returns the log, the cases with the extra
/// activity, and the cases jumping from the product page straight to "Pays".
fn log_for(plan: &JourneyMap, k: u32) -> (EventLog, u64, u64) {
    let title = |i: usize| plan.touchpoints[i].title.clone();
    let mut rng = SplitMix64::new(11);
    let mut events = Vec::new();
    let (mut extra_cases, mut jumps) = (0, 0);
    for c in 0..600u32 {
        let case = format!("R{c}");
        let mut t = 0i64;
        let mut push = |a: String| {
            t += 60_000;
            events.push((case.clone(), a, t));
        };
        push(title(0)); // sees the ad
        push(title(2)); // browses the product page
        let extra = c % k == 0;
        if extra {
            push(EXTRA.to_string());
            extra_cases += 1;
        }
        if rng.chance(0.1) {
            push(title(8)); // pays at once: a step the plan has no route for
            jumps += u64::from(!extra);
            continue;
        }
        for i in [5, 6, 7, 8, 9, 11] {
            push(title(i));
        }
    }
    (EventLog::from_events(&events), extra_cases, jumps)
}

#[test]
fn running_shoes_against_a_log_with_an_unplanned_activity() {
    for lang in [Lang::En, Lang::De] {
        let plan = online_shop_checkout("rs", 0.0, lang);
        assert_eq!(plan.touchpoints[10].title, lang.pick(("Asks where the parcel is", "Fragt, wo das Paket ist")));
        let (log, extra_cases, jumps) = log_for(&plan, 3);
        let r = planned_vs_log(&plan, &log);
        assert_eq!(r.cases, 600);
        assert_eq!(r.unplanned_activities.len(), 1);
        assert_eq!((r.unplanned_activities[0].activity.as_str(), r.unplanned_activities[0].cases), (EXTRA, extra_cases));
        // Not reached: the ones the log never mentions (1, 3, 4, 10, 12, 13).
        let unreached: Vec<&str> = r.unreached_touchpoints.iter().map(|t| t.title.as_str()).collect();
        let expect: Vec<&str> = [1, 3, 4, 10, 12, 13].iter().map(|&i| plan.touchpoints[i].title.as_str()).collect();
        assert_eq!(unreached, expect);
        // The jump product page → pays is not a planned route; the extra activity breaks the
        // step it sits in, so no other unplanned route appears.
        let jump = r.unplanned_routes.iter().find(|x| x.from_title == plan.touchpoints[2].title && x.to_title == plan.touchpoints[8].title);
        assert_eq!(jump.map(|j| j.cases), Some(jumps));
        // Volumes: the plan's 10,000 ad viewers against 600 cases is the largest factor.
        let top = &r.volume_differences[0];
        assert!(r.plan_has_volumes);
        assert_eq!((top.target.clone(), top.planned, top.actual), (VolumeTarget::Touchpoint, 10_000.0, 600.0));
        let lines = r.lines();
        let first = lang.pick((&lines[0].en, &lines[0].de));
        assert!(first.contains(EXTRA) && first.contains(&extra_cases.to_string()), "{first}");
        assert!(lines.iter().any(|l| l.get(lang).contains(&plan.touchpoints[10].title)));
    }
}

#[test]
fn a_drafted_as_is_map_compares_like_its_log() {
    let plan = online_shop_checkout("rs", 0.0, Lang::En);
    let (log, extra_cases, _) = log_for(&plan, 4);
    let opts = DraftOptions { source_name: "shoes.csv".into(), goal_activities: vec![plan.touchpoints[8].title.clone()], path_share: 1.0, ..DraftOptions::default() };
    let draft = draft_from_log(&log, &opts, "asis", 0.0, Lang::En).unwrap();
    let from_map = planned_vs_drafted(&plan, &draft.map);
    let from_log = planned_vs_log(&plan, &log);
    assert_eq!(from_map.unplanned_activities.len(), 1);
    assert_eq!(from_map.unplanned_activities[0].cases, extra_cases);
    assert_eq!(from_map.unreached_touchpoints, from_log.unreached_touchpoints);
    assert_eq!(from_map.cases, 600);
}
