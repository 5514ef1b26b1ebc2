//! The journey score header (journey score, completion along the main route, weakest
//! stage, mean touchpoint score) and the touchpoint-illusion warning. Both take the scores
//! as a signal so the map page can show them too.

use journey_core::score::{format_score, CompletionSource, MapScores, RouteBasis};
use journey_core::locale::percent;
use leptos::prelude::*;

use crate::i18n::scores::scores_texts;
use crate::ui::scores::badge::ScoreBadge;
use crate::ui::state::AppState;

#[component]
pub fn JourneyScoreHeader(#[prop(into)] scores: Signal<Option<MapScores>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || scores_texts(state.lang.get());
    let journey = Signal::derive(move || scores.with(|s| s.as_ref()?.journey.as_ref().map(|j| j.value)));
    let mean = Signal::derive(move || scores.with(|s| s.as_ref()?.mean_touchpoint_score));
    let completion_label = move || {
        let measured = scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.journey.as_ref()?.completion.as_ref())
                .is_some_and(|c| c.source == CompletionSource::MeasuredConversion)
        });
        if measured { t().completion_measured } else { t().completion }
    };
    let completion = move || {
        let lang = state.lang.get();
        scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.journey.as_ref()?.completion.as_ref())
                .map(|c| percent(c.rate, 1, lang))
                .unwrap_or_else(|| t().unknown.to_string())
        })
    };
    let weakest = move || {
        let lang = state.lang.get();
        scores.with(|s| {
            s.as_ref()
                .and_then(|s| s.journey.as_ref()?.weakest_stage.as_ref())
                .map(|w| format!("{} · {}", w.stage_name, format_score(w.value, lang)))
                .unwrap_or_else(|| t().unknown.to_string())
        })
    };
    // Plain-words notes on what the journey score rests on.
    let notes = move || {
        let t = t();
        scores.with(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let mut notes = Vec::new();
            match &s.journey {
                None => notes.push(t.journey_none.to_string()),
                Some(j) if j.completion.is_none() => notes.push(t.journey_from_weakest_only.to_string()),
                Some(j) if j.weakest_stage.is_none() => notes.push(t.journey_from_completion_only.to_string()),
                Some(_) => {}
            }
            if let Some(CompletionSource::MainRoute { unmeasured, .. }) =
                s.journey.as_ref().and_then(|j| j.completion.as_ref()).map(|c| &c.source)
            {
                if !unmeasured.is_empty() {
                    notes.push((t.unmeasured_on_route)(unmeasured.len()));
                }
            }
            if s.main_route.basis == RouteBasis::StageOrderFallback {
                notes.push(t.stage_order_fallback.to_string());
            }
            notes
        })
    };
    view! {
        <section class="journey-header" data-testid="journey-header">
            <dl class="kpis">
                <div class="kpi kpi-main">
                    <dt>{move || t().journey_score}</dt>
                    <dd><ScoreBadge value=journey testid="journey-score"/></dd>
                </div>
                <div class="kpi">
                    <dt>{completion_label}</dt>
                    <dd data-testid="completion">{completion}</dd>
                </div>
                <div class="kpi">
                    <dt>{move || t().weakest_stage}</dt>
                    <dd data-testid="weakest-stage">{weakest}</dd>
                </div>
                <div class="kpi">
                    <dt>{move || t().mean_touchpoint}</dt>
                    <dd><ScoreBadge value=mean testid="mean-score"/></dd>
                </div>
            </dl>
            <p class="formula">{move || t().journey_formula}</p>
            <ul class="notes">{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        </section>
    }
}

/// The warning in plain words when touchpoints look much better than the journey; a quiet
/// line saying so when they agree. `threshold` is the map's threshold in effect
/// (`ScoringSettings::effective_threshold`).
#[component]
pub fn IllusionNotice(
    #[prop(into)] scores: Signal<Option<MapScores>>,
    #[prop(into)] threshold: Signal<f64>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Memos of the texts: the scores change with every edit, these seldom — their elements are
    // rebuilt only when the text changes (on the map page a 300-touchpoint map's every edit).
    let warning = Memo::new(move |_| {
        let lang = state.lang.get();
        scores.with(|s| s.as_ref().and_then(|s| s.illusion.as_ref()).map(|w| w.message.get(lang).to_string()))
    });
    let agreement = Memo::new(move |_| {
        let lang = state.lang.get();
        let (mean, journey) = scores.with(|s| {
            let s = s.as_ref()?;
            Some((s.mean_touchpoint_score?, s.journey.as_ref()?.value))
        })?;
        let (mean, journey, limit) =
            (format_score(mean, lang), format_score(journey, lang), format_score(threshold.get(), lang));
        Some((scores_texts(lang).no_illusion)(&mean, &journey, &limit))
    });
    // Without a completion figure there is nothing to compare: say which numbers are missing.
    let missing = Memo::new(move |_| {
        let lang = state.lang.get();
        scores.with(|s| s.as_ref().and_then(|s| s.completion_missing.as_ref()).map(|m| m.message.get(lang).to_string()))
    });
    view! {
        <Show when=move || warning.with(Option::is_some)
            fallback=move || view! {
                {move || match missing.get() {
                    Some(text) => view! { <p class="notice illusion-missing" data-testid="illusion-missing">{text}</p> }.into_any(),
                    None => agreement.get().map(|text| view! {
                        <p class="illusion-ok" data-testid="illusion-ok">"✓ " {text}</p>
                    }).into_any(),
                }}
            }>
            <div class="notice warning illusion" role="alert" data-testid="illusion-warning">
                <span class="illusion-icon" aria-hidden="true">"⚠ "</span>
                {move || warning.get().unwrap_or_default()}
            </div>
        </Show>
    }
}
