//! Event logs with a **planted journey**, for testing the draft (`analytics::draft`): the
//! stages, the activity order, the main route, one loop, one detour and the places where
//! customers leave are decided first, and every case is built from that plan. The
//! generator counts the truth while it writes (cases per activity, cases that left at
//! each activity, cases taking the loop and the detour), so a test compares the drafted map
//! with the plan, not with a second computation over the log.
//!
//! A case walks the main route. At the loop's `from` (first visit) it goes back to `to`
//! with the loop's chance and walks the route from there again; after the detour's
//! `after` (first visit) it visits `via` with the detour's chance, then goes on; after a
//! leave point (first visit, before the goal) it leaves with that point's chance. Steps
//! within a stage are minutes apart, stages hours apart. Cases start in the first 20 days;
//! one last case, started on day 40, walks the whole route, so every case that left lies
//! more than the 7-day timeout before the log's end and counts as dropped.

use std::collections::BTreeMap;

use super::event_log::EventLog;
use super::generator::SplitMix64;

/// 2024-03-01T00:00:00Z
const BASE_MS: i64 = 1_709_251_200_000;
const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone)]
pub struct PlantedShape {
    pub name: &'static str,
    /// The main route's activities, stage by stage.
    pub stages: Vec<Vec<&'static str>>,
    pub goal: &'static str,
    /// After `from`, back to `to` (earlier on the route) with this chance.
    pub loop_back: (&'static str, &'static str, f64),
    /// After `after`, a visit to `via` (not on the route) with this chance; `via` belongs
    /// to `after`'s stage.
    pub detour: (&'static str, &'static str, f64),
    /// Leave after this activity (before the goal) with this chance.
    pub leave: Vec<(&'static str, f64)>,
    pub cases: u32,
}

/// What the plan made, counted while writing.
#[derive(Debug, Clone, Default)]
pub struct PlantedTruth {
    pub cases: u64,
    /// The main route, every stage's activities in order.
    pub main_route: Vec<String>,
    /// Planted stage of each activity (the detour's `via` in `after`'s stage).
    pub stage_of: BTreeMap<String, usize>,
    /// Cases containing each activity.
    pub cases_with: BTreeMap<String, u64>,
    /// Cases that left at each activity.
    pub left_at: BTreeMap<String, u64>,
    pub completed: u64,
    /// Cases stepping from the loop's `from` back to its `to`.
    pub loop_cases: u64,
    pub detour_cases: u64,
}

impl PlantedTruth {
    /// Planted drop-off rate: cases that left at `activity` ÷ cases containing it.
    pub fn drop_off_rate(&self, activity: &str) -> f64 {
        let with = self.cases_with.get(activity).copied().unwrap_or(0);
        let left = self.left_at.get(activity).copied().unwrap_or(0);
        if with == 0 {
            0.0
        } else {
            left as f64 / with as f64
        }
    }
}

/// The three shapes the tests use.
pub fn shapes() -> Vec<PlantedShape> {
    vec![
        PlantedShape {
            name: "shop",
            stages: vec![
                vec!["See ad", "Visit shop"],
                vec!["Search", "Compare offers"],
                vec!["Add to cart", "Pay"],
                vec!["Order confirmation", "Delivery"],
                vec!["Write review", "Order again"],
            ],
            goal: "Pay",
            loop_back: ("Compare offers", "Search", 0.3),
            detour: ("Add to cart", "Ask a question", 0.2),
            leave: vec![("Visit shop", 0.1), ("Compare offers", 0.15), ("Add to cart", 0.1)],
            cases: 3000,
        },
        PlantedShape {
            name: "half leave early",
            stages: vec![
                vec!["Open app", "Browse"],
                vec!["Read details", "Check price"],
                vec!["Sign up", "Verify e-mail"],
                vec!["First order", "Rate order"],
            ],
            goal: "First order",
            loop_back: ("Verify e-mail", "Sign up", 0.25),
            detour: ("Read details", "Watch video", 0.2),
            leave: vec![("Browse", 0.5), ("Check price", 0.1)],
            cases: 4000,
        },
        PlantedShape {
            name: "service",
            stages: vec![
                vec!["Report fault", "Get ticket", "Describe problem"],
                vec!["Call back", "Diagnose", "Send technician"],
                vec!["Repair", "Confirm fix", "Close ticket"],
            ],
            goal: "Close ticket",
            loop_back: ("Repair", "Diagnose", 0.2),
            detour: ("Report fault", "Read FAQ", 0.15),
            leave: vec![("Describe problem", 0.1), ("Call back", 0.1), ("Send technician", 0.05)],
            cases: 2500,
        },
    ]
}

/// Builds the log of `shape` and counts its truth. Same seed, same log.
pub fn generate(shape: &PlantedShape, seed: u64) -> (EventLog, PlantedTruth) {
    let route: Vec<&str> = shape.stages.iter().flatten().copied().collect();
    let stage_of_step: Vec<usize> = shape.stages.iter().enumerate().flat_map(|(s, acts)| acts.iter().map(move |_| s)).collect();
    let mut truth = PlantedTruth { main_route: route.iter().map(|s| s.to_string()).collect(), ..PlantedTruth::default() };
    for (a, s) in route.iter().zip(&stage_of_step) {
        truth.stage_of.insert(a.to_string(), *s);
    }
    let after_idx = route.iter().position(|a| *a == shape.detour.0).expect("detour starts on the route");
    truth.stage_of.insert(shape.detour.1.to_string(), stage_of_step[after_idx]);
    let goal_idx = route.iter().position(|a| *a == shape.goal).expect("goal on the route");
    let from_idx = route.iter().position(|a| *a == shape.loop_back.0).expect("loop on the route");
    let to_idx = route.iter().position(|a| *a == shape.loop_back.1).expect("loop on the route");
    assert!(to_idx < from_idx);

    let mut rng = SplitMix64::new(seed);
    let mut events: Vec<(String, &str, i64)> = Vec::new();
    for c in 0..shape.cases {
        let last = c + 1 == shape.cases;
        let case = format!("P{c:05}");
        let mut t = if last { BASE_MS + 40 * DAY_MS } else { BASE_MS + (rng.next_f64() * 20.0 * DAY_MS as f64) as i64 };
        let mut trace: Vec<&str> = Vec::new();
        let mut prev_stage = 0;
        let mut emit = |a: &'static str, stage: usize, rng: &mut SplitMix64, trace: &mut Vec<&'static str>| {
            if !trace.is_empty() {
                t += if stage != prev_stage { rng.gap_ms(4.0 * 3600.0) } else { rng.gap_ms(120.0) };
            }
            prev_stage = stage;
            trace.push(a);
            events.push((case.clone(), a, t));
        };
        let (mut looped, mut detoured, mut left) = (false, false, None);
        let mut i = 0;
        while i < route.len() {
            emit(route[i], stage_of_step[i], &mut rng, &mut trace);
            if last {
                i += 1;
                continue;
            }
            if i == from_idx && !looped && rng.chance(shape.loop_back.2) {
                looped = true;
                truth.loop_cases += 1;
                i = to_idx;
                continue;
            }
            if i == after_idx && !detoured && rng.chance(shape.detour.2) {
                detoured = true;
                truth.detour_cases += 1;
                emit(shape.detour.1, stage_of_step[i], &mut rng, &mut trace);
            }
            if i < goal_idx {
                if let Some(&(_, p)) = shape.leave.iter().find(|l| l.0 == route[i]) {
                    // Decided once per case, at the first visit.
                    if trace.iter().filter(|a| **a == route[i]).count() == 1 && rng.chance(p) {
                        left = Some(*trace.last().unwrap_or(&route[i]));
                        break;
                    }
                }
            }
            i += 1;
        }
        truth.cases += 1;
        let mut seen: Vec<&str> = trace.clone();
        seen.sort_unstable();
        seen.dedup();
        for a in seen {
            *truth.cases_with.entry(a.to_string()).or_insert(0) += 1;
        }
        match left {
            Some(a) => *truth.left_at.entry(a.to_string()).or_insert(0) += 1,
            None => truth.completed += 1,
        }
    }
    (EventLog::from_events(&events), truth)
}
