//! Planned vs actual on the canvas: the planned map's stages side by side, its touchpoints
//! as cards marked "Reached" (with their cases) or "Not reached", the activities customers
//! do that the plan lacks as "Unplanned" cards in the stage where they typically happen,
//! the routes that differ from the plan drawn and numbered (`lines.rs`), and where the
//! volumes differ most both numbers with their periods (`card.rs`). The board comes from
//! the core (`journey_core::analytics::planned_actual_board::board`).
//!
//! Opened from the analytics page (after a log is imported, or against an as-is map drafted
//! from a log), which stays mounted beneath it so the way back keeps the import. It lives in
//! the whole app only, never in the map module (see ARCHITECTURE.md, "Four wasm modules").

mod card;
mod lines;

use journey_core::analytics::planned_actual_board::{board, Board, LineKind};
use journey_core::analytics::PlannedVsActual;
use journey_core::model::JourneyMap;
use leptos::html::{Div, H1};
use leptos::prelude::*;

use crate::i18n::planned_actual::{pva_canvas_texts, PvaCanvasTexts};
use crate::ui::shell::page_focus::focus_quietly;
use crate::ui::state::AppState;
use card::{both_numbers, measured_unit, PvaCard};
use lines::{kind_class, measure, numbers, Drawn, LinesSvg};

#[component]
pub fn PlannedActualCanvas(
    /// The plan: the map the analytics page belongs to.
    plan: Signal<Option<JourneyMap>>,
    /// The comparison of that plan with the data.
    report: Signal<Option<PlannedVsActual>>,
    /// What the data is, in words ("shop-log.csv", "the as-is map …").
    source: Signal<String>,
    on_back: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = move || state.lang.get();
    let board_memo = Memo::new(move |_| {
        let plan = plan.get()?;
        report.with(|r| r.as_ref().map(|r| board(&plan, r)))
    });
    let board_el = NodeRef::<Div>::new();
    let heading = NodeRef::<H1>::new();
    let (drawn, set_drawn) = signal((Vec::<Drawn>::new(), (0.0, 0.0)));
    let remeasure = move || {
        request_animation_frame(move || {
            if let (Some(el), Some(b)) = (board_el.get_untracked(), board_memo.get_untracked()) {
                set_drawn.set(measure(&el, &b));
            }
        })
    };
    // Drawn again when the board or the language (text, so heights) changes, and on resize.
    Effect::new(move |_| {
        board_memo.track();
        state.lang.track();
        if board_el.get().is_some() {
            remeasure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| remeasure());
    on_cleanup(move || resize.remove());
    // The view takes the focus on its heading, as a page change does.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            focus_quietly(&h);
        }
    });
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_back.run(());
        }
    };
    view! {
        <article class="pva-canvas" data-testid="pva-canvas" on:keydown=keys>
            <div class="pva-head">
                <button type="button" class="pva-back" data-testid="pva-back" on:click=move |_| on_back.run(())>
                    {move || pva_canvas_texts(lang()).back}
                </button>
                <h1 node_ref=heading tabindex="-1">
                    {move || (pva_canvas_texts(lang()).title)(&plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()))}
                </h1>
            </div>
            <p class="intro">{move || {
                let l = lang();
                let period = board_memo.with(|b| b.as_ref().and_then(|b| b.period.as_ref().map(|p| format!(", {}", p.describe(l)))));
                (pva_canvas_texts(l).intro)(&source.get(), &period.unwrap_or_default())
            }}</p>
            <Legend/>
            {move || board_memo.get().map(|b| {
                let l = lang();
                let t = pva_canvas_texts(l);
                let n = b.stages.len();
                let stages = b.stages.iter().map(|s| {
                    let cards = s.cards.iter().map(|c| view! { <PvaCard card=c.clone() period=b.period.clone() lang=l/> }).collect_view();
                    view! {
                        <section class="pva-stage" aria-label=(t.stage_cards)(&s.name, s.cards.len())>
                            <h2 class="pva-stage-name" data-testid="pva-stage-name">{s.name.clone()}</h2>
                            <ul class="pva-cards">{cards}</ul>
                        </section>
                    }
                }).collect_view();
                view! {
                    <div class="pva-scroll" tabindex="0" role="region" aria-label=t.board_label data-testid="pva-board-area">
                        <div class="pva-board" node_ref=board_el style=format!("--pva-stages: {n}") data-testid="pva-board">
                            <LinesSvg drawn/>
                            {stages}
                        </div>
                    </div>
                    <RouteList board=b.clone() t=t lang=l/>
                }
            })}
        </article>
    }
}

/// The legend: every mark of the board with its word, pattern and swatch.
#[component]
fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let t = pva_canvas_texts(state.lang.get());
        let card = |class: &'static str, word: &'static str| {
            view! { <li><span class=format!("pva-swatch pva-card-swatch pva-{class}") aria-hidden="true"></span><span class=format!("pva-badge pva-badge-{class}")>{word}</span></li> }
        };
        let line = |k: LineKind, word: &'static str| {
            view! {
                <li><svg class="pva-swatch" width="40" height="12" aria-hidden="true" focusable="false">
                    <path class=format!("pva-line pva-line-{}", kind_class(k)) d="M2,6 L38,6"/>
                </svg>{word}</li>
            }
        };
        view! {
            <section class="pva-legend" aria-labelledby="pva-legend-title" data-testid="pva-legend">
                <h2 id="pva-legend-title" class="pva-legend-title">{t.legend}</h2>
                <ul>
                    {card("reached", t.reached)}
                    {card("not-reached", t.not_reached)}
                    {card("unplanned", t.unplanned)}
                    {card("differs", t.differs)}
                    {line(LineKind::Unplanned, t.line_unplanned)}
                    {line(LineKind::Untaken, t.line_untaken)}
                    {line(LineKind::Differs, t.line_differs)}
                    {line(LineKind::Planned, t.line_planned)}
                </ul>
            </section>
        }
    }
}

/// The numbered routes that differ from the plan, in words (what the drawing shows).
#[component]
fn RouteList(board: Board, t: &'static PvaCanvasTexts, lang: journey_core::model::Lang) -> impl IntoView {
    let unit = measured_unit(board.period.as_ref(), lang);
    let items = board
        .lines
        .iter()
        .zip(numbers(&board))
        .filter_map(|(l, n)| n.map(|n| (l, n)))
        .map(|(l, n)| {
            let text = match l.kind {
                LineKind::Unplanned => (t.route_unplanned)(&l.from_title, &l.to_title, (t.cases_in)(l.cases, &unit, lang).trim_end()),
                LineKind::Untaken => (t.route_untaken)(&l.from_title, &l.to_title),
                _ => {
                    let nums = l.difference.as_ref().map(|d| both_numbers(d, board.period.as_ref(), lang)).unwrap_or_default();
                    (t.route_differs)(&l.from_title, &l.to_title, &nums)
                }
            };
            view! {
                <li class=format!("pva-route pva-route-{}", kind_class(l.kind)) data-testid="pva-route" data-kind=kind_class(l.kind)>
                    <span class="pva-route-number" aria-hidden="true">{n.to_string()}</span> {text}
                </li>
            }
        })
        .collect_view();
    let any = board.lines.iter().any(|l| l.kind != LineKind::Planned);
    view! {
        <section class="pva-routes" aria-labelledby="pva-routes-title">
            <h2 id="pva-routes-title">{t.routes_title}</h2>
            {if any {
                view! { <ol class="pva-route-list" data-testid="pva-routes">{items}</ol> }.into_any()
            } else {
                view! { <p class="muted">{t.no_route_differences}</p> }.into_any()
            }}
            {(board.more_unplanned > 0).then(|| view! { <p class="muted">{(t.more_unplanned)(board.more_unplanned)}</p> })}
        </section>
    }
}
