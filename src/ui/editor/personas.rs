//! The personas of a map: add, edit every field in place (name, segment, background,
//! goals, needs, pains one per line, preferred channels), remove.

use journey_core::editor::{lines_to_list, list_to_lines};
use journey_core::model::{Channel, Persona};
use leptos::prelude::*;

use crate::ui::icons::channel_icon;
use super::ctx::Ed;

#[component]
pub fn PersonaPanel(ed: Ed) -> impl IntoView {
    let add = move |_| {
        let name = ed.t().new_persona;
        ed.edit(|m| {
            m.add_persona(name);
        });
    };
    view! {
        <details class="ed-personas-panel" data-testid="personas">
            <summary><h2>{move || ed.t().personas}</h2></summary>
            <Show when=move || ed.personas.with(Vec::is_empty)>
                <p class="empty">{move || ed.t().no_personas}</p>
            </Show>
            <ul class="ed-persona-list">
                <For each=move || ed.personas.get() key=|p| p.0.clone() let((id, _name))>
                    <PersonaEditor ed id/>
                </For>
            </ul>
            <button type="button" data-testid="add-persona" on:click=add>"+ " {move || ed.t().add_persona}</button>
        </details>
    }
}

#[component]
fn PersonaEditor(ed: Ed, id: String) -> impl IntoView {
    let pid = StoredValue::new(id);
    let p = Memo::new(move |_| ed.with_map(|m| m.personas.iter().find(|p| p.id == pid.get_value()).cloned()).flatten());
    let read = move |f: fn(&Persona) -> String| move || p.with(|p| p.as_ref().map(f).unwrap_or_default());
    let write = move |f: fn(&mut Persona, String)| {
        move |ev: leptos::ev::Event| {
            let s = event_target_value(&ev);
            ed.edit(move |m| {
                if let Some(p) = m.personas.iter_mut().find(|p| p.id == pid.get_value()) {
                    f(p, s);
                }
            });
        }
    };
    let name = read(|p| p.name.clone());
    view! {
        <li class="ed-persona" data-testid="persona">
            <label class="ed-col"><span>{move || ed.t().persona_name}</span>
                <input type="text" data-testid="persona-name" prop:value=name on:change=write(|p, s| p.name = s.trim().to_string()) />
            </label>
            <label class="ed-col"><span>{move || ed.t().segment}</span>
                <input type="text" data-testid="persona-segment" prop:value=read(|p| p.segment.clone()) on:change=write(|p, s| p.segment = s.trim().to_string()) />
            </label>
            <label class="ed-col"><span>{move || ed.t().background}</span>
                <textarea rows="2" prop:value=read(|p| p.background.clone()) on:change=write(|p, s| p.background = s.trim().to_string())></textarea>
            </label>
            <label class="ed-col"><span>{move || format!("{} ({})", ed.t().goals, ed.t().one_per_line)}</span>
                <textarea rows="2" prop:value=read(|p| list_to_lines(&p.goals)) on:change=write(|p, s| p.goals = lines_to_list(&s))></textarea>
            </label>
            <label class="ed-col"><span>{move || format!("{} ({})", ed.t().needs, ed.t().one_per_line)}</span>
                <textarea rows="2" prop:value=read(|p| list_to_lines(&p.needs)) on:change=write(|p, s| p.needs = lines_to_list(&s))></textarea>
            </label>
            <label class="ed-col"><span>{move || format!("{} ({})", ed.t().pains, ed.t().one_per_line)}</span>
                <textarea rows="2" prop:value=read(|p| list_to_lines(&p.pains)) on:change=write(|p, s| p.pains = lines_to_list(&s))></textarea>
            </label>
            <fieldset class="ed-channels">
                <legend>{move || ed.t().preferred_channels}</legend>
                {Channel::FIXED.into_iter().map(|c| {
                    let key = c.key();
                    let c2 = c.clone();
                    view! {
                        <label class="ed-check">
                            <input type="checkbox"
                                prop:checked=move || p.with(|p| p.as_ref().is_some_and(|p| p.preferred_channels.contains(&c)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let c = c2.clone();
                                    ed.edit(move |m| if let Some(p) = m.personas.iter_mut().find(|p| p.id == pid.get_value()) {
                                        p.preferred_channels.retain(|x| *x != c);
                                        if on { p.preferred_channels.push(c); }
                                    });
                                } data-channel=key />
                            {channel_icon(&Channel::from_key(key))} " " {move || Channel::from_key(key).label(ed.state.lang.get())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button type="button" class="danger" data-testid="persona-remove"
                aria-label=move || (ed.t().remove_persona)(&name())
                on:click=move |_| ed.edit(move |m| m.remove_persona(&pid.get_value()))>"✕ " {move || ed.t().remove_route}</button>
        </li>
    }
}
