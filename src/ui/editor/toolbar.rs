//! The editor's toolbar: undo/redo (buttons and Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), grid or flow
//! view, the to-be switch, the persona filter, lane visibility and the evidence meter.

use journey_core::editor::{EvidenceMeter, Lane};
use leptos::prelude::*;

use super::ctx::Ed;

#[component]
pub fn Toolbar(ed: Ed, flow: RwSignal<bool>) -> impl IntoView {
    let id = move || ed.map.id();
    let undo = move || {
        ed.problem.set(None);
        ed.state.undo(&id());
    };
    let redo = move || {
        ed.problem.set(None);
        ed.state.redo(&id());
    };
    // Ctrl+Z in a text field is the browser's own text undo; everywhere else it is ours.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                tag == "textarea" || (tag == "input" && el.get_attribute("type").as_deref() != Some("checkbox"))
            });
        if in_text {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => redo(),
            "z" => undo(),
            "y" => redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let meter = Memo::new(move |_| ed.with_map(EvidenceMeter::of).unwrap_or_default());
    view! {
        <div class="ed-toolbar" role="toolbar" aria-label=move || ed.t().view_label>
            <button type="button" data-testid="undo" title=move || ed.t().undo_hint
                disabled=move || !ed.state.can_undo(&id()) on:click=move |_| undo()>"↶ " {move || ed.t().undo}</button>
            <button type="button" data-testid="redo" title=move || ed.t().redo_hint
                disabled=move || !ed.state.can_redo(&id()) on:click=move |_| redo()>"↷ " {move || ed.t().redo}</button>
            <fieldset class="ed-switch">
                <legend class="sr-only">{move || ed.t().view_label}</legend>
                <label><input type="radio" name="ed-view" data-testid="view-grid" prop:checked=move || !flow.get() on:change=move |_| flow.set(false)/>
                    {move || ed.t().view_grid}</label>
                <label><input type="radio" name="ed-view" data-testid="view-flow" prop:checked=move || flow.get() on:change=move |_| flow.set(true)/>
                    {move || ed.t().view_flow}</label>
            </fieldset>
            <label class="ed-check"><input type="checkbox" data-testid="to-be-switch" prop:checked=move || ed.to_be.get()
                on:change=move |ev| ed.to_be.set(event_target_checked(&ev))/> {move || ed.t().show_to_be}</label>
            <label>
                <span>{move || ed.t().persona_filter} " "</span>
                <select data-testid="persona-filter" prop:value=move || ed.persona.get().unwrap_or_default()
                    on:change=move |ev| { let v = event_target_value(&ev); ed.persona.set((!v.is_empty()).then_some(v)); }>
                    <option value="">{move || ed.t().all_personas}</option>
                    {move || ed.personas.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <details class="ed-lanes">
                <summary>{move || ed.t().lanes}</summary>
                {Lane::ALL.into_iter().map(|lane| view! {
                    <label class="ed-check">
                        <input type="checkbox" data-testid="lane-toggle" data-lane=lane.key()
                            prop:checked=move || !ed.with_map(|m| m.lane_hidden(lane)).unwrap_or(false)
                            on:change=move |ev| { let show = event_target_checked(&ev); ed.edit(move |m| m.set_lane_hidden(lane, !show)); } />
                        {move || lane.label(ed.lang())}
                    </label>
                }).collect_view()}
            </details>
            <div class="ed-meter" data-testid="evidence-meter">
                {move || {
                    let m = meter.get();
                    match m.assumed_percent() {
                        Some(pct) => view! {
                            <meter min="0" max="100" low="34" high="67" optimum="0" value=pct.to_string()
                                aria-label=move || ed.t().evidence_meter></meter>
                            " " <span>{(ed.t().assumed_share)(pct, m.assumed, m.total())}</span>
                        }.into_any(),
                        None => view! { <span class="muted">{ed.t().no_touchpoints}</span> }.into_any(),
                    }
                }}
            </div>
        </div>
    }
}
