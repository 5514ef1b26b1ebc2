//! Criterion benchmarks of the draft (`analytics::draft`) and of planned vs actual
//! (`analytics::planned_vs_log`, and the canvas view's `planned_actual_board::board`): drafting the as-is map from a 1,000,000-event log that is
//! already imported (the shop generator, seed 42), and planned vs actual of a 300-touchpoint
//! map against a 300-activity log of 1,000,000 events and against a drafted as-is map.
//! Figures and commands: benchmarks/README.md, "Draft and planned vs actual".

use criterion::{criterion_group, criterion_main, Criterion};
use journey_core::analytics::draft::{draft_from_log, DraftOptions};
use journey_core::analytics::generator::{self, SplitMix64};
use journey_core::analytics::planned_actual_board::board;
use journey_core::analytics::{import_all, planned_vs_drafted, planned_vs_log, EventLog};
use journey_core::model::{Channel, JourneyMap, Lang, RouteKind};

/// A planned map of `n` touchpoints "Step i" in five stages, one planned route through all.
fn plan(n: usize) -> JourneyMap {
    let mut map = JourneyMap::blank("plan", "Plan", 0.0, Lang::En);
    let stages: Vec<String> = map.stages.iter().map(|s| s.id.clone()).collect();
    let ids: Vec<String> =
        (0..n).map(|i| map.add_touchpoint(&stages[i * 5 / n], &format!("Step {i}"), Channel::Website).unwrap()).collect();
    for (i, w) in ids.windows(2).enumerate() {
        map.add_route(&w[0], &w[1], RouteKind::Planned);
        map.routes.last_mut().unwrap().volume = Some(1000.0 - i as f64);
    }
    for (i, tp) in map.touchpoints.iter_mut().enumerate() {
        tp.measurements.volume = Some(1000.0 - i as f64);
    }
    map
}

/// `events` events over "Step 0" … "Step 299" and 20 activities the plan lacks: each case
/// walks a stretch of the steps, skipping now and then.
fn log_300(events: usize) -> EventLog {
    let mut rng = SplitMix64::new(42);
    let mut out: Vec<(String, String, i64)> = Vec::with_capacity(events);
    let mut c = 0;
    while out.len() < events {
        let case = format!("c{c}");
        c += 1;
        let mut step = rng.below(250) as usize;
        let len = 5 + rng.below(40) as usize;
        for k in 0..len {
            let a = if rng.chance(0.05) { format!("Extra {}", rng.below(20)) } else { format!("Step {}", step.min(299)) };
            out.push((case.clone(), a, k as i64 * 1000));
            step += 1 + usize::from(rng.chance(0.1));
        }
    }
    out.truncate(events);
    EventLog::from_events(&out)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("draft");
    group.sample_size(10);
    let csv = generator::generate_csv(1_000_000, 42).into_bytes();
    let (log, _) = import_all(csv, &generator::column_mapping()).unwrap();
    let opts = DraftOptions { source_name: "shop.csv".into(), goal_activities: vec!["Payment".into()], ..DraftOptions::default() };
    group.bench_function("draft_from_log 1M events", |b| b.iter(|| draft_from_log(&log, &opts, "m", 0.0, Lang::En).unwrap()));
    let planned = plan(300);
    let log300 = log_300(1_000_000);
    group.bench_function("planned_vs_log 300 touchpoints, 1M events", |b| b.iter(|| planned_vs_log(&planned, &log300)));
    // The canvas view's board from that comparison (cards, lines) — what the page adds.
    let report = planned_vs_log(&planned, &log300);
    group.bench_function("board 300 touchpoints", |b| b.iter(|| board(&planned, &report)));
    let as_is = draft_from_log(&log300, &DraftOptions { source_name: "l.csv".into(), ..DraftOptions::default() }, "a", 0.0, Lang::En).unwrap().map;
    group.bench_function("planned_vs_drafted 300 touchpoints", |b| b.iter(|| planned_vs_drafted(&planned, &as_is)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
