//! The routes of a map: a list with remove buttons and a form to add one (from, to, kind).
//! Both lists follow edits of the map, so they are keyed and built in linear time: an edit
//! on a 300-touchpoint map touches only the rows and options that changed.

use std::collections::HashMap;

use journey_core::locale::plain;
use journey_core::model::RouteKind;
use leptos::prelude::*;

use super::ctx::Ed;

/// Up to this many routes the list is open when the map opens (a map drawn by hand); a
/// longer one — a generated or imported map — starts closed, its count in the heading.
const OPEN_UP_TO: usize = 40;

#[component]
pub fn RoutePanel(ed: Ed) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new("planned".to_string());
    // "Stage: title" for every touchpoint, in stage order, for both selects.
    let choices = Memo::new(move |_| {
        ed.with_map(|m| {
            m.stages
                .iter()
                .flat_map(|s| m.touchpoints_in(&s.id).map(move |t| (t.id.clone(), format!("{}: {}", s.name, t.title))))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let rows = Memo::new(move |_| {
        ed.with_map(|m| {
            // By a hash map: a search per route end was quadratic on a large map.
            let titles: HashMap<&str, &str> = m.touchpoints.iter().map(|t| (t.id.as_str(), t.title.as_str())).collect();
            let title = |id: &str| titles.get(id).map(|t| t.to_string()).unwrap_or_default();
            m.routes.iter().map(|r| (r.id.clone(), r.kind, title(&r.from), title(&r.to))).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // A long list starts closed and is not built until opened: the rows, and the two
    // selects of every touchpoint, are work on each edit and paint on each frame.
    // The heading's count, without building the rows of a closed list.
    let count = Memo::new(move |_| ed.with_map(|m| m.routes.len()).unwrap_or(0));
    let open = RwSignal::new(count.get_untracked() <= OPEN_UP_TO);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b, k) = (from.get_untracked(), to.get_untracked(), RouteKind::from_key(&kind.get_untracked()).unwrap_or_default());
        let mut added = false;
        ed.edit(|m| added = m.add_route(&a, &b, k).is_some());
        if !added {
            ed.problem.set(Some(ed.t().route_refused.to_string()));
        }
    };
    // Keyed, so a renamed touchpoint replaces its own option only: rebuilding both lists
    // (600 options on a 300-touchpoint map) took about 3 ms of script per rename.
    let options = move || {
        view! {
            <For each=move || choices.get() key=|c| c.clone() let((id, label))>
                <option value=id>{label}</option>
            </For>
        }
    };
    view! {
        <details class="ed-routes routes" data-testid="routes" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary><h2>{move || ed.t().routes} " (" {move || plain(count.get() as f64, 0, ed.lang())} ")"</h2></summary>
            <Show when=move || open.get()>
            <Show when=move || rows.with(Vec::is_empty)><p class="empty">{move || ed.t().no_routes}</p></Show>
            <ul>
                <For each=move || rows.get() key=|r| format!("{}|{:?}|{}|{}", r.0, r.1, r.2, r.3) let((id, k, a, b))>
                    {
                        let rid = StoredValue::new(id);
                        view! {
                            <li data-testid="route" data-kind=format!("{k:?}") class=format!("ed-route route-{}", k.key())>
                                <span>{a} " → " {b} " (" {move || k.label(ed.lang())} ")"</span>
                                <button type="button" data-testid="route-remove" on:click=move |_| ed.edit(move |m| m.remove_route(&rid.get_value()))>
                                    {move || ed.t().remove_route}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="ed-route-form" on:submit=add>
                <label><span>{move || ed.t().route_from}</span>
                    <select data-testid="route-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))>
                        <option value="">"–"</option>{options}
                    </select>
                </label>
                <label><span>{move || ed.t().route_to}</span>
                    <select data-testid="route-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))>
                        <option value="">"–"</option>{options}
                    </select>
                </label>
                <label><span>{move || ed.t().route_kind}</span>
                    <select data-testid="route-kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                        {RouteKind::ALL.map(|k| view! { <option value=k.key()>{move || k.label(ed.lang())}</option> })}
                    </select>
                </label>
                <button type="submit" data-testid="add-route">{move || ed.t().add_route}</button>
            </form>
            </Show>
        </details>
    }
}
