//! One touchpoint's tracking: a quick edit of its emotion, its data source, recording a
//! measurement (typed in), its history, and the trend of one measured value with the
//! touchpoint's measures as markers, so the effect of a measure is visible.

use journey_core::charts::{measurement_trend, trend_input, Chart, ChartOptions};
use journey_core::locale::{number, percent};
use journey_core::model::{DataSource, JourneyMap, MeasureStatus, MeasurementKind, MeasurementRecord, RecordError};
use journey_core::entry::{EntryError, EntryProblem, Unit};
use leptos::prelude::*;

use crate::ui::browser::time::today;
use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::measures::measures_texts;

#[component]
pub fn TouchpointTracking(tp_id: String) -> impl IntoView {
    let handle = MapHandle::current();
    let state = handle.state;
    let lang = move || state.lang.get();
    let t = move || measures_texts(lang());
    let map = handle.map;
    let date = RwSignal::new(today());
    let kind = RwSignal::new("volume".to_string());
    let custom = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let trend_pick = RwSignal::new(0usize);

    let edit = move |f: Box<dyn FnOnce(&mut JourneyMap)>| handle.edit(f);
    let record = {
        let tp_id = tp_id.clone();
        move || {
            let l = lang();
            let Some(k) = MeasurementKind::from_key(&kind.get_untracked(), &custom.get_untracked()) else {
                error.set(Some(t().custom_kpi_name.to_string()));
                return;
            };
            // The one parser of typed values (shares typed in percent, as labelled).
            let v = match k.parse(&value.get_untracked(), Unit::Shown(l)) {
                Ok(Some(v)) => v,
                Ok(None) | Err(EntryError { problem: EntryProblem::NotANumber(_), .. }) => {
                    return error.set(Some(RecordError::NotANumber.message(l)));
                }
                // Out of range: the message names the measurement, the value and the scale.
                Err(e) => return error.set(Some(e.message(l))),
            };
            let rec = MeasurementRecord { date: date.get_untracked(), kind: k, value: v, source: source.get_untracked().trim().to_string() };
            let mut outcome = Ok(());
            handle.edit(|m| outcome = m.add_record(&tp_id, rec));
            match outcome {
                Ok(()) => {
                    value.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.message(l))),
            }
        }
    };

    let body = move || {
        let l = lang();
        let tx = t();
        let m = map.get()?;
        let tp = m.touchpoint(&tp_id)?.clone();
        let emotion_opts = [None, Some(-2i8), Some(-1), Some(0), Some(1), Some(2)].into_iter().map(|e| {
            let label = e.map(|v| journey_core::locale::emotion(Some(v))).unwrap_or_else(|| tx.unknown.to_string());
            view! { <option value=e.map(|v| v.to_string()).unwrap_or_default() selected=tp.emotion == e>{label}</option> }
        }).collect_view();
        let source_opts = DataSource::ALL.into_iter().map(|s| {
            view! { <option value=s.key() selected=tp.data_source == Some(s)>{s.label(l)}</option> }
        }).collect_view();
        let (edit_e, edit_s, edit_r) = (edit.clone(), edit.clone(), edit.clone());
        let (tp_e, tp_s) = (tp.id.clone(), tp.id.clone());
        // History, newest first, each with its index in the stored list (for removal).
        let mut rows: Vec<(usize, MeasurementRecord)> = tp.history.iter().cloned().enumerate().collect();
        rows.sort_by(|a, b| b.1.date.cmp(&a.1.date));
        let history = rows.into_iter().map(|(i, r)| {
            let shown = if r.kind.is_share() { percent(r.value, 1, l) } else { number(r.value, 2, l) };
            let (edit_r, tp_r) = (edit_r.clone(), tp.id.clone());
            view! {
                <tr data-testid="history-row">
                    <td>{r.date.clone()}</td><td>{r.kind.label(l)}</td><td class="num">{shown}</td><td>{r.source.clone()}</td>
                    <td><button type="button" on:click=move |_| { let tp = tp_r.clone(); edit_r(Box::new(move |m| { m.remove_record(&tp, i); })); }>{tx.remove}</button></td>
                </tr>
            }
        }).collect_view();
        let kinds = tp.recorded_kinds();
        let pick = trend_pick.get().min(kinds.len().saturating_sub(1));
        let trend_opts = kinds.iter().enumerate().map(|(i, k)| {
            view! { <option value=i.to_string() selected=i == pick>{k.label(l)}</option> }
        }).collect_view();
        let chart = kinds.get(pick).map(|k| {
            match measurement_trend(&trend_input(&m, &tp.id, k, l), &ChartOptions::new(l).about(tp.title.clone())) {
                Chart::Svg(svg) => view! { <div class="chart" data-testid="trend-chart" inner_html=svg></div> }.into_any(),
                Chart::NeedsData(msg) => view! { <p class="empty">{msg}</p> }.into_any(),
            }
        });
        let measures = m.measures.iter().filter(|x| x.touches(&tp.id)).map(|x| {
            let when = match (&x.done_on, &x.due) {
                (Some(d), _) if x.status == MeasureStatus::Done => (tx.done_on)(d),
                (_, Some(d)) => (tx.due_on)(d),
                _ => String::new(),
            };
            view! { <li>{x.title.clone()} " – " {x.status.label(l)} " " <span class="muted">{when}</span></li> }
        }).collect::<Vec<_>>();
        let has_measures = !measures.is_empty();
        let has_history = !tp.history.is_empty();
        Some(view! {
            <div class="tracking-panel" data-testid="tracking-panel">
                <h2>{tp.title.clone()}</h2>
                <fieldset class="quick-edit">
                    <legend>{tx.quick_edit}</legend>
                    <label><span>{tx.emotion}</span>
                        <select data-testid="quick-emotion" on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<i8>().ok();
                            let tp = tp_e.clone();
                            edit_e(Box::new(move |m| if let Some(t) = m.touchpoint_mut(&tp) { t.set_emotion(v) }));
                        }>{emotion_opts}</select>
                    </label>
                    <label><span>{tx.data_source}</span>
                        <select data-testid="data-source" on:change=move |ev| {
                            let s = DataSource::from_key(&event_target_value(&ev));
                            let tp = tp_s.clone();
                            edit_s(Box::new(move |m| m.set_data_source(&tp, s)));
                        }>
                            <option value="" selected=tp.data_source.is_none()>{tx.source_not_stated}</option>
                            {source_opts}
                        </select>
                    </label>
                </fieldset>
                <section class="history">
                    <h3>{tx.history_title}</h3>
                    {if has_history {
                        view! {
                            <table data-testid="history">
                                <thead><tr><th>{tx.date}</th><th>{tx.kind}</th><th>{tx.value}</th><th>{tx.source_note}</th><th></th></tr></thead>
                                <tbody>{history}</tbody>
                            </table>
                        }.into_any()
                    } else {
                        view! { <p class="empty">{tx.no_history}</p> }.into_any()
                    }}
                </section>
                <section class="trend">
                    <h3>{tx.trend_title}</h3>
                    {(!kinds.is_empty()).then(|| view! {
                        <label><span>{tx.show}</span>
                            <select data-testid="trend-kind" on:change=move |ev| trend_pick.set(event_target_value(&ev).parse().unwrap_or(0))>{trend_opts}</select>
                        </label>
                    })}
                    {chart}
                    <h4>{tx.measures_here}</h4>
                    {if has_measures { view! { <ul>{measures}</ul> }.into_any() } else { view! { <p class="empty">{tx.no_measures_here}</p> }.into_any() }}
                </section>
            </div>
        })
    };

    let kind_opts = move || {
        let l = lang();
        MeasurementKind::STANDARD
            .iter()
            .map(|k| (k.key(), k.label(l)))
            .chain([("custom", t().custom_kpi.to_string())])
            .map(|(key, label)| view! { <option value=key selected=move || kind.get() == key>{label}</option> })
            .collect_view()
    };
    let is_share = move || MeasurementKind::from_key(&kind.get(), "x").is_some_and(|k| k.is_share());
    view! {
        {body}
        <form class="record-form" data-testid="record-form" on:submit={ let record = record.clone(); move |ev| { ev.prevent_default(); record(); } }>
            <h3>{move || t().record_title}</h3>
            <label><span>{move || t().date}</span>
                <input type="date" data-testid="record-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
            </label>
            <label><span>{move || t().kind}</span>
                <select data-testid="record-kind" on:change=move |ev| kind.set(event_target_value(&ev))>{kind_opts}</select>
            </label>
            <Show when=move || kind.get() == "custom">
                <label><span>{move || t().custom_kpi_name}</span>
                    <input type="text" data-testid="record-custom" prop:value=move || custom.get() on:input=move |ev| custom.set(event_target_value(&ev))/>
                </label>
            </Show>
            <label><span>{move || if is_share() { t().value_percent } else { t().value }}</span>
                <input type="text" inputmode="decimal" data-testid="record-value" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
            <label><span>{move || t().source_note}</span>
                <input type="text" data-testid="record-source" prop:value=move || source.get() on:input=move |ev| source.set(event_target_value(&ev))/>
            </label>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="record-error">{e}</p> })}
            <button type="submit" data-testid="record-submit">{move || t().record}</button>
        </form>
    }
}
