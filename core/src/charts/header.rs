//! The header every chart shares: the title on the first line and the legend on the second,
//! written by hand so that plotters never has to measure text (it would ask the DOM on
//! wasm32, which does not exist in a web worker).

use plotters::style::RGBColor;

use super::svg_writer::{Anchor, SvgWriter, TextLook};
use super::text::shorten;
use crate::text_metrics::{text_px, Font};
use super::theme::{hex, INK, MARGIN_PX, MUTED, SMALL_PX, TITLE_PX};

/// How a legend entry shows its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Line,
    DashedLine,
    Block,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub colour: RGBColor,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(label: impl Into<String>, colour: RGBColor, swatch: Swatch) -> Self {
        LegendEntry { label: label.into(), colour, swatch }
    }
}

/// Baseline of the title and of the legend row.
const TITLE_BASELINE: f64 = MARGIN_PX as f64 + TITLE_PX * 0.9;
const LEGEND_BASELINE: f64 = TITLE_BASELINE + 36.0;
/// The widest one legend label may be (about 36 characters).
const LEGEND_LABEL_PX: f64 = 340.0;
/// Length of a legend swatch.
const SWATCH_PX: f64 = 28.0;

/// Writes title and legend. Legend entries that do not fit on the row are summarised as
/// "+n"; the `<desc>` names every series anyway.
pub fn write_header(w: &mut SvgWriter, width: u32, title: &str, legend: &[LegendEntry]) {
    let left = f64::from(MARGIN_PX);
    let usable = f64::from(width) - 2.0 * left;
    w.text(
        (left, TITLE_BASELINE),
        &shorten(title, usable, Font::bold(TITLE_PX)),
        TextLook { px: TITLE_PX, colour: INK, anchor: Anchor::Start, bold: true, halo: false },
    );
    let mut x = left;
    for (i, entry) in legend.iter().enumerate() {
        let label = shorten(&entry.label, LEGEND_LABEL_PX, SMALL_PX);
        let advance = SWATCH_PX + 8.0 + text_px(&label, SMALL_PX) + 24.0;
        let remaining = legend.len() - i;
        if x + advance > left + usable - if remaining > 1 { 48.0 } else { 0.0 } {
            w.text(
                (x, LEGEND_BASELINE),
                &format!("+{remaining}"),
                TextLook { px: SMALL_PX, colour: MUTED, anchor: Anchor::Start, bold: false, halo: false },
            );
            break;
        }
        let mid = LEGEND_BASELINE - SMALL_PX * 0.35;
        match entry.swatch {
            Swatch::Line | Swatch::DashedLine => {
                w.line((x, mid), (x + SWATCH_PX, mid), entry.colour, 4.0, entry.swatch == Swatch::DashedLine)
            }
            Swatch::Block => w.rect(x + 4.0, mid - 9.0, 18.0, 18.0, &hex(entry.colour), &[]),
        }
        w.text(
            (x + SWATCH_PX + 8.0, LEGEND_BASELINE),
            &label,
            TextLook { px: SMALL_PX, colour: INK, anchor: Anchor::Start, bold: false, halo: false },
        );
        x += advance;
    }
}
