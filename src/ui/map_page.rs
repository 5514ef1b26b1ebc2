//! One map, read-only: personas, the stages as columns with their touchpoint cards, and the
//! routes between touchpoints. (Editing is the editor's job.)

use journey_core::model::{EvidenceKind, JourneyMap, RouteKind, Touchpoint, Visibility};
use leptos::prelude::*;

use super::format::{emotion, percent};
use super::route::Page;
use super::state::AppState;
use crate::i18n::{texts, Lang};

#[component]
pub fn MapPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let analytics_href = Page::MapAnalytics(id.clone()).href();
    let map = Memo::new(move |_| state.library.with(|l| l.get(&id).cloned()));
    view! {
        <nav class="crumbs"><a href=Page::Library.href() data-testid="back">{move || t().back_to_library}</a></nav>
        <nav class="crumbs"><a href=analytics_href data-testid="analytics-link">{move || crate::i18n::analytics::analytics_texts(state.lang.get()).nav_link}</a></nav>
        {move || match map.get() {
            None => view! { <p class="empty" data-testid="map-missing">{move || t().map_not_found}</p> }.into_any(),
            Some(m) => view! { <MapView map=m lang=state.lang.get()/> }.into_any(),
        }}
    }
}

#[component]
fn MapView(map: JourneyMap, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let personas = map.personas.iter().map(|p| {
        view! { <li><strong>{p.name.clone()}</strong> " " <span class="muted">{p.segment.clone()}</span></li> }
    }).collect_view();
    let stages = map.stages.iter().map(|stage| {
        let cards: Vec<_> = map.touchpoints_in(&stage.id).map(|tp| touchpoint_card(tp, &map, lang)).collect();
        let empty = cards.is_empty();
        view! {
            <section class="stage" data-testid="stage" aria-label=stage.name.clone()>
                <h2 class="stage-name">{stage.name.clone()}</h2>
                {empty.then(|| view! { <p class="empty">{t.stage_empty}</p> })}
                <ul class="cards">{cards}</ul>
            </section>
        }
    }).collect_view();
    let title_of = |id: &str| map.touchpoint(id).map(|t| t.title.clone()).unwrap_or_default();
    let routes = map.routes.iter().map(|r| {
        let kind = match r.kind {
            RouteKind::Planned => t.route_planned,
            RouteKind::Alternative => t.route_alternative,
            RouteKind::LoopBack => t.route_loop_back,
        };
        view! {
            <li data-testid="route" data-kind=format!("{:?}", r.kind)>
                {title_of(&r.from)} " → " {title_of(&r.to)} " (" {kind} ")"
            </li>
        }
    }).collect_view();
    view! {
        <article class="map" data-testid="map-view">
            <h1 data-testid="map-title">{map.name.clone()}</h1>
            <p class="description">{map.description.clone()}</p>
            <section class="personas"><h2>{t.personas}</h2><ul>{personas}</ul></section>
            <div class="stages">{stages}</div>
            <section class="routes"><h2>{t.routes}</h2><ul>{routes}</ul></section>
        </article>
    }
}

fn touchpoint_card(tp: &Touchpoint, map: &JourneyMap, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    let evidence = match tp.evidence.kind {
        EvidenceKind::Measured => t.evidence_measured,
        EvidenceKind::Reported => t.evidence_reported,
        EvidenceKind::Assumed => t.evidence_assumed,
    };
    let personas: Vec<String> = tp
        .persona_ids
        .iter()
        .filter_map(|id| map.personas.iter().find(|p| &p.id == id).map(|p| p.name.clone()))
        .collect();
    let m = &tp.measurements;
    let measures = [
        m.volume.map(|v| format!("{}: {v:.0}", t.volume)),
        m.drop_off_rate.map(|d| format!("{}: {}", t.drop_off, percent(d))),
        m.csat.map(|c| format!("{}: {c:.1}", t.csat)),
    ];
    let class = match tp.visibility {
        Visibility::Frontstage => "card",
        Visibility::Backstage => "card backstage",
    };
    view! {
        <li class=class data-testid="touchpoint" data-channel=tp.channel.key()>
            <h3>{tp.title.clone()}</h3>
            <p class="channel">{t.channel} ": " {tp.channel.label(lang)}
                {(tp.visibility == Visibility::Backstage).then(|| view! { " · " {t.backstage} })}
            </p>
            <p class="emotion" title=t.emotion>{t.emotion} ": " {emotion(tp.emotion)}</p>
            {(!tp.customer_action.is_empty()).then(|| view! { <p><span class="muted">{t.customer_action} ": "</span>{tp.customer_action.clone()}</p> })}
            {(!tp.thoughts.is_empty()).then(|| view! { <p class="thoughts">"„" {tp.thoughts.clone()} "“"</p> })}
            {(!tp.pain_points.is_empty()).then(|| view! {
                <div class="pains"><span class="muted">{t.pain_points} ":"</span>
                    <ul>{tp.pain_points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            <p class="measures">{measures.into_iter().flatten().collect::<Vec<_>>().join(" · ")}</p>
            <p class="meta">
                <span class=format!("evidence evidence-{}", evidence_class(tp.evidence.kind))>{evidence}</span>
                {(!personas.is_empty()).then(|| view! { " · " {personas.join(", ")} })}
                {(!tp.owner.is_empty()).then(|| view! { " · " {t.owner} ": " {tp.owner.clone()} })}
            </p>
        </li>
    }
}

fn evidence_class(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Measured => "measured",
        EvidenceKind::Reported => "reported",
        EvidenceKind::Assumed => "assumed",
    }
}
