//! The canvas grid: one CSS grid whose columns come from `journey_core::canvas::layout`
//! (label column, one column per touchpoint, each stage's "+" column, the "+ stage" column).
//! The stage header row and the lane labels stick while the map scrolls; rows are placed in
//! DOM order, so every lane row has exactly one cell per column — or, for the columns a large
//! map does not draw (`Cv::drawn`: far from the view), one empty gap cell spanning them.

use journey_core::editor::Lane;
use journey_core::icons::Tool;
use leptos::prelude::*;

use super::cells::{Cell, ColKey};
use super::ctx::Cv;
use super::curve_lane::{CurveCell, CurveLegend};
use super::keys::on_canvas_key;
use super::stage_head::StageHead;
use super::zoom::use_fit;
use crate::ui::icons::tool_icon;

pub fn lane_label(cv: Cv, lane: Lane) -> &'static str {
    lane.label(cv.state.lang.get())
}

pub fn lane_icon(lane: Lane) -> Tool {
    match lane {
        Lane::Actions => Tool::Action,
        Lane::Touchpoints => Tool::Grid,
        Lane::Thoughts => Tool::Thought,
        Lane::Emotion => Tool::Info,
        Lane::PainPoints => Tool::PainPoint,
        Lane::Opportunities => Tool::Opportunity,
        Lane::Stage => Tool::Backstage,
        Lane::Measurements => Tool::Measurement,
    }
}

#[component]
pub fn CanvasGrid(cv: Cv) -> impl IntoView {
    let scroll = NodeRef::<leptos::html::Div>::new();
    let grid = NodeRef::<leptos::html::Div>::new();
    let stages = Memo::new(move |_| cv.layout.with(|l| l.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>()));
    let template = Memo::new(move |_| cv.layout.with(|l| l.grid_template()));
    // Changes only when columns come, go or move — not when one gets wider.
    let cols = Memo::new(move |_| {
        cv.layout.with(|l| {
            l.columns
                .iter()
                .map(|c| {
                    let stage = &l.stages[c.stage];
                    ColKey { key: c.key(&stage.id), slot: c.slot.clone(), stage_id: stage.id.clone() }
                })
                .collect::<Vec<_>>()
        })
    });
    use_fit(cv, scroll, grid);
    // What is in view, in canvas pixels at zoom 1: decides which columns are drawn.
    let measure_view = move || {
        // Called on a later frame: the page may be gone by then (left before the frame).
        let Some(zoom) = cv.zoom.try_get_untracked() else { return };
        if let Some(el) = scroll.try_get_untracked().flatten() {
            let (left, width) = (f64::from(el.scroll_left()), f64::from(el.client_width()));
            if width > 0.0 {
                let now = (left / zoom, (left + width) / zoom);
                if cv.view_x.get_untracked() != now {
                    cv.view_x.set(now);
                }
            }
        }
    };
    // After a zoom, once it took effect (an edit changes no scroll position: a column that
    // grows moves the columns after it, and `drawn` follows the layout by itself).
    Effect::new(move |_| {
        cv.zoom.track();
        request_animation_frame(measure_view);
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure_view());
    on_cleanup(move || resized.remove());
    // A card that moves in the DOM loses the focus for a moment (it comes back on the next
    // frame); a key pressed meanwhile lands on the body and still belongs to the map.
    let stray = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_body = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
            .is_some_and(|n| n.node_name().eq_ignore_ascii_case("body"));
        if on_body && cv.selection.with_untracked(Option::is_some) {
            on_canvas_key(cv, ev);
        }
    });
    on_cleanup(move || stray.remove());
    // An undo or redo that moves the selected card to another stage (or brings a deleted one
    // back) draws it anew, and the focus falls to the body: it goes back to the selection —
    // when the focus was in the map when last seen (`focusin`; a removed element fires none).
    // Focus that never was in the map is left alone: focusing and scrolling the card after
    // every edit made an edit slower (benchmarks/README.md, "Editor").
    let had_focus = StoredValue::new(false);
    let focus_in = window_event_listener(leptos::ev::focusin, move |ev| {
        use wasm_bindgen::JsCast;
        let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        had_focus.set_value(el.is_some_and(|e| e.closest(".cv").ok().flatten().is_some()));
    });
    on_cleanup(move || focus_in.remove());
    Effect::new(move |first: Option<()>| {
        cv.state.version.track();
        // No frame callback at all while the focus is elsewhere (most edits: the inspector's).
        if first.is_some() && had_focus.get_value() {
            request_animation_frame(move || {
                let lost = document().active_element().is_none_or(|e| e.node_name().eq_ignore_ascii_case("body"));
                if lost && had_focus.try_get_value() == Some(true) && cv.selection.try_with_untracked(Option::is_some).unwrap_or(false) {
                    cv.focus_selection();
                }
            });
        }
    });
    let add_stage = move |_| {
        let name = cv.et().new_stage;
        let mut added = None;
        cv.edit(|m| added = Some(m.add_stage(name)));
        if let Some(id) = added {
            cv.open_stage(&id);
            cv.renaming.set(Some(id));
        }
    };
    view! {
        <div class="cv-scroll" node_ref=scroll data-testid="map-canvas" role="region" tabindex="0"
            aria-label=move || cv.t().map_area
            on:keydown=move |ev| on_canvas_key(cv, ev) on:scroll=move |_| measure_view()>
            <div class="cv-grid" node_ref=grid
                style=move || format!("grid-template-columns: {}; zoom: {};", template.get(), cv.zoom.get())>
                <div class="cv-corner" aria-hidden="true"></div>
                <For each=move || stages.get() key=|id| id.clone() let(id)>
                    <StageHead cv id/>
                </For>
                <div class="cv-add-stage">
                    <button type="button" class="cv-add" data-testid="add-stage" title=move || cv.t().add_stage_label
                        aria-label=move || cv.t().add_stage_label on:click=add_stage>
                        {tool_icon(Tool::Plus)} " " {move || cv.t().add_stage}
                    </button>
                </div>
                <For each=move || cv.lanes.get() key=|lane| lane.key() let(lane)>
                    <LaneRow cv lane cols/>
                </For>
            </div>
        </div>
    }
}

#[component]
fn LaneRow(cv: Cv, lane: Lane, cols: Memo<Vec<ColKey>>) -> impl IntoView {
    let hide = move |_| cv.edit(move |m| m.set_lane_hidden(lane, true));
    view! {
        <div class=format!("cv-lane-label cv-label-{}", lane.key()) data-lane=lane.key()>
            <span class="cv-lane-name">{tool_icon(lane_icon(lane))} " " {move || lane_label(cv, lane)}</span>
            {(lane == Lane::Emotion).then(|| view! { <CurveLegend cv/> })}
            {(lane != Lane::Touchpoints).then(|| view! {
                <button type="button" class="cv-quiet cv-hide-lane" data-testid="hide-lane" data-lane=lane.key()
                    title=move || (cv.t().hide_lane)(lane_label(cv, lane))
                    aria-label=move || (cv.t().hide_lane)(lane_label(cv, lane))
                    on:click=hide>{tool_icon(Tool::EyeOff)}</button>
            })}
        </div>
        {if lane == Lane::Emotion {
            view! { <CurveCell cv span=Signal::derive(move || cols.with(Vec::len))/> }.into_any()
        } else {
            // The drawn columns, and a gap cell for the columns before and after them.
            let shown = Memo::new(move |_| {
                let (start, end) = cv.drawn.get();
                let n = cols.with(Vec::len);
                let end = end.min(n);
                (start.min(end), end, n)
            });
            let gap = move |span: usize| {
                (span > 0).then(|| view! {
                    <div class=format!("cv-cell cv-gap cv-lane-{}", lane.key()) style=format!("grid-column: span {span};")></div>
                })
            };
            view! {
                {move || gap(shown.with(|(start, _, _)| *start))}
                <For each=move || { let (start, end, _) = shown.get(); cols.with(|c| c[start..end].to_vec()) } key=|c| c.key.clone() let(col)>
                    <Cell cv lane col/>
                </For>
                {move || gap(shown.with(|(_, end, n)| n - end))}
            }.into_any()
        }}
        <div class=format!("cv-cell cv-end cv-lane-{}", lane.key())></div>
    }
}
