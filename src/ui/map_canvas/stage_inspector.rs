//! The inspector for a selected stage: name and description, move earlier/later, add a
//! touchpoint, and a confirmed delete (undoable) of the stage with its touchpoints.

use journey_core::icons::Tool;
use journey_core::model::Step;
use leptos::prelude::*;

use super::confirm_delete::ConfirmDelete;
use super::ctx::Cv;
use crate::ui::icons::tool_icon;

#[component]
pub fn StageInspector(cv: Cv, id: String) -> impl IntoView {
    let sid = StoredValue::new(id);
    let stage = Memo::new(move |_| {
        cv.with_map(|m| m.stage(&sid.get_value()).map(|s| (s.name.clone(), s.description.clone(), m.touchpoints_in(&s.id).count())))
            .flatten()
    });
    let name = move || stage.with(|s| s.as_ref().map(|s| s.0.clone()).unwrap_or_default());
    let count = move || stage.with(|s| s.as_ref().map(|s| s.2).unwrap_or(0));
    let close = move || {
        cv.inspector.set(false);
        cv.focus_selection();
    };
    let step = move |s: Step| {
        cv.edit(|m| {
            m.step_stage(&sid.get_value(), s);
        })
    };
    let add = move |_| {
        let title = cv.et().new_touchpoint;
        let mut added = None;
        cv.edit(|m| added = m.add_touchpoint(&sid.get_value(), title, Default::default()));
        if let Some(id) = added {
            cv.open_tp(&id);
            cv.renaming.set(Some(id));
        }
    };
    view! {
        <aside class="cv-inspector" data-testid="inspector" aria-label=move || cv.t().stage_inspector
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }>
            <header class="cv-inspector-head">
                <h2>{name}</h2>
                <button type="button" class="cv-icon-button" data-testid="inspector-close" title=move || cv.t().close
                    aria-label=move || cv.t().close on:click=move |_| close()>{tool_icon(Tool::Close)}</button>
            </header>
            <section>
                <label class="cv-field"><span>{move || cv.et().stage_name}</span>
                    <input type="text" data-testid="stage-name-input" prop:value=name
                        on:change=move |ev| { let v = event_target_value(&ev); if !v.trim().is_empty() { cv.edit(move |m| {
                            if let Some(s) = m.stages.iter_mut().find(|s| s.id == sid.get_value()) { s.name = v.trim().to_string(); }
                        }); } } />
                </label>
                <label class="cv-field"><span>{move || cv.t().stage_description}</span>
                    <textarea rows="3" data-testid="stage-description" prop:value=move || stage.with(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); cv.edit(move |m| {
                            if let Some(s) = m.stages.iter_mut().find(|s| s.id == sid.get_value()) { s.description = v.trim().to_string(); }
                        }); }></textarea>
                </label>
                <button type="button" data-testid="stage-add-touchpoint" on:click=add>{tool_icon(Tool::Plus)} " " {move || cv.t().add_touchpoint}</button>
            </section>
            <footer class="cv-inspector-foot">
                <button type="button" data-testid="stage-left" aria-label=move || (cv.et().move_stage_left)(&name())
                    on:click=move |_| step(Step::Left)>"← " {move || cv.t().move_earlier}</button>
                <button type="button" data-testid="stage-right" aria-label=move || (cv.et().move_stage_right)(&name())
                    on:click=move |_| step(Step::Right)>{move || cv.t().move_later} " →"</button>
                <ConfirmDelete cv testid="stage-remove" label=Signal::derive(move || cv.t().delete_stage)
                    question=Signal::derive(move || (cv.t().confirm_delete_stage)(&name(), count()))
                    name=Signal::derive(name)
                    remove=move |m| m.remove_stage(&sid.get_value())/>
            </footer>
        </aside>
    }
}
