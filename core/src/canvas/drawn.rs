//! Which columns the canvas draws: those overlapping the part of the map in view, plus half
//! a view's width on either side, so that scrolling shows drawn columns at once (the scroll
//! handler draws new columns before the next frame is painted). A quarter of a view measured
//! no faster (benchmarks/README.md, "Editor"). A map with
//! hundreds of touchpoints keeps a few dozen columns in the page, so an edit re-lays out and
//! repaints those rather than the whole map (every lane of every column is a grid cell: about
//! 3,300 cells at 300 touchpoints). The columns not drawn keep their width in the grid, so
//! the map's size, the scroll bar and the curve do not change.

use std::ops::Range;

use super::layout::CanvasLayout;

/// How far beyond the view columns are drawn, in view widths on each side.
pub const MARGIN_VIEWS: f64 = 0.5;

/// The columns (as indices into `layout.columns`) overlapping `left..right` (canvas pixels at
/// zoom 1, the label column starting at 0) widened by [`MARGIN_VIEWS`]. An unknown view (no
/// width yet) draws every column.
pub fn drawn_columns(layout: &CanvasLayout, left: f64, right: f64) -> Range<usize> {
    let n = layout.columns.len();
    if !(right > left) || !left.is_finite() || !right.is_finite() {
        return 0..n;
    }
    let margin = (right - left) * MARGIN_VIEWS;
    let (from, to) = (left - margin, right + margin);
    let start = layout.columns.iter().position(|c| c.x + c.width > from).unwrap_or(n);
    let end = layout.columns.iter().rposition(|c| c.x < to).map_or(start, |i| i + 1).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::canvas_layout;
    use crate::model::{Channel, JourneyMap, Lang};
    use crate::templates::coffee_to_go;

    fn big_map(n: usize) -> JourneyMap {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        for i in 0..n {
            let stage = m.stages[i % m.stages.len()].id.clone();
            m.add_touchpoint(&stage, &format!("Touchpoint {i}"), Channel::App).unwrap();
        }
        m
    }

    #[test]
    fn a_map_that_fits_the_view_is_drawn_whole() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = canvas_layout(&m, None, Lang::En);
        assert_eq!(drawn_columns(&l, 0.0, l.total_width()), 0..l.columns.len());
        assert_eq!(drawn_columns(&l, 0.0, 0.0), 0..l.columns.len(), "view not measured yet");
        assert_eq!(drawn_columns(&l, 0.0, f64::NAN), 0..l.columns.len());
    }

    #[test]
    fn a_wide_map_draws_the_columns_in_view_and_a_view_either_side() {
        let m = big_map(300);
        let l = canvas_layout(&m, None, Lang::En);
        let (left, right): (f64, f64) = (10_000.0, 12_000.0);
        let r = drawn_columns(&l, left, right);
        assert!(r.len() < l.columns.len() / 4, "{r:?} of {}", l.columns.len());
        // Every column that overlaps the widened view is drawn, and no other.
        for (i, c) in l.columns.iter().enumerate() {
            let margin = (right - left) * MARGIN_VIEWS;
            let overlaps = c.x + c.width > left - margin && c.x < right + margin;
            assert_eq!(r.contains(&i), overlaps, "column {i} at {}..{}", c.x, c.x + c.width);
        }
        // At the start and past the end.
        assert_eq!(drawn_columns(&l, 0.0, 1_000.0).start, 0);
        let end = drawn_columns(&l, l.total_width() - 500.0, l.total_width() + 500.0);
        assert_eq!(end.end, l.columns.len());
        let beyond = drawn_columns(&l, 1e7, 1e7 + 1_000.0);
        assert!(beyond.is_empty());
    }
}
