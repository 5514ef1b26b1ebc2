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

use std::sync::Arc;

use journey_core::analytics::planned_actual_board::{board, Board, CardStatus, LineKind};
use journey_core::analytics::planned_actual_layout::{cards_in, layout, line_paths, BoardLayout, CardText, PAD};
use journey_core::analytics::PlannedVsActual;
use journey_core::model::{JourneyMap, Lang};
use leptos::html::{Div, H1};
use leptos::prelude::*;

use crate::i18n::planned_actual::{pva_canvas_texts, PvaCanvasTexts};
use crate::ui::shell::page_focus::focus_quietly;
use crate::ui::state::AppState;
use card::{both_numbers, card_text, measured_unit, PvaCard};
use lines::{kind_class, numbers, LinesSvg};

/// How far beyond the window cards are drawn, in window heights on each side (as the map
/// canvas, `journey_core::canvas::drawn`), and the step the drawn range moves by, so that
/// scrolling redraws every few hundred pixels rather than on every scroll event.
const MARGIN_VIEWS: f64 = 0.5;
const VIEW_STEP: f64 = 200.0;

/// The board with its texts and boxes, for one language and width.
#[derive(PartialEq)]
struct Laid {
    board: Board,
    texts: Vec<Vec<CardText>>,
    layout: BoardLayout,
}

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
    let scroll_el = NodeRef::<Div>::new();
    let heading = NodeRef::<H1>::new();
    // The scroll area's inner width (0 until measured) and the part of the board in and near
    // the window (board pixels, whole steps of VIEW_STEP): the two things read from the page,
    // from one element that is there before any card — never a card's box.
    let width = RwSignal::new(0.0_f64);
    let view_raw = RwSignal::new((0.0_f64, 0.0_f64));
    let measure = move || {
        let Some(el) = scroll_el.get_untracked() else { return };
        let top = el.get_bounding_client_rect().top();
        let h = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
        let margin = h * MARGIN_VIEWS;
        let from = ((-top - margin) / VIEW_STEP).floor() * VIEW_STEP;
        let to = ((-top + h + margin) / VIEW_STEP).ceil() * VIEW_STEP;
        view_raw.set((from, to));
        width.set(f64::from(el.client_width()));
    };
    let view_range = Memo::new(move |_| view_raw.get());
    let laid = Memo::new(move |_| {
        let w = width.get();
        let b = board_memo.get()?;
        if w <= 0.0 {
            return None;
        }
        let l = lang();
        let texts: Vec<Vec<CardText>> = b.stages.iter().map(|s| s.cards.iter().map(|c| card_text(c, b.period.as_ref(), l)).collect()).collect();
        let names: Vec<&str> = b.stages.iter().map(|s| s.name.as_str()).collect();
        let layout = layout(&names, &texts, w);
        Some(Arc::new(Laid { board: b, texts, layout }))
    });
    // Measured once the scroll area is in the page (before the first frame: the board is then
    // drawn in that frame), and again on resize and scroll.
    Effect::new(move |_| {
        board_memo.track();
        if scroll_el.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    let scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    on_cleanup(move || {
        resize.remove();
        scroll.remove();
    });
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
            {move || board_memo.with(|b| b.is_some()).then(|| {
                let t = pva_canvas_texts(lang());
                view! {
                    <div class="pva-scroll" node_ref=scroll_el tabindex="0" role="region" aria-label=t.board_label data-testid="pva-board-area">
                        {move || laid.get().map(|d| view! { <BoardView laid=d view=view_range/> })}
                    </div>
                    {move || laid.get().map(|d| view! { <CardList laid=d.clone() lang=lang()/> <RouteList board=d.board.clone() t=t lang=lang()/> })}
                }
            })}
        </article>
    }
}

/// The board: stage names and the cards in and near `view` at the boxes the core computed,
/// the lines beneath them. The rest of the cards are not in the page (the board keeps its
/// size); the lists under the board name every difference.
#[component]
fn BoardView(laid: Arc<Laid>, view: Memo<(f64, f64)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = pva_canvas_texts(state.lang.get_untracked());
    let l = &laid.layout;
    let paths = line_paths(&laid.board, l, &numbers(&laid.board));
    let stages = laid
        .board
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let col = &l.columns[i];
            let name_style = format!("left:{:.0}px;top:{:.1}px;width:{:.0}px;height:{:.0}px", col.x, PAD.0, col.width, col.name_height);
            let d = laid.clone();
            let each = move || {
                let (top, bottom) = view.get();
                cards_in(&d.layout, i, top, bottom).collect::<Vec<usize>>()
            };
            let d = laid.clone();
            let card = move |j: usize| {
                view! { <PvaCard card=d.board.stages[i].cards[j].clone() text=d.texts[i][j].clone() rect=d.layout.cards[i][j]/> }
            };
            view! {
                <section class="pva-stage" aria-label=(t.stage_cards)(&s.name, s.cards.len())>
                    <h2 class="pva-stage-name" style=name_style data-testid="pva-stage-name">{s.name.clone()}</h2>
                    <ul class="pva-cards"><For each=each key=|j| *j children=card/></ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="pva-board" style=format!("width:{:.0}px;height:{:.0}px", l.width, l.height) data-testid="pva-board">
            <LinesSvg paths layout=l.clone() view/>
            {stages}
        </div>
    }
}

/// Every card that differs from the plan, in words (unplanned, not reached, volume differs):
/// complete where the board draws only the cards near the window.
#[component]
fn CardList(laid: Arc<Laid>, lang: Lang) -> impl IntoView {
    let t = pva_canvas_texts(lang);
    let mut items = Vec::new();
    for (s, stage) in laid.board.stages.iter().enumerate() {
        for (c, card) in stage.cards.iter().enumerate() {
            let text = &laid.texts[s][c];
            let (mark, rest) = match (card.status, &text.diff) {
                (CardStatus::Reached, None) => continue,
                (CardStatus::Reached, Some((word, nums))) => (word.clone(), nums.clone()),
                _ => (text.badge.clone(), text.cases.clone()),
            };
            let line = (t.card_item)(&mark, &card.title, &stage.name);
            let line = if rest.is_empty() { line } else { format!("{line} — {rest}") };
            items.push(view! { <li data-testid="pva-card-difference" data-status=card::status_class(card.status)>{line}</li> });
        }
    }
    (!items.is_empty()).then(|| {
        view! {
            <section class="pva-routes" aria-labelledby="pva-cards-title">
                <h2 id="pva-cards-title">{t.cards_title}</h2>
                <ul class="pva-card-list">{items}</ul>
            </section>
        }
    })
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
