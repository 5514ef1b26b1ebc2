//! The map's measurement history on the analytics page: one row per applied period
//! (its dates and days, sources, cases, share reaching the goal, drop-off), a sentence
//! saying whether the journey got better from the period before to the last one (by the
//! share reaching the goal, `model::trend`), and the cases per touchpoint, each count with
//! its own period's unit — never summed or chained across periods. Shown on the analytics
//! page (below the apply) and on the measurements page.

use journey_core::analytics::sources::Source;
use journey_core::locale::{number, percent};
use journey_core::model::{trend, HistoryPeriod, Lang, Trend};
use leptos::prelude::*;

use crate::i18n::analytics_history::{history_texts, HistoryTexts};
use crate::ui::shell::map_frame::MapHandle;
use crate::ui::state::AppState;

#[component]
pub fn HistoryView(map: MapHandle) -> impl IntoView {
    let state = expect_context::<AppState>();
    let history = Memo::new(move |_| map.with(|m| m.analytics.history()).unwrap_or_default());
    move || {
        let h = history.get();
        if h.is_empty() {
            return None;
        }
        let lang = state.lang.get();
        let t = history_texts(lang);
        let rows = h.iter().rev().map(|p| period_row(p, t, lang)).collect_view();
        Some(view! {
            <section class="metrics history" data-testid="history" aria-labelledby="history-title">
                <h2 id="history-title">{t.history_title}</h2>
                <p class="muted">{t.history_intro}</p>
                <p data-testid="history-trend">{verdict(&h, t, lang)}</p>
                <div class="table-scroll"><table data-testid="history-table">
                    <thead><tr>
                        <th scope="col">{t.period_col}</th><th scope="col">{t.sources_col}</th>
                        <th scope="col" class="num">{t.cases_col}</th><th scope="col" class="num">{t.completion_col}</th>
                        <th scope="col" class="num">{t.drop_off_col}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
                {volumes(&h, t, lang)}
            </section>
        })
    }
}

fn period_row(p: &HistoryPeriod, t: &HistoryTexts, lang: Lang) -> impl IntoView {
    let share = |v: Option<f64>| v.map_or_else(|| t.no_goal.to_string(), |s| percent(s, 1, lang));
    let name = |k: &str| match Source::from_key(k) {
        Some(s) => s.label(lang),
        None if k == "aggregate" => t.aggregate_source,
        None => "",
    };
    let sources = p.sources.iter().map(|k| name(k)).filter(|n| !n.is_empty()).collect::<Vec<_>>().join(" + ");
    let (first, _) = p.period.dates();
    view! {
        <tr data-testid="history-row" data-first=first data-cases=p.cases.to_string()
            data-completion=p.completion().map(|c| c.to_string()).unwrap_or_default()>
            <th scope="row">{p.period.describe(lang)}<br/><small class="muted">{p.period.source.clone()}</small></th>
            <td>{sources}</td>
            <td class="num">{number(p.cases as f64, 0, lang)}</td>
            <td class="num">{share(p.completion())}</td>
            <td class="num">{share(p.drop_off())}</td>
        </tr>
    }
}

/// Whether the journey got better from the period before to the last one.
fn verdict(h: &[HistoryPeriod], t: &HistoryTexts, lang: Lang) -> String {
    let [.., before, after] = h else { return t.one_period.to_string() };
    let (a, b) = (before.completion().unwrap_or(0.0), after.completion().unwrap_or(0.0));
    match trend(before, after) {
        Trend::Better(d) => (t.better)(a, b, d, lang),
        Trend::Worse(d) => (t.worse)(a, b, d, lang),
        Trend::Same => (t.same)(b, lang),
        Trend::NotComparable => t.not_comparable.to_string(),
    }
}

/// Cases per touchpoint: a row per touchpoint measured in any of the last periods, a
/// column per period (at most the last four, newest first), each count with its period's unit.
fn volumes(h: &[HistoryPeriod], t: &HistoryTexts, lang: Lang) -> Option<impl IntoView> {
    let shown: Vec<&HistoryPeriod> = h.iter().rev().take(4).collect();
    let mut touchpoints: Vec<(String, String)> = Vec::new();
    for p in shown.iter().rev() {
        for v in &p.touchpoints {
            match touchpoints.iter_mut().find(|(id, _)| *id == v.touchpoint_id) {
                Some(row) => row.1 = v.title.clone(), // the newest title
                None => touchpoints.push((v.touchpoint_id.clone(), v.title.clone())),
            }
        }
    }
    if touchpoints.is_empty() {
        return None;
    }
    let heads = shown.iter().map(|p| view! { <th scope="col" class="num">{p.period.dates().0}</th> }).collect_view();
    let rows = touchpoints
        .into_iter()
        .map(|(id, title)| {
            let cells = shown
                .iter()
                .map(|p| {
                    let text = p.cases_at(&id).map_or_else(|| t.not_measured.to_string(), |n| (t.cases_in)(n, &p.period.unit(lang), lang));
                    view! { <td class="num">{text}</td> }
                })
                .collect_view();
            view! { <tr data-testid="history-volume"><th scope="row">{title}</th>{cells}</tr> }
        })
        .collect_view();
    Some(view! {
        <h3>{t.volumes_title}</h3>
        <div class="table-scroll"><table data-testid="history-volumes">
            <thead><tr><th scope="col">{t.touchpoint_col}</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    })
}
