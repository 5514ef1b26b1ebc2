//! A whole map on one sheet, read-only: name, journey score, the emotion curve and the
//! stages side by side with their touchpoints, scores and pain points. Used for printing
//! (style/print.css shows only `.print-sheet` on paper) and for maps opened from a share link.

use journey_core::charts::{emotion_curve, from_map::emotion_curve_input, Chart, ChartOptions};
use journey_core::model::{JourneyMap, Lang, Visibility};
use journey_core::score::MapScores;
use leptos::prelude::*;

use journey_core::locale::emotion;
use journey_core::locale::{number, percent, plain};
use crate::i18n::map::map_texts;

/// The sheet for `map`. The chart SVG comes from the core, which escapes every label, so
/// it is the only thing inserted as HTML; all user text here is rendered as text nodes.
/// `scores` are the map's (`MapHandle::scores` on a map page).
#[component]
pub fn MapSheet(map: JourneyMap, scores: MapScores, lang: Lang) -> impl IntoView {
    let (t, it) = (map_texts(lang), map_texts(lang));
    let curve = emotion_curve(&emotion_curve_input(&map, lang), &ChartOptions::new(lang).sized(1200, 360));
    let curve = match curve {
        Chart::Svg(svg) => view! { <div class="sheet-curve" data-testid="sheet-curve" inner_html=svg></div> }.into_any(),
        Chart::NeedsData(msg) => view! { <p class="sheet-curve muted">{msg}</p> }.into_any(),
    };
    let journey = scores.journey.as_ref().map(|j| format!("{}: {} / 100", it.journey_score, plain(j.value, 0, lang)));
    let stages = map
        .stages
        .iter()
        .map(|stage| {
            let stage_score = scores.stage(&stage.id).and_then(|s| s.value).map(|v| format!("{}: {}", it.stage_score, plain(v, 0, lang)));
            let cards = map
                .touchpoints_in(&stage.id)
                .map(|tp| {
                    let score = scores.touchpoint_value(&tp.id).map(|v| format!(" · {}: {}", it.score, plain(v, 0, lang)));
                    let m = &tp.measurements;
                    let numbers = [
                        m.volume.map(|v| format!("{}: {}", t.volume, number(v, 0, lang))),
                        m.drop_off_rate.map(|d| format!("{}: {}", t.drop_off, percent(d, 0, lang))),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let backstage = (tp.visibility == Visibility::Backstage).then_some(" · ").map(|sep| format!("{sep}{}", t.backstage));
                    view! {
                        <li class="sheet-card" data-testid="sheet-touchpoint">
                            <strong>{tp.title.clone()}</strong>
                            <span class="sheet-line">
                                {tp.channel.label(lang)} {backstage} " · " {t.emotion} " " {emotion(tp.emotion)} {score}
                            </span>
                            {(!numbers.is_empty()).then(|| view! { <span class="sheet-line">{numbers}</span> })}
                            {(!tp.pain_points.is_empty()).then(|| view! {
                                <ul class="sheet-pains" aria-label=t.pain_points>
                                    {tp.pain_points.iter().map(|p| view! { <li>"⚠ " {p.clone()}</li> }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="sheet-stage" data-testid="sheet-stage">
                    <h2>{stage.name.clone()}</h2>
                    {stage_score.map(|s| view! { <p class="sheet-stage-score">{s}</p> })}
                    <ul class="sheet-cards">{cards}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="map-sheet" data-testid="map-sheet">
            <header class="sheet-head">
                <h1 data-testid="sheet-title">{map.name.clone()}</h1>
                {journey.map(|j| view! { <p class="sheet-journey-score">{j}</p> })}
            </header>
            {(!map.description.is_empty()).then(|| view! { <p class="sheet-description">{map.description.clone()}</p> })}
            {curve}
            <div class="sheet-stages" style=format!("--stage-count: {}", map.stages.len().max(1))>{stages}</div>
        </article>
    }
}
