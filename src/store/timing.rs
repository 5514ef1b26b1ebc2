//! Marks the storage work on the browser's performance timeline (`performance.measure`), so
//! that `benchmarks/storage_bench.mjs` can read how long loading the library and saving a
//! map took without a timer in the app. Costs two marks per call; nothing is shown.

/// Runs `work` and records its duration as the measure `journey-studio:<name>`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let Some(performance) = performance else { return work() };
    let start = format!("journey-studio:{name}:start");
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.measure_with_start_mark(&format!("journey-studio:{name}"), &start);
    result
}
