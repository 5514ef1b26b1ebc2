//! The lines of planned vs actual on the canvas, drawn in one SVG beneath the cards from the
//! core's numbers (`journey_core::analytics::planned_actual_layout::line_paths`): per kind
//! one path with all its segments and one with its arrowheads — eight elements for a
//! thousand lines, where one `<path>` per line made the browser build, style and paint each.
//! Each kind has its own stroke pattern and width — dashed for a route not in the plan,
//! dotted for a planned route no case took, bold for a differing volume, thin for the rest —
//! and the differing ones a number that the list under the map repeats in words, so nothing
//! rests on colour and screen readers get the list (the drawing is hidden from them). Only
//! the numbers in and near the view are drawn (the page's view range, as for the cards).

use journey_core::analytics::planned_actual_board::{Board, LineKind};
use journey_core::analytics::planned_actual_layout::{BoardLayout, LinePaths};
use leptos::prelude::*;

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

/// The SVG of the lines (beneath the cards; hidden from screen readers, who get the list).
/// `view` is the part of the board drawn (top, bottom in board pixels): numbers outside it
/// are left out.
#[component]
pub fn LinesSvg(paths: LinePaths, layout: BoardLayout, view: Memo<(f64, f64)>) -> impl IntoView {
    let kinds = paths
        .kinds
        .iter()
        .map(|(kind, stroke, arrows)| {
            let k = kind_class(*kind);
            view! {
                <path class=format!("pva-line pva-line-{k}") d=stroke.clone()/>
                <path class=format!("pva-arrow pva-arrow-{k}") d=arrows.clone()/>
            }
        })
        .collect_view();
    let all = paths.numbers;
    let numbers = move || {
        let (top, bottom) = view.get();
        all.iter()
            .filter(|(_, _, y)| *y >= top && *y <= bottom)
            .map(|&(n, x, y)| {
                view! {
                    <g class="pva-line-number">
                        <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="9"/>
                        <text x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) text-anchor="middle">{n.to_string()}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg class="pva-lines" aria-hidden="true" focusable="false" width=format!("{:.0}", layout.width)
            height=format!("{:.0}", layout.height) data-testid="pva-lines" data-count=paths.count.to_string()>
            {kinds}
            {numbers}
        </svg>
    }
}
