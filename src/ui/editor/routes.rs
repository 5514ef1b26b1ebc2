//! The routes of a map: a list with remove buttons and a form to add one (from, to, kind).

use journey_core::model::RouteKind;
use leptos::prelude::*;

use super::ctx::Ed;

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
            let title = |id: &str| m.touchpoint(id).map(|t| t.title.clone()).unwrap_or_default();
            m.routes.iter().map(|r| (r.id.clone(), r.kind, title(&r.from), title(&r.to))).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b, k) = (from.get_untracked(), to.get_untracked(), RouteKind::from_key(&kind.get_untracked()).unwrap_or_default());
        let mut added = false;
        ed.edit(|m| added = m.add_route(&a, &b, k).is_some());
        if !added {
            ed.problem.set(Some(ed.t().route_refused.to_string()));
        }
    };
    let options = move || {
        choices.get().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()
    };
    view! {
        <section class="ed-routes routes" data-testid="routes">
            <h2>{move || ed.t().routes}</h2>
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
        </section>
    }
}
