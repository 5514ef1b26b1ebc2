//! The outer frame every module shows around its page — header (brand, save state, shortcuts,
//! language switch), notices, the update notice and `<main>` — and the start of the app
//! state each module makes: storage opened, the undo history of the previous module taken,
//! typing saved and other tabs followed.

use leptos::prelude::*;

use super::handover;
use crate::i18n::texts;
use crate::ui::shell::lang_switch::LangSwitch;
use crate::ui::shell::notices::{Notices, SaveIndicator};
use crate::ui::shell::route::Page;
use crate::ui::shell::update_notice::UpdateNotice;
use crate::ui::state::{AppState, ExampleBuilder};

/// The app state of a module that starts: loaded (the example seeded on a very first start),
/// given the undo steps the previous module handed over, and provided as context.
pub fn start_state(example: Option<ExampleBuilder>) -> AppState {
    let state = AppState::load(example);
    handover::take_history(state);
    provide_context(state);
    // Typed text is committed while typing and before the tab goes away; leaving asks
    // while a write is pending or failed (`shell/typing.rs`). Other tabs' writes are
    // followed or shown as a conflict (`shell/other_tabs.rs`).
    crate::ui::shell::typing::install(state);
    crate::ui::shell::other_tabs::install(state);
    state
}

/// Header, notices and `<main>` around `children` (the page).
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <AppHeader/>
        <Notices/>
        <UpdateNotice/>
        <crate::ui::shell::remove_draft::RemoveDraftQuestion/>
        <main class="app-main">{children()}</main>
    }
}

/// The header of every page: brand (link to the library), save state, language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    // Keep <html lang> in step with the UI language (screen readers, hyphenation).
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", state.lang.get().code());
        }
    });
    view! {
        <header class="app-header">
            <crate::ui::shell::page_focus::SkipLink/>
            <a class="brand" href=Page::Library.href()>
                <span class="brand-name">{move || t().app_title}</span>
                <span class="brand-tagline">{move || t().tagline}</span>
            </a>
            <SaveIndicator/>
            <crate::ui::shell::shortcuts::Shortcuts/>
            <LangSwitch/>
        </header>
    }
}
