//! The map's scoring settings: the four weights, the illusion threshold, the cost per
//! contact and a measured conversion. Same rules as the table: commit on change, refused
//! values change nothing and say why, every edit is an undo step.

use journey_core::score::ScoringSettings;
use journey_core::entry::{EntryError, SettingField};
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let is_default = move || ctx.map.with(|m| m.as_ref().is_none_or(|m| m.scoring == ScoringSettings::default()));
    view! {
        <section class="score-settings" data-testid="score-settings" aria-labelledby="score-settings-title">
            <h2 id="score-settings-title">{move || t().settings_title}</h2>
            <p class="hint">{move || t().settings_hint}</p>
            <div class="settings-fields">
                {SettingField::ALL.into_iter().map(|field| view! { <SettingInput field/> }).collect_view()}
            </div>
            <button type="button" data-testid="reset-scoring" disabled=is_default
                on:click=move |_| ctx.edit(|m| m.scoring = ScoringSettings::default())>
                {move || t().reset_defaults}
            </button>
        </section>
    }
}

#[component]
fn SettingInput(field: SettingField) -> impl IntoView {
    let ctx = MapHandle::current();
    let problem = RwSignal::new(None::<EntryError>);
    let shown = Memo::new(move |_| {
        let lang = ctx.state.lang.get();
        ctx.map.with(|m| m.as_ref().map(|m| field.show(&m.scoring, lang)).unwrap_or_default())
    });
    let message_id = format!("setting-problem-{}", field.key());
    let message = move || problem.with(|p| p.as_ref().map(|e| e.message(ctx.state.lang.get())));
    view! {
        <div class="setting">
            <label>
                <span>{move || field.label(ctx.state.lang.get())}</span>
                <input type="text" inputmode="decimal" size="6" data-testid=format!("setting-{}", field.key())
                    aria-invalid=move || problem.with(Option::is_some).then_some("true")
                    aria-describedby=message_id.clone()
                    prop:value=move || shown.get()
                    on:change=move |ev| match field.parse(&event_target_value(&ev), ctx.state.lang.get_untracked()) {
                        Ok(value) => {
                            problem.set(None);
                            ctx.edit(|m| field.set(&mut m.scoring, value));
                        }
                        Err(e) => problem.set(Some(e)),
                    } />
            </label>
            // An alert only while there is a problem to announce (an empty one is noise).
            <p class="field-problem" id=message_id hidden=move || message().is_none()>
                {move || message().map(|m| view! { <span role="alert">{m}</span> })}
            </p>
        </div>
    }
}
