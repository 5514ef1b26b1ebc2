//! A snapshot opened read-only: its stages with their touchpoints (emotion, measurements,
//! measures) and its measures. Nothing here can change it.

use journey_core::compare::FieldValue;
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use crate::ui::browser::time::date_time;
use journey_core::locale::emotion;
use crate::ui::state::AppState;
use crate::i18n::snapshots::snapshots_texts;

#[component]
pub fn SnapshotView(name: String, map: JourneyMap, taken_at: f64, on_close: impl Fn() + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let (t, shell) = (snapshots_texts(l), snapshots_texts(l));
    let stages = map.stages.iter().map(|s| {
        let rows = map.touchpoints_in(&s.id).map(|tp| {
            let m = &tp.measurements;
            let values = [
                m.volume.map(|v| format!("{}: {}", shell.volume, FieldValue::Number(Some(v)).display(l))),
                m.drop_off_rate.map(|v| format!("{}: {}", shell.drop_off, FieldValue::Share(Some(v)).display(l))),
                m.csat.map(|v| format!("{}: {}", shell.csat, FieldValue::Number(Some(v)).display(l))),
            ];
            view! {
                <tr data-testid="snapshot-touchpoint">
                    <td>{tp.title.clone()}</td>
                    <td>{tp.channel.label(l)}</td>
                    <td>{emotion(tp.emotion)}</td>
                    <td>{values.into_iter().flatten().collect::<Vec<_>>().join(" · ")}</td>
                    <td class="num">{map.measure_count(&tp.id)}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <h3>{s.name.clone()}</h3>
            <table>
                <thead><tr><th>{t.touchpoint}</th><th>{shell.channel}</th><th>{t.emotion}</th><th>{t.measurements}</th><th>{t.nav_measures}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }).collect_view();
    let measures = map.measures.iter().map(|m| view! { <li>{m.title.clone()} " – " {m.status.label(l)}</li> }).collect_view();
    view! {
        <section class="snapshot-view" data-testid="snapshot-view" aria-label=name.clone()>
            <p class="read-only-note"><strong>{(t.read_only)(&name, &date_time(taken_at, l))}</strong>
                " " <button type="button" data-testid="snapshot-close" on:click=move |_| on_close()>{t.close}</button></p>
            <h2>{map.name.clone()}</h2>
            {stages}
            <h3>{t.nav_measures}</h3>
            <ul>{measures}</ul>
        </section>
    }
}
