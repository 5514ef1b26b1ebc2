//! Issue 27's speed figures, natively, on the core path the analytics worker runs (the
//! worker is built with the `release-worker` profile, so run this with it too):
//!   - a GA4-shaped flat file of about 1,000,000 events read with the GA4 preset and cut
//!     into sessions after 30 idle minutes, then every metric (goal ≤ 1.0 s);
//!   - a 100,000-row .xlsx workbook: the sheet read with calamine into CSV text, the
//!     column guess, the import and every metric (goal ≤ 3 s);
//!   - 200,000 Shopify order rows and 50,000 Zendesk tickets joined per customer with the
//!     keyed hash of the e-mail address, then every metric (goal ≤ 1 s).
//! Inputs are made here (sources::generator, rust_xlsxwriter); only the steps above are
//! timed, median of `RUNS` (default 3), as wall time and as this thread's CPU time. Prints `RESULT\tfigure\tvalue` lines for
//! benchmarks/run.sh. Run:
//! `cargo run --profile release-worker -p journey-core --example sources_bench [ga4|xlsx|join]`

use std::time::Instant;

use journey_core::analytics::sources::generator::world;
use journey_core::analytics::sources::{import_hub, import_source, CaseBy, Source, SourceOptions};
use journey_core::analytics::workbook::{sheet_names, sheet_to_csv};
use journey_core::analytics::{analyze, detect_columns, import_all, AnalysisOptions, ColumnMapping};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    // One figure by name (`ga4`, `xlsx`, `join`), e.g. under `perf stat`; all without.
    let only = std::env::args().nth(1);
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    if wanted("ga4") {
        ga4(runs);
    }
    if wanted("xlsx") {
        xlsx(runs);
    }
    if wanted("join") {
        join(runs);
    }
}

/// CPU time of this thread in ms (Linux: /proc/thread-self/schedstat, nanoseconds on the
/// CPU); `None` elsewhere. The machine is shared, so wall time mostly measures the load.
fn cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e6)
}

/// (wall median, wall best, CPU median, count) of `runs` runs of `f`, which returns a
/// count to print.
fn time(runs: usize, mut f: impl FnMut() -> u64) -> (f64, f64, Option<f64>, u64) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    let mut n = 0;
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu_ms());
        n = f();
        wall.push(t.elapsed().as_secs_f64() * 1000.0);
        if let (Some(c0), Some(c1)) = (c, cpu_ms()) {
            cpu.push(c1 - c0);
        }
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    (wall[wall.len() / 2], wall[0], cpu.get(cpu.len() / 2).copied(), n)
}

fn result(figure: &str, (median, best, cpu, _): (f64, f64, Option<f64>, u64)) {
    let cpu = cpu.map_or(String::new(), |c| format!(", CPU {c:.0} ms"));
    println!("RESULT\t{figure}\twall {median:.0} ms (best {best:.0} ms){cpu}");
}

fn ga4(runs: usize) {
    // 170,000 customers give about 1,020,000 events (benchmarks/README.md).
    let csv = world(170_000, 42).ga4_csv(false).into_bytes();
    let mut options = SourceOptions::new(Source::Ga4Flat, CaseBy::Idle { minutes: 30 });
    // The tab always hashes customer ids with the library's key (source_step.rs): so here.
    options.key = Some("00112233445566778899aabbccddeeff".to_string());
    let r = time(runs, || {
        let (log, _) = import_source(csv.clone(), &options).expect("GA4 sample reads");
        let report = analyze(&log, &AnalysisOptions::default());
        report.volumes.events as u64
    });
    eprintln!("GA4 flat: {} events, {} MB", r.3, csv.len() / 1_000_000);
    result(&format!("GA4 flat {}k events, preset + sessions (30 min) + metrics", r.3 / 1000), r);
}

/// 100,000 event rows: numeric case, activity, an Excel date cell, channel.
fn workbook(rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Events").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (c, h) in ["Customer", "Activity", "Timestamp", "Channel"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let steps = ["Visit", "View product", "Add to cart", "Checkout", "Pay"];
    for r in 1..=rows {
        let case = 10_000 + (r - 1) / 4;
        let step = (r - 1) % 4 + (case % 2);
        let minutes = (case % 20_000) * 7 + step * 3;
        let stamp = format!("2024-03-{:02} {:02}:{:02}:00", 1 + minutes / 1440 % 28, minutes / 60 % 24, minutes % 60);
        sheet.write_number(r, 0, case as f64).unwrap();
        sheet.write_string(r, 1, steps[step as usize]).unwrap();
        sheet.write_datetime_with_format(r, 2, &ExcelDateTime::parse_from_str(&stamp).unwrap(), &date).unwrap();
        sheet.write_string(r, 3, if case % 3 == 0 { "app" } else { "web" }).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn xlsx(runs: usize) {
    let bytes = workbook(100_000);
    let r = time(runs, || {
        let sheet = sheet_names(&bytes).expect("sheets")[0].clone();
        let csv = sheet_to_csv(&bytes, &sheet).expect("sheet reads").into_bytes();
        let detection = detect_columns(&csv[..csv.len().min(64 * 1024)]).expect("columns");
        let mapping = ColumnMapping::from_detection(&detection).expect("a mapping is guessed");
        let (log, _) = import_all(csv, &mapping).expect("imports");
        analyze(&log, &AnalysisOptions::default()).volumes.events as u64
    });
    eprintln!("xlsx: {} events, {} KB", r.3, bytes.len() / 1000);
    assert_eq!(r.3, 100_000);
    result("xlsx 100k rows: sheet → CSV, column guess, import + metrics", r);
}

/// The first `rows` data rows of a CSV text (its header kept).
fn first_rows(csv: &str, rows: usize) -> (Vec<u8>, usize) {
    let end = csv.match_indices('\n').nth(rows).map_or(csv.len(), |(i, _)| i + 1);
    (csv[..end].as_bytes().to_vec(), csv[..end].lines().count() - 1)
}

fn join(runs: usize) {
    // 110,000 customers write more than 200,000 order rows and 50,000 tickets.
    let w = world(110_000, 42);
    let (orders, order_rows) = first_rows(&w.shopify_csv(), 200_000);
    let (tickets, ticket_rows) = first_rows(&w.zendesk_csv(), 50_000);
    assert_eq!((order_rows, ticket_rows), (200_000, 50_000), "the world is big enough");
    let key = Some("00112233445566778899aabbccddeeff".to_string());
    let mut shop = SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer);
    shop.key = key.clone();
    let mut desk = SourceOptions::new(Source::ZendeskTickets, CaseBy::Customer);
    desk.key = key;
    let sources = [shop, desk];
    let r = time(runs, || {
        let (log, s) = import_hub(vec![orders.clone(), tickets.clone()], &sources).expect("joins");
        let report = analyze(&log, &AnalysisOptions::default());
        eprintln!("join: {} events, {} cases, {} customers matched", report.volumes.events, log.case_count(), s.hub.map_or(0, |h| h.matched));
        report.volumes.events as u64
    });
    result("join 200k Shopify order rows + 50k Zendesk tickets (keyed hash) + metrics", r);
}
