//! The comparison of two states of a map: both emotion curves in one chart, journey, stage
//! and touchpoint score deltas, touchpoints added / removed / changed (with the changed
//! fields), and the measurement deltas. All numbers come from `journey_core::compare`.

use journey_core::charts::{emotion_curve, Chart, ChartOptions};
use journey_core::compare::{diff_maps, emotion_comparison, measurement_deltas, score_deltas, Delta, TouchpointRef};
use journey_core::model::{JourneyMap, Lang};
use journey_core::locale::number;
use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::i18n::snapshots::snapshots_texts;

fn value(v: Option<f64>, decimals: usize, lang: Lang) -> String {
    v.map_or("–".into(), |v| number(v, decimals, lang))
}

/// The change with a sign and an arrow, so the direction is not told by colour alone.
fn change(d: &Delta, decimals: usize, percent: bool, lang: Lang) -> (String, &'static str) {
    match d.change() {
        None => ("–".into(), "none"),
        Some(c) => {
            let c = if percent { c * 100.0 } else { c };
            let unit = if percent { " pp" } else { "" };
            let shown = number(c, decimals, lang);
            if shown.trim_start_matches('−') == "0" || shown == "0" {
                ("±0".into(), "same")
            } else if c > 0.0 {
                (format!("▲ +{shown}{unit}"), "up")
            } else {
                (format!("▼ {shown}{unit}"), "down")
            }
        }
    }
}

fn delta_cells(d: &Delta, decimals: usize, lang: Lang) -> impl IntoView {
    let (c, dir) = change(d, decimals, false, lang);
    view! {
        <td class="num">{value(d.before, decimals, lang)}</td>
        <td class="num">{value(d.after, decimals, lang)}</td>
        <td class=format!("num delta delta-{dir}") data-dir=dir>{c}</td>
    }
}

fn refs(items: &[TouchpointRef], testid: &'static str, none: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="muted" data-testid=testid>{none}</p> }.into_any();
    }
    let li = items.iter().map(|r| view! { <li>{r.title.clone()} <span class="muted">" (" {r.stage.clone()} ")"</span></li> }).collect_view();
    view! { <ul data-testid=testid>{li}</ul> }.into_any()
}

#[component]
pub fn SnapshotCompare(before: JourneyMap, after: JourneyMap, before_label: String, after_label: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let t = snapshots_texts(l);
    let chart = match emotion_curve(&emotion_comparison(&before, &after, &before_label, &after_label), &ChartOptions::new(l).about(after.name.clone())) {
        Chart::Svg(svg) => view! { <div class="chart" data-testid="compare-emotion-chart" inner_html=svg></div> }.into_any(),
        Chart::NeedsData(msg) => view! { <p class="empty" data-testid="compare-emotion-chart-empty">{msg}</p> }.into_any(),
    };
    let scores = score_deltas(&before, &after);
    let diff = diff_maps(&before, &after, l);
    let measurements = measurement_deltas(&before, &after);
    let head = move || view! { <th>{t.before}</th><th>{t.after}</th><th>{t.change}</th> };
    let stage_rows = scores.stages.iter().map(|s| view! {
        <tr data-testid="stage-delta">
            <th scope="row">{s.name.clone()}</th>
            {delta_cells(&s.score, 0, l)}
            {delta_cells(&s.emotion, 1, l)}
        </tr>
    }).collect_view();
    let tp_rows = scores.touchpoints.iter().map(|d| view! {
        <tr data-testid="tp-delta" data-changed=(!d.score.unchanged() || !d.emotion.unchanged()).to_string()>
            <th scope="row">{d.title.clone()}</th>
            {delta_cells(&d.score, 0, l)}
            {delta_cells(&d.emotion, 0, l)}
        </tr>
    }).collect_view();
    let changed = diff.changed.iter().map(|c| {
        let fields = c.fields.iter().map(|f| view! {
            <li>{f.field.label(l)} ": " {f.before.display(l)} " → " {f.after.display(l)}</li>
        }).collect_view();
        view! { <li data-testid="diff-changed-item"><strong>{c.touchpoint.title.clone()}</strong> <ul>{fields}</ul></li> }
    }).collect_view();
    let stage_notes = {
        let mut notes = Vec::new();
        if !diff.stages_added.is_empty() {
            notes.push((t.stages_added)(&diff.stages_added.join(", ")));
        }
        if !diff.stages_removed.is_empty() {
            notes.push((t.stages_removed)(&diff.stages_removed.join(", ")));
        }
        notes.extend(diff.stages_renamed.iter().map(|(a, b)| (t.stage_renamed)(a, b)));
        notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()
    };
    let measurement_rows = measurements.iter().map(|m| {
        let share = m.kind.is_share();
        let scale = |v: Option<f64>| v.map(|v| if share { v * 100.0 } else { v });
        let (c, dir) = change(&m.delta, 1, share, l);
        let unit = if share { " %" } else { "" };
        view! {
            <tr data-testid="measurement-delta">
                <th scope="row">{m.title.clone()}</th>
                <td>{m.kind.label(l)}</td>
                <td class="num">{value(scale(m.delta.before), 1, l)}{m.delta.before.map(|_| unit)}</td>
                <td class="num">{value(scale(m.delta.after), 1, l)}{m.delta.after.map(|_| unit)}</td>
                <td class=format!("num delta delta-{dir}") data-dir=dir>{c}</td>
            </tr>
        }
    }).collect_view();
    let has_measurements = !measurements.is_empty();
    let has_changed = !diff.changed.is_empty();
    view! {
        <section class="snapshot-compare" data-testid="snapshot-compare">
            <h2>{(t.comparison_of)(&before_label, &after_label)}</h2>
            <h3>{t.emotion_curves}</h3>
            {chart}
            <h3>{t.scores}</h3>
            <table data-testid="journey-deltas">
                <thead><tr><th></th>{head()}</tr></thead>
                <tbody>
                    <tr data-testid="journey-delta"><th scope="row">{t.journey_score}</th>{delta_cells(&scores.journey, 0, l)}</tr>
                    <tr><th scope="row">{t.mean_touchpoint_score}</th>{delta_cells(&scores.mean_touchpoint, 0, l)}</tr>
                </tbody>
            </table>
            <h3>{t.stages}</h3>
            <table>
                <thead>
                    <tr><th></th><th colspan="3">{t.stage_score}</th><th colspan="3">{t.mean_emotion}</th></tr>
                    <tr><th>{t.stage}</th>{head()}{head()}</tr>
                </thead>
                <tbody>{stage_rows}</tbody>
            </table>
            <h3>{t.touchpoint_scores}</h3>
            <table>
                <thead>
                    <tr><th></th><th colspan="3">{t.score}</th><th colspan="3">{t.emotion}</th></tr>
                    <tr><th>{t.touchpoint}</th>{head()}{head()}</tr>
                </thead>
                <tbody>{tp_rows}</tbody>
            </table>
            <h3>{t.added}</h3>
            {refs(&diff.added, "diff-added", t.none)}
            <h3>{t.removed}</h3>
            {refs(&diff.removed, "diff-removed", t.none)}
            <h3>{t.changed}</h3>
            {if has_changed { view! { <ul data-testid="diff-changed">{changed}</ul> }.into_any() } else { view! { <p class="muted" data-testid="diff-changed">{t.none}</p> }.into_any() }}
            {stage_notes}
            <h3>{t.measurements}</h3>
            {if has_measurements {
                view! {
                    <table data-testid="measurement-deltas">
                        <thead><tr><th>{t.touchpoint}</th><th>{t.kind}</th>{head()}</tr></thead>
                        <tbody>{measurement_rows}</tbody>
                    </table>
                }.into_any()
            } else {
                view! { <p class="muted">{t.no_differences}</p> }.into_any()
            }}
        </section>
    }
}
