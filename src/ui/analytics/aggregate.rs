//! A warehouse aggregate on the analytics page (docs/scale.md): the file picker hands a
//! JSON file that names the aggregate format to [`import`], which parses it on the page
//! (a few kilobytes: no worker needed) and fills the same signals as an imported event
//! log, so the metrics, the deviation and "Apply to map" show it. [`AggregateNotice`]
//! says where the numbers come from, the goal the query measured drop-off against, and
//! which metrics need the raw events.

use journey_core::analytics::aggregate::{self, parse_aggregate, Aggregate, QuantileMethod, TieOrder};
use journey_core::analytics::{ApplyOptions, ImportSummary};
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::{Ctx, Imported};
use crate::i18n::analytics::analytics_texts;
use crate::ui::state::AppState;

/// Reads the whole (small) file as an aggregate and shows it, or the parser's message
/// (path, line and column) when it is not a valid one.
pub fn import(ctx: Ctx, bytes: Vec<u8>) {
    let lang = ctx.state.lang.get_untracked();
    let text = String::from_utf8_lossy(&bytes);
    match parse_aggregate(&text) {
        Ok(agg) => {
            ctx.result.set(Some(Imported {
                report: aggregate::report(&agg),
                summary: ImportSummary::default(),
                issues: Vec::new(),
                import_ms: 0.0,
                analyze_ms: 0.0,
            }));
            ctx.aggregate.set(Some(agg));
            ctx.request_deviation();
        }
        Err(e) => ctx.error.set(Some(format!("{}: {}", ctx.file_name.get_untracked(), e.message(lang)))),
    }
}

/// The deviation of the aggregate from the map as it is now (computed on the page).
pub fn deviation(ctx: Ctx, agg: &Aggregate, map: &JourneyMap) {
    ctx.deviation.set(Some(aggregate::deviation(agg, map)));
}

/// "Apply to map" for an aggregate: the plan for the preview (Apply stores it as one
/// undoable edit), and a note naming the touchpoints an aggregate cannot measure.
pub fn plan(ctx: Ctx, agg: &Aggregate, map: &JourneyMap, options: &ApplyOptions) {
    let (plan, applied) = aggregate::plan(map, agg, options);
    let titles: Vec<String> = applied
        .not_derivable
        .iter()
        .filter_map(|id| map.touchpoints.iter().find(|t| &t.id == id).map(|t| t.title.clone()))
        .collect();
    ctx.not_derivable.set((!titles.is_empty()).then(|| titles.join(", ")));
    ctx.plan_from_survey.set(false);
    ctx.plan.set(Some(plan));
}

/// Where the numbers come from and what needs the raw events; nothing for an event log.
#[component]
pub fn AggregateNotice() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = analytics_texts(lang);
        ctx.aggregate.with(|a| {
            let a = a.as_ref()?;
            let count = |n: u64| journey_core::locale::number(n as f64, 0, lang);
            let goal = if aggregate::goal_known(a) {
                (t.goal)(&a.goal_activities.join(", "), a.timeout_s)
            } else {
                t.no_goal.to_string()
            };
            let quantiles = match a.quantiles.method {
                QuantileMethod::Exact => t.quantiles_exact.to_string(),
                QuantileMethod::Approximate => {
                    (t.quantiles_approx)(&format!("{} %", journey_core::locale::number(a.quantiles.rank_error * 100.0, 2, lang)))
                }
            };
            // Only when the order of equal timestamps was guessed by name and could matter.
            let ties = a
                .ties
                .filter(|x| x.order == TieOrder::ActivityName && x.cases_with_ties > 0)
                .map(|x| view! { <p data-testid="aggregate-ties">{(t.ties_by_name)(&count(x.cases_with_ties))}</p> });
            let raw = aggregate::needs_raw_events().iter().map(|m| view! { <li>{(t.raw_only)(*m)}</li> }).collect_view();
            Some(view! {
                <section class="metrics aggregate-notice" data-testid="aggregate-notice">
                    <h2>{t.aggregate_title}</h2>
                    <p data-testid="aggregate-source">{(t.source)(&a.producer, &count(a.cases), &count(a.events))}</p>
                    <p data-testid="aggregate-goal">{goal}</p>
                    <p>{quantiles}</p>
                    {ties}
                    <h3>{t.needs_raw_title}</h3>
                    <ul data-testid="needs-raw-events">{raw}</ul>
                </section>
            })
        })
    }
}
