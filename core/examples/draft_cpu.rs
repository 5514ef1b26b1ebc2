//! CPU time of drafting a map from a 1,000,000-event log (and of planned vs actual), for
//! benchmarks/README.md: on a shared machine criterion's wall-clock figures include the
//! time other processes held the cores; the process's own CPU time (utime + stime from
//! /proc/self/stat, Linux) does not. `cargo run --release -p journey-core --example draft_cpu`.

use std::time::Instant;

use journey_core::analytics::draft::{draft_from_log, DraftOptions};
use journey_core::analytics::{generator, import_all};
use journey_core::model::Lang;

/// The process's CPU time in seconds (user + system), in 10 ms ticks.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name in parentheses; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |r| r.1);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let runs = 20;
    let csv = generator::generate_csv(1_000_000, 42).into_bytes();
    let (log, _) = import_all(csv, &generator::column_mapping()).expect("imports");
    let opts = DraftOptions { source_name: "shop.csv".into(), goal_activities: vec!["Payment".into()], ..DraftOptions::default() };
    let (wall, cpu) = (Instant::now(), cpu_s());
    let mut touchpoints = 0;
    for _ in 0..runs {
        touchpoints = draft_from_log(&log, &opts, "m", 0.0, Lang::En).expect("drafts").map.touchpoints.len();
    }
    let wall_ms = wall.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let cpu_ms = (cpu_s() - cpu) * 1000.0 / runs as f64;
    println!("draft_from_log, {} events, {touchpoints} touchpoints: wall {wall_ms:.1} ms, cpu {cpu_ms:.1} ms per run ({runs} runs)", log.event_count());
}
