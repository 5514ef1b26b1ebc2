//! Presentation mode for meetings (`#/map/<id>/present`): full screen where the browser
//! allows it, one stage at a time in large type, the emotion curve with the current stage
//! shaded, the stage's key numbers and pain points. ArrowRight / ArrowLeft (also PageDown /
//! PageUp, Home / End) move, Esc leaves back to the map. Everything is computed locally, so
//! it works offline.

use journey_core::charts::{emotion_curve_focus, from_map::emotion_curve_input, Chart, ChartOptions};
use journey_core::presentation::{stage_summaries, StageSummary};
use journey_core::score::score_map;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format::emotion;
use journey_core::locale::percent;
use super::route::{navigate, Page};
use super::state::AppState;
use crate::i18n::interop::interop_texts;
use crate::i18n::{texts, Lang};

/// Asks for full screen on the whole page. Must run inside a user gesture; a refusal (e.g.
/// headless browsers, iframes) is swallowed: the presentation then simply fills the window.
pub fn request_fullscreen() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let request = js_sys::Reflect::get(&root, &"requestFullscreen".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(promise) = request.and_then(|f| f.call0(&root).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        super::file_io::ignore_rejection(&promise);
    }
}

fn in_fullscreen() -> bool {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.fullscreen_element()).is_some()
}

fn exit_fullscreen() {
    if in_fullscreen() {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.exit_fullscreen();
        }
    }
}

#[component]
pub fn PresentPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || interop_texts(state.lang.get());
    let map = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|l| l.get(&id).cloned()))
    };
    let summaries = Memo::new(move |_| map.with(|m| m.as_ref().map(|m| stage_summaries(m, &score_map(m))).unwrap_or_default()));
    let count = move || summaries.with(Vec::len);
    let current = RwSignal::new(0usize);
    let leave = {
        let id = id.clone();
        move || {
            exit_fullscreen();
            navigate(&Page::Map(id.clone()));
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
        <div class="present" data-testid="presentation" role="region" aria-roledescription="slides"
            aria-label=move || map.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default())>
            {move || match summaries.with(|s| s.get(current.get()).cloned()) {
                None => view! {
                    <p class="present-empty" data-testid="present-empty">
                        {move || if map.with(Option::is_none) { texts(state.lang.get()).map_not_found } else { it().no_stages }}
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
                <button type="button" data-testid="present-leave" on:click=move |_| leave()>{move || it().leave_presentation}</button>
            </nav>
        </div>
    }
}

#[component]
fn Slide(summary: StageSummary, lang: Lang, count: usize, map_name: String, curve: Option<Chart>) -> impl IntoView {
    let (t, it) = (texts(lang), interop_texts(lang));
    let numbers: Vec<(&str, String)> = [
        Some((it.touchpoints, summary.touchpoints.to_string())),
        summary.volume.map(|v| (t.volume, format!("{v:.0}"))),
        summary.highest_drop_off.map(|d| (it.highest_drop_off, percent(d, 0, lang))),
        summary.mean_emotion.map(|e| (it.mean_emotion, emotion(Some(e.round() as i8)))),
        summary.score.map(|s| (it.stage_score, format!("{s:.0} / 100"))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let pains = summary.pains.clone();
    view! {
        <header class="present-head">
            <span class="present-map">{map_name}</span>
            <span class="present-position" data-testid="present-position" aria-live="polite">{(it.stage_of)(summary.index + 1, count)}</span>
        </header>
        <h1 class="present-stage" data-testid="present-stage">{summary.name.clone()}</h1>
        {(!summary.description.is_empty()).then(|| view! { <p class="present-description">{summary.description.clone()}</p> })}
        <dl class="present-numbers" data-testid="present-numbers">
            {numbers.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
        <div class="present-main">
            {curve.map(|c| match c {
                // The core escapes every label in the SVG.
                Chart::Svg(svg) => view! { <div class="present-curve" data-testid="present-curve" inner_html=svg></div> }.into_any(),
                Chart::NeedsData(msg) => view! { <p class="present-curve muted">{msg}</p> }.into_any(),
            })}
            <section class="present-pains">
                <h2>{t.pain_points}</h2>
                {if pains.is_empty() {
                    view! { <p class="muted">{it.no_pains}</p> }.into_any()
                } else {
                    view! {
                        <ul>{pains.into_iter().map(|p| view! { <li data-testid="present-pain">"⚠ " {p.pain} <span class="muted">" — " {p.touchpoint}</span></li> }).collect_view()}</ul>
                    }.into_any()
                }}
            </section>
        </div>
    }
}
