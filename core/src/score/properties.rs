//! Property tests: every score stays within its range, each score moves in one direction
//! when one input improves, and reordering touchpoints within a stage changes nothing.

use proptest::prelude::*;

use super::*;
use crate::model::{Channel, JourneyMap, RouteKind, Touchpoint, Visibility};

/// Inputs of one generated touchpoint.
#[derive(Debug, Clone)]
struct TpSpec {
    stage: usize,
    emotion: Option<i8>,
    csat: Option<f64>,
    ces: Option<f64>,
    drop_off: Option<f64>,
    importance: Option<u8>,
    volume: Option<f64>,
    backstage: bool,
}

fn tp_spec() -> impl Strategy<Value = TpSpec> {
    (
        0usize..4,
        proptest::option::of(-2i8..=2),
        proptest::option::of(1.0f64..=5.0),
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(1u8..=5),
        proptest::option::of(0.0f64..5000.0),
        proptest::bool::weighted(0.15),
    )
        .prop_map(|(stage, emotion, csat, ces, drop_off, importance, volume, backstage)| TpSpec {
            stage,
            emotion,
            csat,
            ces,
            drop_off,
            importance,
            volume,
            backstage,
        })
}

fn apply(t: &mut Touchpoint, s: &TpSpec) {
    t.emotion = s.emotion;
    t.measurements.csat = s.csat;
    t.measurements.ces = s.ces;
    t.measurements.drop_off_rate = s.drop_off;
    t.importance = s.importance;
    t.measurements.volume = s.volume;
    if s.backstage {
        t.visibility = Visibility::Backstage;
    }
}

fn route_kind() -> impl Strategy<Value = RouteKind> {
    prop_oneof![3 => Just(RouteKind::Planned), 1 => Just(RouteKind::Alternative), 1 => Just(RouteKind::LoopBack)]
}

/// A map with four stages, 1..12 touchpoints and up to 14 routes between them.
fn map_strategy() -> impl Strategy<Value = JourneyMap> {
    (
        proptest::collection::vec(tp_spec(), 1..12),
        proptest::collection::vec((0usize..12, 0usize..12, route_kind()), 0..14),
        proptest::option::of(0.0f64..=1.0),
    )
        .prop_map(|(tps, routes, measured)| {
            let mut m = JourneyMap::empty("p", "P", 0.0);
            let stages: Vec<String> = (0..4).map(|i| m.add_stage(&format!("S{i}"))).collect();
            let ids: Vec<String> = tps
                .iter()
                .map(|s| {
                    let id = m.add_touchpoint(&stages[s.stage], "t", Channel::Website).unwrap();
                    apply(m.touchpoint_mut(&id).unwrap(), s);
                    id
                })
                .collect();
            for (a, b, kind) in routes {
                m.add_route(&ids[a % ids.len()], &ids[b % ids.len()], kind);
            }
            // Now and then analytics measured the conversion.
            if measured.is_some_and(|c| c < 0.3) {
                m.scoring.measured_conversion = measured;
            }
            m
        })
}

fn weights_strategy() -> impl Strategy<Value = ScoreWeights> {
    (0.01f64..2.0, 0.01f64..2.0, 0.01f64..2.0, 0.0f64..=1.0).prop_map(|(experience, effort, pass_through, importance)| {
        ScoreWeights { experience, effort, pass_through, importance }
    })
}

fn within(v: f64, lo: f64, hi: f64) -> bool {
    v.is_finite() && v >= lo - 1e-9 && v <= hi + 1e-9
}

fn near(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

/// Scores that must not get worse when a touchpoint input improves.
fn headline(s: &MapScores) -> Vec<Option<f64>> {
    let mut v = vec![s.journey.as_ref().map(|j| j.value), s.mean_touchpoint_score];
    v.extend(s.stages.iter().map(|st| st.value));
    v.extend(s.touchpoints.iter().map(|t| t.score.as_ref().map(|x| x.value)));
    v
}

fn not_worse(before: &[Option<f64>], after: &[Option<f64>]) -> bool {
    before.iter().zip(after).all(|(b, a)| match (b, a) {
        (Some(b), Some(a)) => *a >= *b - 1e-9,
        (None, None) => true,
        _ => false,
    })
}

/// Which input of one touchpoint gets better.
#[derive(Debug, Clone, Copy)]
enum Improve {
    Emotion,
    Csat(f64),
    Ces(f64),
    DropOff(f64),
    LowerImportance,
}

fn improve_strategy() -> impl Strategy<Value = Improve> {
    prop_oneof![
        Just(Improve::Emotion),
        (0.0f64..2.0).prop_map(Improve::Csat),
        (0.0f64..0.5).prop_map(Improve::Ces),
        (0.0f64..0.5).prop_map(Improve::DropOff),
        Just(Improve::LowerImportance),
    ]
}

/// Applies an improvement, keeping every value on its scale.
fn improve(t: &mut Touchpoint, how: Improve) {
    let m = &mut t.measurements;
    match how {
        Improve::Emotion => t.emotion = t.emotion.map(|e| (e + 1).min(2)),
        Improve::Csat(d) => m.csat = m.csat.map(|c| (c + d).min(5.0)),
        Improve::Ces(d) => m.ces = m.ces.map(|c| (c + d).min(1.0)),
        Improve::DropOff(d) => m.drop_off_rate = m.drop_off_rate.map(|r| (r - d).max(0.0)),
        Improve::LowerImportance => t.importance = t.importance.map(|i| i.saturating_sub(1).max(1)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_score_stays_within_its_range(map in map_strategy(), weights in weights_strategy()) {
        let mut map = map;
        map.scoring.weights = weights;
        let s = score_map(&map);
        for t in &s.touchpoints {
            if let Some(sc) = &t.score {
                prop_assert!(within(sc.value, 0.0, 100.0) && within(sc.quality, 0.0, 100.0), "{sc:?}");
                let weight_sum: f64 = sc.used.iter().filter(|u| u.input != ScoreInput::Importance).map(|u| u.weight).sum();
                prop_assert!((weight_sum - 1.0).abs() < 1e-9);
            }
        }
        for st in &s.stages {
            if let Some(v) = st.value { prop_assert!(within(v, 0.0, 100.0)); }
        }
        if let Some(j) = &s.journey {
            prop_assert!(within(j.value, 0.0, 100.0));
            if let Some(c) = &j.completion { prop_assert!(within(c.rate, 0.0, 1.0)); }
        }
        if let Some(m) = s.mean_touchpoint_score { prop_assert!(within(m, 0.0, 100.0)); }
        let shares: f64 = s.priorities.entries.iter().map(|e| e.volume_share).sum();
        prop_assert!(s.priorities.entries.is_empty() || (shares - 1.0).abs() < 1e-9);
        for e in &s.priorities.entries { prop_assert!(within(e.priority, 0.0, 500.0)); }
        prop_assert!(s.contacts.reduction_potential >= 0.0);
    }

    #[test]
    fn improving_one_input_never_lowers_a_score(
        map in map_strategy(),
        weights in weights_strategy(),
        pick in any::<proptest::sample::Index>(),
        how in improve_strategy(),
    ) {
        let mut map = map;
        map.scoring.weights = weights;
        let before = score_map(&map);
        let i = pick.index(map.touchpoints.len());
        let id = map.touchpoints[i].id.clone();
        let gap_before = before.priorities.entries.iter().find(|e| e.touchpoint_id == id).map(|e| e.gap);
        improve(&mut map.touchpoints[i], how);
        let after = score_map(&map);
        prop_assert!(not_worse(&headline(&before), &headline(&after)), "{how:?}\n{:?}\n{:?}", headline(&before), headline(&after));
        let gap_after = after.priorities.entries.iter().find(|e| e.touchpoint_id == id).map(|e| e.gap);
        if let (Some(b), Some(a)) = (gap_before, gap_after) { prop_assert!(a <= b + 1e-9); }
    }

    #[test]
    fn touchpoint_score_is_monotone_in_each_raw_input(
        spec in tp_spec(),
        weights in weights_strategy(),
        how in improve_strategy(),
    ) {
        let mut t = Touchpoint { id: "t".into(), ..Touchpoint::default() };
        apply(&mut t, &spec);
        let before = score_touchpoint(&t, &weights).score.map(|s| s.value);
        improve(&mut t, how);
        let after = score_touchpoint(&t, &weights).score.map(|s| s.value);
        prop_assert!(not_worse(&[before], &[after]), "{how:?}: {before:?} → {after:?}");
    }

    #[test]
    fn reordering_touchpoints_within_stages_changes_nothing(
        map in map_strategy(),
        order in Just(()).prop_flat_map(|_| proptest::collection::vec(any::<u32>(), 12)),
    ) {
        let s1 = score_map(&map);
        let mut shuffled = map.clone();
        // Stage membership is by id, so any permutation of the list only reorders cards
        // within their stages.
        let mut keyed: Vec<(u32, Touchpoint)> = shuffled.touchpoints.drain(..).enumerate().map(|(i, t)| (order[i], t)).collect();
        keyed.sort_by_key(|(k, _)| *k);
        shuffled.touchpoints = keyed.into_iter().map(|(_, t)| t).collect();
        let s2 = score_map(&shuffled);

        for t in &map.touchpoints {
            prop_assert!(near(s1.touchpoint_value(&t.id), s2.touchpoint_value(&t.id)));
        }
        for (a, b) in s1.stages.iter().zip(&s2.stages) { prop_assert!(near(a.value, b.value)); }
        prop_assert!(near(s1.journey.as_ref().map(|j| j.value), s2.journey.as_ref().map(|j| j.value)));
        prop_assert!(near(s1.mean_touchpoint_score, s2.mean_touchpoint_score));
        if s1.main_route.basis == RouteBasis::PlannedRoutes {
            prop_assert_eq!(&s1.main_route.touchpoint_ids, &s2.main_route.touchpoint_ids);
        }
        let gap = s1.illusion.as_ref().map(|w| w.gap);
        let threshold = map.scoring.illusion_threshold;
        let on_edge = match (s1.mean_touchpoint_score, s1.journey.as_ref()) {
            (Some(m), Some(j)) => (m - j.value - threshold).abs() < 1e-6,
            _ => false,
        };
        if !on_edge { prop_assert_eq!(gap.is_some(), s2.illusion.is_some()); }
        for e in &s1.priorities.entries {
            let other = s2.priorities.entries.iter().find(|x| x.touchpoint_id == e.touchpoint_id).unwrap();
            prop_assert!((e.priority - other.priority).abs() < 1e-9 && e.rank == other.rank);
        }
        prop_assert!((s1.contacts.reduction_potential - s2.contacts.reduction_potential).abs() < 1e-9);
    }
}
