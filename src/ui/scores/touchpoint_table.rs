//! The touchpoint table: one row per touchpoint in stage order with its score (number,
//! band word and colour), how it was computed, and its score inputs edited inline.

use journey_core::model::{JourneyMap, Lang};
use journey_core::score::{contact_class_from_key, contact_class_key, contact_class_label, contact_reason_from_key, contact_reason_key, contact_reason_label};
use journey_core::entry::TouchpointField;
use leptos::prelude::*;

use super::explain::{formula_line, left_out_line, used_line};
use super::inputs::{problem_id, Choice, ChoiceField, NumberField, RowProblem};
use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;
use journey_core::locale::emotion;
use crate::ui::scores::badge::ScoreBadge;

const EMOTION: Choice = Choice {
    testid: "emotion",
    label: |lang| scores_texts(lang).emotion,
    keys: &["", "-2", "-1", "0", "1", "2"],
    text: |key, lang| match key.parse::<i8>() {
        Ok(v) => emotion(Some(v)),
        Err(_) => scores_texts(lang).not_entered.to_string(),
    },
    get: |tp| tp.emotion.map(|e| e.to_string()).unwrap_or_default(),
    set: |tp, key| tp.set_emotion(key.parse().ok()),
};

const IMPORTANCE: Choice = Choice {
    testid: "importance",
    label: |lang| scores_texts(lang).importance,
    keys: &["", "1", "2", "3", "4", "5"],
    text: |key, lang| if key.is_empty() { scores_texts(lang).not_entered.to_string() } else { key.to_string() },
    get: |tp| tp.importance.map(|i| i.to_string()).unwrap_or_default(),
    set: |tp, key| tp.importance = key.parse().ok().filter(|i| (1..=5).contains(i)),
};

/// Keys as in `journey_core::score::contact_class_key` (checked by a test below).
const CLASS: Choice = Choice {
    testid: "contact_class",
    label: |lang| scores_texts(lang).contact_class,
    keys: &["", "value_adding", "disruptive", "self_service_candidate"],
    text: |key, lang| match contact_class_from_key(key) {
        Some(class) => contact_class_label(class, lang).to_string(),
        None => scores_texts(lang).not_a_contact.to_string(),
    },
    get: |tp| tp.contact_class.map(contact_class_key).unwrap_or_default().to_string(),
    set: |tp, key| tp.contact_class = contact_class_from_key(key),
};

const REASON: Choice = Choice {
    testid: "contact_reason",
    label: |lang| scores_texts(lang).contact_reason,
    keys: &["", "service", "information", "order"],
    text: |key, lang| match contact_reason_from_key(key) {
        Some(reason) => contact_reason_label(reason, lang).to_string(),
        None => scores_texts(lang).no_reason.to_string(),
    },
    get: |tp| tp.contact_reason.map(contact_reason_key).unwrap_or_default().to_string(),
    set: |tp, key| tp.contact_reason = contact_reason_from_key(key),
};

/// Touchpoint ids in stage order (and within a stage in map order), as on the board.
fn ids_in_stage_order(map: &JourneyMap) -> Vec<String> {
    map.stages.iter().flat_map(|s| map.touchpoints_in(&s.id)).map(|t| t.id.clone()).collect()
}

#[component]
pub fn TouchpointTable() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let ids = move || ctx.map.with(|m| m.as_ref().map(ids_in_stage_order).unwrap_or_default());
    let lang = move || ctx.state.lang.get();
    let field = move |f: TouchpointField| move || f.label(lang());
    view! {
        <section class="touchpoint-scores" aria-labelledby="touchpoint-scores-title">
            <h2 id="touchpoint-scores-title">{move || t().touchpoints_title}</h2>
            <p class="hint">{move || t().table_hint}</p>
            <Show when=move || ids().is_empty()>
                <p class="empty">{move || t().no_touchpoints}</p>
            </Show>
            <div class="table-scroll">
                <table class="score-table" data-testid="score-table">
                    <thead><tr>
                        <th scope="col">{move || t().touchpoint}</th>
                        <th scope="col">{move || t().score}</th>
                        <th scope="col">{move || t().computed}</th>
                        <th scope="col">{move || t().emotion}</th>
                        <th scope="col">{field(TouchpointField::Csat)}</th>
                        <th scope="col">{field(TouchpointField::Ces)}</th>
                        <th scope="col">{field(TouchpointField::DropOff)}</th>
                        <th scope="col">{move || t().importance}</th>
                        <th scope="col">{field(TouchpointField::Volume)}</th>
                        <th scope="col">{move || t().contact_class}</th>
                        <th scope="col">{move || t().contact_reason}</th>
                    </tr></thead>
                    <tbody>
                        <For each=ids key=|id: &String| id.clone() children=move |id| view! { <TouchpointRow id/> }/>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn TouchpointRow(id: String) -> impl IntoView {
    let ctx = MapHandle::current();
    let problem: RowProblem = RwSignal::new(None);
    let result = {
        let id = id.clone();
        Memo::new(move |_| ctx.scores.with(|s| s.as_ref().and_then(|s| s.touchpoint(&id)).cloned()))
    };
    let on_route = {
        let id = id.clone();
        Memo::new(move |_| ctx.scores.with(|s| s.as_ref().is_some_and(|s| s.main_route.touchpoint_ids.contains(&id))))
    };
    let value = Signal::derive(move || result.with(|r| r.as_ref()?.score.as_ref().map(|s| s.value)));
    let title = {
        let id = id.clone();
        move || ctx.title_of(&id)
    };
    let stage = {
        let id = id.clone();
        move || {
            let stage_id = ctx.map.with(|m| m.as_ref().and_then(|m| m.touchpoint(&id)).map(|t| t.stage_id.clone()));
            stage_id.map(|s| ctx.stage_name(&s)).unwrap_or_default()
        }
    };
    let lang = move || ctx.state.lang.get();
    let explanation = move || {
        let lang: Lang = lang();
        result.with(|r| {
            let Some(r) = r else { return view! { <div></div> }.into_any() };
            let used: Vec<String> = r.score.as_ref().map(|s| s.used.iter().map(|u| used_line(u, lang)).collect()).unwrap_or_default();
            let formula = formula_line(r, lang);
            let left_out = left_out_line(r, lang);
            view! {
                <div>
                    <ul class="used">{used.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
                    {formula.map(|f| view! { <p class="formula">{f}</p> })}
                    {left_out.map(|l| view! { <p class="left-out muted">{l}</p> })}
                </div>
            }
            .into_any()
        })
    };
    let message = {
        let id = id.clone();
        move || {
            let lang = lang();
            problem.with(|p| p.as_ref().map(|(_, e)| (scores_texts(lang).refused)(&ctx.title_of(&id), &e.message(lang))))
        }
    };
    let no_message = {
        let message = message.clone();
        move || message().is_none()
    };
    let number = |field: TouchpointField| view! { <td><NumberField tp_id=id.clone() field problem/></td> };
    let choice = |choice: Choice| view! { <td><ChoiceField tp_id=id.clone() choice/></td> };
    view! {
        <tr data-testid="score-row" data-touchpoint-id=id.clone() data-main-route=move || on_route.get().to_string()>
            <th scope="row">
                <span class="tp-title">{title}</span>
                <span class="tp-stage muted">{stage}</span>
                <Show when=move || on_route.get()>
                    <span class="route-mark">"➜ " {move || scores_texts(lang()).on_main_route}</span>
                </Show>
            </th>
            <td><ScoreBadge value testid="touchpoint-score"/></td>
            <td class="explain">{explanation}</td>
            {choice(EMOTION)}
            {number(TouchpointField::Csat)}
            {number(TouchpointField::Ces)}
            {number(TouchpointField::DropOff)}
            {choice(IMPORTANCE)}
            {number(TouchpointField::Volume)}
            {choice(CLASS)}
            {choice(REASON)}
        </tr>
        <tr class="row-problem" hidden=no_message>
            // The cell keeps its role; the alert exists only while there is something to say.
            <td colspan="11" id=problem_id(&id) data-testid="score-problem">
                {move || message().map(|m| view! { <span role="alert">{m}</span> })}
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_core::model::Touchpoint;
    use journey_core::score::{CLASSES, REASONS};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_choice_key_round_trips_through_the_touchpoint() {
        for choice in [EMOTION, IMPORTANCE, CLASS, REASON] {
            for key in choice.keys {
                let mut tp = Touchpoint::default();
                (choice.set)(&mut tp, key);
                assert_eq!((choice.get)(&tp), *key, "{}", choice.testid);
                assert!(!(choice.text)(key, Lang::De).is_empty());
            }
        }
        assert_eq!(CLASS.keys.len(), CLASSES.len() + 1);
        assert_eq!(REASON.keys.len(), REASONS.len() + 1);
    }
}
