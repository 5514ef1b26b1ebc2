//! Criterion benchmarks of the event-log path the browser runs: import (CSV parse,
//! timestamps, interning, sort) and all metrics, on generated logs of 100k and 1M events
//! (seed 42, see `analytics::generator`). Figures and commands: benchmarks/README.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use journey_core::analytics::{analyze, generator, import_all, AnalysisOptions, ColumnMapping, FunnelMode, FunnelSpec};

fn mapping() -> ColumnMapping {
    generator::column_mapping()
}

fn options() -> AnalysisOptions {
    AnalysisOptions {
        funnel: Some(FunnelSpec {
            steps: ["Visit website", "View product", "Add to cart", "Checkout", "Payment"].map(String::from).to_vec(),
            mode: FunnelMode::Ordered,
            window_s: Some(86_400.0),
        }),
        ..AnalysisOptions::default()
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analytics");
    group.sample_size(10);
    for n in [100_000usize, 1_000_000] {
        let csv = generator::generate_csv(n, 42).into_bytes();
        let (log, _) = import_all(csv.clone(), &mapping()).unwrap();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("import", n), &csv, |b, csv| {
            b.iter(|| import_all(csv.clone(), &mapping()).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("analyze", n), &log, |b, log| b.iter(|| analyze(log, &options())));
        group.bench_with_input(BenchmarkId::new("import_and_analyze", n), &csv, |b, csv| {
            b.iter(|| {
                let (log, _) = import_all(csv.clone(), &mapping()).unwrap();
                analyze(&log, &options())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
