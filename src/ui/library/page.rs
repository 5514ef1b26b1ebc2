//! The map library: every stored map with its last-changed time; create (blank or from the
//! example), rename, duplicate, and delete after an explicit confirmation.

use leptos::prelude::*;

use crate::ui::browser::time::date_time;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::{AppState, NewMap};
use crate::i18n::library::library_texts;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || library_texts(state.lang.get());
    let new_name = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);

    let create_blank = move || {
        if let Some(id) = state.add_map(NewMap::Blank(new_name.get_untracked())) {
            new_name.set(String::new());
            navigate(&Page::map(id));
        }
    };

    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{move || t().library_title}</h1>
            <form class="create-map" on:submit=move |ev| { ev.prevent_default(); create_blank(); }>
                <label>
                    <span>{move || t().new_map_name_label}</span>
                    <input type="text" data-testid="new-map-name"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                        placeholder=move || t().new_map_default_name />
                </label>
                <button type="submit" data-testid="create-blank">{move || t().create_blank}</button>
                <button type="button" data-testid="create-example"
                    on:click=move |_| if let Some(id) = state.add_map(NewMap::Builder(Box::new(journey_core::templates::coffee_to_go))) { navigate(&Page::map(id)) }>
                    {move || t().create_example}
                </button>
                <button type="button" data-testid="create-running-shoes"
                    on:click=move |_| if let Some(id) = state.add_map(NewMap::Builder(Box::new(journey_core::templates::online_shop_checkout))) { navigate(&Page::map(id)) }>
                    {move || library_texts(state.lang.get()).create_running_shoes}
                </button>
            </form>
            <super::template_picker::TemplatePicker/>
            <crate::ui::library::files::LibraryFiles/>
            <Show when=move || state.library.with(|l| l.maps.is_empty())>
                <p class="empty">{move || t().library_empty}</p>
            </Show>
            <ul class="map-list" data-testid="map-list">
                <For
                    each=move || state.library.with(|l| l.sorted().into_iter()
                        .map(|m| (m.id.clone(), m.name.clone(), m.updated_at, m.touchpoints.len()))
                        .collect::<Vec<_>>())
                    key=|row| (row.0.clone(), row.1.clone(), row.2.to_bits(), row.3)
                    children=move |(id, name, updated, n)| {
                        view! { <MapRow id name updated touchpoints=n renaming confirming/> }
                    }
                />
            </ul>
            <crate::ui::library::storage_meter::StorageMeter/>
        </section>
    }
}

#[component]
fn MapRow(
    id: String,
    name: String,
    updated: f64,
    touchpoints: usize,
    renaming: RwSignal<Option<String>>,
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || library_texts(state.lang.get());
    let draft = RwSignal::new(name.clone());
    let is_renaming = {
        let id = id.clone();
        move || renaming.get().as_deref() == Some(id.as_str())
    };
    let is_confirming = {
        let id = id.clone();
        move || confirming.get().as_deref() == Some(id.as_str())
    };
    let href = Page::map(id.clone()).href();
    let (id_r, id_d, id_x, id_c) = (id.clone(), id.clone(), id.clone(), id.clone());
    let name_c = name.clone();
    let commit_rename = move || {
        if state.rename(&id_r, &draft.get_untracked()) {
            renaming.set(None);
        }
    };

    view! {
        <li class="map-row" data-testid="map-row" data-map-id=id.clone()>
            <div class="map-row-main">
                <a class="map-name" href=href data-testid="map-link">{name.clone()}</a>
                <span class="map-meta">
                    {move || t().last_changed} ": " {move || date_time(updated, state.lang.get())}
                    " · " {move || (t().touchpoints_count)(touchpoints)}
                </span>
            </div>
            <Show when=is_renaming.clone()
                fallback=move || {
                    let (id_a, id_b) = (id_d.clone(), id_c.clone());
                    view! {
                        <div class="map-actions">
                            <button type="button" data-testid="rename" on:click=move |_| renaming.set(Some(id_a.clone()))>
                                {move || t().rename}
                            </button>
                            <button type="button" data-testid="duplicate" on:click={ let id = id_b.clone(); move |_| { state.add_map(NewMap::CopyOf(id.clone())); } }>
                                {move || t().duplicate}
                            </button>
                            <button type="button" class="danger" data-testid="delete"
                                on:click={ let id = id_b.clone(); move |_| confirming.set(Some(id.clone())) }>
                                {move || t().delete}
                            </button>
                        </div>
                    }
                }
            >
                <form class="rename-form" on:submit={ let commit = commit_rename.clone(); move |ev| { ev.prevent_default(); commit(); } }>
                    <label>
                        <span>{move || t().rename_label}</span>
                        <input type="text" data-testid="rename-input"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" data-testid="rename-save">{move || t().save}</button>
                    <button type="button" on:click=move |_| renaming.set(None)>{move || t().cancel}</button>
                </form>
            </Show>
            <Show when=is_confirming.clone()>
                <div class="confirm" role="alertdialog" aria-modal="false" data-testid="confirm-delete">
                    <p>{let n = name_c.clone(); move || (t().confirm_delete)(&n)}</p>
                    <button type="button" class="danger" data-testid="confirm-delete-yes"
                        on:click={ let id = id_x.clone(); move |_| { confirming.set(None); state.delete(&id); } }>
                        {move || t().delete}
                    </button>
                    <button type="button" data-testid="confirm-delete-no" on:click=move |_| confirming.set(None)>
                        {move || t().cancel}
                    </button>
                </div>
            </Show>
        </li>
    }
}
