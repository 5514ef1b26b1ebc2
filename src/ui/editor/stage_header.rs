//! A stage's column header: its name (editable), move left/right (buttons, and dragging the
//! header onto another), and remove.

use journey_core::model::Step;
use leptos::prelude::*;

use super::ctx::{Dragged, Ed};

#[component]
pub fn StageHeader(ed: Ed, id: String) -> impl IntoView {
    let sid = StoredValue::new(id.clone());
    let name = move || ed.with_map(|m| m.stage(&sid.get_value()).map(|s| s.name.clone())).flatten().unwrap_or_default();
    let step = move |step: Step| ed.edit(move |m| {
        m.step_stage(&sid.get_value(), step);
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        match ed.dragged.get_untracked() {
            Some(Dragged::Stage(from)) => {
                ev.prevent_default();
                ed.edit(move |m| {
                    if let Some(to) = m.stages.iter().position(|s| s.id == sid.get_value()) {
                        m.move_stage(&from, to);
                    }
                });
            }
            Some(Dragged::Touchpoint(tp)) => {
                ev.prevent_default();
                ed.edit(move |m| {
                    m.move_touchpoint(&tp, &sid.get_value(), usize::MAX);
                });
            }
            None => {}
        }
        ed.dragged.set(None);
    };
    view! {
        <section class="ed-stage stage" data-testid="stage" data-stage-id=id.clone() aria-label=name draggable="true"
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &sid.get_value()); }
                ed.dragged.set(Some(Dragged::Stage(sid.get_value())));
            }
            on:dragend=move |_| ed.dragged.set(None)
            on:dragover=move |ev| if ed.dragged.with_untracked(Option::is_some) { ev.prevent_default() }
            on:drop=on_drop>
            <span class="ed-drag-handle" aria-hidden="true" data-testid="stage-drag-handle">"⠿"</span>
            <h2 class="stage-name">
                <input type="text" class="ed-stage-name" data-testid="stage-name" aria-label=move || ed.t().stage_name
                    prop:value=name
                    on:change=move |ev| { let v = event_target_value(&ev); ed.edit(move |m| {
                        if let Some(s) = m.stages.iter_mut().find(|s| s.id == sid.get_value()) { s.name = v.trim().to_string(); }
                    }); } />
            </h2>
            <crate::ui::scores::badge::ScoreBadge testid="stage-score"
                value=Signal::derive(move || ed.map.scores.with(|s| s.as_ref()?.stage(&sid.get_value())?.value))/>
            <div class="ed-stage-actions">
                <button type="button" data-testid="stage-left" aria-label=move || (ed.t().move_stage_left)(&name()) on:click=move |_| step(Step::Left)>"◀"</button>
                <button type="button" data-testid="stage-right" aria-label=move || (ed.t().move_stage_right)(&name()) on:click=move |_| step(Step::Right)>"▶"</button>
                <button type="button" class="danger" data-testid="stage-remove" aria-label=move || (ed.t().remove_stage)(&name())
                    on:click=move |_| ed.edit(move |m| m.remove_stage(&sid.get_value()))>"✕"</button>
            </div>
        </section>
    }
}
