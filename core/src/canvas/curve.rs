//! The emotion curve inside the canvas: one point per shown touchpoint, at the centre of its
//! column, so the curve runs under the cards it belongs to. One line per shown persona
//! (touchpoints without personas belong to everyone), drawn solid for the as-is emotion and
//! dashed for the designed to-be emotion; a face at each point (mouth and colour, so colour is
//! never the only cue), a "?" where nobody knows the emotion yet.
//!
//! [`canvas_curve`] is the geometry (tested); [`render_curve_svg`] writes it as SVG with every
//! user text escaped, so the UI may insert it as markup. The persona legend is the UI's,
//! from [`CurveLine::name`] and [`CurveLine::color`].

use std::collections::HashMap;
use std::fmt::Write;

use crate::charts::escape;
use crate::editor::belongs_to;
use crate::model::{JourneyMap, Lang, Touchpoint};

use super::layout::CanvasLayout;

/// Line colours per persona (Okabe–Ito, distinguishable with colour-vision deficiencies).
pub const LINE_COLORS: [&str; 6] = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];
/// Height of the emotion lane's drawing in canvas pixels.
pub const CURVE_H: f64 = 104.0;
/// Room above +2 and below −2 for the faces.
const PAD: f64 = 13.0;
const FACE_R: f64 = 9.0;

#[derive(Debug, Clone, PartialEq)]
pub struct CurveLine {
    /// `None`: the one line of a map without personas.
    pub persona: Option<String>,
    pub name: String,
    pub color: &'static str,
    /// The designed (to-be) emotion, drawn dashed.
    pub to_be: bool,
    /// (x in the drawing, emotion) left to right, touchpoints without a value left out.
    pub points: Vec<(f64, f64)>,
    /// A few pixels up or down so lines of personas sharing touchpoints stay visible.
    pub offset: f64,
    /// The line's place among the shown personas: its colour, dash pattern and marker shape
    /// ([`line_dash`], [`marker_shape`]), so the lines differ without colour too.
    pub style: usize,
}

/// One shown touchpoint's place on the curve.
#[derive(Debug, Clone, PartialEq)]
pub struct CurveMark {
    pub touchpoint: String,
    pub title: String,
    pub x: f64,
    pub emotion: Option<i8>,
    pub to_be: Option<i8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CanvasCurve {
    /// Width of the drawing: the canvas without its label column.
    pub width: f64,
    /// Where each stage starts in the drawing (for the stage separators).
    pub stage_x: Vec<f64>,
    pub lines: Vec<CurveLine>,
    pub marks: Vec<CurveMark>,
}

/// The curve of the touchpoints `layout` shows. With a persona filter only that persona's
/// lines; without personas one line through every touchpoint.
pub fn canvas_curve(map: &JourneyMap, layout: &CanvasLayout, persona: Option<&str>) -> CanvasCurve {
    // By a hash map: a search per column was quadratic (45,000 comparisons per edit on a
    // 300-touchpoint map).
    let by_id: HashMap<&str, &Touchpoint> = map.touchpoints.iter().map(|t| (t.id.as_str(), t)).collect();
    let shown: Vec<(f64, &Touchpoint)> = layout
        .columns
        .iter()
        .filter_map(|c| Some((c.center() - layout.label_width, *by_id.get(c.touchpoint()?)?)))
        .collect();
    let personas: Vec<(Option<String>, String)> = if map.personas.is_empty() {
        vec![(None, String::new())]
    } else {
        map.personas
            .iter()
            .filter(|p| persona.is_none_or(|f| f == p.id))
            .map(|p| (Some(p.id.clone()), p.name.clone()))
            .collect()
    };
    let mut lines = Vec::new();
    let n = personas.len();
    for (i, (id, name)) in personas.into_iter().enumerate() {
        let color = LINE_COLORS[i % LINE_COLORS.len()];
        let offset = (i as f64 - (n as f64 - 1.0) / 2.0) * 3.0;
        let mine: Vec<&(f64, &Touchpoint)> = shown.iter().filter(|(_, t)| belongs_to(t, id.as_deref())).collect();
        let points = |value: fn(&Touchpoint) -> Option<i8>| -> Vec<(f64, f64)> {
            mine.iter().filter_map(|(x, t)| value(t).map(|v| (*x, f64::from(v)))).collect()
        };
        let as_is = points(|t| t.emotion);
        let to_be = points(|t| t.to_be_emotion);
        lines.push(CurveLine { persona: id.clone(), name: name.clone(), color, to_be: false, points: as_is, offset, style: i });
        if !to_be.is_empty() {
            lines.push(CurveLine { persona: id, name, color, to_be: true, points: to_be, offset, style: i });
        }
    }
    let marks = shown
        .iter()
        .map(|(x, t)| CurveMark { touchpoint: t.id.clone(), title: t.title.clone(), x: *x, emotion: t.emotion, to_be: t.to_be_emotion })
        .collect();
    let stage_x = layout.stages.iter().map(|s| s.x - layout.label_width).collect();
    CanvasCurve { width: layout.width - layout.label_width, stage_x, lines, marks }
}

/// The y of an emotion −2..=2 in a drawing `height` tall (+2 at the top).
pub fn y_of(value: f64, height: f64) -> f64 {
    PAD + (2.0 - value.clamp(-2.0, 2.0)) / 4.0 * (height - 2.0 * PAD)
}

/// Fill of a face: warm for negative, grey for neutral, cool for positive (the mouth says
/// the same, so colour is an extra cue only).
fn face_fill(v: i8) -> &'static str {
    match v {
        i8::MIN..=-2 => "#f4b183",
        -1 => "#fbd9b5",
        0 => "#e6e6e6",
        1 => "#b9e0d2",
        _ => "#8fd0b8",
    }
}

/// A face: circle, two eyes, a mouth curved by the emotion. `to_be` draws it dashed and hollow.
fn face(s: &mut String, x: f64, y: f64, v: i8, to_be: bool) {
    let (fill, dash, r) = if to_be { ("#fff", r#" stroke-dasharray="3 2""#, FACE_R - 1.0) } else { (face_fill(v), "", FACE_R) };
    let _ = write!(s, r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{fill}" stroke="#333" stroke-width="1.2"{dash}/>"##);
    let _ = write!(s, r##"<circle cx="{:.1}" cy="{:.1}" r="1.2" fill="#333"/><circle cx="{:.1}" cy="{:.1}" r="1.2" fill="#333"/>"##, x - 3.0, y - 2.5, x + 3.0, y - 2.5);
    let bend = f64::from(v) * 1.8;
    let my = y + 3.2 - bend / 2.0;
    let _ = write!(s, r##"<path d="M{:.1} {my:.1} Q{x:.1} {:.1} {:.1} {my:.1}" fill="none" stroke="#333" stroke-width="1.3" stroke-linecap="round"/>"##, x - 4.0, my + bend, x + 4.0);
}

/// The words of the drawing: its accessible name, "to-be", "emotion not known yet".
fn words(lang: Lang) -> (&'static str, &'static str, &'static str) {
    lang.pick((("Emotion curve", "to-be", "emotion not known yet"), ("Emotionskurve", "Soll", "Emotion noch nicht bekannt")))
}

/// The curve as an SVG document `height` pixels tall: [`svg_open`], [`render_curve_frame`],
/// every mark in its [`mark_group`], and the closing tag. The canvas puts the same pieces
/// into the page separately, so that an edit redraws the one mark that changed.
pub fn render_curve_svg(curve: &CanvasCurve, height: f64, lang: Lang) -> String {
    let mut s = svg_open(curve, height, lang);
    s.push_str(&render_curve_body(curve, height, lang));
    s.push_str("</svg>");
    s
}

/// Everything inside the `<svg>`: the frame and every mark in its group (the map picture
/// puts it into its emotion lane).
pub fn render_curve_body(curve: &CanvasCurve, height: f64, lang: Lang) -> String {
    let mut s = render_curve_frame(curve, height, lang);
    for m in &curve.marks {
        let (open, close) = mark_group(m);
        s.push_str(&open);
        s.push_str(&render_curve_mark(m, height, lang));
        s.push_str(close);
    }
    s
}

/// The drawing's accessible name ("Emotion curve").
pub fn curve_label(lang: Lang) -> &'static str {
    words(lang).0
}

/// The opening `<svg>` tag: size, view box and accessible name.
pub fn svg_open(curve: &CanvasCurve, height: f64, lang: Lang) -> String {
    let w = curve.width.max(1.0);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="canvas-curve-svg" viewBox="0 0 {w:.0} {height:.0}" width="{w:.0}" height="{height:.0}" role="img" aria-label="{}">"#,
        escape(words(lang).0)
    )
}

/// Everything but the marks: [`render_curve_scale`] and [`render_curve_lines`].
pub fn render_curve_frame(curve: &CanvasCurve, height: f64, lang: Lang) -> String {
    let mut s = render_curve_scale(curve, height);
    s.push_str(&render_curve_lines(curve, height, lang));
    s
}

/// The scale (the zero line dotted, +2 and −2 faint, their labels) and the stage separators:
/// it changes with the columns only, not with an emotion.
pub fn render_curve_scale(curve: &CanvasCurve, height: f64) -> String {
    let mut s = marker_defs();
    level_lines(&mut s, &format!("{:.0}", curve.width.max(1.0)), height);
    for x in curve.stage_x.iter().skip(1) {
        let _ = write!(s, r##"<line x1="{x:.1}" x2="{x:.1}" y1="0" y2="{height:.0}" stroke="#d0d7de"/>"##);
    }
    s.push_str(&curve_scale_labels(height));
    s
}

/// The lines at +2, −2 (faint) and 0 (dotted) from x = 0 to `x2`.
fn level_lines(s: &mut String, x2: &str, height: f64) {
    for v in [2.0, -2.0] {
        let y = y_of(v, height);
        let _ = write!(s, r##"<line x1="0" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="#e3e3e3"/>"##);
    }
    let zero = y_of(0.0, height);
    let _ = write!(s, r##"<line x1="0" x2="{x2}" y1="{zero:.1}" y2="{zero:.1}" stroke="#999" stroke-dasharray="2 3"/>"##);
}

/// The canvas's scale in three parts, so that a column changing width re-parses nothing: the
/// part that never moves ([`curve_scale_fixed`]: the level lines, drawn to `100%` — the view
/// box's width; the canvas draws its lines' markers as paths, [`curve_marker_paths`]), the stage separators as the data of one
/// path ([`stage_separators_d`], set on every change of the columns) and the labels
/// ([`curve_scale_labels`]). Drawn in that order they paint what [`render_curve_scale`] paints.
pub fn curve_scale_fixed(height: f64) -> String {
    let mut s = String::new();
    level_lines(&mut s, "100%", height);
    s
}

/// The stage separators (every stage's start but the first) as path data: one vertical
/// stroke each, drawn with the separators' colour (`#d0d7de`) by the canvas.
pub fn stage_separators_d(curve: &CanvasCurve, height: f64) -> String {
    let mut d = String::with_capacity(curve.stage_x.len() * 16);
    for x in curve.stage_x.iter().skip(1) {
        d.push_str(if d.is_empty() { "M" } else { " M" });
        push_tenths(&mut d, *x);
        d.push_str(" 0 V");
        push_tenths(&mut d, height);
    }
    d
}

/// The scale's labels +2, 0 and −2 at the left edge.
pub fn curve_scale_labels(height: f64) -> String {
    let mut s = String::new();
    for (v, label) in [(2.0, "+2"), (0.0, "0"), (-2.0, "−2")] {
        let _ = write!(s, r##"<text x="3" y="{:.1}" font-size="10" fill="#666">{label}</text>"##, y_of(v, height) + 3.5);
    }
    s
}

/// The as-is line's dash pattern of the persona at place `style` (the first solid); to-be
/// lines are dashed "6 4" whatever their persona, and carry its marker.
pub fn line_dash(style: usize) -> Option<&'static str> {
    [None, Some("2 3"), Some("10 3 2 3"), Some("12 5"), Some("2 3 2 3 8 3"), Some("6 2")][style % LINE_COLORS.len()]
}

/// The marker of the persona at place `style`, centred on (`cx`, `cy`), about 7 px wide, in
/// its colour with a white edge: circle, square, triangle, diamond, triangle down, bar.
pub fn marker_shape(style: usize, cx: f64, cy: f64) -> String {
    let color = LINE_COLORS[style % LINE_COLORS.len()];
    let paint = format!(r##" fill="{color}" stroke="#fff" stroke-width="1""##);
    let (x, y) = (cx, cy);
    match style % LINE_COLORS.len() {
        0 => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.6"{paint}/>"#),
        1 => format!(r#"<rect x="{:.1}" y="{:.1}" width="7" height="7"{paint}/>"#, x - 3.5, y - 3.5),
        2 => format!(r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z"{paint}/>"#, y - 4.0, x + 4.0, y + 3.5, x - 4.0, y + 3.5),
        3 => format!(r#"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z"{paint}/>"#, y - 4.5, x + 4.5, y + 4.5, x - 4.5),
        4 => format!(r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z"{paint}/>"#, y + 4.0, x + 4.0, y - 3.5, x - 4.0, y - 3.5),
        _ => format!(r#"<rect x="{:.1}" y="{:.1}" width="3.5" height="8"{paint}/>"#, x - 1.75, y - 4.0),
    }
}

/// The markers of the lines, drawn beside each point (the faces cover the point itself):
/// one `<marker>` per persona place, `url(#curve-marker-N)`.
pub fn marker_defs() -> String {
    let mut s = String::from("<defs>");
    for i in 0..LINE_COLORS.len() {
        let _ = write!(
            s,
            r#"<marker id="curve-marker-{i}" markerUnits="userSpaceOnUse" markerWidth="30" markerHeight="12" refX="5" refY="6" orient="0">{}</marker>"#,
            marker_shape(i, 20.0, 6.0)
        );
    }
    s.push_str("</defs>");
    s
}

/// One line of the curve as the page draws it: the canvas keeps one `<path>` per line and
/// sets its attributes, so an edit that moves the points changes the path data only (no
/// markup re-parsed, no element rebuilt).
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePath {
    /// The path data, coordinates to a tenth of a pixel.
    pub d: String,
    pub color: &'static str,
    /// The designed (to-be) line: drawn dashed.
    pub to_be: bool,
    /// The tooltip: the persona's name (plain text, not escaped).
    pub title: String,
    /// The persona's place: dash pattern and marker ([`CurveLine::style`]).
    pub style: usize,
}

impl CurvePath {
    /// "as-is" or "to-be": the line's `data-kind` and the end of its class.
    pub fn kind(&self) -> &'static str {
        if self.to_be { "to-be" } else { "as-is" }
    }

    /// The dash pattern: the persona's as-is pattern ([`line_dash`]), "6 4" for a to-be line.
    pub fn dash(&self) -> Option<&'static str> {
        if self.to_be { Some("6 4") } else { line_dash(self.style) }
    }

    /// The `url(#…)` of the line's marker (`marker-start`, `-mid` and `-end`).
    pub fn marker(&self) -> String {
        format!("url(#curve-marker-{})", self.style % LINE_COLORS.len())
    }

    /// The tooltip as an SVG `<title>` child, escaped.
    pub fn title_markup(&self) -> String {
        format!("<title>{}</title>", escape(&self.title))
    }
}

/// The drawn lines (lines without a point are left out).
pub fn curve_paths(curve: &CanvasCurve, height: f64, lang: Lang) -> Vec<CurvePath> {
    let (name, to_be_word, _) = words(lang);
    curve
        .lines
        .iter()
        .filter(|line| !line.points.is_empty())
        .map(|line| {
            let d = path_data(&line.points, line.offset, height);
            let who = if line.persona.is_some() { line.name.as_str() } else { name };
            let title = if line.to_be { format!("{who} ({to_be_word})") } else { who.to_string() };
            CurvePath { d, color: line.color, to_be: line.to_be, title, style: line.style }
        })
        .collect()
}

/// The path data through `points` (x, emotion), moved by `offset`.
fn path_data(points: &[(f64, f64)], offset: f64, height: f64) -> String {
    // About 14 bytes per point; written without `{:.1}`, whose exact float formatting
    // was the largest part of drawing the lines of a 300-touchpoint map.
    let mut d = String::with_capacity(points.len() * 14);
    for (i, (x, v)) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        push_tenths(&mut d, *x);
        d.push(' ');
        push_tenths(&mut d, y_of(*v, height) + offset);
    }
    d
}

/// For each line of [`curve_paths`] (same order), its markers at its points from `from` to `to`
/// (x in the drawing) as the data of one path: the shape of [`marker_shape`] beside each
/// point where a `<marker>` on the line would draw it ([`marker_defs`]: 15 px to the right),
/// filled in the line's colour with a white edge by the canvas ([`MarkerPath`]). Markers on
/// the whole line painted one per touchpoint on every edit — most of an edit's paint on a
/// 300-touchpoint map (benchmarks/README.md); `<marker>` elements at the drawn columns' points
/// still painted each marker as a drawing of its own, one path is painted at once.
pub fn curve_marker_paths(curve: &CanvasCurve, height: f64, from: f64, to: f64) -> Vec<MarkerPath> {
    curve
        .lines
        .iter()
        .filter(|line| !line.points.is_empty())
        .map(|line| {
            let style = line.style % LINE_COLORS.len();
            let near = line.points.iter().filter(|(x, _)| *x >= from && *x <= to);
            let mut d = String::with_capacity(line.points.len().min(64) * 40);
            for (x, v) in near {
                marker_outline(&mut d, style, x + MARKER_DX, y_of(*v, height) + line.offset);
            }
            MarkerPath { d, color: LINE_COLORS[style], shape: MARKER_NAMES[style] }
        })
        .collect()
}

/// A line's markers as one path ([`curve_marker_paths`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerPath {
    /// The outlines of the markers, one closed shape each.
    pub d: String,
    /// The fill (the line's colour); the edge is white, 1 px.
    pub color: &'static str,
    /// The shape's name ("circle", "square", …): the path's `data-shape`.
    pub shape: &'static str,
}

/// How far right of its point a marker is centred: [`marker_defs`]' `refX` 5, shape at 20.
const MARKER_DX: f64 = 15.0;
/// The names of [`marker_shape`]'s shapes by persona place.
const MARKER_NAMES: [&str; 6] = ["circle", "square", "triangle", "diamond", "triangle-down", "bar"];

/// Appends the outline of [`marker_shape`]'s shape `style` centred on (`x`, `y`) to `d`: the
/// same corners (the circle as two arcs).
fn marker_outline(d: &mut String, style: usize, x: f64, y: f64) {
    fn at(d: &mut String, cmd: char, px: f64, py: f64) {
        d.push(cmd);
        push_tenths(d, px);
        d.push(' ');
        push_tenths(d, py);
    }
    match style {
        0 => {
            at(d, 'M', x - 3.6, y);
            d.push_str("a3.6 3.6 0 1 0 7.2 0a3.6 3.6 0 1 0 -7.2 0Z");
        }
        1 => {
            at(d, 'M', x - 3.5, y - 3.5);
            d.push_str("h7v7h-7Z");
        }
        2 | 4 => {
            // Up (2) or down (4): the tip 4 px from the centre, the base 3.5 px the other way.
            let s = if style == 2 { 1.0 } else { -1.0 };
            at(d, 'M', x, y - 4.0 * s);
            at(d, 'L', x + 4.0, y + 3.5 * s);
            at(d, 'L', x - 4.0, y + 3.5 * s);
            d.push('Z');
        }
        3 => {
            at(d, 'M', x, y - 4.5);
            at(d, 'L', x + 4.5, y);
            at(d, 'L', x, y + 4.5);
            at(d, 'L', x - 4.5, y);
            d.push('Z');
        }
        _ => {
            at(d, 'M', x - 1.75, y - 4.0);
            d.push_str("h3.5v8h-3.5Z");
        }
    }
}

/// One path per line (as-is solid, to-be dashed), each with its persona's name as tooltip.
pub fn render_curve_lines(curve: &CanvasCurve, height: f64, lang: Lang) -> String {
    let mut s = String::new();
    for p in curve_paths(curve, height, lang) {
        let dash = p.dash().map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
        let kind = p.kind();
        let marker = p.marker();
        let _ = write!(
            s,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{dash} marker-start="{marker}" marker-mid="{marker}" marker-end="{marker}" class="curve-line curve-{kind}" data-kind="{kind}">{}</path>"#,
            p.d,
            p.color,
            p.title_markup()
        );
    }
    s
}

/// Writes `v` rounded to one decimal ("12.3", "-0.5", "7.0"), as `{:.1}` does but with
/// integer arithmetic; a value that is not finite is written as 0.
fn push_tenths(s: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths == 0.0 {
        s.push_str("0.0");
        return;
    }
    let tenths = tenths as i64;
    let abs = tenths.unsigned_abs();
    let _ = write!(s, "{}{}.{}", if tenths < 0 { "-" } else { "" }, abs / 10, abs % 10);
}

/// The group tags around a mark: it carries the touchpoint's id and moves the mark, drawn
/// at x = 0 by [`render_curve_mark`], to its column.
pub fn mark_group(m: &CurveMark) -> (String, &'static str) {
    (format!(r#"<g class="curve-mark" data-tp-id="{}" transform="{}">"#, escape(&m.touchpoint), mark_transform(m)), "</g>")
}

/// Where a mark goes: its column's centre.
pub fn mark_transform(m: &CurveMark) -> String {
    let mut s = String::from("translate(");
    push_tenths(&mut s, m.x);
    s.push_str(" 0)");
    s
}

/// One touchpoint's mark at x = 0: its tooltip, the as-is face (or a "?" where the emotion is
/// not known) and the to-be face where it differs.
pub fn render_curve_mark(m: &CurveMark, height: f64, lang: Lang) -> String {
    let unknown = words(lang).2;
    let zero = y_of(0.0, height);
    let mut s = String::new();
    match m.emotion {
        Some(v) => {
            let _ = write!(s, "<title>{}: {}</title>", escape(&m.title), crate::locale::emotion(Some(v)));
            face(&mut s, 0.0, y_of(f64::from(v), height), v, false);
        }
        None => {
            let _ = write!(
                s,
                r##"<title>{}: {unknown}</title><circle cx="0" cy="{zero:.1}" r="8" fill="#fff" stroke="#999" stroke-dasharray="2 2"/><text x="0" y="{:.1}" font-size="11" text-anchor="middle" fill="#666">?</text>"##,
                escape(&m.title),
                zero + 4.0,
            );
        }
    }
    if let Some(v) = m.to_be.filter(|v| Some(*v) != m.emotion) {
        face(&mut s, 0.0, y_of(f64::from(v), height), v, true);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::canvas_layout;
    use crate::model::Channel;
    use crate::templates::coffee_to_go;

    #[test]
    fn points_sit_on_the_centres_of_their_cards_columns() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = canvas_layout(&m, None, Lang::En);
        let c = canvas_curve(&m, &l, None);
        assert_eq!(c.marks.len(), m.touchpoints.len());
        for mark in &c.marks {
            let col = &l.columns[l.column_of(&mark.touchpoint).unwrap()];
            assert_eq!(mark.x, col.center() - l.label_width);
            assert_eq!(mark.emotion, m.touchpoint(&mark.touchpoint).unwrap().emotion);
        }
        assert!(c.marks.windows(2).all(|w| w[0].x < w[1].x), "left to right");
        // Drawn: each mark's group moves its face (drawn at x = 0) to the column's centre,
        // at the height of its emotion.
        let svg = render_curve_svg(&c, CURVE_H, Lang::En);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        for mark in &c.marks {
            let g = doc.descendants().find(|n| n.attribute("data-tp-id") == Some(mark.touchpoint.as_str())).expect("a group per mark");
            assert_eq!(g.attribute("transform"), Some(format!("translate({:.1} 0)", mark.x).as_str()));
            let face = g.children().find(|n| n.has_tag_name("circle")).expect("a face");
            let at = |a: &str| face.attribute(a).and_then(|v| v.parse::<f64>().ok()).expect("a number");
            assert_eq!(at("cx"), 0.0);
            let y = mark.emotion.map_or(y_of(0.0, CURVE_H), |v| y_of(f64::from(v), CURVE_H));
            assert!((at("cy") - y).abs() < 0.06, "{} {y}", at("cy"));
        }
        assert_eq!(c.width, l.width - l.label_width);
        // One as-is line per persona; none of the example's touchpoints has a to-be emotion.
        assert_eq!(c.lines.len(), m.personas.len());
        assert!(c.lines.iter().all(|line| !line.to_be));
    }

    #[test]
    fn each_persona_line_runs_through_its_touchpoints_and_the_to_be_line_is_separate() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let a = m.add_persona("Ann <a>");
        let b = m.add_persona("Ben");
        let t1 = m.add_touchpoint(&s0, "both", Channel::App).unwrap();
        let t2 = m.add_touchpoint(&s0, "only A", Channel::App).unwrap();
        let t3 = m.add_touchpoint(&s1, "unknown", Channel::App).unwrap();
        m.touchpoint_mut(&t1).unwrap().set_emotion(Some(2));
        m.touchpoint_mut(&t1).unwrap().set_to_be_emotion(Some(2));
        m.touchpoint_mut(&t2).unwrap().set_emotion(Some(-2));
        m.touchpoint_mut(&t2).unwrap().set_to_be_emotion(Some(1));
        m.touchpoint_mut(&t2).unwrap().persona_ids = vec![a.clone()];
        let _ = t3;
        let l = canvas_layout(&m, None, Lang::En);
        let c = canvas_curve(&m, &l, None);
        let x = |id: &str| l.columns[l.column_of(id).unwrap()].center() - l.label_width;
        let line = |p: &str, to_be: bool| c.lines.iter().find(|l| l.persona.as_deref() == Some(p) && l.to_be == to_be).unwrap();
        assert_eq!(line(&a, false).points, vec![(x(&t1), 2.0), (x(&t2), -2.0)]);
        assert_eq!(line(&b, false).points, vec![(x(&t1), 2.0)], "B's journey skips A's touchpoint");
        assert_eq!(line(&a, true).points, vec![(x(&t1), 2.0), (x(&t2), 1.0)]);
        assert_ne!(line(&a, false).offset, line(&b, false).offset, "shared stretches stay visible");
        // The filter shows one persona's lines only.
        let only_b = canvas_curve(&m, &canvas_layout(&m, Some(&b), Lang::En), Some(&b));
        assert!(only_b.lines.iter().all(|l| l.persona.as_deref() == Some(b.as_str())));

        let svg = render_curve_svg(&c, CURVE_H, Lang::En);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        assert_eq!(doc.descendants().filter(|n| n.attribute("data-kind") == Some("to-be")).count(), 2);
        assert!(svg.contains("stroke-dasharray=\"6 4\""), "to-be dashed");
        assert!(svg.contains("Ann &lt;a&gt;") && !svg.contains("<a>"), "names escaped");
        assert!(svg.contains("unknown: emotion not known yet"));
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("g")).count(), 3, "a mark per touchpoint");
    }

    #[test]
    fn higher_emotions_are_drawn_higher_inside_the_drawing() {
        for v in -2..2 {
            assert!(y_of(f64::from(v + 1), CURVE_H) < y_of(f64::from(v), CURVE_H));
        }
        assert!(y_of(2.0, CURVE_H) - FACE_R >= 0.0 && y_of(-2.0, CURVE_H) + FACE_R <= CURVE_H, "faces stay inside");
    }

    #[test]
    fn tenths_are_written_as_the_standard_formatter_writes_them() {
        // Values that are not halfway between two tenths (where binary rounding may differ).
        for v in [0.0, 1.0, -1.0, 12.34, -12.36, 0.04, -0.04, 104.0, 1234.56, 99.96, -7.25 + 0.01, 3.0e6 + 0.123] {
            let mut s = String::new();
            push_tenths(&mut s, v);
            let std = format!("{v:.1}");
            assert_eq!(s, if std == "-0.0" { "0.0".to_string() } else { std }, "{v}");
        }
        let mut s = String::new();
        push_tenths(&mut s, f64::NAN);
        assert_eq!(s, "0.0");
    }

    #[test]
    fn the_lines_drawn_as_paths_carry_their_kind_colour_and_escaped_tooltip() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s0 = m.stages[0].id.clone();
        let a = m.add_persona("Ann <a>");
        let t = m.add_touchpoint(&s0, "x", Channel::App).unwrap();
        m.touchpoint_mut(&t).unwrap().set_emotion(Some(-1));
        m.touchpoint_mut(&t).unwrap().set_to_be_emotion(Some(2));
        m.touchpoint_mut(&t).unwrap().persona_ids = vec![a];
        let l = canvas_layout(&m, None, Lang::En);
        let c = canvas_curve(&m, &l, None);
        let paths = curve_paths(&c, CURVE_H, Lang::En);
        assert_eq!(paths.len(), 2);
        let as_is = paths.iter().find(|p| !p.to_be).unwrap();
        let x = l.columns[l.column_of(&t).unwrap()].center() - l.label_width;
        assert_eq!(as_is.d, format!("M{:.1} {:.1}", x, y_of(-1.0, CURVE_H) + c.lines[0].offset));
        assert_eq!((as_is.kind(), as_is.dash(), as_is.title.as_str()), ("as-is", None, "Ann <a>"), "the first persona solid");
        let to_be = paths.iter().find(|p| p.to_be).unwrap();
        assert_eq!((to_be.kind(), to_be.dash(), to_be.title.as_str()), ("to-be", Some("6 4"), "Ann <a> (to-be)"));
        assert_eq!(to_be.title_markup(), "<title>Ann &lt;a&gt; (to-be)</title>");
    }

    #[test]
    fn each_persona_line_has_its_own_dash_pattern_and_marker_so_colour_is_not_needed() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s0 = m.stages[0].id.clone();
        let personas: Vec<String> = (0..LINE_COLORS.len()).map(|i| m.add_persona(&format!("P{i}"))).collect();
        let t = m.add_touchpoint(&s0, "x", Channel::App).unwrap();
        m.touchpoint_mut(&t).unwrap().set_emotion(Some(1));
        let l = canvas_layout(&m, None, Lang::En);
        let paths = curve_paths(&canvas_curve(&m, &l, None), CURVE_H, Lang::En);
        assert_eq!(paths.len(), personas.len());
        let dashes: std::collections::HashSet<_> = paths.iter().map(CurvePath::dash).collect();
        let markers: std::collections::HashSet<_> = paths.iter().map(CurvePath::marker).collect();
        assert_eq!((dashes.len(), markers.len()), (personas.len(), personas.len()), "no two lines alike");
        let shapes: std::collections::HashSet<_> =
            (0..LINE_COLORS.len()).map(|i| marker_shape(i, 0.0, 0.0).replace(LINE_COLORS[i], "")).collect();
        assert_eq!(shapes.len(), LINE_COLORS.len(), "every marker a different shape, not only a colour");
        let svg = render_curve_svg(&canvas_curve(&m, &l, None), CURVE_H, Lang::En);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        for p in doc.descendants().filter(|n| n.has_tag_name("path") && n.attribute("data-kind").is_some()) {
            let url = p.attribute("marker-mid").unwrap();
            let id = url.trim_start_matches("url(#").trim_end_matches(')');
            assert!(doc.descendants().any(|n| n.has_tag_name("marker") && n.attribute("id") == Some(id)), "{id} defined");
        }
    }

    #[test]
    fn the_marker_paths_draw_each_lines_marker_beside_its_points_in_the_given_span_only() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s0 = m.stages[0].id.clone();
        for i in 0..6 {
            let t = m.add_touchpoint(&s0, &format!("t{i}"), Channel::App).unwrap();
            m.touchpoint_mut(&t).unwrap().set_emotion(Some(i % 5 - 2));
            m.touchpoint_mut(&t).unwrap().set_to_be_emotion((i % 2 == 0).then_some(2));
        }
        let l = canvas_layout(&m, None, Lang::En);
        let c = canvas_curve(&m, &l, None);
        let paths = curve_paths(&c, CURVE_H, Lang::En);
        // The whole span: one shape per point of each line, in the line's colour and shape.
        let all = curve_marker_paths(&c, CURVE_H, f64::MIN, f64::MAX);
        assert_eq!(all.len(), paths.len());
        for ((line, p), markers) in c.lines.iter().zip(&paths).zip(&all) {
            assert_eq!(markers.d.matches('M').count(), line.points.len(), "{}", markers.d);
            assert_eq!((markers.color, markers.shape), (p.color, MARKER_NAMES[p.style]));
            // Each shape is centred 15 px right of its point, at the point's y: the first
            // corner of a circle (style 0) is its leftmost point.
            let (x, v) = line.points[0];
            let mut first = String::new();
            marker_outline(&mut first, 0, x + 15.0, y_of(v, CURVE_H) + line.offset);
            assert!(markers.d.starts_with(&first), "{} {first}", markers.d);
            assert!(first.starts_with(&format!("M{:.1} ", x + 15.0 - 3.6)), "{first}");
        }
        // A span over the 2nd to 4th point: those three only.
        let xs: Vec<f64> = c.lines[0].points.iter().map(|p| p.0).collect();
        let part = curve_marker_paths(&c, CURVE_H, xs[1], xs[3]);
        assert_eq!(part[0].d.matches('M').count(), 3, "{}", part[0].d);
        assert!(curve_marker_paths(&c, CURVE_H, xs[5] + 1.0, f64::MAX).iter().all(|p| p.d.is_empty()), "none outside");
    }

    #[test]
    fn the_marker_outlines_have_the_marker_shapes_corners() {
        // The corners of marker_shape's shape (its numbers after x= / y= or in d) against
        // the outline's, for the shapes drawn with corners: the canvas draws what an export shows.
        for style in 1..6 {
            let mut d = String::new();
            marker_outline(&mut d, style, 20.0, 6.0);
            let shape = marker_shape(style, 20.0, 6.0);
            let nums = |s: &str| -> Vec<f64> {
                s.split(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == '-')).filter_map(|n| n.parse().ok()).collect()
            };
            match style {
                1 | 5 => {
                    // rect x, y, width, height against M x y h w v h.
                    // (18.25 is written 18.2 by `{:.1}`, 18.3 by the canvas's faster tenths: a tenth of a pixel.)
                    let (r, o) = (nums(&shape), nums(&d));
                    assert!((0..4).all(|k| (o[k] - r[k]).abs() < 0.101), "{shape} {d}");
                }
                _ => {
                    let inner = &shape[shape.find(" d=\"").unwrap() + 4..];
                    let inner = &inner[..inner.find('"').unwrap()];
                    assert_eq!(nums(inner), nums(&d), "{shape} {d}");
                }
            }
        }
    }

    #[test]
    fn the_canvas_scale_in_parts_draws_what_the_whole_scale_draws() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let c = canvas_curve(&m, &canvas_layout(&m, None, Lang::En), None);
        assert!(c.stage_x.len() > 2);
        let whole = render_curve_scale(&c, CURVE_H);
        // The level lines to the view box's width, the same lines as the whole scale's.
        let w = format!(r#"x2="{:.0}""#, c.width.max(1.0));
        let fixed = curve_scale_fixed(CURVE_H);
        assert!(whole.starts_with(&format!("{}{}", marker_defs(), fixed.replace(r#"x2="100%""#, &w))), "{fixed}");
        assert!(whole.ends_with(&curve_scale_labels(CURVE_H)));
        // One vertical stroke per separator line, at its x, over the whole height.
        let d = stage_separators_d(&c, CURVE_H);
        let strokes: Vec<&str> = d.split('M').skip(1).map(str::trim).collect();
        let lines: Vec<_> = whole.match_indices(r#"y1="0""#).collect();
        assert_eq!(strokes.len(), c.stage_x.len() - 1);
        assert_eq!(lines.len(), strokes.len());
        for (x, stroke) in c.stage_x.iter().skip(1).zip(&strokes) {
            assert_eq!(*stroke, format!("{x:.1} 0 V104.0"));
            assert!(whole.contains(&format!(r#"<line x1="{x:.1}" x2="{x:.1}" y1="0" y2="104""#)));
        }
    }

    #[test]
    fn a_map_without_personas_has_one_line() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::De);
        let s = m.stages[0].id.clone();
        let t = m.add_touchpoint(&s, "x", Channel::App).unwrap();
        m.touchpoint_mut(&t).unwrap().set_emotion(Some(0));
        let c = canvas_curve(&m, &canvas_layout(&m, None, Lang::De), None);
        assert_eq!(c.lines.len(), 1);
        assert_eq!(c.lines[0].persona, None);
        assert!(render_curve_svg(&c, CURVE_H, Lang::De).contains("aria-label=\"Emotionskurve\""));
    }
}
