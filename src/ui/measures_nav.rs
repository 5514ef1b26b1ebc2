//! The small navigation between a map and its measures, measurements and snapshots pages,
//! and the measure count badge for touchpoint cards.

use leptos::prelude::*;

use super::route::Page;
use super::state::AppState;
use crate::i18n::measures::measures_texts;
use crate::i18n::texts;

/// Which page of the map is shown (marked with `aria-current`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Map,
    Measures,
    Tracking,
    Snapshots,
}

/// `with_back` adds the link to the library (the map page has its own).
#[component]
pub fn MapSectionsNav(id: String, current: Section, #[prop(optional)] with_back: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || measures_texts(state.lang.get());
    let link = move |page: Page, section: Section, label: fn(&crate::i18n::measures::MeasuresTexts) -> &'static str| {
        let current = (section == current).then_some("page");
        view! { <a href=page.href() aria-current=current data-testid=format!("nav-{section:?}").to_lowercase()>{move || label(t())}</a> }
    };
    view! {
        <nav class="map-sections" aria-label=move || t().nav_label>
            {with_back.then(|| view! { <a href=Page::Library.href() data-testid="back">{move || texts(state.lang.get()).back_to_library}</a> " · " })}
            {link(Page::Map(id.clone()), Section::Map, |t| t.nav_map)}
            " · " {link(Page::Measures(id.clone()), Section::Measures, |t| t.nav_measures)}
            " · " {link(Page::Tracking(id.clone()), Section::Tracking, |t| t.nav_tracking)}
            " · " {link(Page::Snapshots(id.clone()), Section::Snapshots, |t| t.nav_snapshots)}
        </nav>
    }
}

/// "2 measures" on a touchpoint card; nothing when the touchpoint has none.
#[component]
pub fn MeasureBadge(count: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    (count > 0).then(|| {
        view! {
            <span class="measure-badge" data-testid="measure-badge">{move || (measures_texts(state.lang.get()).measure_badge)(count)}</span>
        }
    })
}
