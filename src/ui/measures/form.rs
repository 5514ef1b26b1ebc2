//! The form to add a measure or edit one: title, description, owner, status, due date, the
//! touchpoint (and optionally its pain point) it is about, and the expected effect. The core
//! checks the input; a refusal is shown next to the form and nothing changes.

use journey_core::model::{
    EffectDirection, EffectTarget, ExpectedEffect, JourneyMap, MeasureDraft, MeasureLink, MeasureStatus, MeasurementKind,
};
use leptos::prelude::*;

use crate::ui::browser::time::today;
use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::measures::{measures_texts, MeasuresTexts};

/// Form keys of the expected effect's target ("" = not stated).
fn target_key(target: &Option<ExpectedEffect>) -> (String, String) {
    match target.as_ref().map(|e| &e.target) {
        None => (String::new(), String::new()),
        Some(EffectTarget::Score) => ("score".into(), String::new()),
        Some(EffectTarget::Emotion) => ("emotion".into(), String::new()),
        Some(EffectTarget::Measurement(MeasurementKind::Custom(name))) => ("custom".into(), name.clone()),
        Some(EffectTarget::Measurement(kind)) => (kind.key().into(), String::new()),
    }
}

fn target_from(key: &str, custom: &str) -> Option<EffectTarget> {
    match key {
        "score" => Some(EffectTarget::Score),
        "emotion" => Some(EffectTarget::Emotion),
        other => MeasurementKind::from_key(other, custom).map(EffectTarget::Measurement),
    }
}

#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    description: RwSignal<String>,
    owner: RwSignal<String>,
    status: RwSignal<String>,
    due: RwSignal<String>,
    touchpoint: RwSignal<String>,
    pain_point: RwSignal<String>,
    /// Links besides the one being chosen in the selects.
    extra: RwSignal<Vec<MeasureLink>>,
    target: RwSignal<String>,
    custom: RwSignal<String>,
    direction: RwSignal<String>,
}

impl Fields {
    fn new() -> Self {
        Fields {
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            status: RwSignal::new("idea".into()),
            due: RwSignal::new(String::new()),
            touchpoint: RwSignal::new(String::new()),
            pain_point: RwSignal::new(String::new()),
            extra: RwSignal::new(Vec::new()),
            target: RwSignal::new(String::new()),
            custom: RwSignal::new(String::new()),
            direction: RwSignal::new("up".into()),
        }
    }

    fn clear(&self) {
        for s in [self.title, self.description, self.owner, self.due, self.touchpoint, self.pain_point, self.target, self.custom] {
            s.set(String::new());
        }
        self.extra.set(Vec::new());
        self.status.set("idea".into());
        self.direction.set("up".into());
    }

    fn load(&self, map: &JourneyMap, measure_id: &str) {
        let Some(m) = map.measure(measure_id) else { return };
        self.title.set(m.title.clone());
        self.description.set(m.description.clone());
        self.owner.set(m.owner.clone());
        self.status.set(m.status.key().into());
        self.due.set(m.due.clone().unwrap_or_default());
        let link = m.links.first();
        self.touchpoint.set(link.map(|l| l.touchpoint_id.clone()).unwrap_or_default());
        self.pain_point.set(link.and_then(|l| l.pain_point.clone()).unwrap_or_default());
        self.extra.set(m.links.iter().skip(1).cloned().collect());
        let (target, custom) = target_key(&m.expected_effect);
        self.target.set(target);
        self.custom.set(custom);
        let down = m.expected_effect.as_ref().is_some_and(|e| e.direction == EffectDirection::Down);
        self.direction.set(if down { "down" } else { "up" }.into());
    }

    /// The link chosen in the selects, if a touchpoint is chosen.
    fn selected_link(&self) -> Option<MeasureLink> {
        let tp = self.touchpoint.get_untracked();
        let pain = self.pain_point.get_untracked();
        (!tp.is_empty()).then(|| MeasureLink { touchpoint_id: tp, pain_point: (!pain.is_empty()).then_some(pain) })
    }

    /// Moves the chosen link into the list, so another one can be chosen.
    fn keep_selected(&self) {
        if let Some(link) = self.selected_link() {
            self.extra.update(|links| {
                if !links.contains(&link) {
                    links.push(link);
                }
            });
            self.touchpoint.set(String::new());
            self.pain_point.set(String::new());
        }
    }

    fn draft(&self) -> MeasureDraft {
        let mut links: Vec<MeasureLink> = self.selected_link().into_iter().collect();
        for link in self.extra.get_untracked() {
            if !links.contains(&link) {
                links.push(link);
            }
        }
        let direction = if self.direction.get_untracked() == "down" { EffectDirection::Down } else { EffectDirection::Up };
        let due = self.due.get_untracked();
        MeasureDraft {
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            owner: self.owner.get_untracked(),
            status: MeasureStatus::from_key(&self.status.get_untracked()).unwrap_or_default(),
            due: (!due.trim().is_empty()).then(|| due.trim().to_string()),
            links,
            expected_effect: target_from(&self.target.get_untracked(), &self.custom.get_untracked())
                .map(|target| ExpectedEffect { target, direction }),
        }
    }
}

/// Add or edit form. `editing` holds the id of the measure being edited, if any.
#[component]
pub fn MeasureForm(editing: RwSignal<Option<String>>) -> impl IntoView {
    let handle = MapHandle::current();
    let state = handle.state;
    let lang = move || state.lang.get();
    let t = move || measures_texts(lang());
    let f = Fields::new();
    let error = RwSignal::new(None::<String>);
    let map = handle.map;
    Effect::new(move |_| {
        match editing.get() {
            Some(mid) => {
                if let Some(m) = map.get_untracked() {
                    f.load(&m, &mid);
                }
            }
            None => f.clear(),
        }
        error.set(None);
    });
    let submit = {
        move || {
            let draft = f.draft();
            let today = today();
            let mut outcome = Ok(());
            match editing.get_untracked() {
                Some(mid) => handle.edit(|m| outcome = m.update_measure(&mid, draft, &today)),
                None => handle.edit(|m| outcome = m.add_measure(draft, &today).map(|_| ())),
            }
            match outcome {
                Ok(()) => {
                    editing.set(None);
                    f.clear();
                    error.set(None);
                }
                Err(e) => error.set(Some(e.message(lang()))),
            }
        }
    };
    let touchpoint_options = move || {
        map.with(|m| {
            m.as_ref().map(|m| {
                m.stages
                    .iter()
                    .map(|s| {
                        let options = m
                            .touchpoints_in(&s.id)
                            .map(|tp| {
                                let id = tp.id.clone();
                                let sel = id.clone();
                                view! { <option value=id selected=move || f.touchpoint.get() == sel>{tp.title.clone()}</option> }
                            })
                            .collect_view();
                        view! { <optgroup label=s.name.clone()>{options}</optgroup> }
                    })
                    .collect_view()
            })
        })
    };
    let pain_options = move || {
        let tp = f.touchpoint.get();
        map.with(|m| {
            m.as_ref()
                .and_then(|m| m.touchpoint(&tp))
                .map(|tp| tp.pain_points.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|p| {
                    let sel = p.clone();
                    view! { <option value=p.clone() selected=move || f.pain_point.get() == sel>{p.clone()}</option> }
                })
                .collect_view()
        })
    };
    let effect_options = move || {
        let l = lang();
        let mut opts: Vec<(String, String)> = vec![
            ("score".into(), EffectTarget::Score.label(l)),
            ("emotion".into(), EffectTarget::Emotion.label(l)),
        ];
        opts.extend(MeasurementKind::STANDARD.iter().map(|k| (k.key().to_string(), k.label(l))));
        opts.push(("custom".into(), t().custom_kpi.to_string()));
        opts.into_iter()
            .map(|(k, label)| {
                let sel = k.clone();
                view! { <option value=k selected=move || f.target.get() == sel>{label}</option> }
            })
            .collect_view()
    };
    let status_options = move || {
        MeasureStatus::ALL
            .into_iter()
            .map(|s| view! { <option value=s.key() selected=move || f.status.get() == s.key()>{s.label(lang())}</option> })
            .collect_view()
    };
    let text_input = move |label: fn(&MeasuresTexts) -> &'static str, sig: RwSignal<String>, testid: &'static str| {
        view! {
            <label><span>{move || label(t())}</span>
                <input type="text" data-testid=testid prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <form class="measure-form" data-testid="measure-form" on:submit={ let submit = submit.clone(); move |ev| { ev.prevent_default(); submit(); } }>
            <h2>{move || if editing.get().is_some() { t().edit_measure } else { t().new_measure }}</h2>
            {text_input(|t| t.title, f.title, "measure-title")}
            <label><span>{move || t().description}</span>
                <textarea data-testid="measure-description" prop:value=move || f.description.get() on:input=move |ev| f.description.set(event_target_value(&ev))></textarea>
            </label>
            {text_input(|t| t.owner, f.owner, "measure-owner")}
            <label><span>{move || t().status}</span>
                <select data-testid="measure-status" on:change=move |ev| f.status.set(event_target_value(&ev))>{status_options}</select>
            </label>
            <label><span>{move || t().due}</span>
                <input type="date" data-testid="measure-due" prop:value=move || f.due.get() on:input=move |ev| f.due.set(event_target_value(&ev))/>
            </label>
            <label><span>{move || t().touchpoint}</span>
                <select data-testid="measure-touchpoint" on:change=move |ev| { f.touchpoint.set(event_target_value(&ev)); f.pain_point.set(String::new()); }>
                    <option value="" selected=move || f.touchpoint.get().is_empty()>{move || t().whole_journey}</option>
                    {touchpoint_options}
                </select>
            </label>
            <label><span>{move || t().pain_point}</span>
                <select data-testid="measure-pain-point" disabled=move || f.touchpoint.get().is_empty()
                    on:change=move |ev| f.pain_point.set(event_target_value(&ev))>
                    <option value="" selected=move || f.pain_point.get().is_empty()>{move || t().whole_touchpoint}</option>
                    {pain_options}
                </select>
            </label>
            <button type="button" data-testid="measure-link-another" disabled=move || f.touchpoint.get().is_empty()
                on:click=move |_| f.keep_selected()>{move || t().link_another}</button>
            <Show when=move || !f.extra.get().is_empty()>
                <div class="extra-links">
                    <span>{move || t().also_linked} ":"</span>
                    <ul data-testid="measure-extra-links">
                        {move || f.extra.get().into_iter().enumerate().map(|(i, l)| {
                            let title = map.with(|m| m.as_ref().and_then(|m| m.touchpoint(&l.touchpoint_id)).map(|tp| tp.title.clone()))
                                .unwrap_or_else(|| t().removed_touchpoint.to_string());
                            let shown = match &l.pain_point { Some(p) => format!("{title} – {p}"), None => title.clone() };
                            view! {
                                <li>{shown} " "
                                    <button type="button" class="link-button" aria-label=(t().remove_link)(&title)
                                        on:click=move |_| f.extra.update(|v| { if i < v.len() { v.remove(i); } })>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            <fieldset class="effect">
                <legend>{move || t().effect}</legend>
                <label><span>{move || t().effect_target}</span>
                    <select data-testid="measure-effect" on:change=move |ev| f.target.set(event_target_value(&ev))>
                        <option value="" selected=move || f.target.get().is_empty()>{move || t().effect_none}</option>
                        {effect_options}
                    </select>
                </label>
                <Show when=move || f.target.get() == "custom">
                    {text_input(|t| t.custom_kpi_name, f.custom, "measure-custom-kpi")}
                </Show>
                <label><span>{move || t().direction}</span>
                    <select data-testid="measure-direction" on:change=move |ev| f.direction.set(event_target_value(&ev))>
                        <option value="up" selected=move || f.direction.get() == "up">{move || t().up}</option>
                        <option value="down" selected=move || f.direction.get() == "down">{move || t().down}</option>
                    </select>
                </label>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="measure-error">{e}</p> })}
            <div class="form-actions">
                <button type="submit" data-testid="measure-submit">{move || if editing.get().is_some() { t().save_measure } else { t().add_measure }}</button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" on:click=move |_| editing.set(None)>{move || t().cancel}</button>
                </Show>
            </div>
        </form>
    }
}
