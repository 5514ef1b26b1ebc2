//! German/English switch; the choice is remembered in storage.

use leptos::prelude::*;

use crate::ui::state::AppState;
use crate::i18n::{texts, Lang};

#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="lang-switch">
            <span>{move || texts(state.lang.get()).language}</span>
            <select
                data-testid="lang-switch"
                on:change=move |ev| {
                    let lang = if event_target_value(&ev) == "de" { Lang::De } else { Lang::En };
                    state.set_lang(lang);
                }
                prop:value=move || state.lang.get().code()
            >
                <option value="en">"English"</option>
                <option value="de">"Deutsch"</option>
            </select>
        </label>
    }
}
