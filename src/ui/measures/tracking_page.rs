//! Measurements of a map (`#/map/<id>/measurements`): measurement coverage and data
//! inventory for the whole map, then one touchpoint's tracking (quick edit, data source,
//! measurement history with its trend next to the measures taken), and the periods of the
//! imports applied to the map (`analytics::history_view`).

use journey_core::compare::coverage;
use journey_core::locale::{number, percent};
use journey_core::model::{DataSource, Lang};
use leptos::prelude::*;

use crate::ui::browser::time::today;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;
use crate::ui::measures::tracking_panel::TouchpointTracking;
// The map's measurement history (applied imports as periods) is the analytics page's view.
use crate::ui::analytics::history_view::HistoryView;
use crate::i18n::measures::measures_texts;

#[component]
pub fn TrackingPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let t = move || measures_texts(lang());
    let handle = MapHandle::new(state, id.clone());
    let map = handle.map;
    let selected = RwSignal::new(String::new());
    let taken = RwSignal::new(None::<usize>);
    // Default to the first touchpoint, and fall back to it when the selected one is gone.
    Effect::new(move |_| {
        let ids: Vec<String> = map.with(|m| m.as_ref().map(|m| m.touchpoints.iter().map(|t| t.id.clone()).collect()).unwrap_or_default());
        if !ids.contains(&selected.get_untracked()) {
            selected.set(ids.first().cloned().unwrap_or_default());
        }
    });
    let take_current = {
        move |_| {
            let source = t().current_values;
            let mut n = 0;
            handle.edit(|m| n = m.record_current_measurements(&today(), source));
            taken.set(Some(n));
        }
    };
    let head = move || {
        let Some(m) = map.get() else { return ().into_any() };
        let tx = t();
        view! {
            <h1 data-testid="tracking-title">{(tx.tracking_title)(&m.name)}</h1>
            <CoverageSection map=m.clone() selected lang=lang()/>
            <HistoryView map=handle/>
            {m.touchpoints.is_empty().then(|| view! { <p class="empty">{tx.no_touchpoints}</p> })}
        }
        .into_any()
    };
    let options = move || {
        map.with(|m| {
            m.as_ref().map(|m| {
                m.stages.iter().map(|s| {
                    let opts = m.touchpoints_in(&s.id).map(|tp| {
                        let (v, sel) = (tp.id.clone(), tp.id.clone());
                        view! { <option value=v selected=move || selected.get() == sel>{tp.title.clone()}</option> }
                    }).collect_view();
                    view! { <optgroup label=s.name.clone()>{opts}</optgroup> }
                }).collect_view()
            })
        })
    };
    // The panel is re-created only when another touchpoint is chosen, not on every edit,
    // so what is typed into its forms survives the edits it makes.
    let panel = move || {
        let tp = selected.get();
        (!tp.is_empty()).then(|| view! { <TouchpointTracking tp_id=tp/> })
    };
    view! {
        <MapFrame map=handle current=MapView::Tracking>
        <section class="tracking-page">
            {head}
            <section class="touchpoint-tracking" hidden=move || map.with(|m| m.as_ref().is_none_or(|m| m.touchpoints.is_empty()))>
                <label class="tp-picker"><span>{move || t().touchpoint}</span>
                    <select data-testid="tracking-touchpoint" on:change=move |ev| selected.set(event_target_value(&ev))>{options}</select>
                </label>
                {panel}
            </section>
            <p class="take-current">
                <button type="button" data-testid="take-current" on:click=take_current>{move || t().take_current}</button>
                " " {move || taken.get().map(|n| view! { <span role="status">{(t().take_current_done)(n)}</span> })}
            </p>
        </section>
        </MapFrame>
    }
}

/// Coverage shares, the data inventory by source, and the unmeasured touchpoints (each
/// with a button to open its tracking).
#[component]
fn CoverageSection(map: journey_core::model::JourneyMap, selected: RwSignal<String>, lang: Lang) -> impl IntoView {
    let t = measures_texts(lang);
    let c = coverage(&map);
    let tp_share = c.touchpoint_share.map(|s| percent(s, 0, lang)).unwrap_or_else(|| "–".into());
    let volume = match c.volume_share {
        Some(share) => (t.coverage_volume)(&number(c.volume_measured, 0, lang), &number(c.volume_total, 0, lang), &percent(share, 0, lang)),
        None => t.coverage_no_volume.to_string(),
    };
    let sources = c.by_source.iter().map(|s| {
        let label = s.source.map(|d: DataSource| d.label(lang)).unwrap_or(t.source_not_stated);
        view! { <li>{label} ": " {s.touchpoints}</li> }
    }).collect_view();
    let unmeasured = c.unmeasured.iter().map(|u| {
        let id = u.touchpoint.id.clone();
        view! {
            <li data-testid="unmeasured">
                {u.touchpoint.title.clone()} <span class="muted">" (" {u.touchpoint.stage.clone()} ")"</span> " "
                <button type="button" class="link-button" on:click=move |_| selected.set(id.clone())>{t.show}</button>
            </li>
        }
    }).collect_view();
    view! {
        <section class="coverage" data-testid="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{t.coverage_title}</h2>
            <p data-testid="coverage-touchpoints">{(t.coverage_touchpoints)(c.measured, c.touchpoints, &tp_share)}</p>
            <p data-testid="coverage-volume">{volume}</p>
            {(c.volume_unknown > 0 && c.volume_share.is_some()).then(|| view! { <p class="muted">{(t.volume_unknown)(c.volume_unknown)}</p> })}
            <h3>{t.inventory_title}</h3>
            <ul class="inventory">{sources}</ul>
            <h3>{t.unmeasured_title}</h3>
            {if c.unmeasured.is_empty() {
                view! { <p>{t.all_measured}</p> }.into_any()
            } else {
                view! { <ul class="unmeasured">{unmeasured}</ul> }.into_any()
            }}
        </section>
    }
}
