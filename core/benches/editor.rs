//! Criterion benchmarks of the pure work behind one edit on the editor benchmark's map
//! (300 touchpoints in five stages, 299 planned routes — the map `benchmarks/editor_map.mjs`
//! builds): re-scoring, the canvas layout, the emotion curve, the undo copy and the JSON that
//! autosave writes. They show which part of an edit's script time is ours to cut
//! (benchmarks/README.md, "Editor").

use criterion::{criterion_group, criterion_main, Criterion};
use journey_core::canvas::{canvas_curve, canvas_layout, render_curve_lines};
use journey_core::locale::Lang;
use journey_core::model::{schema, JourneyMap};
use journey_core::score::score_map;

/// The benchmark map, built as the browser benchmark builds it.
fn bench_map(n: usize) -> JourneyMap {
    let mut map = JourneyMap::blank("bench", "Benchmark", 0.0, Lang::En);
    let stages: Vec<String> = map.stages.iter().map(|s| s.id.clone()).collect();
    let channels = ["website", "online_shop", "app", "email", "phone", "chat", "store"];
    let mut value: serde_json::Value = serde_json::from_str(&schema::to_json(&map)).unwrap();
    let mut seq = 1000;
    let mut tps = Vec::new();
    let mut routes = Vec::new();
    for i in 0..n {
        let id = format!("tp-{seq}");
        seq += 1;
        tps.push(serde_json::json!({
            "id": id, "stage_id": stages[i % stages.len()], "title": format!("Touchpoint {i}"),
            "channel": { "kind": channels[i % channels.len()] }, "customer_action": format!("Does step {i}"),
            "thoughts": format!("Thinks about {i}"), "emotion": (i as i64 % 5) - 2,
            "pain_points": if i % 3 == 0 { vec![format!("Pain {i}")] } else { vec![] },
            "measurements": { "volume": 1000 - i as i64 },
            "evidence": { "kind": if i % 2 == 1 { "measured" } else { "assumed" }, "source": "" },
        }));
        if i > 0 {
            let from = tps[i - 1]["id"].clone();
            routes.push(serde_json::json!({ "id": format!("rt-{seq}"), "from": from, "to": id, "kind": "planned" }));
            seq += 1;
        }
    }
    value["touchpoints"] = tps.into();
    value["routes"] = routes.into();
    map = schema::map_from_value(value).unwrap();
    assert_eq!(map.touchpoints.len(), n);
    map
}

fn bench(c: &mut Criterion) {
    let map = bench_map(300);
    let mut group = c.benchmark_group("editor_300");
    group.bench_function("score_map", |b| b.iter(|| score_map(&map)));
    group.bench_function("canvas_layout", |b| b.iter(|| canvas_layout(&map, None, Lang::En)));
    let layout = canvas_layout(&map, None, Lang::En);
    group.bench_function("canvas_curve+lines", |b| {
        b.iter(|| render_curve_lines(&canvas_curve(&map, &layout, None), 200.0, Lang::En))
    });
    group.bench_function("clone (undo copy)", |b| b.iter(|| map.clone()));
    group.bench_function("to_json (autosave)", |b| b.iter(|| schema::to_json(&map)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
