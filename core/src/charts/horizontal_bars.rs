//! Horizontal bars with a name per row, shared by the ranked scores and the channel mix:
//! rows top to bottom in input order, names left of the axis, the value at each bar's end.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::plot::{err, Area};
use super::text::{clean, shorten};
use super::theme::{font, GRID, SMALL_PX};

/// One panel of horizontal bars.
pub struct BarPanel<'a> {
    /// (row name, value, shown value text); `None` value = no bar (unknown).
    pub rows: &'a [(String, Option<f64>, String)],
    /// Width of the name column in pixels; 0 hides the names (a second panel).
    pub names_px: u32,
    pub axis_desc: String,
    pub colour_of: &'a dyn Fn(f64) -> RGBColor,
    pub tick_format: &'a dyn Fn(f64) -> String,
    /// Value range the axis must include (zero is always included).
    pub range: (f64, f64),
}

/// Draws the panel into `area`.
pub fn draw_bar_panel(area: &Area<'_>, panel: &BarPanel<'_>) -> Result<(), String> {
    let k = panel.rows.len() as i32;
    let values = panel.rows.iter().filter_map(|r| r.1);
    let lo = values.clone().fold(panel.range.0.min(0.0), f64::min);
    let hi = values.fold(panel.range.1.max(0.0), f64::max);
    // Room at the bar end for the value text.
    let span = (hi - lo).max(1e-9);
    let (lo, hi) = (if lo < 0.0 { lo - span * 0.18 } else { lo }, if hi > 0.0 { hi + span * 0.18 } else { hi + span * 0.05 });
    let name_px = (f64::from(panel.names_px) - 16.0).max(2.0 * SMALL_PX);
    let mut chart = ChartBuilder::on(area)
        .margin_right(16)
        .margin_top(4)
        .x_label_area_size(64)
        .y_label_area_size(panel.names_px.max(8))
        // One row alone would give an empty range (0..0) and bars of negative height:
        // then the row sits in the middle of three segments.
        .build_cartesian_2d(lo..hi, if k == 1 { (-1..1).into_segmented() } else { (0..k - 1).into_segmented() })
        .map_err(err)?;
    // Row r sits at segment k-1-r, so the first row is on top.
    let row_at = |r: usize| k - 1 - r as i32;
    let names = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) if panel.names_px > 0 && (0..k).contains(i) => {
            shorten(&panel.rows[(k - 1 - *i) as usize].0, name_px, SMALL_PX)
        }
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(panel.rows.len())
        .y_label_formatter(&names)
        .y_label_style(font(SMALL_PX))
        .x_labels(5)
        .x_label_formatter(&|v| (panel.tick_format)(*v))
        .x_label_style(font(SMALL_PX))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(1))
        .x_desc(clean(&panel.axis_desc))
        .axis_desc_style(font(SMALL_PX))
        .draw()
        .map_err(err)?;
    // Bars at most 44 px thick: with few rows, fat bars look like blocks, not a ranking.
    let segments = if k == 1 { 3 } else { k };
    let row_px = f64::from(chart.plotting_area().get_pixel_range().1.len() as u32) / f64::from(segments.max(1));
    let inset = ((row_px - 44.0) / 2.0).max(5.0) as u32;
    chart
        .draw_series(panel.rows.iter().enumerate().filter_map(|(r, row)| {
            let v = row.1?;
            let y = row_at(r);
            let mut bar = Rectangle::new([(0.0, SegmentValue::Exact(y)), (v, SegmentValue::Exact(y + 1))], (panel.colour_of)(v).filled());
            bar.set_margin(inset, inset, 0, 0);
            Some(bar)
        }))
        .map_err(err)?;
    chart
        .draw_series(panel.rows.iter().enumerate().filter_map(|(r, row)| {
            let v = row.1?;
            let h = if v < 0.0 { HPos::Right } else { HPos::Left };
            let pad = span * 0.01 * if v < 0.0 { -1.0 } else { 1.0 };
            Some(Text::new(row.2.clone(), (v + pad, SegmentValue::CenterOf(row_at(r))), font(SMALL_PX).pos(Pos::new(h, VPos::Center))))
        }))
        .map_err(err)?;
    Ok(())
}
