//! A touchpoint card in the touchpoints lane: title, channel (icon and name), emotion or
//! to-be emotion and note, evidence (word and badge, not colour alone), personas, and the
//! move/remove buttons. The card is draggable; dropping a card on another puts it before
//! that one. Alt+arrow keys on the card move it like the buttons.

use journey_core::model::{Channel, EvidenceKind, Step};
use leptos::prelude::*;

use super::channel_icon::channel_icon;
use super::ctx::{Dragged, Ed};
use journey_core::locale::emotion as emotion_text;

fn emotion_value(e: Option<i8>) -> String {
    e.map(|v| v.to_string()).unwrap_or_default()
}

/// The options −2 … +2 plus "unknown", as faces and numbers.
fn emotion_options(ed: Ed) -> impl IntoView {
    view! {
        <option value="">{move || ed.t().unknown}</option>
        {(-2i8..=2).rev().map(|v| view! { <option value=v.to_string()>{emotion_text(Some(v))}</option> }).collect_view()}
    }
}

#[component]
pub fn TouchpointCard(ed: Ed, id: String) -> impl IntoView {
    let tid = StoredValue::new(id.clone());
    let v = ed.tp_view(id.clone());
    let title = move || v.get(|t| t.title.clone()).unwrap_or_default();
    let channel_key = move || v.get(|t| t.channel.key()).unwrap_or("website");
    let evidence = move || v.get(|t| t.evidence.kind).unwrap_or_default();
    let step = move |s: Step| ed.edit(move |m| {
        m.step_touchpoint(&tid.get_value(), s);
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let s = match ev.key().as_str() {
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "ArrowLeft" => Step::Left,
            "ArrowRight" => Step::Right,
            _ => return,
        };
        ev.prevent_default();
        step(s);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(Dragged::Touchpoint(from)) = ed.dragged.get_untracked() {
            ev.prevent_default();
            ev.stop_propagation();
            ed.edit(move |m| {
                m.move_touchpoint_before(&from, &tid.get_value());
            });
            ed.dragged.set(None);
        }
    };
    let persona_boxes = move || ed.personas.get();
    // How many measures point at this card (issue 8's badge).
    let measures = Memo::new(move |_| ed.with_map(|m| m.measure_count(&tid.get_value())).unwrap_or(0));
    // Rebuild the channel options only when this card's channel changes.
    let channel = Memo::new(move |_| v.get(|t| t.channel.clone()));
    view! {
        <li class=move || format!("card ed-card evidence-{}", evidence().key()) data-testid="touchpoint" data-tp-id=id.clone()
            data-channel=channel_key draggable="true" tabindex="0" title=move || ed.t().drag_hint
            on:keydown=on_keydown
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &tid.get_value()); }
                ed.dragged.set(Some(Dragged::Touchpoint(tid.get_value())));
            }
            on:dragend=move |_| ed.dragged.set(None)
            on:dragover=move |ev| if ed.dragged.with_untracked(|d| matches!(d, Some(Dragged::Touchpoint(_)))) { ev.prevent_default() }
            on:drop=on_drop>
            <h3 class="sr-only">{title}</h3>
            <div class="ed-card-head">
                <span class="ed-drag-handle" aria-hidden="true" data-testid="drag-handle">"⠿"</span>
                <span class="ed-channel-icon" aria-hidden="true">{move || v.get(|t| channel_icon(&t.channel)).unwrap_or("")}</span>
                <input type="text" class="ed-title" data-testid="tp-title" aria-label=move || ed.t().title prop:value=title
                    on:change=move |ev| { let v = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.title = v.trim().to_string()); } />
            </div>
            <div class="ed-card-badges">
                {move || view! { <crate::ui::measures::badge::MeasureBadge count=measures.get()/> }}
                <crate::ui::scores::badge::ScoreBadge testid="tp-score"
                    value=Signal::derive(move || ed.map.scores.with(|s| s.as_ref()?.touchpoint_value(&tid.get_value())))/>
            </div>
            <label class="ed-row">
                <span>{move || ed.t().channel}</span>
                <select data-testid="tp-channel" prop:value=channel_key
                    on:change=move |ev| { let v = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.channel = Channel::from_key(&v)); }>
                    {move || {
                        let lang = ed.state.lang.get();
                        let mut channels: Vec<Channel> = Channel::FIXED.to_vec();
                        if let Some(c @ Channel::Custom(_)) = channel.get() { channels.push(c); }
                        channels.into_iter().map(|c| view! {
                            <option value=c.key()>{format!("{} {}", channel_icon(&c), c.label(lang))}</option>
                        }).collect_view()
                    }}
                </select>
            </label>
            <Show when=move || !ed.to_be.get()>
                <label class="ed-row">
                    <span>{move || ed.t().emotion}</span>
                    <select data-testid="tp-emotion" prop:value=move || emotion_value(v.get(|t| t.emotion).flatten())
                        on:change=move |ev| { let v = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.set_emotion(v.parse().ok())); }>
                        {emotion_options(ed)}
                    </select>
                </label>
                {move || v.get(|t| t.to_be_emotion).flatten().map(|e| view! {
                    <p class="ed-to-be-hint">{move || ed.t().to_be_short} ": " {emotion_text(Some(e))}</p>
                })}
            </Show>
            <Show when=move || ed.to_be.get()>
                <p class="ed-as-is-hint">{move || ed.t().emotion} ": " {move || emotion_text(v.get(|t| t.emotion).flatten())}</p>
                <label class="ed-row">
                    <span>{move || ed.t().to_be_emotion}</span>
                    <select data-testid="tp-to-be-emotion" prop:value=move || emotion_value(v.get(|t| t.to_be_emotion).flatten())
                        on:change=move |ev| { let v = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.set_to_be_emotion(v.parse().ok())); }>
                        {emotion_options(ed)}
                    </select>
                </label>
                <label class="ed-col">
                    <span>{move || ed.t().to_be_note}</span>
                    <textarea data-testid="tp-to-be-note" rows="2" prop:value=move || v.get(|t| t.to_be_note.clone()).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); ed.edit_tp(&tid.get_value(), move |t| t.to_be_note = v.trim().to_string()); }></textarea>
                </label>
            </Show>
            <label class="ed-row">
                <span>{move || ed.t().evidence}</span>
                <select data-testid="tp-evidence" prop:value=move || evidence().key()
                    on:change=move |ev| {
                        let kind = EvidenceKind::from_key_or_label(&event_target_value(&ev)).unwrap_or_default();
                        ed.edit_tp(&tid.get_value(), move |t| t.evidence.kind = kind);
                    }>
                    <option value="measured">{move || format!("● {}", EvidenceKind::Measured.label(ed.lang()))}</option>
                    <option value="reported">{move || format!("◐ {}", EvidenceKind::Reported.label(ed.lang()))}</option>
                    <option value="assumed">{move || format!("○ {}", EvidenceKind::Assumed.label(ed.lang()))}</option>
                </select>
            </label>
            <Show when=move || !persona_boxes().is_empty()>
                <fieldset class="ed-personas">
                    <legend>{move || ed.t().belongs_to}</legend>
                    <For each=persona_boxes key=|p| p.clone() let((pid, pname))>
                        {
                            let pid = StoredValue::new(pid);
                            view! {
                                <label class="ed-check">
                                    <input type="checkbox" data-testid="tp-persona"
                                        prop:checked=move || v.get(|t| t.persona_ids.contains(&pid.get_value())).unwrap_or(false)
                                        on:change=move |ev| { let on = event_target_checked(&ev); ed.edit_tp(&tid.get_value(), move |t| {
                                            let p = pid.get_value();
                                            t.persona_ids.retain(|x| *x != p);
                                            if on { t.persona_ids.push(p); }
                                        }); } />
                                    {pname}
                                </label>
                            }
                        }
                    </For>
                </fieldset>
            </Show>
            <div class="ed-card-actions">
                <button type="button" data-testid="tp-up" aria-label=move || (ed.t().move_up)(&title()) on:click=move |_| step(Step::Up)>"▲"</button>
                <button type="button" data-testid="tp-down" aria-label=move || (ed.t().move_down)(&title()) on:click=move |_| step(Step::Down)>"▼"</button>
                <button type="button" data-testid="tp-left" aria-label=move || (ed.t().move_left)(&title()) on:click=move |_| step(Step::Left)>"◀"</button>
                <button type="button" data-testid="tp-right" aria-label=move || (ed.t().move_right)(&title()) on:click=move |_| step(Step::Right)>"▶"</button>
                <button type="button" class="danger" data-testid="tp-remove" aria-label=move || (ed.t().remove_touchpoint)(&title())
                    on:click=move |_| ed.edit(move |m| m.remove_touchpoint(&tid.get_value()))>"✕"</button>
            </div>
        </li>
    }
}
