//! The composition root: header (save indicator, language switch), notices, and the page
//! for the current hash. A new page is a `Page` variant in `shell::route`, a component in
//! its feature folder, and one line in the match below.

use leptos::prelude::*;

use super::dashboard::DashboardPage;
use super::shell::lang_switch::LangSwitch;
use super::library::page::LibraryPage;
use super::map::page::MapPage;
use super::analytics::AnalyticsPage;
use super::shell::notices::{Notices, SaveIndicator};
use super::shell::route::{use_page, Page};
use super::scores::ScoresPage;
use super::state::AppState;
use crate::i18n::texts;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(Some(journey_core::templates::coffee_to_go));
    provide_context(state);
    let page = use_page();
    let t = move || texts(state.lang.get());

    // Typed text is committed while typing and before the tab goes away; leaving asks
    // while a write is pending or failed (`shell/typing.rs`). Other tabs' writes are
    // followed or shown as a conflict (`shell/other_tabs.rs`).
    super::shell::typing::install(state);
    super::shell::other_tabs::install(state);
    super::shell::page_focus::install(state, page);

    view! {
        <AppHeader/>
        <Notices/>
        <super::shell::update_notice::UpdateNotice/>
        <main class="app-main">
            {move || match page.get() {
                Page::Library => view! { <LibraryPage/> }.into_any(),
                Page::Map(id) => view! { <MapPage id=id parts=super::map::actions::EXTRAS/> }.into_any(),
                Page::MapScores(id) => view! { <ScoresPage id=id/> }.into_any(),
                Page::Dashboard(id) => view! { <DashboardPage id=id/> }.into_any(),
                Page::Shared(fragment) => view! { <super::map::shared::SharedPage fragment/> }.into_any(),
                Page::Present(id) => view! { <super::map::presentation::PresentPage id/> }.into_any(),
                Page::Measures(id) => view! { <super::measures::page::MeasuresPage id=id/> }.into_any(),
                Page::Tracking(id) => view! { <super::measures::tracking_page::TrackingPage id=id/> }.into_any(),
                Page::Snapshots(id) => view! { <super::snapshots::page::SnapshotsPage id=id/> }.into_any(),
                Page::MapAnalytics(id) => view! { <AnalyticsPage id=id/> }.into_any(),
                Page::NotFound => view! {
                    <p class="empty" data-testid="not-found">{move || t().page_not_found}</p>
                }.into_any(),
            }}
        </main>
    }
}

/// The header of every page: brand (link to the library), save state, language switch.
/// Also used by the shell of the library and map modules (`module_shell.rs`).
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
            <super::shell::page_focus::SkipLink/>
            <a class="brand" href=Page::Library.href()>
                <span class="brand-name">{move || t().app_title}</span>
                <span class="brand-tagline">{move || t().tagline}</span>
            </a>
            <SaveIndicator/>
            <super::shell::shortcuts::Shortcuts/>
            <LangSwitch/>
        </header>
    }
}
