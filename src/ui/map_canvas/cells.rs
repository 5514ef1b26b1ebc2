//! One cell of a lane row: for a touchpoint column its card (touchpoints lane) or its text
//! in that lane, read-only — text, icons and colour, no form controls; for a stage's "+"
//! column the "+ touchpoint" button (touchpoints lane) or an empty drop target. A click on a
//! touchpoint's cell selects the touchpoint; dropping a dragged card on a touchpoint's cell
//! puts it before that touchpoint, on a "+" column at the end of that stage.

use journey_core::canvas::Slot;
use journey_core::editor::Lane;
use journey_core::icons::Tool;
use journey_core::model::Visibility;
use journey_core::canvas::lane_text::measurement_lines;
use leptos::prelude::*;

use super::card::Card;
use super::ctx::{Cv, Dragged};
use crate::ui::icons::tool_icon;

/// A column as the rows need it (built by the grid, drawn here): a stable key, what it holds and its stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ColKey {
    pub key: String,
    pub slot: Slot,
    pub stage_id: String,
}

#[component]
pub fn Cell(cv: Cv, lane: Lane, col: ColKey) -> impl IntoView {
    let ColKey { slot, stage_id, .. } = col;
    let sid = StoredValue::new(stage_id.clone());
    let target = StoredValue::new(slot.clone());
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let Some(Dragged::Touchpoint(from)) = cv.dragged.get_untracked() else { return };
        ev.prevent_default();
        ev.stop_propagation();
        let stage = sid.get_value();
        cv.edit(move |m| match target.get_value() {
            Slot::Touchpoint(before) => {
                m.move_touchpoint_before(&from, &before);
            }
            Slot::Add => {
                m.move_touchpoint(&from, &stage, usize::MAX);
            }
        });
        cv.dragged.set(None);
    };
    let over = move |ev: leptos::ev::DragEvent| {
        if cv.dragged.with_untracked(|d| matches!(d, Some(Dragged::Touchpoint(_)))) {
            ev.prevent_default();
        }
    };
    let class = format!("cv-cell cv-lane-{}{}", lane.key(), if matches!(slot, Slot::Add) { " cv-add-col" } else { "" });
    let body = match (&slot, lane) {
        (Slot::Touchpoint(id), Lane::Touchpoints) => view! { <Card cv id=id.clone() stage=stage_id.clone()/> }.into_any(),
        (Slot::Touchpoint(id), lane) => lane_text(cv, lane, id.clone()).into_any(),
        (Slot::Add, Lane::Touchpoints) => add_button(cv, stage_id.clone()).into_any(),
        (Slot::Add, _) => ().into_any(),
    };
    let select = move |_| {
        if let Slot::Touchpoint(id) = target.get_value() {
            if lane != Lane::Touchpoints {
                cv.open_tp(&id);
            }
        }
    };
    view! {
        <div class=class data-stage-id=stage_id on:dragover=over on:drop=on_drop on:click=select>
            {body}
        </div>
    }
}

/// The "+ touchpoint" button of a stage without touchpoints (stages with touchpoints have
/// theirs in the stage header).
fn add_button(cv: Cv, stage_id: String) -> impl IntoView {
    let sid = StoredValue::new(stage_id);
    let stage_name = move || cv.with_map(|m| m.stage(&sid.get_value()).map(|s| s.name.clone())).flatten().unwrap_or_default();
    view! {
        <button type="button" class="cv-add cv-add-tp" data-testid="add-touchpoint"
            title=move || (cv.t().add_touchpoint_to)(&stage_name())
            aria-label=move || (cv.t().add_touchpoint_to)(&stage_name())
            on:click=move |_| cv.add_touchpoint(&sid.get_value())>
            {tool_icon(Tool::Plus)} " " {move || cv.t().add_touchpoint}
        </button>
        <p class="cv-empty-hint">{move || cv.t().empty_stage}</p>
    }
}

fn lane_text(cv: Cv, lane: Lane, id: String) -> impl IntoView {
    let v = cv.tp_view(&id);
    // What a lane shows of the touchpoint is a memo (texts as drawn, `Cv::shown_text`): an
    // edit of another field (its emotion, its title) re-runs the memo, and the lane's elements
    // are rebuilt only when what it shows changes.
    let texts = move |f: fn(&journey_core::model::Touchpoint) -> Vec<String>| {
        Memo::new(move |_| v.get(|t| f(t).into_iter().map(|s| cv.shown_text(s)).collect::<Vec<_>>()).unwrap_or_default())
    };
    let list = move |items: Memo<Vec<String>>, icon: Tool, class: &'static str| {
        move || {
            items.with(|items| {
                items.iter().map(|text| view! { <li class=class>{crate::ui::icons::tool_icon(icon)} <span>{text.clone()}</span></li> }).collect_view()
            })
        }
    };
    match lane {
        Lane::Actions => {
            let text = Memo::new(move |_| v.get(|t| cv.shown_text(t.customer_action.clone())));
            view! { <p class="cv-text">{move || text.get()}</p> }.into_any()
        }
        Lane::Thoughts => {
            let text = Memo::new(move |_| v.get(|t| t.thoughts.clone()).filter(|s| !s.is_empty()).map(|s| cv.shown_text(s)));
            view! { {move || text.get().map(|s| view! { <p class="cv-text cv-thought">{s}</p> })} }.into_any()
        }
        Lane::PainPoints => {
            let items = texts(|t| t.pain_points.clone());
            view! { <ul class="cv-items">{list(items, Tool::PainPoint, "cv-pain")}</ul> }.into_any()
        }
        Lane::Opportunities => {
            let items = texts(|t| t.opportunities.iter().map(|o| o.text.clone()).collect());
            view! { <ul class="cv-items">{list(items, Tool::Opportunity, "cv-opportunity")}</ul> }.into_any()
        }
        Lane::Stage => {
            // Memos like the other lanes (the owner's text, back- or frontstage): rebuilt from
            // the whole touchpoint, the lane re-parsed its icon on every edit of the card
            // (a rename, an emotion; benchmarks/README.md, "Editor, session 4").
            let owner = Memo::new(move |_| v.get(|t| t.owner.clone()).filter(|s| !s.is_empty()).map(|s| cv.shown_text(s)));
            let backstage = Memo::new(move |_| v.get(|t| t.visibility == Visibility::Backstage));
            view! {
                {move || owner.get().map(|s| view! { <p class="cv-text cv-owner">{s}</p> })}
                {move || backstage.get().map(|back| {
                    let (icon, word, class) = if back {
                        (Tool::Backstage, cv.t().backstage_short, "cv-back")
                    } else {
                        (Tool::Frontstage, cv.t().frontstage_short, "cv-front")
                    };
                    view! { <p class=format!("cv-text cv-visibility {class}")>{tool_icon(icon)} " " {word}</p> }
                })}
            }.into_any()
        }
        Lane::Measurements => {
            let lines = Memo::new(move |_| {
                let lang = cv.state.lang.get();
                v.get(|t| measurement_lines(t, lang)).unwrap_or_default()
            });
            view! {
                <ul class="cv-items cv-measures">
                    {move || lines.with(|l| l.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view())}
                </ul>
            }.into_any()
        }
        Lane::Touchpoints | Lane::Emotion => ().into_any(),
    }
}
