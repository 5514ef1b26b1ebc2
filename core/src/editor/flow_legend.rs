//! The flow view's one legend: a sample of each line style (and the dashed frame of a
//! touchpoint outside the company, and the meaning of line width when routes carry volumes)
//! beside its words, flowed into rows that fit the drawing's width. It is drawn inside the
//! SVG so that a downloaded or printed flow explains itself; the page adds no second one.

use std::fmt::Write;

use super::flow_text::Rect;
use crate::text_metrics::text_px;
use crate::charts::escape;
use crate::model::{Lang, RouteKind};

const FONT: f64 = 13.0;
const ROW_H: f64 = 22.0;
const SWATCH_W: f64 = 34.0;
const GAP: f64 = 8.0;
const ITEM_GAP: f64 = 24.0;

/// What the sample beside a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Swatch {
    Route(RouteKind),
    OutsideFrame,
    Width,
}

/// The legend's entries in `lang`, lower case: they run on in one line.
fn entries(lang: Lang, with_volumes: bool) -> Vec<(Swatch, &'static str)> {
    let mut out = vec![
        (Swatch::Route(RouteKind::Planned), lang.pick(("planned route", "geplante Route"))),
        (Swatch::Route(RouteKind::Alternative), lang.pick(("alternative route", "alternative Route"))),
        (Swatch::Route(RouteKind::LoopBack), lang.pick(("loop back (runs below)", "Rücksprung (unten entlang)"))),
        (Swatch::OutsideFrame, lang.pick(("touchpoint outside the company", "Touchpoint außerhalb des Unternehmens"))),
    ];
    if with_volumes {
        out.push((Swatch::Width, lang.pick(("line width: customers on the route", "Linienbreite: Kunden auf der Route"))));
    }
    out
}

/// The legend's words in one sentence, for the SVG's `<desc>`.
pub fn legend_sentence(lang: Lang, with_volumes: bool) -> String {
    entries(lang, with_volumes).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" · ")
}

/// Stroke colour and dash pattern of a route kind (Okabe–Ito, as the charts).
pub fn route_style(kind: RouteKind) -> (&'static str, &'static str) {
    match kind {
        RouteKind::Planned => ("#333333", ""),
        RouteKind::Alternative => ("#0072b2", "7 5"),
        RouteKind::LoopBack => ("#d55e00", "2 4"),
    }
}

/// The legend as an SVG group starting at (`left`, `top`), wrapped to `max_width`; returns
/// the markup and the box it covers (the text boxes are estimates, see `flow_text`).
pub fn legend_svg(lang: Lang, with_volumes: bool, left: f64, top: f64, max_width: f64) -> (String, Rect) {
    let mut s = String::from(r#"<g class="flow-legend" aria-hidden="true">"#);
    let (mut x, mut row, mut widest) = (left, 0usize, 0.0_f64);
    for (swatch, text) in entries(lang, with_volumes) {
        let item_w = SWATCH_W + GAP + text_px(text, FONT);
        if x > left && x + item_w > left + max_width {
            x = left;
            row += 1;
        }
        let mid = top + row as f64 * ROW_H + ROW_H / 2.0;
        match swatch {
            Swatch::Route(kind) => {
                let (stroke, dash) = route_style(kind);
                let _ = write!(
                    s,
                    r#"<line x1="{x:.1}" y1="{mid:.1}" x2="{:.1}" y2="{mid:.1}" stroke="{stroke}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                    x + SWATCH_W
                );
            }
            Swatch::OutsideFrame => {
                let _ = write!(
                    s,
                    r##"<rect x="{x:.1}" y="{:.1}" width="{SWATCH_W}" height="14" rx="3" fill="#fff" stroke="#555" stroke-dasharray="5 3"/>"##,
                    mid - 7.0
                );
            }
            Swatch::Width => {
                let _ = write!(
                    s,
                    r##"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333" stroke-width="2"/><line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333" stroke-width="6"/>"##,
                    mid - 4.0,
                    x + SWATCH_W,
                    mid - 4.0,
                    mid + 3.0,
                    x + SWATCH_W,
                    mid + 3.0
                );
            }
        }
        let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" font-size="{FONT}">{}</text>"#, x + SWATCH_W + GAP, mid + 4.5, escape(text));
        x += item_w + ITEM_GAP;
        widest = widest.max(x - ITEM_GAP - left);
    }
    s.push_str("</g>");
    (s, Rect::new(left, top, widest, (row + 1) as f64 * ROW_H))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_drawing_gets_more_rows_and_the_volume_entry_only_with_volumes() {
        let (wide, wide_box) = legend_svg(Lang::En, false, 0.0, 0.0, 2000.0);
        let (narrow, narrow_box) = legend_svg(Lang::En, true, 0.0, 0.0, 320.0);
        assert_eq!(wide_box.h, ROW_H);
        assert!(narrow_box.h >= 4.0 * ROW_H && narrow_box.w <= 320.0);
        assert!(!wide.contains("line width") && narrow.contains("line width"));
        assert_eq!(narrow.matches("class=\"flow-legend\"").count(), 1);
    }

    #[test]
    fn german_words() {
        assert!(legend_sentence(Lang::De, true).contains("Kunden auf der Route"));
    }
}
