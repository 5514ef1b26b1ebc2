//! Properties that hold for every log: the directly-follows counts add up to events −
//! cases, variants partition the cases, funnel counts never grow, drop-off outcomes
//! partition the cases, a case that reaches a goal is never dropped (in the report and in
//! the map), and importing in steps gives the same log as importing at once.

use journey_core::analytics::{
    analyze, case_outcomes, deviation, directly_follows, drop_off, funnel, generator, import_all, plan_apply, variants,
    AnalysisOptions, ApplyOptions, CaseOutcome, ColumnMapping, DropOffOptions, EventLog, FunnelMode, FunnelSpec,
    Importer,
};
use journey_core::model::{Channel, JourneyMap, Lang, RouteKind};
use proptest::prelude::*;

const NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

fn random_log() -> impl Strategy<Value = EventLog> {
    prop::collection::vec((0u8..15, 0usize..NAMES.len(), 0i64..5_000), 1..120).prop_map(|evs| {
        let triples: Vec<(String, &str, i64)> = evs.iter().map(|&(c, a, t)| (format!("c{c}"), NAMES[a], t * 1000)).collect();
        EventLog::from_events(&triples)
    })
}

fn mode() -> impl Strategy<Value = FunnelMode> {
    prop_oneof![Just(FunnelMode::Ordered), Just(FunnelMode::Strict), Just(FunnelMode::Unordered)]
}

fn generated_mapping() -> ColumnMapping {
    generator::column_mapping()
}

/// A map with touchpoints a..d in a planned chain a → b → c → d.
fn chain_map() -> JourneyMap {
    let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let s = m.stages[0].id.clone();
    let ids: Vec<String> = NAMES[..4].iter().map(|n| m.add_touchpoint(&s, n, Channel::Website).unwrap()).collect();
    for w in ids.windows(2) {
        m.add_route(&w[0], &w[1], RouteKind::Planned);
    }
    m
}

proptest! {
    #[test]
    fn dfg_counts_sum_to_events_minus_cases(log in random_log()) {
        let d = directly_follows(&log);
        let total: u64 = d.edges.iter().map(|e| e.count).sum();
        prop_assert_eq!(total as usize, log.event_count() - log.case_count());
        for e in &d.edges {
            prop_assert!(e.cases <= e.count && e.waiting_s.min <= e.waiting_s.median && e.waiting_s.median <= e.waiting_s.p90);
        }
    }

    #[test]
    fn events_are_sorted_within_cases(log in random_log()) {
        for c in 0..log.case_count() {
            let r = log.case_range(c);
            prop_assert!(log.time_ms[r.clone()].windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(log.case[r].iter().all(|&k| k as usize == c));
        }
    }

    #[test]
    fn variants_partition_the_cases(log in random_log()) {
        let v = variants(&log, usize::MAX);
        prop_assert_eq!(v.top.iter().map(|x| x.cases).sum::<u64>() as usize, log.case_count());
        prop_assert!(v.top.windows(2).all(|w| w[0].cases >= w[1].cases));
        prop_assert!((v.top.last().unwrap().cumulative_coverage - 1.0).abs() < 1e-9);
    }

    #[test]
    fn funnel_counts_never_grow(log in random_log(), steps in prop::collection::vec(0usize..NAMES.len(), 1..5), mode in mode(), window in prop::option::of(0.0f64..3000.0)) {
        let spec = FunnelSpec { steps: steps.iter().map(|&s| NAMES[s].to_string()).collect(), mode, window_s: window };
        let f = funnel(&log, &spec);
        prop_assert!(f.steps.windows(2).all(|w| w[0].cases >= w[1].cases));
        prop_assert!(f.steps[0].cases as usize <= log.case_count());
        for s in &f.steps {
            prop_assert!(s.overall_conversion <= 1.0 && s.step_conversion <= 1.0);
        }
    }

    #[test]
    fn outcomes_and_histogram_partition_the_cases(log in random_log(), tau in 0.0f64..5000.0) {
        let mut opts = AnalysisOptions::default();
        opts.drop_off.timeout_s = tau;
        let r = analyze(&log, &opts);
        let d = &r.drop_off;
        prop_assert_eq!(d.completed + d.in_progress + d.dropped, r.cases);
        prop_assert_eq!(d.by_activity.iter().map(|x| x.dropped).sum::<u64>(), d.dropped);
        prop_assert_eq!(r.throughput.histogram.iter().map(|b| b.cases).sum::<u64>(), r.cases);
        prop_assert_eq!(r.volumes.activities.iter().map(|a| a.events).sum::<u64>(), r.events);
        prop_assert!(r.volumes.activities.iter().all(|a| a.presence <= 1.0 && a.cases <= a.events));
    }

    #[test]
    fn a_case_that_reaches_a_goal_is_never_counted_as_dropped(
        log in random_log(),
        goals in prop::collection::vec(0usize..NAMES.len(), 1..3),
        tau in 0.0f64..5000.0,
    ) {
        let names: Vec<String> = goals.iter().map(|&g| NAMES[g].to_string()).collect();
        let ids: Vec<u32> = names.iter().filter_map(|n| log.activity_id(n)).collect();
        prop_assume!(!ids.is_empty());
        let out = case_outcomes(&log, &ids, tau);
        for (c, o) in out.iter().enumerate() {
            let reached = log.trace(c).iter().any(|a| ids.contains(a));
            prop_assert_eq!(reached, *o == CaseOutcome::Completed, "case {}", c);
            if let CaseOutcome::DroppedAt(a) = o {
                prop_assert_eq!(Some(a), log.trace(c).last());
            }
        }
        let opts = DropOffOptions { end_activities: names.clone(), timeout_s: tau };
        let r = drop_off(&log, &opts);
        let reached_goal = (0..log.case_count()).filter(|&c| log.trace(c).iter().any(|a| ids.contains(a))).count() as u64;
        prop_assert_eq!(r.completed, reached_goal);
        // In the map: dropped cases per touchpoint (rate × volume) add up to the report's
        // drop-offs at the mapped activities a..d, and never exceed the cases without goal.
        let plan = plan_apply(&chain_map(), &log, &ApplyOptions { source_file: "f".into(), date: "d".into(), create_alternative_routes: false, drop_off: opts, clear_other_periods: false });
        let in_map: f64 = plan.map.touchpoints.iter().map(|t| t.measurements.drop_off_rate.unwrap_or(0.0) * t.measurements.volume.unwrap_or(0.0)).sum();
        let mapped: u64 = r.by_activity.iter().filter(|x| NAMES[..4].contains(&x.activity.as_str())).map(|x| x.dropped).sum();
        prop_assert!((in_map - mapped as f64).abs() < 1e-6, "{} vs {}", in_map, mapped);
        prop_assert!(mapped <= log.case_count() as u64 - reached_goal);
    }

    #[test]
    fn deviation_shares_are_bounded(log in random_log()) {
        let d = deviation(&log, &chain_map());
        prop_assert!(d.transitions_off_route <= d.transitions_checked);
        prop_assert!(d.transitions_checked <= d.transitions);
        prop_assert!(d.cases_with_deviation as usize <= log.case_count());
        // e and f are not on the map.
        let unmapped: Vec<&str> = d.unmapped_activities.iter().map(|u| u.activity.as_str()).collect();
        prop_assert!(unmapped.iter().all(|a| *a == "e" || *a == "f"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Generated logs have the documented structure and import identically in steps.
    #[test]
    fn generated_logs_import_in_steps_like_at_once(n in 1usize..3000, seed in any::<u64>(), step in 1usize..700) {
        let csv = generator::generate_csv(n, seed);
        let (log, summary) = import_all(csv.clone().into_bytes(), &generated_mapping()).unwrap();
        prop_assert_eq!(log.event_count(), n);
        prop_assert_eq!(summary.skipped_rows, 0);
        prop_assert!(log.activity_names.iter().all(|a| generator::ACTIVITIES.contains(&a.as_str())));
        let start = log.activity_id(generator::START).unwrap();
        prop_assert!((0..log.case_count()).all(|c| log.trace(c)[0] == start));
        let mut imp = Importer::new(csv.into_bytes(), &generated_mapping()).unwrap();
        let mut last_rows = 0;
        while !imp.step(step).done {
            let p = imp.progress();
            prop_assert!(p.rows > last_rows && p.bytes_read <= p.total_bytes);
            last_rows = p.rows;
        }
        let (stepped, _) = imp.finish().unwrap();
        prop_assert_eq!(stepped, log);
    }
}
