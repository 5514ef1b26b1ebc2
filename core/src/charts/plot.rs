//! Glue between the charts and plotters' SVG backend: one function draws the shared frame
//! (white page, header, accessible title and description) around a chart body drawn with
//! plotters, another does the same for bodies written by hand.
//!
//! Plotters is only asked to draw shapes and single-line text with explicit anchors. It
//! never lays out a caption or a right-hand axis, the two places where it measures text:
//! on wasm32 it measures through the DOM (`window().unwrap()`), so avoiding them keeps the
//! charts pure and usable in a web worker, and native output identical to the browser's.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::document::{drawing_failed, make_accessible, Chart, ChartOptions};
use super::header::{write_header, LegendEntry};
use super::svg_writer::{insert_before_close, Anchor, SvgWriter, TextLook};
use super::text::wrap;
use super::theme::{HEADER_PX, INK, MARGIN_PX, SMALL_PX};

/// The drawing area plotters draws the chart body into.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Turns any plotters error into a message.
pub fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// The parts of a chart besides its body.
pub struct Frame<'a> {
    pub options: &'a ChartOptions,
    /// Short, stable name used in element ids, e.g. `funnel`.
    pub kind: &'static str,
    pub title: String,
    /// The chart's data in words, for screen readers.
    pub desc: String,
    pub legend: Vec<LegendEntry>,
}

/// The body's box in pixels, below the header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

fn body_box(width: u32, height: u32) -> BodyBox {
    let m = f64::from(MARGIN_PX);
    BodyBox {
        x: m,
        y: f64::from(HEADER_PX),
        w: f64::from(width) - 2.0 * m,
        h: f64::from(height) - f64::from(HEADER_PX) - m,
    }
}

/// Draws a chart whose body plotters draws. The body may also write hand-made overlay
/// markup (e.g. wrapped category labels) into the given writer.
pub fn render_plotted(
    frame: Frame<'_>,
    body: impl FnOnce(&Area<'_>, &mut SvgWriter) -> Result<(), String>,
) -> Chart {
    let (width, height) = frame.options.size();
    let mut svg = String::new();
    let mut overlay = SvgWriter::fragment();
    let drawn = (|| {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (_, below_header) = root.split_vertically(HEADER_PX);
        let area = below_header.margin(0, MARGIN_PX, MARGIN_PX, MARGIN_PX);
        body(&area, &mut overlay)?;
        root.present().map_err(err)
    })();
    if let Err(detail) = drawn {
        return drawing_failed(frame.options.lang, &detail);
    }
    let mut header = SvgWriter::fragment();
    write_header(&mut header, width, &frame.title, &frame.legend);
    let fragment = format!("{}{}", header.finish(), overlay.finish());
    let svg = insert_before_close(&drop_empty_text(&svg), &fragment);
    Chart::Svg(make_accessible(&svg, frame.kind, &frame.title, &frame.desc))
}

/// Removes `<text …></text>` elements without content. Category axes are labelled by hand
/// (plotters cannot wrap), so plotters is told to print empty labels there: asking it for
/// no labels at all (`x_labels(0)`) overflows inside plotters' tick computation.
fn drop_empty_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find("</text>").map(|e| e + "</text>".len()).unwrap_or(tail.len());
        let element = &tail[..end];
        let content = element.find('>').map(|gt| &element[gt + 1..]).unwrap_or("");
        if content.trim_end_matches("</text>").trim().is_empty() {
            // Also drop the newline plotters writes after each element.
            rest = tail[end..].strip_prefix('\n').unwrap_or(&tail[end..]);
        } else {
            out.push_str(element);
            rest = &tail[end..];
        }
    }
    out.push_str(rest);
    out
}

/// Draws a chart whose body is written by hand into the box below the header.
pub fn render_by_hand(frame: Frame<'_>, body: impl FnOnce(&mut SvgWriter, BodyBox)) -> Chart {
    let (width, height) = frame.options.size();
    let mut w = SvgWriter::document(width, height);
    body(&mut w, body_box(width, height));
    write_header(&mut w, width, &frame.title, &frame.legend);
    Chart::Svg(make_accessible(&w.finish(), frame.kind, &frame.title, &frame.desc))
}

/// Category names under an x axis, word-wrapped onto up to two lines centred on each
/// category. `centres` are pixel x positions, `top` the pixel y just below the axis.
pub fn write_category_labels(w: &mut SvgWriter, centres: &[(f64, &str)], top: f64, slot_px: f64) {
    let max_px = (slot_px - 8.0).max(2.0 * SMALL_PX);
    let look = TextLook { px: SMALL_PX, colour: INK, anchor: Anchor::Middle, bold: false, halo: false };
    for (x, label) in centres {
        for (i, line) in wrap(label, max_px, SMALL_PX, 2).iter().enumerate() {
            w.text((*x, top + SMALL_PX + 4.0 + i as f64 * (SMALL_PX + 4.0)), line, look);
        }
    }
}

/// Pixel space under the x axis reserved for two lines of category labels plus the axis
/// description.
pub const CATEGORY_AXIS_PX: u32 = 84;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_elements_are_dropped_and_others_kept() {
        let svg = "<svg><text x=\"1\">\n</text>\n<text x=\"2\">A\n</text>\n</svg>";
        assert_eq!(drop_empty_text(svg), "<svg><text x=\"2\">A\n</text>\n</svg>");
    }
}
