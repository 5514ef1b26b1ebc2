//! The metrics of an imported log: overview (with skipped rows and their reasons), volumes,
//! directly-follows pairs, top variants, throughput time with its histogram, drop-off
//! against the goal by where customers left. Read-only views of the worker's `Report`.
//! Counts carry the log's period as their unit ("in 14 days", `MeasuredPeriod::unit`).

use journey_core::charts::Chart;
use leptos::prelude::*;

use super::more_note::{more_note, Kind};
use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use crate::i18n::analytics_trust::trust_texts;
use journey_core::locale::{number, percent};
use crate::ui::state::AppState;

#[component]
pub fn Metrics() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = analytics_texts(lang);
        let r = ctx.result.get()?;
        let from_aggregate = ctx.aggregate.with(Option::is_some);
        let rep = &r.report;
        let s = &r.summary;
        // Counts with the language's thousands groups; `data-value` keeps the plain count.
        let n = move |v: u64| number(v as f64, 0, lang);
        let stat = move |label: &'static str, value: u64, id: &'static str| {
            view! { <div class="stat"><dt>{label}</dt><dd data-testid=id data-value=value>{n(value)}</dd></div> }
        };
        let issues = r.issues.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view();
        let volumes = rep.volumes.activities.iter().map(|a| view! {
            <tr><th scope="row">{a.activity.clone()}</th><td>{n(a.events)}</td><td>{n(a.cases)}</td><td>{percent(a.presence, 0, lang)}</td></tr>
        }).collect_view();
        let dfg = rep.dfg.edges.iter().map(|e| view! {
            <tr><td>{e.from.clone()}</td><td>{e.to.clone()}</td><td>{n(e.count)}</td><td>{n(e.cases)}</td><td>{(t.seconds)(e.waiting_s.median)}</td></tr>
        }).collect_view();
        let variants = rep.top_variants.top.iter().map(|v| view! {
            <tr><td>{v.activities.join(" → ")}</td><td>{n(v.cases)}</td><td>{percent(v.coverage, 0, lang)}</td></tr>
        }).collect_view();
        let tp = &rep.throughput.summary_s;
        let d = &rep.drop_off;
        let drops = d.by_activity.iter().map(|a| view! {
            <tr data-testid="drop-off-row" data-activity=a.activity.clone() data-rate=a.rate.to_string()>
                <th scope="row">{a.activity.clone()}</th><td>{n(a.reached)}</td><td>{n(a.dropped)}</td><td>{percent(a.share_of_drop_offs, 0, lang)}</td><td>{percent(a.rate, 0, lang)}</td></tr>
        }).collect_view();
        let omitted = rep.omitted.unwrap_or_default();
        let reached = analytics_texts(lang).reached;
        // The unit of every count: the span of the log (or the aggregate's range).
        let period = rep.period();
        let log_period = period.as_ref().map(|p| (trust_texts(lang).log_period)(&p.describe(lang)));
        let volumes_title = match &period {
            Some(p) => format!("{} {}", t.volumes, p.unit_with_dates(lang)),
            None => t.volumes.to_string(),
        };
        let inferred = d.goal_missing.then(|| (t.goal_missing)(d.suggested_end_activity.as_deref().unwrap_or("–")));
        Some(view! {
            <section class="metrics" data-testid="metrics">
                <h2>{t.overview}</h2>
                // An aggregate has no import of its own: its notice says where it came from.
                {(!from_aggregate).then(|| view! {
                    <p class="muted" data-testid="timings" data-import-ms=r.import_ms data-analyze-ms=r.analyze_ms>{(t.timings)(r.import_ms, r.analyze_ms)}</p>
                })}
                <dl class="stats">
                    {stat(t.cases, rep.cases, "metric-cases")}
                    {stat(t.events, rep.events, "metric-events")}
                    {stat(t.activities, rep.activities, "metric-activities")}
                    {stat(t.variants, rep.variants, "metric-variants")}
                    {stat(t.dfg_edges, rep.dfg_edges, "metric-dfg-edges")}
                </dl>
                {log_period.map(|p| view! { <p data-testid="log-period">{p}</p> })}
                {(!from_aggregate).then(|| view! {
                    <p data-testid="skipped-rows">{(t.skipped)(s.skipped_rows)}
                        {(s.lifecycle_filtered > 0).then(|| view! { " · " {(t.lifecycle_filtered)(s.lifecycle_filtered)} })}
                        {(s.timestamp_ties > 0).then(|| view! { " · " {(t.timestamp_ties)(s.timestamp_ties)} })}
                    </p>
                })}
                {(!r.issues.is_empty()).then(|| view! {
                    <details open><summary>{t.first_issues}</summary><ul data-testid="row-issues">{issues}</ul></details>
                })}
            </section>
            <section class="metrics">
                <h2 data-testid="volumes-title">{volumes_title}</h2>
                <div class="table-scroll"><table data-testid="volumes">
                    <thead><tr><th scope="col">{t.activity}</th><th scope="col">{t.events}</th><th scope="col">{t.cases}</th><th scope="col">{t.presence}</th></tr></thead>
                    <tbody>{volumes}</tbody>
                </table></div>
                {more_note(omitted.activities, Kind::Activities, lang)}
            </section>
            <section class="metrics">
                <h2>{t.dfg}</h2>
                <div class="table-scroll"><table data-testid="dfg">
                    <thead><tr><th scope="col">{t.from}</th><th scope="col">{t.to}</th><th scope="col">{t.count}</th><th scope="col">{t.cases}</th><th scope="col">{t.median_wait}</th></tr></thead>
                    <tbody>{dfg}</tbody>
                </table></div>
                {more_note(omitted.edges, Kind::Pairs, lang)}
            </section>
            <section class="metrics">
                <h2>{t.top_variants}</h2>
                <div class="table-scroll"><table data-testid="variants">
                    <thead><tr><th scope="col">{t.sequence}</th><th scope="col">{t.cases}</th><th scope="col">{t.coverage}</th></tr></thead>
                    <tbody>{variants}</tbody>
                </table></div>
            </section>
            <section class="metrics" data-testid="throughput">
                <h2>{t.throughput}</h2>
                <dl class="stats">
                    <div class="stat"><dt>{t.median}</dt><dd data-testid="throughput-median">{(t.seconds)(tp.median)}</dd></div>
                    <div class="stat"><dt>{t.p90}</dt><dd>{(t.seconds)(tp.p90)}</dd></div>
                    <div class="stat"><dt>{t.mean}</dt><dd>{(t.seconds)(tp.mean)}</dd></div>
                </dl>
                <HistogramView/>
            </section>
            <section class="metrics" data-testid="drop-off">
                <h2>{t.drop_off_title}</h2>
                // Without a goal nothing is completed or dropped: no counts that look like results.
                {(!d.goal_missing).then(|| view! { <p data-testid="drop-off-summary">{(t.drop_off_summary)(d.dropped, d.completed, d.in_progress, &percent(d.rate, 0, lang))}</p> })}
                {inferred.map(|i| view! { <p class="muted">{i}</p> })}
                <div class="table-scroll"><table>
                    <thead><tr><th scope="col">{t.activity}</th><th scope="col">{reached}</th><th scope="col">{t.dropped}</th><th scope="col">{t.share}</th><th scope="col">{t.rate}</th></tr></thead>
                    <tbody>{drops}</tbody>
                </table></div>
                {more_note(omitted.drop_off_rows, Kind::Other, lang)}
            </section>
        })
    }
}

/// The histogram SVG from the core's chart module (labels escaped there), or its message;
/// for an aggregate, that it needs every case's throughput time (in the current language).
#[component]
fn HistogramView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        if ctx.aggregate.with(Option::is_some) {
            let msg = crate::i18n::analytics::analytics_texts(state.lang.get()).histogram_needs_raw;
            return Some(view! { <p class="muted" data-testid="histogram-needs-raw">{msg}</p> }.into_any());
        }
        match ctx.chart.get()? {
            Chart::Svg(svg) => Some(view! { <div class="chart" data-testid="throughput-chart" inner_html=svg></div> }.into_any()),
            Chart::NeedsData(msg) => Some(view! { <p class="muted">{msg}</p> }.into_any()),
        }
    }
}
