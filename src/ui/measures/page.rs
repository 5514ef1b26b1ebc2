//! The measures of a map (`#/map/<id>/measures`): the add/edit form, filters by stage, owner
//! and status, and the measures as a list or as a board with one column per status.

use journey_core::model::{board, JourneyMap, Lang, Measure, MeasureFilter, MeasureStatus};
use leptos::prelude::*;

use crate::ui::measures::form::MeasureForm;
use crate::ui::browser::time::today;
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::state::AppState;
use crate::i18n::measures::measures_texts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    List,
    Board,
}

#[component]
pub fn MeasuresPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let t = move || measures_texts(lang());
    let handle = MapHandle::new(state, id.clone());
    let map = handle.map;
    let editing = RwSignal::new(None::<String>);
    let stage = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let view_mode = RwSignal::new(View::Board);
    let filter = move || MeasureFilter {
        stage_id: Some(stage.get()).filter(|s| !s.is_empty()),
        owner: Some(owner.get()).filter(|s| !s.is_empty()),
        status: MeasureStatus::from_key(&status.get()),
    };
    let body = {
        let id = id.clone();
        move || {
            let Some(m) = map.get() else { return ().into_any() };
            let id = id.clone();
            let stage_opts = m.stages.iter().map(|s| {
                let (v, sel) = (s.id.clone(), s.id.clone());
                view! { <option value=v selected=move || stage.get() == sel>{s.name.clone()}</option> }
            }).collect_view();
            let owner_opts = m.measure_owners().into_iter().map(|o| {
                let sel = o.clone();
                view! { <option value=o.clone() selected=move || owner.get() == sel>{o.clone()}</option> }
            }).collect_view();
            let status_opts = MeasureStatus::ALL.into_iter().map(|s| {
                view! { <option value=s.key() selected=move || status.get() == s.key()>{s.label(lang())}</option> }
            }).collect_view();
            let toggle = move |mode: View, label: &'static str, testid: &'static str| view! {
                <button type="button" data-testid=testid aria-pressed=move || (view_mode.get() == mode).to_string()
                    on:click=move |_| view_mode.set(mode)>{label}</button>
            };
            let t = t();
            view! {
                <section class="measure-filters" aria-label=t.filters>
                    <h2>{t.filters}</h2>
                    <label><span>{t.stage}</span>
                        <select data-testid="filter-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                            <option value="">{t.all}</option>{stage_opts}
                        </select>
                    </label>
                    <label><span>{t.owner}</span>
                        <select data-testid="filter-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                            <option value="">{t.all}</option>{owner_opts}
                        </select>
                    </label>
                    <label><span>{t.status}</span>
                        <select data-testid="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                            <option value="">{t.all}</option>{status_opts}
                        </select>
                    </label>
                    <span class="view-toggle" role="group" aria-label=t.view_label>
                        {toggle(View::List, t.view_list, "view-list")}
                        {toggle(View::Board, t.view_board, "view-board")}
                    </span>
                </section>
                {move || measures_view(id.clone(), &m, &filter(), view_mode.get(), editing, lang())}
            }
            .into_any()
        }
    };
    view! {
        <MapFrame map=handle current=MapView::Measures>
        <section class="measures-page">
            <h1 data-testid="measures-title">{move || (t().measures_title)(&handle.name())}</h1>
            // Outside the map-dependent part, so the form keeps what is typed while the map changes.
            <MeasureForm editing/>
            {body.clone()}
        </section>
        </MapFrame>
    }
}

fn measures_view(map_id: String, map: &JourneyMap, filter: &MeasureFilter, mode: View, editing: RwSignal<Option<String>>, lang: Lang) -> AnyView {
    let t = measures_texts(lang);
    if map.measures.is_empty() {
        return view! { <p class="empty" data-testid="no-measures">{t.no_measures}</p> }.into_any();
    }
    let shown = map.filtered_measures(filter);
    if shown.is_empty() {
        return view! { <p class="empty" data-testid="no-match">{t.no_match}</p> }.into_any();
    }
    match mode {
        View::List => {
            let items = shown.iter().map(|m| measure_item(map_id.clone(), map, m, editing, lang)).collect_view();
            view! { <ul class="measure-list" data-testid="measure-list">{items}</ul> }.into_any()
        }
        View::Board => {
            let columns = board(&shown)
                .into_iter()
                .map(|(status, items)| {
                    let n = items.len();
                    let cards = items.iter().map(|m| measure_item(map_id.clone(), map, m, editing, lang)).collect_view();
                    view! {
                        <section class="board-column" data-testid="board-column" data-status=status.key() aria-label=status.label(lang)>
                            <h2>{status.label(lang)} " " <span class="muted">"(" {(t.count_in_column)(n)} ")"</span></h2>
                            <ul class="measure-cards">{cards}</ul>
                        </section>
                    }
                })
                .collect_view();
            view! { <div class="measure-board" data-testid="measure-board">{columns}</div> }.into_any()
        }
    }
}

/// One measure as a card (board) or list row: what it is about, who, when, which effect,
/// and controls to move, edit or delete it.
fn measure_item(map_id: String, map: &JourneyMap, m: &Measure, editing: RwSignal<Option<String>>, lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = measures_texts(lang);
    let confirming = RwSignal::new(false);
    let links = m.links.iter().map(|l| {
        let name = map.touchpoint(&l.touchpoint_id).map(|tp| tp.title.clone()).unwrap_or_else(|| t.removed_touchpoint.to_string());
        let pain = l.pain_point.clone().map(|p| format!(" – {p}")).unwrap_or_default();
        view! { <li>{name}{pain}</li> }
    }).collect_view();
    let when = match (&m.done_on, &m.due) {
        (Some(d), _) if m.status == MeasureStatus::Done => Some((t.done_on)(d)),
        (_, Some(d)) => Some((t.due_on)(d)),
        _ => None,
    };
    let (mid, mid_e, mid_d) = (m.id.clone(), m.id.clone(), m.id.clone());
    let (map_s, map_d) = (map_id.clone(), map_id);
    let status_opts = MeasureStatus::ALL.into_iter().map(|s| {
        view! { <option value=s.key() selected=s == m.status>{s.label(lang)}</option> }
    }).collect_view();
    let title = m.title.clone();
    view! {
        <li class="measure-card" data-testid="measure-card" data-status=m.status.key()>
            <h3>{m.title.clone()}</h3>
            {(!m.description.is_empty()).then(|| view! { <p>{m.description.clone()}</p> })}
            <ul class="measure-links">{links}</ul>
            <p class="meta">
                {(!m.owner.is_empty()).then(|| view! { <span>{t.owner} ": " {m.owner.clone()}</span> " " })}
                {when.map(|w| view! { <span>{w}</span> " " })}
            </p>
            {m.expected_effect.as_ref().map(|e| view! { <p class="effect">{t.effect} ": " {e.describe(lang)}</p> })}
            <div class="measure-actions">
                <label><span>{t.status}</span>
                    <select data-testid="measure-move" on:change=move |ev| {
                        if let Some(s) = MeasureStatus::from_key(&event_target_value(&ev)) {
                            let today = today();
                            state.edit_map(&map_s, |map| { map.set_measure_status(&mid, s, &today); });
                        }
                    }>{status_opts}</select>
                </label>
                <button type="button" data-testid="measure-edit" on:click=move |_| editing.set(Some(mid_e.clone()))>{t.edit}</button>
                <button type="button" class="danger" data-testid="measure-delete" on:click=move |_| confirming.set(true)>{t.delete}</button>
            </div>
            <Show when=move || confirming.get()>
                <crate::ui::shell::dialog::ConfirmBox
                    question=Signal::derive({ let title = title.clone(); move || (t.confirm_delete_measure)(&title) })
                    yes=Signal::derive(move || t.delete.to_string()) no=Signal::derive(move || t.cancel.to_string())
                    on_yes={
                        let (map_d, mid_d) = (map_d.clone(), mid_d.clone());
                        move || {
                            confirming.set(false);
                            if editing.get_untracked().as_deref() == Some(mid_d.as_str()) {
                                editing.set(None);
                            }
                            state.edit_map(&map_d, |map| map.remove_measure(&mid_d));
                        }
                    }
                    close=move || confirming.set(false)/>
            </Show>
        </li>
    }
}
