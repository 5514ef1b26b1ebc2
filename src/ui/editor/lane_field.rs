//! One touchpoint's field in a text lane (actions, thoughts, pain points, opportunities,
//! frontstage/backstage with owner, measurements), edited in place. Each field names its
//! touchpoint, visibly and in its label.

use journey_core::editor::{lines_to_list, list_to_lines, set_opportunity_texts, Lane};
use journey_core::entry::TouchpointField;
use journey_core::model::{Touchpoint, Visibility};
use leptos::prelude::*;

use super::ctx::{Ed, TpView};

#[component]
pub fn LaneField(ed: Ed, lane: Lane, id: String) -> impl IntoView {
    let v = ed.tp_view(id.clone());
    let tid = StoredValue::new(id);
    let title = move || v.get(|t| t.title.clone()).unwrap_or_default();
    let label = move || (ed.t().field_of)(lane.label(ed.lang()), &title());
    let body = match lane {
        Lane::Actions => text_area(ed, v, tid, label, |t| t.customer_action.clone(), |t, s| t.customer_action = s.trim().to_string()).into_any(),
        Lane::Thoughts => text_area(ed, v, tid, label, |t| t.thoughts.clone(), |t, s| t.thoughts = s.trim().to_string()).into_any(),
        Lane::PainPoints => text_area(ed, v, tid, label, |t| list_to_lines(&t.pain_points), |t, s| t.pain_points = lines_to_list(&s)).into_any(),
        Lane::Opportunities => text_area(
            ed, v, tid, label,
            |t| t.opportunities.iter().map(|o| o.text.as_str()).collect::<Vec<_>>().join("\n"),
            |t, s| set_opportunity_texts(t, lines_to_list(&s)),
        ).into_any(),
        Lane::Stage => stage_fields(ed, v, tid).into_any(),
        Lane::Measurements => measurement_fields(ed, v, tid).into_any(),
        Lane::Touchpoints | Lane::Emotion => ().into_any(),
    };
    view! {
        <li class="ed-field" data-tp-id=tid.get_value()>
            <span class="ed-field-tp" aria-hidden="true">{title}</span>
            {body}
        </li>
    }
}

fn text_area(
    ed: Ed,
    v: TpView,
    tid: StoredValue<String>,
    label: impl Fn() -> String + Send + Sync + 'static,
    read: fn(&Touchpoint) -> String,
    write: fn(&mut Touchpoint, String),
) -> impl IntoView {
    view! {
        <textarea rows="2" aria-label=label
            prop:value=move || v.get(read).unwrap_or_default()
            on:change=move |ev| { let s = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| write(t, s)); }></textarea>
    }
}

fn stage_fields(ed: Ed, v: TpView, tid: StoredValue<String>) -> impl IntoView {
    let backstage = move || v.get(|t| t.visibility == Visibility::Backstage).unwrap_or(false);
    view! {
        <select aria-label=move || Lane::Stage.label(ed.lang()) prop:value=move || if backstage() { "backstage" } else { "frontstage" }
            on:change=move |ev| {
                let vis = if event_target_value(&ev) == "backstage" { Visibility::Backstage } else { Visibility::Frontstage };
                ed.edit_tp(&tid.get_value(), move |t| t.visibility = vis);
            }>
            <option value="frontstage">{move || ed.t().frontstage}</option>
            <option value="backstage">{move || ed.t().backstage}</option>
        </select>
        <label class="ed-row">
            <span>{move || ed.t().owner}</span>
            <input type="text" prop:value=move || v.get(|t| t.owner.clone()).unwrap_or_default()
                on:change=move |ev| { let s = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.owner = s.trim().to_string()); } />
        </label>
    }
}

/// A number field, parsed like the scores page's (`TouchpointField`): text that is not a
/// number or lies outside the scale is refused with a message and the old value stays (the
/// field shows it again) — never clamped.
fn number_field(
    ed: Ed,
    v: TpView,
    tid: StoredValue<String>,
    label: fn(&crate::i18n::editor::EditorTexts) -> &'static str,
    field: TouchpointField,
) -> impl IntoView {
    let shown = RwSignal::new(0u32);
    view! {
        <label class="ed-row">
            <span>{move || label(ed.t())}</span>
            <input type="text" inputmode="decimal" class="ed-number"
                prop:value=move || { shown.track(); v.get(|t| field.show(t, ed.lang())).unwrap_or_default() }
                on:change=move |ev| {
                    let s = event_target_value(&ev);
                    match field.parse(&s) {
                        Ok(n) => ed.edit_tp(&tid.get_value(), move |t| field.set(t, n)),
                        Err(e) => {
                            ed.problem.set(Some(format!("{} {}", e.message(ed.lang()), ed.t().value_kept)));
                            shown.update(|n| *n += 1);
                        }
                    }
                } />
        </label>
    }
}

fn measurement_fields(ed: Ed, v: TpView, tid: StoredValue<String>) -> impl IntoView {
    view! {
        {number_field(ed, v, tid, |t| t.volume, TouchpointField::Volume)}
        {number_field(ed, v, tid, |t| t.drop_off, TouchpointField::DropOff)}
        {number_field(ed, v, tid, |t| t.csat, TouchpointField::Csat)}
    }
}
