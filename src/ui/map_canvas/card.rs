//! A touchpoint card: channel icon and name, the whole title, evidence (shape and a word for
//! screen readers), score and measures. Read-only; the selected card has an outline, and only
//! the selected card's title becomes a text field (F2 or double-click). Cards are draggable:
//! dropped on another card they go before it (see `cells`).

use journey_core::icons::Tool;
use journey_core::model::EvidenceKind;
use leptos::prelude::*;

use super::ctx::{css_escape, Cv, Dragged};
use crate::ui::icons::{channel_icon, evidence_icon, tool_icon};

pub fn evidence_word(cv: Cv, kind: EvidenceKind) -> &'static str {
    kind.label(cv.state.lang.get())
}

/// A score as a small chip: the band's shape (CSS, so not colour alone), the rounded number
/// with its band's colour; the number and the band's word are its tooltip and its text for
/// screen readers (the visible number is hidden from them, so it is read once). `in_name`:
/// the score is in the accessible name around it already (a card's), so the whole chip is
/// hidden from screen readers and has no text for them (fewer elements per card). Nothing
/// without a score.
pub fn score_chip(cv: Cv, value: Option<f64>, testid: &'static str, in_name: bool) -> Option<impl IntoView> {
    let value = value?;
    let lang = cv.state.lang.get();
    let band = journey_core::score::ScoreBand::of(value);
    let label = (cv.t().score_short)(&journey_core::score::score_label(value, lang));
    let title = label.clone();
    Some(view! {
        <span class=format!("cv-score band-{}", band.key()) data-testid=testid data-band=band.key() title=title
            aria-hidden=in_name.then_some("true")>
            <span aria-hidden="true">{format!("{value:.0}")}</span>
            {(!in_name).then(|| view! { <span class="sr-only">{label}</span> })}
        </span>
    })
}

/// The part of a card's accessible name after its stage: emotion (with the card's
/// personas), score with the band's word, evidence — "emotion −1 (Lena), score 45 weak,
/// assumed".
fn name_tail(cv: Cv, emotion: Option<i8>, personas: &[String], score: Option<f64>, evidence: EvidenceKind) -> String {
    let lang = cv.state.lang.get();
    let t = cv.t();
    // Only a card with personas reads (and so follows) the map's persona list: that memo
    // re-checks on every edit, and every drawn card following it made each edit wake one
    // more effect per card (benchmarks/README.md, "Editor, session 4").
    let who = if personas.is_empty() {
        String::new()
    } else {
        cv.personas.with(|all| {
            // "; " between personas: their names may hold commas ("Lena, commuter").
            all.iter().filter(|(id, _)| personas.contains(id)).map(|(_, name)| name.as_str()).collect::<Vec<_>>().join("; ")
        })
    };
    let mut parts = vec![match emotion {
        Some(e) => (t.card_emotion)(&journey_core::locale::emotion(Some(e)), &who),
        None => t.card_emotion_unknown.to_string(),
    }];
    if let Some(v) = score {
        parts.push((t.card_score)(&journey_core::score::format_score(v, lang), journey_core::score::ScoreBand::of(v).label(lang)));
    }
    parts.push(evidence_word(cv, evidence).to_string());
    parts.join(", ")
}

#[component]
pub fn Card(cv: Cv, id: String, stage: String) -> impl IntoView {
    let v = cv.tp_view(&id);
    let tid = StoredValue::new(id.clone());
    let selected = Memo::new(move |_| cv.is_selected_tp(&tid.get_value()));
    let renaming = Memo::new(move |_| cv.renaming.with(|r| r.as_deref() == Some(tid.get_value().as_str())));
    let title = move || v.get(|t| t.title.clone()).unwrap_or_default();
    let channel = Memo::new(move |_| v.get(|t| t.channel.clone()).unwrap_or_default());
    let evidence = Memo::new(move |_| v.get(|t| t.evidence.kind).unwrap_or_default());
    let extras = cv.tp_extras(&id);
    let score = Memo::new(move |_| extras.get().score);
    let measures = Memo::new(move |_| extras.get().measures);
    // The accessible name: "Installs the app, App, Consideration, emotion −1 (Lena), score 45
    // weak, assumed" — title and channel (the card's own aria-label: a card names itself
    // first in its aria-labelledby, so no element is needed for it), the stage's name (its
    // header's hidden text), the rest (one hidden span).
    let key = css_escape(&id);
    let (card_id, tail_id) = (format!("cc-{key}"), format!("ct-{key}"));
    let labelled_by = format!("{card_id} sn-{} {tail_id}", css_escape(&stage));
    let head = move || format!("{}, {},", title(), channel.with(|c| c.label(cv.state.lang.get())));
    let tail = Memo::new(move |_| {
        let (emotion, personas) = v.get(|t| (t.emotion, t.persona_ids.clone())).unwrap_or_default();
        name_tail(cv, emotion, &personas, score.get(), evidence.get())
    });
    let class = move || {
        format!(
            "cv-card evidence-{}{}",
            evidence.get().key(),
            if selected.get() { " selected" } else { "" }
        )
    };
    view! {
        <article class=class data-testid="touchpoint" data-tp-id=id data-channel=move || channel.with(|c| c.key())
            tabindex=move || if selected.get() { "0" } else { "-1" }
            aria-current=move || selected.get().then_some("true")
            draggable=move || if renaming.get() { "false" } else { "true" }
            on:click=move |ev| { ev.stop_propagation(); cv.open_tp(&tid.get_value()); }
            on:dblclick=move |_| { cv.open_tp(&tid.get_value()); cv.renaming.set(Some(tid.get_value())); }
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &tid.get_value()); }
                cv.dragged.set(Some(Dragged::Touchpoint(tid.get_value())));
            }
            on:dragend=move |_| cv.dragged.set(None)
            id=card_id aria-label=head aria-labelledby=labelled_by>
            <span id=tail_id hidden>{move || tail.get()}</span>
            // Channel, evidence and score are in the name: hidden here so they are read once.
            <div class="cv-card-channel" aria-hidden="true">
                {move || channel.with(channel_icon)}
                <span class="cv-channel-name" title=move || channel.with(|c| c.label(cv.state.lang.get()))>{move || channel.with(|c| c.label(cv.state.lang.get()))}</span>
                <span class="cv-grip" aria-hidden="true" data-testid="drag-handle">{tool_icon(Tool::Grip)}</span>
            </div>
            <Show when=move || renaming.get()
                fallback=move || view! { <h3 class="cv-card-title" data-testid="card-title">{move || cv.shown_text(title())}</h3> }>
                <TitleEditor cv initial=title() commit=move |text: String| {
                    cv.edit_tp(&tid.get_value(), move |t| t.title = text);
                }/>
            </Show>
            <div class="cv-card-foot">
                // The evidence word is in the card's name, so the icon has no hidden text.
                <span class="cv-evidence" aria-hidden="true" title=move || format!("{}: {}", cv.et().evidence, evidence_word(cv, evidence.get()))>
                    {move || evidence_icon(evidence.get())}
                </span>
                {move || score_chip(cv, score.get(), "tp-score", true)}
                {move || view! { <crate::ui::measures::badge::MeasureBadge count=measures.get()/> }}
            </div>
        </article>
    }
}

/// A title edited in place: Enter or leaving the field saves (an empty title is refused and
/// the old one stays), Esc cancels. Used by cards and stage headers.
#[component]
pub fn TitleEditor(cv: Cv, initial: String, commit: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let done = StoredValue::new(false);
    let finish = move |save: bool| {
        // Removing the field blurs it, and that blur can arrive after the field's owner is
        // gone (disposed values): then it is finished already.
        if done.try_get_value().unwrap_or(true) {
            return;
        }
        done.set_value(true);
        if save {
            if let Some(el) = input.get_untracked() {
                let text = el.value().trim().to_string();
                if !text.is_empty() {
                    commit(text);
                }
            }
        }
        cv.renaming.set(None);
        cv.focus_selection();
    };
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    view! {
        <input type="text" class="cv-title-input" data-testid="title-in-place" node_ref=input value=initial
            aria-label=move || cv.et().title title=move || cv.t().rename_hint
            on:click=|ev| ev.stop_propagation()
            on:dblclick=|ev| ev.stop_propagation()
            on:keydown=move |ev| {
                ev.stop_propagation();
                match ev.key().as_str() {
                    "Enter" => { ev.prevent_default(); finish(true) }
                    "Escape" => { ev.prevent_default(); finish(false) }
                    _ => {}
                }
            }
            on:blur=move |_| finish(true) />
    }
}
