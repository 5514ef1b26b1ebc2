//! The lines of planned vs actual on the canvas: measured from the cards as the browser laid
//! them out (titles wrap, so heights are the browser's), drawn in one SVG beneath the cards
//! (`journey_core::analytics::planned_actual_board::line_path`). Each kind has its own
//! stroke pattern and width — dashed for a route not in the plan, dotted for a planned
//! route no case took, bold for a differing volume, thin for the rest — and the differing
//! ones a number that the list under the map repeats in words, so nothing rests on colour
//! and screen readers get the list (the drawing is hidden from them).

use std::collections::HashMap;

use journey_core::analytics::planned_actual_board::{line_path, Board, LineKind, Rect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One drawn line: its path, kind, and number (for the differing ones) with its place.
#[derive(Clone, PartialEq)]
pub struct Drawn {
    pub path: String,
    pub kind: LineKind,
    pub number: Option<usize>,
    pub label: (f64, f64),
}

pub fn kind_class(k: LineKind) -> &'static str {
    match k {
        LineKind::Unplanned => "unplanned",
        LineKind::Untaken => "untaken",
        LineKind::Differs => "differs",
        LineKind::Planned => "planned",
    }
}

/// The number of each line that differs from the plan (1, 2, …), in the board's order.
pub fn numbers(board: &Board) -> Vec<Option<usize>> {
    let mut n = 0;
    board
        .lines
        .iter()
        .map(|l| {
            (l.kind != LineKind::Planned).then(|| {
                n += 1;
                n
            })
        })
        .collect()
}

/// The cards' boxes relative to the board (the board is their offset parent).
fn card_rects(board_el: &web_sys::HtmlElement, board: &Board) -> HashMap<String, Rect> {
    let mut out = HashMap::new();
    for stage in &board.stages {
        for card in &stage.cards {
            let selector = format!("[data-key=\"{}\"]", card.key.replace('\\', "\\\\").replace('"', "\\\""));
            let el = board_el.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = el {
                let r = Rect {
                    x: f64::from(el.offset_left()),
                    y: f64::from(el.offset_top()),
                    w: f64::from(el.offset_width()),
                    h: f64::from(el.offset_height()),
                };
                out.insert(card.key.clone(), r);
            }
        }
    }
    out
}

/// Every line's path from the cards as laid out now. The ends of several lines on one card
/// are spread along its edge, so their numbers and arrowheads do not sit on each other.
pub fn measure(board_el: &web_sys::HtmlElement, board: &Board) -> (Vec<Drawn>, (f64, f64)) {
    let rects = card_rects(board_el, board);
    let mut touching: HashMap<&str, usize> = HashMap::new();
    for l in &board.lines {
        *touching.entry(l.from.as_str()).or_default() += 1;
        *touching.entry(l.to.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut end = |key: &str, r: Rect| {
        let k = seen.entry(key.to_string()).or_default();
        *k += 1;
        let m = touching.get(key).copied().unwrap_or(1) as f64;
        Rect { y: r.y + r.h * (*k as f64) / (m + 1.0), h: 0.0, ..r }
    };
    let mut drawn = Vec::new();
    for (l, number) in board.lines.iter().zip(numbers(board)) {
        let (Some(&a), Some(&b)) = (rects.get(&l.from), rects.get(&l.to)) else { continue };
        let (a, b) = (end(l.from.as_str(), a), end(l.to.as_str(), b));
        let (path, label) = line_path(a, b);
        drawn.push(Drawn { path, kind: l.kind, number, label });
    }
    let size = (f64::from(board_el.scroll_width()), f64::from(board_el.scroll_height()));
    (drawn, size)
}

/// The SVG of the lines (beneath the cards; hidden from screen readers, who get the list).
#[component]
pub fn LinesSvg(drawn: ReadSignal<(Vec<Drawn>, (f64, f64))>) -> impl IntoView {
    move || {
        let (lines, (w, h)) = drawn.get();
        // Plain routes first, so the differing ones are drawn over them.
        let mut order: Vec<&Drawn> = lines.iter().collect();
        order.sort_by_key(|d| d.kind != LineKind::Planned);
        let paths = order
            .iter()
            .map(|d| {
                let k = kind_class(d.kind);
                view! { <path class=format!("pva-line pva-line-{k}") d=d.path.clone() marker-end=format!("url(#pva-arrow-{k})")/> }
            })
            .collect_view();
        let numbers = order
            .iter()
            .filter_map(|d| d.number.map(|n| (n, d.label)))
            .map(|(n, (x, y))| {
                view! {
                    <g class="pva-line-number">
                        <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="9"/>
                        <text x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) text-anchor="middle">{n.to_string()}</text>
                    </g>
                }
            })
            .collect_view();
        let marker = |k: &'static str| {
            view! {
                <marker id=format!("pva-arrow-{k}") class=format!("pva-arrow-{k}") viewBox="0 0 10 10" refX="9" refY="5"
                    markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z"/>
                </marker>
            }
        };
        view! {
            <svg class="pva-lines" aria-hidden="true" focusable="false" width=format!("{w:.0}") height=format!("{h:.0}")
                data-testid="pva-lines" data-count=lines.len().to_string()>
                <defs>{marker("unplanned")}{marker("untaken")}{marker("differs")}{marker("planned")}</defs>
                {paths}
                {numbers}
            </svg>
        }
    }
}
