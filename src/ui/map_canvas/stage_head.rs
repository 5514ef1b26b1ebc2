//! A stage's header: its name (whole, wrapped), score and "+ touchpoint" button, spanning the
//! stage's columns and sticking to the top while the map scrolls. Click selects it (the inspector shows its
//! name, description, moves and delete), F2 or a double-click renames it in place; dragging
//! a header onto another moves the stage there, dropping a card on it puts the card last.

use leptos::prelude::*;

use journey_core::icons::Tool;

use super::card::TitleEditor;
use crate::ui::icons::tool_icon;
use super::ctx::{css_escape, Cv, Dragged};

#[component]
pub fn StageHead(cv: Cv, id: String) -> impl IntoView {
    let sid = StoredValue::new(id.clone());
    let name = Memo::new(move |_| cv.with_map(|m| m.stage(&sid.get_value()).map(|s| s.name.clone())).flatten().unwrap_or_default());
    let span = Memo::new(move |_| {
        cv.layout.with(|l| l.stages.iter().find(|s| s.id == sid.get_value()).map(|s| (s.span, s.touchpoints)).unwrap_or((1, 0)))
    });
    let selected = Memo::new(move |_| cv.is_selected_stage(&sid.get_value()));
    let renaming = Memo::new(move |_| cv.renaming.with(|r| r.as_deref() == Some(sid.get_value().as_str())));
    let score = Memo::new(move |_| cv.scores.with(|s| s.as_ref().and_then(|s| s.stage(&sid.get_value())?.value)));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        match cv.dragged.get_untracked() {
            Some(Dragged::Stage(from)) => {
                ev.prevent_default();
                cv.edit(move |m| {
                    if let Some(to) = m.stages.iter().position(|s| s.id == sid.get_value()) {
                        m.move_stage(&from, to);
                    }
                });
            }
            Some(Dragged::Touchpoint(tp)) => {
                ev.prevent_default();
                cv.edit(move |m| {
                    m.move_touchpoint(&tp, &sid.get_value(), usize::MAX);
                });
            }
            None => {}
        }
        cv.dragged.set(None);
    };
    let name_id = format!("sn-{}", css_escape(&id));
    view! {
        <div class=move || if selected.get() { "cv-stage selected" } else { "cv-stage" }
            data-testid="stage" data-stage-id=id
            style=move || format!("grid-column: span {};", span.get().0)
            tabindex=move || if selected.get() { "0" } else { "-1" }
            aria-current=move || selected.get().then_some("true")
            role="group" aria-label=move || (cv.t().stage_label)(&name.get(), span.get().1)
            draggable=move || if renaming.get() { "false" } else { "true" }
            on:click=move |_| cv.open_stage(&sid.get_value())
            on:dblclick=move |_| { cv.open_stage(&sid.get_value()); cv.renaming.set(Some(sid.get_value())); }
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &sid.get_value()); }
                cv.dragged.set(Some(Dragged::Stage(sid.get_value())));
            }
            on:dragend=move |_| cv.dragged.set(None)
            on:dragover=move |ev| if cv.dragged.with_untracked(Option::is_some) { ev.prevent_default() }
            on:drop=on_drop>
            // The stage's part of its cards' accessible names (`Card`), with the comma that
            // separates it there.
            <span id=name_id hidden>{move || name.get()} ","</span>
            <Show when=move || renaming.get()
                fallback=move || view! { <h2 class="cv-stage-name" data-testid="stage-name">{move || name.get()}</h2> }>
                <TitleEditor cv initial=name.get_untracked() commit=move |text: String| {
                    cv.edit(move |m| {
                        if let Some(s) = m.stages.iter_mut().find(|s| s.id == sid.get_value()) { s.name = text; }
                    });
                }/>
            </Show>
            <span class="cv-stage-tools">
                {move || super::card::score_chip(cv, score.get(), "stage-score", false)}
                <Show when=move || { span.get().1 > 0 }>
                    <button type="button" class="cv-add cv-add-in-stage" data-testid="add-touchpoint"
                        title=move || (cv.t().add_touchpoint_to)(&name.get())
                        aria-label=move || (cv.t().add_touchpoint_to)(&name.get())
                        on:click=move |ev| { ev.stop_propagation(); cv.add_touchpoint(&sid.get_value()); }>
                        {tool_icon(Tool::Plus)}
                    </button>
                </Show>
            </span>
        </div>
    }
}
