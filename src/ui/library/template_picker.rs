//! "New map from template" in the library: pick one of the core's templates (names in the
//! UI language) and create a map from it in that language.

use journey_core::templates::Template;
use leptos::prelude::*;

use crate::i18n::editor::editor_texts;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::{AppState, NewMap};

#[component]
pub fn TemplatePicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || editor_texts(state.lang.get());
    let chosen = RwSignal::new(Template::ALL[0].key().to_string());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(template) = Template::from_key(&chosen.get_untracked()) {
            if let Some(id) = state.add_map(NewMap::Builder(Box::new(move |id, now, lang| template.build(id, now, lang)))) {
                navigate(&Page::map(id));
            }
        }
    };
    view! {
        <form class="create-map ed-template-form" on:submit=create data-testid="template-form">
            <label>
                <span>{move || t().template}</span>
                <select data-testid="template-select" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || {
                        let lang = state.lang.get();
                        Template::ALL.into_iter().map(|tpl| view! { <option value=tpl.key()>{tpl.name(lang)}</option> }).collect_view()
                    }}
                </select>
            </label>
            <button type="submit" data-testid="create-from-template">{move || t().new_from_template}</button>
        </form>
    }
}
