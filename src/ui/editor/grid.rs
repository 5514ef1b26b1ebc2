//! The grid: stages as columns, lanes as rows. Each lane row has one cell per stage with
//! that lane's field of every touchpoint in the stage (in stage order), except the emotion
//! lane, whose curve spans all stages. Hidden lanes are left out.

use journey_core::editor::Lane;
use leptos::prelude::*;

use super::card::TouchpointCard;
use super::ctx::{Dragged, Ed};
use super::curve::EmotionLane;
use super::lane_field::LaneField;
use super::stage_header::StageHeader;

#[component]
pub fn Grid(ed: Ed) -> impl IntoView {
    let stage_ids = Memo::new(move |_| ed.layout.with(|l| l.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>()));
    let columns = move || {
        format!("grid-template-columns: 9rem repeat({}, minmax(17rem, 1fr)) 8rem;", stage_ids.with(Vec::len).max(1))
    };
    let add_stage = move |_| {
        let name = ed.t().new_stage;
        ed.edit(|m| {
            m.add_stage(name);
        });
    };
    view! {
        <div class="ed-grid-scroll">
            <div class="ed-grid" style=columns data-testid="editor-grid">
                <div class="ed-corner"></div>
                <For each=move || stage_ids.get() key=|id| id.clone() let(id)>
                    <StageHeader ed id/>
                </For>
                <div class="ed-add-stage">
                    <button type="button" data-testid="add-stage" on:click=add_stage>{move || ed.t().add_stage}</button>
                </div>
                {Lane::ALL.into_iter().map(|lane| view! { <LaneRow ed lane stage_ids/> }).collect_view()}
            </div>
        </div>
    }
}

#[component]
fn LaneRow(ed: Ed, lane: Lane, stage_ids: Memo<Vec<String>>) -> impl IntoView {
    let shown = move || !ed.with_map(|m| m.lane_hidden(lane)).unwrap_or(false);
    view! {
        <Show when=shown>
            <div class="ed-lane-label" data-lane=lane.key()>{move || lane.label(ed.lang())}</div>
            {if lane == Lane::Emotion {
                view! { <EmotionLane ed span=Signal::derive(move || stage_ids.with(Vec::len).max(1))/> }.into_any()
            } else {
                view! {
                    <For each=move || stage_ids.get() key=|id| id.clone() let(stage)>
                        <LaneCell ed lane stage/>
                    </For>
                }.into_any()
            }}
            <div class="ed-filler"></div>
        </Show>
    }
}

#[component]
fn LaneCell(ed: Ed, lane: Lane, stage: String) -> impl IntoView {
    let sid = stage.clone();
    let tps = move || ed.layout.with(|l| l.iter().find(|(s, _)| *s == sid).map(|(_, t)| t.clone()).unwrap_or_default());
    let is_cards = lane == Lane::Touchpoints;
    let stage_for_drop = stage.clone();
    // Dropping on the cell (not on a card) puts the touchpoint at the end of the stage.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if !is_cards {
            return;
        }
        ev.prevent_default();
        if let Some(Dragged::Touchpoint(id)) = ed.dragged.get_untracked() {
            let stage = stage_for_drop.clone();
            ed.edit(move |m| {
                m.move_touchpoint(&id, &stage, usize::MAX);
            });
        }
        ed.dragged.set(None);
    };
    let stage_for_add = stage.clone();
    let add = move |_| {
        let title = ed.t().new_touchpoint;
        let stage = stage_for_add.clone();
        let persona = ed.persona.get_untracked();
        ed.edit(move |m| {
            if let Some(id) = m.add_touchpoint(&stage, title, Default::default()) {
                // Added while one persona's journey is shown: it belongs to that persona.
                if let (Some(p), Some(tp)) = (persona, m.touchpoint_mut(&id)) {
                    tp.persona_ids = vec![p];
                }
            }
        });
    };
    view! {
        <div class=format!("ed-cell ed-cell-{}", lane.key()) data-stage-id=stage.clone()
            on:dragover=move |ev| if is_cards && ed.dragged.with_untracked(|d| matches!(d, Some(Dragged::Touchpoint(_)))) { ev.prevent_default() }
            on:drop=on_drop>
            <ul class="ed-list">
                <For each=tps key=|id| id.clone() let(id)>
                    {if is_cards {
                        view! { <TouchpointCard ed id/> }.into_any()
                    } else {
                        view! { <LaneField ed lane id/> }.into_any()
                    }}
                </For>
            </ul>
            {is_cards.then(|| view! {
                <button type="button" class="ed-add-tp" data-testid="add-touchpoint" on:click=add>
                    "+ " {move || ed.t().add_touchpoint}
                </button>
            })}
        </div>
    }
}
