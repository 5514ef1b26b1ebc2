//! Presentation mode for meetings (`#/map/<id>/present`): full screen where the browser
//! allows it, one stage at a time in large type, the emotion curve with the current stage
//! shaded, the stage's key numbers (the emotion is the curve's value there) and its touchpoints
//! with channel, emotion and pain points. ArrowRight / ArrowLeft (also PageDown /
//! PageUp, Home / End) move, Esc leaves back to the map. Everything is computed locally, so
//! it works offline.

use journey_core::charts::{emotion_curve_focus, from_map::emotion_curve_input, Chart, ChartOptions};
use journey_core::presentation::{key_numbers, stage_summaries, KeyNumber, StageSummary};
use leptos::prelude::*;

use journey_core::locale::emotion_label;
use crate::ui::browser::fullscreen::{exit_fullscreen, in_fullscreen};
use crate::ui::shell::map_frame::{MapFrame, MapHandle};
use crate::ui::shell::map_nav::MapView;
use crate::ui::shell::route::{navigate, Page};
use crate::ui::state::AppState;
use crate::i18n::Lang;
use crate::i18n::map::map_texts;

#[component]
pub fn PresentPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || map_texts(state.lang.get());
    let handle = MapHandle::new(state, id.clone());
    let map = handle.map;
    let summaries = Memo::new(move |_| {
        map.with(|m| handle.scores.with(|s| m.as_ref().zip(s.as_ref()).map(|(m, s)| stage_summaries(m, s)).unwrap_or_default()))
    });
    let count = move || summaries.with(Vec::len);
    let current = RwSignal::new(0usize);
    let leave = {
        let id = id.clone();
        move || {
            exit_fullscreen();
            navigate(&Page::map(id.clone()));
        }
    };
    let step = move |delta: isize| {
        let n = count();
        if n > 0 {
            current.update(|c| *c = (*c as isize + delta).clamp(0, n as isize - 1) as usize);
        }
    };

    let keys = {
        let leave = leave.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            match ev.key().as_str() {
                "ArrowRight" | "PageDown" | " " => step(1),
                "ArrowLeft" | "PageUp" => step(-1),
                "Home" => current.set(0),
                "End" => current.set(count().saturating_sub(1)),
                "Escape" => leave(),
                _ => return,
            }
            ev.prevent_default();
        })
    };
    // Esc in full screen is taken by the browser (it only leaves full screen): follow it out.
    let was_fullscreen = StoredValue::new(false);
    let fullscreen = {
        let leave = leave.clone();
        window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("fullscreenchange"), move |_| {
            if in_fullscreen() {
                was_fullscreen.set_value(true);
            } else if was_fullscreen.get_value() {
                leave();
            }
        })
    };
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
    });

    let curve = move || {
        let lang = state.lang.get();
        let i = current.get();
        map.with(|m| {
            m.as_ref().map(|m| emotion_curve_focus(&emotion_curve_input(m, lang), &ChartOptions::new(lang).sized(900, 400), i))
        })
    };

    view! {
        <MapFrame map=handle current=MapView::Present>
        <div class="present" data-testid="presentation" role="region" aria-roledescription="slides"
            aria-label=move || map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default())>
            {move || match summaries.with(|s| s.get(current.get()).cloned()) {
                None => view! {
                    <p class="present-empty" data-testid="present-empty">
                        {move || it().no_stages}
                    </p>
                }.into_any(),
                Some(s) => view! {
                    <Slide summary=s lang=state.lang.get() count=count() curve=curve()
                        map_name=map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default())/>
                }.into_any(),
            }}
            <nav class="present-nav" aria-label=move || it().present>
                <button type="button" data-testid="present-prev" on:click=move |_| step(-1) disabled=move || current.get() == 0>
                    "← " {move || it().previous_stage}
                </button>
                <button type="button" data-testid="present-next" on:click=move |_| step(1) disabled=move || { current.get() + 1 >= count() }>
                    {move || it().next_stage} " →"
                </button>
                <span class="present-keys">{move || it().present_keys}</span>
                <button type="button" data-testid="present-leave" on:click={ let leave = leave.clone(); move |_| leave() }>{move || it().leave_presentation}</button>
            </nav>
        </div>
        </MapFrame>
    }
}

#[component]
fn Slide(summary: StageSummary, lang: Lang, count: usize, map_name: String, curve: Option<Chart>) -> impl IntoView {
    let it = map_texts(lang);
    // Formatted by the core (separators of the language, the curve's own emotion value).
    let numbers: Vec<(String, String, bool)> = key_numbers(&summary, lang)
        .into_iter()
        .map(|(key, value)| {
            let is_emotion = matches!(key, KeyNumber::Emotion(_));
            let label = match key {
                KeyNumber::Touchpoints => it.touchpoints.to_string(),
                KeyNumber::Volume => it.volume.to_string(),
                KeyNumber::HighestDropOff => it.highest_drop_off.to_string(),
                KeyNumber::Emotion(None) => it.curve_emotion.to_string(),
                KeyNumber::Emotion(Some(persona)) => (it.curve_emotion_of)(&persona),
                KeyNumber::Score => it.stage_score.to_string(),
            };
            (label, value, is_emotion)
        })
        .collect();
    let cards = summary.cards.clone();
    view! {
        <header class="present-head">
            <span class="present-map">{map_name}</span>
            <span class="present-position" data-testid="present-position" aria-live="polite">{(it.stage_of)(summary.index + 1, count)}</span>
        </header>
        <h1 class="present-stage" data-testid="present-stage">{summary.name.clone()}</h1>
        {(!summary.description.is_empty()).then(|| view! { <p class="present-description">{summary.description.clone()}</p> })}
        <dl class="present-numbers" data-testid="present-numbers">
            {numbers.into_iter().map(|(k, v, is_emotion)| view! {
                <div><dt>{k}</dt><dd data-testid=is_emotion.then_some("present-emotion")>{v}</dd></div>
            }).collect_view()}
        </dl>
        <div class="present-main">
            {curve.map(|c| match c {
                // The core escapes every label in the SVG.
                Chart::Svg(svg) => view! { <div class="present-curve" data-testid="present-curve" inner_html=svg></div> }.into_any(),
                Chart::NeedsData(msg) => view! { <p class="present-curve muted">{msg}</p> }.into_any(),
            })}
            <section class="present-touchpoints" aria-labelledby="present-tp-heading">
                <h2 id="present-tp-heading">{it.stage_touchpoints}</h2>
                {if cards.is_empty() {
                    view! { <p class="muted">{it.no_touchpoints}</p> }.into_any()
                } else {
                    view! {
                        <ul>{cards.into_iter().map(|c| view! {
                            <li data-testid="present-touchpoint">
                                <span class="present-tp-title" data-testid="present-tp-title">{c.title}</span>
                                <span class="present-tp-meta">
                                    <span data-testid="present-tp-channel">{c.channel.label(lang)}</span>
                                    {c.emotion.map(|e| view! { " · " <span data-testid="present-tp-emotion">{it.emotion} " " {emotion_label(e, lang)}</span> })}
                                </span>
                                {(!c.pains.is_empty()).then(|| view! {
                                    <ul class="present-tp-pains" aria-label=it.pain_points>
                                        {c.pains.into_iter().map(|p| view! { <li data-testid="present-tp-pain">{p}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }).collect_view()}</ul>
                    }.into_any()
                }}
            </section>
        </div>
    }
}
