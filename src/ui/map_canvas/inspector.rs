//! The inspector beside the map: every field of the selected touchpoint — title, channel,
//! personas, customer action and thoughts, as-is and to-be emotion, pain points and
//! opportunities, frontstage/backstage and owner, evidence, measurements and score inputs —
//! its score with the explanation, its measures and routes, moves and a confirmed delete.
//! It is the only touchpoint form on screen. Fields commit on `change` (Enter or leaving
//! the field), so one typed value is one undo step; Esc closes the inspector.

use journey_core::editor::{lines_to_list, list_to_lines, set_opportunity_texts};
use journey_core::canvas::nav::move_along_row;
use journey_core::canvas::Move;
use journey_core::icons::Tool;
use journey_core::model::{Channel, EvidenceKind, Touchpoint, Visibility};
use journey_core::score::{
    contact_class_from_key, contact_class_key, contact_class_label, contact_reason_from_key, contact_reason_key,
    contact_reason_label,
};
use journey_core::entry::TouchpointField;
use journey_core::editor::Lane;
use leptos::prelude::*;

use super::confirm_delete::ConfirmDelete;
use super::ctx::{Cv, TpView};
use crate::ui::icons::{route_icon, tool_icon};

type Read = fn(&Touchpoint) -> String;
type Write = fn(&mut Touchpoint, String);

/// A text field (one line or several) of the touchpoint.
fn text_field(cv: Cv, v: TpView, tid: StoredValue<String>, label: String, testid: &'static str, lines: bool, read: Read, write: Write) -> impl IntoView {
    // A memo: an edit of another field leaves this one's DOM value alone.
    let value = Memo::new(move |_| v.get(read).unwrap_or_default());
    let commit = move |ev: leptos::ev::Event| {
        let s = event_target_value(&ev);
        cv.edit_tp(&tid.get_value(), move |t| write(t, s));
    };
    view! {
        <label class="cv-field">
            <span>{label}</span>
            {if lines {
                view! { <textarea rows="3" data-testid=testid prop:value=value on:change=commit></textarea> }.into_any()
            } else {
                view! { <input type="text" data-testid=testid prop:value=value on:change=commit/> }.into_any()
            }}
        </label>
    }
}

/// A choice: `(key, label)` options, the stored value as a key and back.
fn choice_field(
    cv: Cv,
    v: TpView,
    tid: StoredValue<String>,
    label: String,
    testid: &'static str,
    options: Vec<(String, String)>,
    get: fn(&Touchpoint) -> String,
    set: fn(&mut Touchpoint, &str),
) -> impl IntoView {
    let current = Memo::new(move |_| v.get(get).unwrap_or_default());
    view! {
        <label class="cv-field">
            <span>{label}</span>
            <select data-testid=testid prop:value=move || current.get()
                on:change=move |ev| { let k = event_target_value(&ev); cv.edit_tp(&tid.get_value(), move |t| set(t, &k)); }>
                {options.into_iter().map(|(key, text)| {
                    let k = key.clone();
                    view! { <option value=key prop:selected=move || current.with(|c| *c == k)>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A measured number, parsed by `TouchpointField` (the scores page's parser): a refused
/// value changes nothing, says why, and the field shows the stored value again.
fn number_field(cv: Cv, v: TpView, tid: StoredValue<String>, field: TouchpointField) -> impl IntoView {
    let shown = RwSignal::new(0u32);
    view! {
        <label class="cv-field cv-number">
            <span>{move || field.label(cv.state.lang.get())}</span>
            <input type="text" inputmode="decimal" data-testid=format!("input-{}", field.key())
                prop:value=move || { shown.track(); let lang = cv.state.lang.get(); v.get(|t| field.show(t, lang)).unwrap_or_default() }
                on:change=move |ev| {
                    match field.parse(&event_target_value(&ev), cv.state.lang.get_untracked()) {
                        Ok(value) => cv.edit_tp(&tid.get_value(), move |t| field.set(t, value)),
                        Err(e) => {
                            cv.problem.set(Some(e.message(cv.state.lang.get_untracked())));
                            shown.update(|n| *n += 1);
                        }
                    }
                } />
        </label>
    }
}

fn emotion_options(cv: Cv) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), cv.et().unknown.to_string())];
    let lang = cv.state.lang.get_untracked();
    o.extend((-2i8..=2).rev().map(|e| (e.to_string(), journey_core::locale::emotion_label(e, lang))));
    o
}

#[component]
pub fn Inspector(cv: Cv, id: String) -> impl IntoView {
    let v = cv.tp_view(&id);
    let tid = StoredValue::new(id);
    let title = move || v.get(|t| t.title.clone()).unwrap_or_default();
    let lang = cv.state.lang.get_untracked();
    let et = cv.et();
    let lane = |l: Lane| l.label(lang).to_string();
    let close = move || {
        cv.inspector.set(false);
        cv.focus_selection();
    };
    let channels = {
        let mut c: Vec<Channel> = Channel::FIXED.to_vec();
        if let Some(custom @ Channel::Custom(_)) = v.get(|t| t.channel.clone()) {
            c.push(custom);
        }
        c.into_iter().map(|c| (c.key().to_string(), c.label(lang))).collect::<Vec<_>>()
    };
    let personas = move || cv.personas.get();
    let step = move |m: Move| {
        cv.edit(|map| {
            move_along_row(map, &tid.get_value(), m);
        })
    };
    view! {
        <aside class="cv-inspector" data-testid="inspector" aria-label=move || cv.t().inspector
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }>
            <header class="cv-inspector-head">
                <h2>{title}</h2>
                <button type="button" class="cv-icon-button" data-testid="inspector-close" title=move || cv.t().close
                    aria-label=move || cv.t().close on:click=move |_| close()>{tool_icon(Tool::Close)}</button>
            </header>
            <section>
                {text_field(cv, v, tid, et.title.into(), "tp-title", false, |t| t.title.clone(), |t, s| { if !s.trim().is_empty() { t.title = s.trim().to_string() } })}
                {choice_field(cv, v, tid, et.channel.into(), "tp-channel", channels, |t| t.channel.key().to_string(),
                    |t, k| t.channel = Channel::from_key(k))}
                <Show when=move || !personas().is_empty()>
                    <fieldset class="cv-personas">
                        <legend>{move || cv.et().belongs_to}</legend>
                        <For each=personas key=|p| p.clone() let((pid, pname))>
                            {
                                let pid = StoredValue::new(pid);
                                view! {
                                    <label class="cv-check">
                                        <input type="checkbox" data-testid="tp-persona"
                                            prop:checked=move || v.get(|t| t.persona_ids.contains(&pid.get_value())).unwrap_or(false)
                                            on:change=move |ev| { let on = event_target_checked(&ev); cv.edit_tp(&tid.get_value(), move |t| {
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
            </section>
            <section>
                <h3>{move || cv.t().section_customer}</h3>
                {text_field(cv, v, tid, lane(Lane::Actions), "tp-action", true, |t| t.customer_action.clone(), |t, s| t.customer_action = s.trim().to_string())}
                {text_field(cv, v, tid, lane(Lane::Thoughts), "tp-thoughts", true, |t| t.thoughts.clone(), |t, s| t.thoughts = s.trim().to_string())}
            </section>
            <section>
                <h3>{move || cv.t().section_emotion}</h3>
                {choice_field(cv, v, tid, et.emotion.into(), "tp-emotion", emotion_options(cv),
                    |t| t.emotion.map(|e| e.to_string()).unwrap_or_default(), |t, k| t.set_emotion(k.parse().ok()))}
                {choice_field(cv, v, tid, et.to_be_emotion.into(), "tp-to-be-emotion", emotion_options(cv),
                    |t| t.to_be_emotion.map(|e| e.to_string()).unwrap_or_default(), |t, k| t.set_to_be_emotion(k.parse().ok()))}
                {text_field(cv, v, tid, et.to_be_note.into(), "tp-to-be-note", true, |t| t.to_be_note.clone(), |t, s| t.to_be_note = s.trim().to_string())}
            </section>
            <section>
                <h3>{move || cv.t().section_pains}</h3>
                {text_field(cv, v, tid, format!("{} ({})", Lane::PainPoints.label(lang), et.one_per_line), "tp-pain-points", true,
                    |t| list_to_lines(&t.pain_points), |t, s| t.pain_points = lines_to_list(&s))}
                {text_field(cv, v, tid, format!("{} ({})", Lane::Opportunities.label(lang), et.one_per_line), "tp-opportunities", true,
                    |t| t.opportunities.iter().map(|o| o.text.as_str()).collect::<Vec<_>>().join("\n"),
                    |t, s| set_opportunity_texts(t, lines_to_list(&s)))}
            </section>
            <section>
                <h3>{move || cv.t().section_business}</h3>
                {choice_field(cv, v, tid, lane(Lane::Stage), "tp-visibility",
                    vec![("frontstage".into(), et.frontstage.into()), ("backstage".into(), et.backstage.into())],
                    |t| if t.visibility == Visibility::Backstage { "backstage".into() } else { "frontstage".into() },
                    |t, k| t.visibility = if k == "backstage" { Visibility::Backstage } else { Visibility::Frontstage })}
                {text_field(cv, v, tid, et.owner.into(), "tp-owner", false, |t| t.owner.clone(), |t, s| t.owner = s.trim().to_string())}
            </section>
            <section>
                <h3>{move || cv.t().section_evidence}</h3>
                {choice_field(cv, v, tid, et.evidence.into(), "tp-evidence",
                    EvidenceKind::ALL.iter().map(|k| (k.key().to_string(), k.label(lang).to_string())).collect(),
                    |t| t.evidence.kind.key().to_string(),
                    |t, k| t.evidence.kind = EvidenceKind::ALL.into_iter().find(|e| e.key() == k).unwrap_or_default())}
                {text_field(cv, v, tid, et.evidence_source.into(), "tp-evidence-source", false, |t| t.evidence.source.clone(), |t, s| t.evidence.source = s.trim().to_string())}
            </section>
            <section>
                <h3>{move || cv.t().section_measurements}</h3>
                <div class="cv-field-grid">
                    {TouchpointField::ALL.into_iter().map(|f| number_field(cv, v, tid, f)).collect_view()}
                </div>
                {score_inputs(cv, v, tid)}
                {text_field(cv, v, tid, cv.t().event_key.into(), "tp-event-key", false, |t| t.event_key.clone().unwrap_or_default(),
                    |t, s| t.event_key = Some(s.trim().to_string()).filter(|s| !s.is_empty()))}
            </section>
            <ScoreSection cv tid/>
            <MeasuresSection cv tid/>
            <RoutesSection cv tid/>
            <footer class="cv-inspector-foot">
                <button type="button" data-testid="tp-earlier" on:click=move |_| step(Move::Left)>"← " {move || cv.t().move_earlier}</button>
                <button type="button" data-testid="tp-later" on:click=move |_| step(Move::Right)>{move || cv.t().move_later} " →"</button>
                <ConfirmDelete cv testid="tp-remove" label=Signal::derive(move || cv.t().delete_touchpoint)
                    question=Signal::derive(move || (cv.t().confirm_delete_touchpoint)(&title()))
                    name=Signal::derive(title)
                    remove=move |m| m.remove_touchpoint(&tid.get_value())/>
            </footer>
        </aside>
    }
}

/// Importance and contact class and reason: the score inputs that are choices.
fn score_inputs(cv: Cv, v: TpView, tid: StoredValue<String>) -> impl IntoView {
    let lang = cv.state.lang.get_untracked();
    let st = crate::i18n::scores::scores_texts(lang);
    let mut importance = vec![(String::new(), st.not_entered.to_string())];
    importance.extend((1..=5).map(|i: u8| (i.to_string(), i.to_string())));
    let mut class = vec![(String::new(), st.not_a_contact.to_string())];
    class.extend(["value_adding", "disruptive", "self_service_candidate"].iter().filter_map(|k| {
        contact_class_from_key(k).map(|c| (k.to_string(), contact_class_label(c, lang).to_string()))
    }));
    let mut reason = vec![(String::new(), st.no_reason.to_string())];
    reason.extend(["service", "information", "order"].iter().filter_map(|k| {
        contact_reason_from_key(k).map(|r| (k.to_string(), contact_reason_label(r, lang).to_string()))
    }));
    view! {
        <div class="cv-field-grid">
            {choice_field(cv, v, tid, st.importance.into(), "input-importance", importance,
                |t| t.importance.map(|i| i.to_string()).unwrap_or_default(),
                |t, k| t.importance = k.parse().ok().filter(|i| (1..=5).contains(i)))}
            {choice_field(cv, v, tid, st.contact_class.into(), "input-contact_class", class,
                |t| t.contact_class.map(contact_class_key).unwrap_or_default().to_string(),
                |t, k| t.contact_class = contact_class_from_key(k))}
            {choice_field(cv, v, tid, st.contact_reason.into(), "input-contact_reason", reason,
                |t| t.contact_reason.map(contact_reason_key).unwrap_or_default().to_string(),
                |t, k| t.contact_reason = contact_reason_from_key(k))}
        </div>
    }
}

/// The touchpoint's score and how it comes about (the scores page's explanation).
#[component]
fn ScoreSection(cv: Cv, tid: StoredValue<String>) -> impl IntoView {
    let result = Memo::new(move |_| cv.scores.with(|s| s.as_ref().and_then(|s| s.touchpoint(&tid.get_value()).cloned())));
    let value = Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.score.as_ref()).map(|s| s.value)));
    let lines = move || {
        let lang = cv.state.lang.get();
        result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let mut out: Vec<String> = r.score.as_ref().map(|s| s.used.iter().map(|u| crate::ui::scores::explain::used_line(u, lang)).collect()).unwrap_or_default();
            out.extend(crate::ui::scores::explain::formula_line(r, lang));
            out.extend(crate::ui::scores::explain::left_out_line(r, lang));
            out
        })
    };
    view! {
        <section data-testid="inspector-score">
            <h3>{move || cv.t().section_score}</h3>
            <crate::ui::scores::ScoreBadge testid="inspector-score-badge" value=value/>
            <Show when=move || value.get().is_none()><p class="muted">{move || cv.t().no_score_yet}</p></Show>
            <ul class="cv-explain">{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}

#[component]
fn MeasuresSection(cv: Cv, tid: StoredValue<String>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let lang = cv.state.lang.get();
        cv.with_map(|m| {
            m.measures.iter().filter(|x| x.touches(&tid.get_value())).map(|x| (x.title.clone(), x.status.label(lang).to_string())).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section data-testid="inspector-measures">
            <h3>{move || cv.t().section_measures}</h3>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="muted">"–"</p> }>
                <ul>{move || rows.get().into_iter().map(|(t, s)| view! { <li>{t} " · " <span class="muted">{s}</span></li> }).collect_view()}</ul>
            </Show>
        </section>
    }
}

#[component]
fn RoutesSection(cv: Cv, tid: StoredValue<String>) -> impl IntoView {
    // (route id, kind, outgoing, the other touchpoint's title)
    let rows = Memo::new(move |_| {
        cv.with_map(|m| {
            let me = tid.get_value();
            let title = |id: &str| m.touchpoint(id).map(|t| t.title.clone()).unwrap_or_default();
            m.routes
                .iter()
                .filter(|r| r.from == me || r.to == me)
                .map(|r| (r.id.clone(), r.kind, r.from == me, if r.from == me { title(&r.to) } else { title(&r.from) }))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section data-testid="inspector-routes">
            <h3>{move || cv.t().section_routes}</h3>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="muted">{move || cv.t().no_routes_here}</p> }>
                <ul class="cv-routes">
                    {move || rows.get().into_iter().map(|(rid, kind, out, other)| {
                        let rid = StoredValue::new(rid);
                        let text = if out { (cv.t().route_to)(&other) } else { (cv.t().route_from)(&other) };
                        view! {
                            <li>{route_icon(kind)} " " {text}
                                <button type="button" class="cv-quiet cv-icon-button" aria-label=move || cv.et().remove_route
                                    title=move || cv.et().remove_route
                                    on:click=move |_| cv.edit(move |m| m.remove_route(&rid.get_value()))>{tool_icon(Tool::Close)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
