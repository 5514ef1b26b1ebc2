//! The canvas toolbar, above the map area: whose journey is shown (persona filter), which
//! lanes are hidden (each can be shown again), zoom out / fit / zoom in. Under the map: the
//! evidence meter and the keyboard hint — so the shortcuts are on screen, not in a tooltip.

use journey_core::canvas::fit::{percent, zoom_in, zoom_out};
use journey_core::editor::{EvidenceMeter, Lane};
use journey_core::icons::Tool;
use leptos::prelude::*;

use super::ctx::Cv;
use super::grid::lane_label;
use crate::ui::icons::tool_icon;

#[component]
pub fn CanvasToolbar(cv: Cv) -> impl IntoView {
    let hidden = Memo::new(move |_| {
        cv.with_map(|m| Lane::ALL.into_iter().filter(|l| m.lane_hidden(*l)).collect::<Vec<_>>()).unwrap_or_default()
    });
    let zoom_by = move |f: fn(f64) -> f64| {
        cv.fitted.set(false);
        cv.zoom.update(|z| *z = f(*z));
    };
    view! {
        <div class="cv-toolbar" role="toolbar" aria-label=move || cv.et().view_label>
            <label class="cv-filter">
                {tool_icon(Tool::Person)}
                <span class="sr-only">{move || cv.et().persona_filter}</span>
                <select data-testid="persona-filter" prop:value=move || cv.persona.get().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); cv.persona.set((!v.is_empty()).then_some(v)); }>
                    <option value="">{move || cv.et().all_personas}</option>
                    {move || cv.personas.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || hidden.with(|h| !h.is_empty())>
                <span class="cv-hidden-lanes" data-testid="hidden-lanes">
                    {move || (cv.t().hidden_lanes)(hidden.with(Vec::len))} ":"
                    {move || hidden.get().into_iter().map(|lane| view! {
                        <button type="button" class="cv-chip" data-testid="show-lane" data-lane=lane.key()
                            aria-label=move || (cv.t().show_lane)(lane_label(cv, lane))
                            on:click=move |_| cv.edit(move |m| m.set_lane_hidden(lane, false))>
                            {tool_icon(Tool::Eye)} " " {move || lane_label(cv, lane)}
                        </button>
                    }).collect_view()}
                </span>
            </Show>
            <button type="button" class="cv-meeting-toggle" data-testid="meeting-view"
                aria-pressed=move || if cv.meeting.get() { "true" } else { "false" }
                title=move || cv.t().meeting_hint
                on:click=move |_| { cv.toggle_meeting(); cv.fitted.set(true); }>
                {tool_icon(Tool::Fit)} " " {move || cv.t().meeting_view}
            </button>
            <span class="cv-zoom" role="group" aria-label=move || cv.t().fit>
                <button type="button" class="cv-icon-button" data-testid="zoom-out" title=move || cv.t().zoom_out
                    aria-label=move || cv.t().zoom_out on:click=move |_| zoom_by(zoom_out)>{tool_icon(Tool::ZoomOut)}</button>
                <button type="button" class="cv-zoom-fit" data-testid="zoom-fit" title=move || cv.t().fit
                    aria-pressed=move || if cv.fitted.get() { "true" } else { "false" }
                    on:click=move |_| cv.fitted.set(true)>
                    {tool_icon(Tool::Fit)} " " {move || (cv.t().zoom_level)(percent(cv.zoom.get()))}
                    <span class="sr-only">{move || cv.t().fit}</span>
                </button>
                <button type="button" class="cv-icon-button" data-testid="zoom-in" title=move || cv.t().zoom_in
                    aria-label=move || cv.t().zoom_in on:click=move |_| zoom_by(zoom_in)>{tool_icon(Tool::ZoomIn)}</button>
            </span>
        </div>
    }
}

/// Under the map: how much of it rests on assumptions, and the keys.
#[component]
pub fn CanvasFoot(cv: Cv) -> impl IntoView {
    let meter = Memo::new(move |_| cv.with_map(EvidenceMeter::of).unwrap_or_default());
    view! {
        <div class="cv-foot">
            <span class="cv-meter" data-testid="evidence-meter">
                {move || {
                    let m = meter.get();
                    m.assumed_percent().map(|pct| view! {
                        <meter min="0" max="100" low="34" high="67" optimum="0" value=pct.to_string()
                            aria-label=move || cv.et().evidence_meter></meter>
                        " " <span>{(cv.et().assumed_share)(pct, m.assumed, m.total())}</span>
                    })
                }}
            </span>
            <p class="cv-keys muted" data-testid="keys-hint">{move || cv.t().keys_hint}</p>
        </div>
        <super::curve_lane::CurveValues cv/>
    }
}
