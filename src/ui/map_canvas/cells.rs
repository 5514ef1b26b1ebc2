//! One cell of a lane row: for a touchpoint column its card (touchpoints lane) or its text
//! in that lane, read-only — text, icons and colour, no form controls; for a stage's "+"
//! column the "+ touchpoint" button (touchpoints lane) or an empty drop target. A click on a
//! touchpoint's cell selects the touchpoint; dropping a dragged card on a touchpoint's cell
//! puts it before that touchpoint, on a "+" column at the end of that stage.

use journey_core::canvas::Slot;
use journey_core::editor::Lane;
use journey_core::icons::Tool;
use journey_core::model::{Lang, Touchpoint, Visibility};
use journey_core::locale::{number as format_number, percent};
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
        (Slot::Touchpoint(id), Lane::Touchpoints) => view! { <Card cv id=id.clone()/> }.into_any(),
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

/// Measurement lines as a person reads them ("12,000 / month", "3,001 in 14 days" for a
/// count measured from a log, "drop-off 80 %", "CSAT 4.5").
pub fn measurement_lines(t: &Touchpoint, lang: Lang) -> Vec<String> {
    let tx = crate::i18n::canvas::canvas_texts(lang);
    let m = &t.measurements;
    let mut out = Vec::new();
    if let Some(v) = m.volume {
        out.push(format!("{} {}", format_number(v, 0, lang), journey_core::model::volume_unit(m.period.as_ref(), lang)));
    }
    if let Some(r) = m.drop_off_rate {
        out.push(format!("{} {}", tx.drop_off_short, percent(r, 0, lang)));
    }
    if let Some(c) = m.csat {
        out.push(format!("CSAT {}", format_number(c, 1, lang)));
    }
    if let Some(c) = m.ces {
        out.push(format!("CES {}", percent(c, 0, lang)));
    }
    if let Some(n) = m.nps {
        out.push(format!("NPS {}", format_number(n, 0, lang)));
    }
    out
}

fn lane_text(cv: Cv, lane: Lane, id: String) -> impl IntoView {
    let v = cv.tp_view(&id);
    let lang = move || cv.state.lang.get();
    let list = move |items: Vec<String>, icon: Tool, class: &'static str| {
        items
            .into_iter()
            .map(|text| view! { <li class=class>{crate::ui::icons::tool_icon(icon)} <span>{text}</span></li> })
            .collect_view()
    };
    match lane {
        Lane::Actions => view! { <p class="cv-text">{move || v.get(|t| t.customer_action.clone())}</p> }.into_any(),
        Lane::Thoughts => view! {
            {move || v.get(|t| t.thoughts.clone()).filter(|s| !s.is_empty()).map(|s| view! { <p class="cv-text cv-thought">{s}</p> })}
        }.into_any(),
        Lane::PainPoints => view! {
            <ul class="cv-items">{move || list(v.get(|t| t.pain_points.clone()).unwrap_or_default(), Tool::PainPoint, "cv-pain")}</ul>
        }.into_any(),
        Lane::Opportunities => view! {
            <ul class="cv-items">{move || list(
                v.get(|t| t.opportunities.iter().map(|o| o.text.clone()).collect()).unwrap_or_default(),
                Tool::Opportunity, "cv-opportunity")}</ul>
        }.into_any(),
        Lane::Stage => view! {
            {move || v.get(|t| (t.visibility, t.owner.clone())).map(|(vis, owner)| {
                let (icon, word, class) = match vis {
                    Visibility::Frontstage => (Tool::Frontstage, cv.t().frontstage_short, "cv-front"),
                    Visibility::Backstage => (Tool::Backstage, cv.t().backstage_short, "cv-back"),
                };
                view! {
                    {(!owner.is_empty()).then(|| view! { <p class="cv-text cv-owner">{owner}</p> })}
                    <p class=format!("cv-text cv-visibility {class}")>{tool_icon(icon)} " " {word}</p>
                }
            })}
        }.into_any(),
        Lane::Measurements => view! {
            <ul class="cv-items cv-measures">
                {move || v.get(|t| measurement_lines(t, lang())).unwrap_or_default().into_iter()
                    .map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }.into_any(),
        Lane::Touchpoints | Lane::Emotion => ().into_any(),
    }
}
