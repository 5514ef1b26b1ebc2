//! `journey-analyze`: the analytics of Journey Studio outside the browser.
//!
//! ```text
//! journey-analyze LOG.csv [--case COL --activity COL --time COL] [--channel COL]
//!                 [--resource COL] [--rating COL] [--lifecycle COL=VALUE | --no-lifecycle]
//!                 [--end ACTIVITY]... [--timeout-s SECONDS] [--time-zone ZONE]
//!                 [--time-form auto|day-first|month-first|excel] [--top N]
//!                 [--funnel A,B,C [--funnel-mode ordered|strict|unordered] [--window-s S]]
//!                 [--map MAP.json] [--lang en|de] [--timings] [--json] [--accept-warnings]
//! journey-analyze LOG.csv --source SOURCE [--case-by customer|record|idle:MINUTES]
//!                 [--drop ACTIVITY]... [--end ACTIVITY]... [--json]   (a preset, docs/data-sources.md)
//! journey-analyze generate --events N [--seed S]        (CSV on stdout)
//! journey-analyze generate --truth-cases N [--seed S] [--shape leave-early|complete|loops]
//!                 --truth-out TRUTH.json                 (CSV on stdout, fates known)
//! journey-analyze sample SOURCE [--customers N] [--seed S] [--shift-days D]   (a source's sample file on stdout; D days later)
//! journey-analyze aggregate LOG.csv [--goal ACTIVITY]... [--timeout-s S] [--top N]
//!                 [column options as above]              (aggregate JSON on stdout)
//! journey-analyze aggregate-report AGG.json [--map MAP.json]   (its metrics as JSON)
//! journey-analyze survey SURVEY.csv --map MAP.json      (JSON on stdout)
//! ```
//!
//! Columns not given are guessed from the header (as the import dialog does), including a
//! lifecycle column and its `complete` value; `--no-lifecycle` keeps every row. The goal
//! activities for the drop-off are the `--end` ones; without them, with `--map`, the
//! activities matched to the end of the map's main route (as on the analytics page);
//! without either, no drop-off is measured and the most frequent last activity is only
//! named as a suggestion. An import that looks wrong (one event per case, one case, an
//! id as activity, most rows skipped, a shop or helpdesk export read as events, …) prints
//! each warning with the column to check and exits with 3 (`--accept-warnings`: 0). Arguments
//! are parsed by hand: the tool is small and the core stays free of CLI crates.

use std::process::ExitCode;
use std::time::Instant;

use journey_core::analytics::aggregate::{self, AggregateOptions};
use journey_core::analytics::{
    analyze, detect_columns, deviation, generator, goal_activities, survey::survey, AnalysisOptions, EventLog, ImportSummary, Importer,
    ColumnMapping, FunnelMode, FunnelSpec, TimeForm,
};
use journey_core::analytics::rows::FileBytes;
use journey_core::analytics::sources::generator::world;
use journey_core::analytics::sources::{read_source, CaseBy, Source, SourceOptions};
use journey_core::model::{schema, Lang};

/// Set when the import worked but looks wrong: exit code 3 instead of 2.
static LOOKS_WRONG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn main() -> ExitCode {
    // One run, then exit: freed columns are reused instead of faulted in afresh.
    journey_core::batch_heap::keep_freed_memory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => run_generate(&args[1..]),
        Some("sample") => run_sample(&args[1..]),
        Some("survey") => run_survey(&args[1..]),
        Some("aggregate") => run_aggregate(&args[1..]),
        Some("aggregate-report") => run_aggregate_report(&args[1..]),
        Some("-h" | "--help") | None => Err(USAGE.to_string()),
        Some(_) => run_analyze(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(if LOOKS_WRONG.load(std::sync::atomic::Ordering::Relaxed) { 3 } else { 2 })
        }
    }
}

const USAGE: &str = "usage: journey-analyze LOG.csv [--case COL --activity COL --time COL] [--channel COL] \
[--resource COL] [--rating COL] [--lifecycle COL=VALUE | --no-lifecycle] [--end ACTIVITY]... [--timeout-s S] \
[--time-zone ZONE] [--time-form auto|day-first|month-first|excel] [--top N] [--funnel A,B,C [--funnel-mode ordered|strict|unordered] [--window-s S]] [--map MAP.json] \
[--lang en|de] [--timings] [--json] [--accept-warnings]\n       journey-analyze LOG.csv --source SOURCE [--case-by customer|record|idle:MINUTES] [--drop ACTIVITY]...\n       \
journey-analyze generate --events N [--seed S]\n       journey-analyze sample SOURCE [--customers N] [--seed S] [--shift-days D]\n       \
journey-analyze survey SURVEY.csv --map MAP.json\n       \
journey-analyze aggregate LOG.csv [--goal ACTIVITY]... [--timeout-s S] [--top N] [column options]\n       \
journey-analyze aggregate-report AGG.json [--map MAP.json]";

/// Parsed command line: positional arguments, `--flag value` options (repeatable) and
/// bare switches.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
    switches: Vec<String>,
}

const SWITCHES: [&str; 4] = ["--json", "--timings", "--no-lifecycle", "--accept-warnings"];

impl Args {
    fn parse(raw: &[String]) -> Result<Args, String> {
        let mut a = Args { positional: Vec::new(), options: Vec::new(), switches: Vec::new() };
        let mut it = raw.iter();
        while let Some(arg) = it.next() {
            if SWITCHES.contains(&arg.as_str()) {
                a.switches.push(arg.clone());
            } else if let Some(name) = arg.strip_prefix("--") {
                let (name, value) = match name.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    _ => (name.to_string(), it.next().ok_or(format!("--{name} needs a value\n{USAGE}"))?.clone()),
                };
                a.options.push((name, value));
            } else {
                a.positional.push(arg.clone());
            }
        }
        Ok(a)
    }
    fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<String> {
        self.options.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }
    fn has(&self, switch: &str) -> bool {
        self.switches.iter().any(|s| s == switch)
    }
    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        self.get(name).map(|v| v.parse::<T>().map_err(|_| format!("--{name}: “{v}” is not a number"))).transpose()
    }
}

fn run_generate(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    if let Some(cases) = args.number::<usize>("truth-cases")? {
        return run_generate_truth(&args, cases);
    }
    let events: usize = args.number("events")?.ok_or(format!("generate needs --events N\n{USAGE}"))?;
    let seed: u64 = args.number("seed")?.unwrap_or(1);
    use std::io::Write;
    std::io::stdout().write_all(generator::generate_csv(events, seed).as_bytes()).map_err(|e| e.to_string())
}

/// A log whose every case's fate is decided first (`generator::generate_with_truth`): the
/// CSV on stdout and, in `--truth-out`, per activity the cases that left there and the
/// cases containing it, with the goal and τ the truth holds for — what end-to-end tests
/// compare the page's numbers with.
fn run_generate_truth(args: &Args, cases: usize) -> Result<(), String> {
    use generator::Shape;
    let seed: u64 = args.number("seed")?.unwrap_or(1);
    let shape = match args.get("shape").unwrap_or("leave-early") {
        "leave-early" => Shape::MostLeaveEarly,
        "complete" => Shape::MostComplete,
        "loops" => Shape::LoopsBeforeGoal,
        other => return Err(format!("--shape: “{other}” is not leave-early, complete or loops")),
    };
    let out = args.get("truth-out").ok_or(format!("generate --truth-cases needs --truth-out FILE\n{USAGE}"))?;
    let t = generator::generate_with_truth(cases, seed, shape);
    let activities: Vec<serde_json::Value> = t
        .drop_off_truth()
        .into_iter()
        .map(|(a, left, reached)| serde_json::json!({ "activity": a, "left": left, "reached": reached }))
        .collect();
    let truth = serde_json::json!({
        "goal": generator::TRUTH_GOAL,
        "timeout_s": generator::TRUTH_TIMEOUT_S,
        "cases": t.cases.len(),
        "reached_goal": t.cases.iter().filter(|c| c.reached_goal).count(),
        "left": t.cases.iter().filter(|c| c.left_at.is_some()).count(),
        "activities": activities,
    });
    std::fs::write(out, serde_json::to_string_pretty(&truth).unwrap_or_default()).map_err(|e| format!("{out}: {e}"))?;
    use std::io::Write;
    std::io::stdout().write_all(t.csv.as_bytes()).map_err(|e| e.to_string())
}

/// A sample file in a source's real layout (sources::generator), for trying the presets.
fn run_sample(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    let key = args.positional.first().ok_or(format!("sample needs a SOURCE ({})\n{USAGE}", source_keys()))?;
    let customers: usize = args.number("customers")?.unwrap_or(50);
    let w = world(customers, args.number("seed")?.unwrap_or(1));
    // The next period's export: the same kind of month, later (`--shift-days 35`).
    let w = match args.get("shift-days") {
        Some(v) => w.shifted(v.parse::<i64>().map_err(|_| format!("--shift-days: “{v}” is not a whole number of days"))?),
        None => w,
    };
    let text = match Source::from_key(key) {
        Some(Source::ShopifyOrders) => w.shopify_csv(),
        Some(Source::WooCommerceOrders) => w.woocommerce_csv(),
        Some(Source::ZendeskTickets) => w.zendesk_csv(),
        Some(Source::FreshdeskTickets) => w.freshdesk_csv(),
        Some(Source::Ga4Flat) => w.ga4_csv(args.get("event-date").is_some_and(|v| v == "yes")),
        Some(Source::MatomoActions) => w.matomo_csv(),
        _ => return Err(format!("sample: “{key}” is not one of {}", source_keys())),
    };
    print!("{text}");
    Ok(())
}

fn source_keys() -> String {
    Source::ALL.iter().filter(|s| s.layout().is_some()).map(|s| s.key()).collect::<Vec<_>>().join(", ")
}

/// `--source`: the file is read with its preset instead of the column mapping.
fn source_options(args: &Args, lang: Lang) -> Result<Option<SourceOptions>, String> {
    let Some(key) = args.get("source") else { return Ok(None) };
    let source = Source::from_key(key).filter(|s| s.layout().is_some()).ok_or(format!("--source: “{key}” is not one of {}", source_keys()))?;
    let case_by = match args.get("case-by").unwrap_or("customer") {
        "customer" => CaseBy::Customer,
        "record" => CaseBy::Record,
        other => match other.strip_prefix("idle:").map(str::parse::<u32>) {
            Some(Ok(minutes)) => CaseBy::Idle { minutes },
            _ => return Err(format!("--case-by: “{other}” is not customer, record or idle:MINUTES")),
        },
    };
    let mut o = SourceOptions::new(source, case_by);
    o.lang = lang;
    o.filters.drop = args.all("drop");
    o.time_zone = args.get("time-zone").map(str::to_string);
    Ok(Some(o))
}

/// The aggregate of a raw log (docs/scale.md), as the warehouse SQL would write it.
fn run_aggregate(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    let lang = lang(&args);
    let path = args.positional.first().ok_or(USAGE)?.clone();
    let mut opts = AggregateOptions { goal_activities: args.all("goal"), ..AggregateOptions::default() };
    if let Some(t) = args.number("timeout-s")? {
        opts.timeout_s = t;
    }
    if let Some(n) = args.number("top")? {
        opts.top_k = n;
    }
    let data = open_log(&path)?;
    let mapping = mapping(&args, &data.bytes()[..data.bytes().len().min(64 * 1024)], lang, &path)?;
    let (log, summary) = import_log(data, &mapping, lang, &path)?;
    for issue in summary.issue_messages(lang) {
        eprintln!("{path}: {issue}");
    }
    println!("{}", aggregate::aggregate(&log, &opts).to_json());
    warnings_verdict(&args, &summary, lang, &path)
}

/// Reads an aggregate file (refusing one that does not add up) and prints every metric
/// it determines, plus the deviation from a map.
fn run_aggregate_report(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    let lang = lang(&args);
    let path = args.positional.first().ok_or(USAGE)?.clone();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let agg = aggregate::parse_aggregate(&text).map_err(|e| format!("{path}: {}", e.message(lang)))?;
    let mut json = serde_json::to_value(aggregate::report(&agg)).map_err(|e| e.to_string())?;
    json["needs_raw_events"] = serde_json::to_value(aggregate::needs_raw_events()).map_err(|e| e.to_string())?;
    if let Some(p) = args.get("map") {
        json["deviation"] = serde_json::to_value(aggregate::deviation(&agg, &load_map(p, lang)?)).map_err(|e| e.to_string())?;
    }
    println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
    Ok(())
}

fn run_survey(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    let lang = lang(&args);
    let path = args.positional.first().ok_or(USAGE)?;
    let map = load_map(args.get("map").ok_or(format!("survey needs --map MAP.json\n{USAGE}"))?, lang)?;
    let data = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let report = survey(&data, &map).map_err(|e| format!("{path}: {}", e.message(lang)))?;
    println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    Ok(())
}

fn lang(args: &Args) -> Lang {
    args.get("lang").map(Lang::from_tag).unwrap_or(Lang::En)
}

fn load_map(path: &str, lang: Lang) -> Result<journey_core::model::JourneyMap, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    schema::parse_map(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
}

/// The guessed mapping with every column given on the command line put over it.
fn mapping(args: &Args, sample: &[u8], lang: Lang, path: &str) -> Result<ColumnMapping, String> {
    let detection = detect_columns(sample).map_err(|e| format!("{path}: {}", e.message(lang)))?;
    let guessed = ColumnMapping::from_detection(&detection);
    let header = |i: Option<usize>| i.and_then(|i| detection.headers.get(i).cloned());
    let need = |role: &str, guess: Option<String>| {
        args.get(role).map(str::to_string).or(guess).ok_or_else(|| {
            let columns = detection.headers.join(", ");
            match lang {
                Lang::En => format!("{path}: no {role} column found; name it with --{role} COL (columns: {columns})"),
                Lang::De => format!("{path}: keine Spalte für „{role}“ gefunden; bitte mit --{role} SPALTE angeben (Spalten: {columns})"),
            }
        })
    };
    let g = &detection.guess;
    let mut m = ColumnMapping {
        delimiter: detection.delimiter,
        case: need("case", header(g.case))?,
        activity: need("activity", header(g.activity))?,
        time: need("time", header(g.time))?,
        channel: args.get("channel").map(str::to_string).or(guessed.as_ref().and_then(|m| m.channel.clone())),
        resource: args.get("resource").map(str::to_string).or(guessed.as_ref().and_then(|m| m.resource.clone())),
        rating: args.get("rating").map(str::to_string).or(guessed.as_ref().and_then(|m| m.rating.clone())),
        lifecycle: guessed.and_then(|m| m.lifecycle),
        time_zone: args.get("time-zone").map(str::to_string),
        time_form: g.time_form.form,
    };
    if let Some(form) = args.get("time-form") {
        m.time_form = match form {
            "auto" => TimeForm::Auto,
            "day-first" => TimeForm::DayFirst,
            "month-first" => TimeForm::MonthFirst,
            "excel" => TimeForm::ExcelSerial,
            other => return Err(format!("--time-form: “{other}” is not auto, day-first, month-first or excel")),
        };
    } else if g.time_form.order_unknown {
        return Err(match lang {
            Lang::En => format!("{path}: the dates in “{}” (like 03/01/2024) do not show whether the day or the month comes first; give --time-form day-first or --time-form month-first", m.time),
            Lang::De => format!("{path}: die Daten in „{}“ (wie 03/01/2024) zeigen nicht, ob Tag oder Monat zuerst steht; bitte --time-form day-first oder --time-form month-first angeben", m.time),
        });
    }
    if let Some(spec) = args.get("lifecycle") {
        let (col, value) = spec.split_once('=').ok_or(format!("--lifecycle expects COL=VALUE, got “{spec}”"))?;
        m.lifecycle = Some((col.to_string(), value.to_string()));
    }
    if args.has("--no-lifecycle") {
        m.lifecycle = None;
    }
    // A guessed optional column that collides with an explicit role is dropped.
    for role in [&mut m.channel, &mut m.resource, &mut m.rating] {
        if role.as_deref().is_some_and(|c| [&m.case, &m.activity, &m.time].iter().any(|r| r.eq_ignore_ascii_case(c))) {
            *role = None;
        }
    }
    Ok(m)
}

fn options(args: &Args) -> Result<AnalysisOptions, String> {
    let mut o = AnalysisOptions::default();
    if let Some(n) = args.number("top")? {
        o.top_variants = n;
    }
    o.drop_off.end_activities = args.all("end");
    if let Some(t) = args.number("timeout-s")? {
        o.drop_off.timeout_s = t;
    }
    if let Some(steps) = args.get("funnel") {
        let mode = match args.get("funnel-mode").unwrap_or("ordered") {
            "ordered" => FunnelMode::Ordered,
            "strict" => FunnelMode::Strict,
            "unordered" => FunnelMode::Unordered,
            other => return Err(format!("--funnel-mode: “{other}” is not ordered, strict or unordered")),
        };
        let steps = steps.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        o.funnel = Some(FunnelSpec { steps, mode, window_s: args.number("window-s")? });
    }
    Ok(o)
}

fn run_analyze(raw: &[String]) -> Result<(), String> {
    let args = Args::parse(raw)?;
    let lang = lang(&args);
    let path = args.positional.first().ok_or(USAGE)?.clone();
    let mut opts = options(&args)?;
    let t0 = Instant::now();
    let data = open_log(&path)?;
    let t_read = t0.elapsed();
    if let Some(o) = source_options(&args, lang)? {
        let data = match data {
            FileBytes::Owned(v) => v,
            #[allow(unreachable_patterns)]
            mapped => mapped.bytes().to_vec(),
        };
        let (log, s) = read_source(data, &o).map_err(|e| format!("{path}: {}", e.message(lang)))?;
        for issue in &s.first_issues {
            eprintln!("{path}: {}", issue.message(lang));
        }
        let report = analyze(&log, &opts);
        let mut json = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        json["source"] = serde_json::to_value(&s).map_err(|e| e.to_string())?;
        println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let head = &data.bytes()[..data.bytes().len().min(64 * 1024)];
    let mapping = mapping(&args, head, lang, &path)?;
    let t1 = Instant::now();
    let (log, summary) = import_log(data, &mapping, lang, &path)?;
    let t_import = t1.elapsed();
    let map = match args.get("map") {
        Some(p) => Some(load_map(p, lang)?),
        None => None,
    };
    if opts.drop_off.end_activities.is_empty() {
        if let Some(m) = &map {
            opts.drop_off.end_activities = goal_activities(&log.activity_names, m).activities;
        }
    }
    let t2 = Instant::now();
    let report = analyze(&log, &opts);
    let t_analyze = t2.elapsed();
    let dev = map.as_ref().map(|m| deviation(&log, m));
    if report.drop_off.goal_missing {
        let hint = report.drop_off.suggested_end_activity.as_deref().unwrap_or("?");
        eprintln!("{}", match lang {
            Lang::En => format!("{path}: no goal activity: drop-off not measured. Give --end ACTIVITY or --map MAP.json (suggestion: the most frequent last activity is “{hint}”)."),
            Lang::De => format!("{path}: keine Zielaktivität: Abbrüche nicht gemessen. Bitte --end AKTIVITÄT oder --map KARTE.json angeben (Vorschlag: die häufigste letzte Aktivität ist „{hint}“)."),
        });
    }
    if args.has("--timings") {
        eprintln!(
            "read {:.1} ms, import {:.1} ms, analyze {:.1} ms, total {:.1} ms ({} events)",
            ms(t_read), ms(t_import), ms(t_analyze), ms(t0.elapsed()), log.event_count()
        );
    }
    for issue in summary.issue_messages(lang) {
        eprintln!("{path}: {issue}");
    }
    if args.has("--json") {
        let mut json = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        json["mapping"] = serde_json::to_value(&mapping).map_err(|e| e.to_string())?;
        json["import"] = serde_json::to_value(&summary).map_err(|e| e.to_string())?;
        if let Some(d) = dev {
            json["deviation"] = serde_json::to_value(&d).map_err(|e| e.to_string())?;
        }
        println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
    } else {
        println!(
            "{path}: {} cases, {} events, {} activities, {} DFG edges, {} variants, median throughput {:.0} s, \
             {} rows skipped, {} dropped off",
            report.cases, report.events, report.activities, report.dfg_edges, report.variants,
            report.throughput_median_s, summary.skipped_rows, report.drop_off.dropped
        );
    }
    warnings_verdict(&args, &summary, lang, &path)
}

/// The log read with `mapping`, its rows on every core (`analytics/import_parts.rs`).
fn import_log(data: FileBytes, mapping: &ColumnMapping, lang: Lang, path: &str) -> Result<(EventLog, ImportSummary), String> {
    Importer::of_file(data, mapping, None).and_then(Importer::finish_on_all_cores).map_err(|e| format!("{path}: {}", e.message(lang)))
}

/// The log's bytes: mapped where the system allows (read in place, no copy), else read.
fn open_log(path: &str) -> Result<FileBytes, String> {
    #[cfg(unix)]
    if let Some(m) = journey_core::mapped_file::MappedFile::open(path) {
        return Ok(FileBytes::Mapped(m));
    }
    Ok(FileBytes::Owned(std::fs::read(path).map_err(|e| format!("{path}: {e}"))?))
}

/// Exit code 3 when the import looks wrong (each warning on stderr, naming the mapping to
/// check): a misread file is not a success. `--accept-warnings` takes the result anyway.
fn warnings_verdict(args: &Args, summary: &journey_core::analytics::ImportSummary, lang: Lang, path: &str) -> Result<(), String> {
    let label = lang.pick(("warning", "Warnung"));
    for w in summary.warning_messages(lang) {
        eprintln!("{path}: {label}: {w}");
    }
    if summary.warnings.is_empty() || args.has("--accept-warnings") {
        return Ok(());
    }
    LOOKS_WRONG.store(true, std::sync::atomic::Ordering::Relaxed);
    Err(match lang {
        Lang::En => format!("{path}: the import looks wrong (see above); check the mapping, or give --accept-warnings to keep it"),
        Lang::De => format!("{path}: der Import sieht falsch aus (siehe oben); bitte die Zuordnung prüfen oder --accept-warnings angeben, um ihn zu behalten"),
    })
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
