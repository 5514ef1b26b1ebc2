//! The flow view: touchpoints as nodes laid out by stage (one column per stage), routes as
//! arrows drawn by kind — planned solid, alternative dashed, loop back dotted and routed
//! under the chart so a loop from loyalty back to awareness stays readable. Touchpoints
//! outside the company (search engine, review portal, social media, influencer) get a
//! dashed frame and the word "outside".
//!
//! Made to be read on a projector: titles wrap inside their node (a node grows instead of
//! cutting the title; each node also carries the full title as its accessible name and
//! tooltip), arrowheads keep one size whatever the route's volume, and volume labels are
//! placed so that no label covers another label, a node or a stage name. There is one
//! legend, inside the drawing (see `flow_legend`).
//!
//! [`layout`] is plain geometry (tested on boxes); [`render_svg`] writes it as an SVG string
//! with every user text escaped, so the UI may insert it as markup.

use std::fmt::Write;

use super::flow_legend::{legend_sentence, legend_svg, route_style};
use super::flow_text::{place_labels, Rect};
use crate::text_metrics::{text_px, wrap_to_width, Font};
use crate::charts::escape;
use crate::model::{Channel, JourneyMap, Lang, RouteKind};

pub const NODE_W: f64 = 180.0;
/// Smallest node height (a one-line title).
pub const NODE_MIN_H: f64 = 40.0;
const PAD_X: f64 = 8.0;
const TITLE_FONT: f64 = 13.0;
const LINE_H: f64 = 16.0;
/// A title longer than this many lines ends in "…" (its full text stays the accessible name).
const MAX_TITLE_LINES: usize = 6;
const STAGE_FONT: f64 = 15.0;
const STAGE_LINE_H: f64 = 18.0;
const MAX_STAGE_LINES: usize = 3;
const VOLUME_FONT: f64 = 12.0;
const VOLUME_H: f64 = 16.0;
const COL_GAP: f64 = 90.0;
const ROW_GAP: f64 = 14.0;
const HEAD_TOP: f64 = 14.0;
const LEFT: f64 = 24.0;
/// Right margin: brackets and loop exits of the last column run beside it.
const RIGHT: f64 = 48.0;
const LOOP_LANE: f64 = 20.0;
/// Width of a route without a volume; routes with volumes grow up to `MAX_STROKE`.
const BASE_STROKE: f64 = 2.0;
const VOLUME_STROKE: f64 = 2.6;
const MAX_STROKE: f64 = 8.0;
/// The arrowhead in user units, fixed: `markerUnits="userSpaceOnUse"` keeps it from growing
/// with the stroke width (the SVG default scales markers by the stroke).
const ARROW: f64 = 13.0;

/// Channels that belong to someone else: the company can only watch and answer there.
pub fn is_outside_company(channel: &Channel) -> bool {
    matches!(channel, Channel::SearchEngine | Channel::ReviewPortal | Channel::SocialMedia | Channel::Influencer)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub title: String,
    /// The title wrapped to the node's width.
    pub lines: Vec<String>,
    /// True when the title did not fit in `MAX_TITLE_LINES` (the last line ends in "…").
    pub cut: bool,
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub h: f64,
    pub outside: bool,
}

impl Node {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, NODE_W, self.h)
    }

    fn mid_y(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// The line of an arrow: a cubic curve or a polyline (loops).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Curve([(f64, f64); 4]),
    Poly(Vec<(f64, f64)>),
}

impl Shape {
    /// SVG path data.
    pub fn path(&self) -> String {
        match self {
            Shape::Curve([a, b, c, d]) => {
                format!("M{:.1} {:.1} C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}", a.0, a.1, b.0, b.1, c.0, c.1, d.0, d.1)
            }
            Shape::Poly(points) => {
                let mut s = String::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    let _ = write!(s, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" });
                }
                s
            }
        }
    }

    /// Where a volume label may go, best first: along the curve from its middle outwards, or
    /// along a loop's long horizontal run under the chart.
    fn label_spots(&self) -> Vec<(f64, f64)> {
        const TS: [f64; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85];
        match self {
            Shape::Curve([p0, p1, p2, p3]) => TS
                .iter()
                .map(|&t| {
                    let u = 1.0 - t;
                    let f = |a: f64, b: f64, c: f64, d: f64| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
                    (f(p0.0, p1.0, p2.0, p3.0), f(p0.1, p1.1, p2.1, p3.1))
                })
                .collect(),
            Shape::Poly(points) => {
                // The longest horizontal segment is the run under the chart.
                let run = points.windows(2).filter(|w| w[0].1 == w[1].1).max_by(|a, b| {
                    (a[0].0 - a[1].0).abs().total_cmp(&(b[0].0 - b[1].0).abs())
                });
                match run {
                    Some(w) => TS.iter().map(|&t| (w[0].0 + (w[1].0 - w[0].0) * t, w[0].1)).collect(),
                    None => points.first().copied().into_iter().collect(),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub id: String,
    pub kind: RouteKind,
    pub shape: Shape,
    /// Drawn under the nodes because it runs backwards (loop back or to an earlier stage).
    pub backwards: bool,
    /// Customers on this route (typed in or applied from an event log).
    pub volume: Option<f64>,
    pub from_title: String,
    pub to_title: String,
}

/// A route's volume as text and the box it is drawn in (text centred in the box).
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeLabel {
    pub route_id: String,
    pub text: String,
    pub rect: Rect,
}

/// A stage's name over its column, wrapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub lines: Vec<String>,
    pub x: f64,
    pub rect: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Column>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub labels: Vec<VolumeLabel>,
    /// The legend's markup and the box it covers.
    pub legend: (String, Rect),
}

fn column_x(col: usize) -> f64 {
    LEFT + col as f64 * (NODE_W + COL_GAP)
}

fn words(lang: Lang) -> (&'static str, &'static str, &'static str) {
    lang.pick((("Flow of the journey", "outside", "customers"), ("Ablauf der Kundenreise", "extern", "Kunden")))
}

/// A route volume as a whole number with the language's thousands separator.
pub fn volume_label(v: f64, lang: Lang) -> String {
    crate::locale::number(v, 0, lang)
}

/// Positions every stage name, touchpoint, arrow, volume label and the legend.
pub fn layout(map: &JourneyMap, lang: Lang) -> FlowLayout {
    // Stage names are bold.
    let columns: Vec<Column> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let max_w = NODE_W + COL_GAP - 20.0;
            let (lines, _) = wrap_to_width(&s.name, max_w, Font::bold(STAGE_FONT), MAX_STAGE_LINES);
            let w = lines.iter().map(|l| text_px(l, Font::bold(STAGE_FONT))).fold(0.0, f64::max);
            let rect = Rect::new(column_x(i), HEAD_TOP, w, lines.len().max(1) as f64 * STAGE_LINE_H + 4.0);
            Column { name: s.name.clone(), lines, x: column_x(i), rect }
        })
        .collect();
    let top = columns.iter().map(|c| c.rect.bottom()).fold(HEAD_TOP + STAGE_LINE_H, f64::max) + 16.0;

    let mut nodes = Vec::new();
    let mut body_bottom = top;
    for (col, stage) in map.stages.iter().enumerate() {
        let mut y = top;
        for tp in map.touchpoints_in(&stage.id) {
            let outside = is_outside_company(&tp.channel);
            let (lines, cut) = wrap_to_width(&tp.title, NODE_W - 2.0 * PAD_X, TITLE_FONT, MAX_TITLE_LINES);
            let text_lines = lines.len().max(1) + usize::from(outside);
            let h = (text_lines as f64 * LINE_H + 16.0).max(NODE_MIN_H);
            nodes.push(Node { id: tp.id.clone(), title: tp.title.clone(), lines, cut, column: col, x: column_x(col), y, h, outside });
            y += h + ROW_GAP;
        }
        body_bottom = body_bottom.max(y);
    }

    let find = |id: &str| nodes.iter().find(|n| n.id == id);
    let mut edges = Vec::new();
    let mut lanes = 0usize;
    for route in &map.routes {
        let (Some(a), Some(b)) = (find(&route.from), find(&route.to)) else { continue };
        let (ay, by) = (a.mid_y(), b.mid_y());
        let backwards = route.kind == RouteKind::LoopBack || b.column < a.column;
        let shape = if backwards {
            // Out of the right side, down the gap, under every column, up the gap left of
            // the target, into its left side. Each loop gets its own lane.
            lanes += 1;
            let lane_y = body_bottom + lanes as f64 * LOOP_LANE;
            let out_x = a.x + NODE_W + 12.0 + (lanes % 4) as f64 * 6.0;
            let in_x = b.x - 14.0 - (lanes % 4) as f64 * 6.0;
            Shape::Poly(vec![(a.x + NODE_W, ay), (out_x, ay), (out_x, lane_y), (in_x, lane_y), (in_x, by), (b.x - 2.0, by)])
        } else if a.column == b.column {
            // A bracket beside the column.
            let bx = a.x + NODE_W + 30.0;
            Shape::Curve([(a.x + NODE_W, ay), (bx, ay), (bx, by), (a.x + NODE_W + 2.0, by)])
        } else {
            let (x1, x2) = (a.x + NODE_W, b.x - 2.0);
            let mid = (x1 + x2) / 2.0;
            Shape::Curve([(x1, ay), (mid, ay), (mid, by), (x2, by)])
        };
        let volume = route.volume.filter(|v| v.is_finite() && *v >= 0.0);
        edges.push(Edge {
            id: route.id.clone(),
            kind: route.kind,
            shape,
            backwards,
            volume,
            from_title: a.title.clone(),
            to_title: b.title.clone(),
        });
    }

    // Volume labels, busiest route first so it gets the best spot.
    let mut with_volume: Vec<&Edge> = edges.iter().filter(|e| e.volume.is_some()).collect();
    with_volume.sort_by(|a, b| b.volume.unwrap_or(0.0).total_cmp(&a.volume.unwrap_or(0.0)));
    let texts: Vec<String> = with_volume.iter().map(|e| volume_label(e.volume.unwrap_or(0.0), lang)).collect();
    let requests: Vec<(f64, f64, Vec<(f64, f64)>)> =
        with_volume.iter().zip(&texts).map(|(e, t)| (text_px(t, VOLUME_FONT) + 6.0, VOLUME_H, e.shape.label_spots())).collect();
    let obstacles: Vec<Rect> = nodes.iter().map(Node::rect).chain(columns.iter().map(|c| c.rect)).collect();
    let boxes = place_labels(&requests, &obstacles);
    let labels: Vec<VolumeLabel> = with_volume
        .iter()
        .zip(texts)
        .zip(boxes)
        .map(|((e, text), rect)| VolumeLabel { route_id: e.id.clone(), text, rect })
        .collect();

    let content_right = labels.iter().map(|l| l.rect.right()).fold(column_x(map.stages.len().max(1)) - COL_GAP, f64::max);
    let width = content_right + RIGHT;
    let lowest = labels.iter().map(|l| l.rect.bottom()).fold(body_bottom + lanes as f64 * LOOP_LANE, f64::max);
    let has_volumes = !labels.is_empty();
    let legend = legend_svg(lang, has_volumes, LEFT, lowest + 16.0, width - LEFT - 16.0);
    let height = legend.1.bottom() + 12.0;
    FlowLayout { width, height, columns, nodes, edges, labels, legend }
}


/// One arrowhead per route kind, in user units so it does not grow with the stroke.
fn markers() -> String {
    let mut s = String::from("<defs>");
    for kind in [RouteKind::Planned, RouteKind::Alternative, RouteKind::LoopBack] {
        let (stroke, _) = route_style(kind);
        let _ = write!(
            s,
            r#"<marker id="flow-arrow-{}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="{ARROW}" markerHeight="{ARROW}" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{stroke}"/></marker>"#,
            kind.key()
        );
    }
    s.push_str("</defs>");
    s
}

/// The flow view as an SVG document. The drawing is a named group: each touchpoint is an
/// image named by its full title, each route an image named "kind: from → to, volume", so a
/// screen reader reads the flow; the legend (drawn) is also the description.
pub fn render_svg(map: &JourneyMap, lang: Lang) -> String {
    let l = layout(map, lang);
    let (title, outside, customers) = words(lang);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="group" aria-labelledby="flow-title" aria-describedby="flow-desc" class="flow-svg"><title id="flow-title">{t}</title><desc id="flow-desc">{d}</desc>"#,
        w = l.width,
        h = l.height,
        t = escape(&format!("{title}: {}", map.name)),
        d = escape(&legend_sentence(lang, !l.labels.is_empty())),
    );
    s.push_str(&markers());
    for c in &l.columns {
        let _ = write!(s, r#"<text class="flow-stage" font-size="{STAGE_FONT}" font-weight="bold"><title>{}</title>"#, escape(&c.name));
        for (i, line) in c.lines.iter().enumerate() {
            let _ = write!(s, r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#, c.x, HEAD_TOP + 14.0 + i as f64 * STAGE_LINE_H, escape(line));
        }
        s.push_str("</text>");
    }
    // Actual routes are drawn by volume: width grows with the square root of the share of
    // the busiest route (so a route with 1 % of the customers is still seen to carry some),
    // and any route with a volume is wider than one without.
    let max_volume = l.edges.iter().filter_map(|e| e.volume).fold(0.0_f64, f64::max);
    let width_of = |e: &Edge| match e.volume {
        Some(v) if max_volume > 0.0 => VOLUME_STROKE + (MAX_STROKE - VOLUME_STROKE) * (v / max_volume).sqrt(),
        Some(_) => VOLUME_STROKE,
        None => BASE_STROKE,
    };
    for e in &l.edges {
        let (stroke, dash) = route_style(e.kind);
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        let mut name = format!("{}: {} → {}", e.kind.long_label(lang), e.from_title, e.to_title);
        if let Some(v) = e.volume {
            let _ = write!(name, ", {} {customers}", volume_label(v, lang));
        }
        let _ = write!(
            s,
            r#"<g class="flow-route" role="img" aria-label="{name}"><path d="{}" fill="none" stroke="{stroke}" stroke-width="{:.1}"{dash} marker-end="url(#flow-arrow-{key})" data-kind="{key}" data-route-id="{id}" class="flow-edge flow-{key}"/></g>"#,
            e.shape.path(),
            width_of(e),
            name = escape(&name),
            key = e.kind.key(),
            id = escape(&e.id),
        );
    }
    for label in &l.labels {
        let r = label.rect;
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="{VOLUME_FONT}" text-anchor="middle" class="flow-volume" data-route-id="{}" paint-order="stroke" stroke="#fff" stroke-width="4" stroke-linejoin="round" aria-hidden="true">{}</text>"##,
            r.x + r.w / 2.0,
            r.y + r.h / 2.0 + 4.0,
            escape(&label.route_id),
            escape(&label.text)
        );
    }
    for n in &l.nodes {
        let dash = if n.outside { r#" stroke-dasharray="5 3""# } else { "" };
        let name = if n.outside { format!("{} ({outside})", n.title) } else { n.title.clone() };
        let lines = n.lines.len() + usize::from(n.outside);
        let first = n.y + (n.h - lines as f64 * LINE_H) / 2.0 + 12.0;
        let _ = write!(
            s,
            r##"<g class="flow-node" data-node-id="{id}" role="img" aria-label="{name}"><title>{name}</title><rect x="{x:.1}" y="{y:.1}" width="{NODE_W}" height="{h:.1}" rx="6" fill="#fff" stroke="#555" stroke-width="1.5"{dash}/><text class="flow-title" font-size="{TITLE_FONT}">"##,
            id = escape(&n.id),
            name = escape(&name),
            x = n.x,
            y = n.y,
            h = n.h,
        );
        for (i, line) in n.lines.iter().enumerate() {
            let _ = write!(s, r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#, n.x + PAD_X, first + i as f64 * LINE_H, escape(line));
        }
        s.push_str("</text>");
        if n.outside {
            let _ = write!(
                s,
                r##"<text class="flow-outside" x="{:.1}" y="{:.1}" font-size="12" font-style="italic" fill="#555">{outside}</text>"##,
                n.x + PAD_X,
                first + n.lines.len() as f64 * LINE_H
            );
        }
        s.push_str("</g>");
    }
    s.push_str(&l.legend.0);
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::coffee_to_go;

    /// The example with volumes on every route, including six-digit ones, and extra routes
    /// that cross (row 1 → row 0 beside row 0 → row 1), the case that stacked labels before.
    fn busy_coffee(lang: Lang) -> JourneyMap {
        let mut m = coffee_to_go("m", 0.0, lang);
        let stage_tps: Vec<Vec<String>> =
            m.stages.iter().map(|s| m.touchpoints_in(&s.id).map(|t| t.id.clone()).collect()).collect();
        for pair in stage_tps.windows(2) {
            for a in &pair[0] {
                for b in &pair[1] {
                    m.add_route(a, b, RouteKind::Alternative);
                }
            }
        }
        for (i, r) in m.routes.iter_mut().enumerate() {
            r.volume = Some([128_650.0, 2400.0, 1560.0, 98_765.0, 1277.0, 110.0, 7.0, 64_000.0][i % 8]);
        }
        m
    }

    fn label_boxes(l: &FlowLayout) -> Vec<(String, Rect)> {
        let mut all: Vec<(String, Rect)> = l.labels.iter().map(|v| (format!("volume {}", v.text), v.rect)).collect();
        all.extend(l.nodes.iter().map(|n| (format!("node {}", n.title), n.rect())));
        all.extend(l.columns.iter().map(|c| (format!("stage {}", c.name), c.rect)));
        all.push(("legend".into(), l.legend.1));
        all
    }

    #[test]
    fn no_label_overlaps_another_with_many_crossing_volumes() {
        for lang in [Lang::En, Lang::De] {
            let m = busy_coffee(lang);
            let l = layout(&m, lang);
            assert_eq!(l.labels.len(), m.routes.len(), "every route with a volume has a label");
            let boxes = label_boxes(&l);
            for (i, (a, ra)) in boxes.iter().enumerate() {
                for (b, rb) in &boxes[i + 1..] {
                    assert!(!ra.overlaps(rb), "{a} {ra:?} overlaps {b} {rb:?}");
                }
                assert!(ra.right() <= l.width && ra.bottom() <= l.height, "{a} inside the drawing");
            }
        }
    }

    #[test]
    fn every_title_is_shown_whole_and_named_in_full() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = layout(&m, Lang::En);
        for n in &l.nodes {
            assert!(!n.cut);
            assert_eq!(n.lines.join(" "), n.title, "wrapped, nothing cut");
            assert!(n.lines.iter().all(|line| text_px(line, TITLE_FONT) <= NODE_W - 2.0 * PAD_X));
        }
        let svg = render_svg(&m, Lang::En);
        assert!(svg.contains(r#"aria-label="Sees a latte-art post (outside)""#), "full name of an outside touchpoint");
        assert!(!svg.contains('…'));
        let long = "A very long touchpoint title that goes on and on and on, far beyond what one node line holds";
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        m.add_touchpoint(&s, long, Channel::App).unwrap();
        let l = layout(&m, Lang::En);
        assert_eq!(l.nodes[0].lines.join(" "), long);
        assert!(l.nodes[0].h > NODE_MIN_H, "the node grows with its title");
    }

    #[test]
    fn arrowheads_keep_their_size_whatever_the_volume() {
        let defs = |svg: &str| svg[svg.find("<defs>").unwrap()..svg.find("</defs>").unwrap()].to_string();
        let mut small = coffee_to_go("m", 0.0, Lang::En);
        small.routes[0].volume = Some(3.0);
        small.routes[1].volume = Some(2.0);
        let mut big = small.clone();
        big.routes[0].volume = Some(3_000_000.0);
        let (a, b) = (render_svg(&small, Lang::En), render_svg(&big, Lang::En));
        assert_eq!(defs(&a), defs(&b));
        assert_eq!(defs(&a).matches(r#"markerUnits="userSpaceOnUse""#).count(), 3);
        let widest = b
            .split("stroke-width=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
            .fold(0.0, f64::max);
        assert!(widest <= MAX_STROKE && widest < ARROW, "the head stays wider than the widest line: {widest}");
    }

    #[test]
    fn one_legend_and_the_volume_entry_only_with_volumes() {
        let plain = render_svg(&coffee_to_go("m", 0.0, Lang::En), Lang::En);
        assert_eq!(plain.matches(r#"class="flow-legend""#).count(), 1);
        assert!(!plain.contains("line width"));
        let busy = render_svg(&busy_coffee(Lang::De), Lang::De);
        assert_eq!(busy.matches(r#"class="flow-legend""#).count(), 1);
        assert!(busy.contains("Linienbreite"));
    }

    #[test]
    fn actual_routes_are_drawn_by_volume_with_a_label() {
        let mut m = coffee_to_go("m", 0.0, Lang::De);
        let (busy, quiet) = (m.routes[0].id.clone(), m.routes[1].id.clone());
        m.routes[0].volume = Some(128_650.0);
        m.routes[1].volume = Some(300.0);
        let svg = render_svg(&m, Lang::De);
        let width = |id: &str| -> f64 {
            let at = svg.find(&format!(r#"data-route-id="{id}" class="flow-edge"#)).unwrap();
            let path = &svg[svg[..at].rfind("<path").unwrap()..at];
            path.split("stroke-width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        assert!(width(&busy) > width(&quiet), "the busier route is wider");
        assert!(width(&quiet) > width(&m.routes[2].id), "a route with volume is wider than one without");
        assert!(svg.contains(">128.650</text>") && svg.contains(">300</text>"), "volume labels in German format");
        assert!(svg.contains("128.650 Kunden\""), "the route's name says the volume");
        assert_eq!(svg.matches("class=\"flow-volume\"").count(), 2);
        assert!(render_svg(&m, Lang::En).contains(">128,650</text>"));
    }

    #[test]
    fn nodes_sit_in_their_stage_column_without_overlap() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = layout(&m, Lang::En);
        assert_eq!(l.nodes.len(), m.touchpoints.len());
        for (i, a) in l.nodes.iter().enumerate() {
            for b in &l.nodes[i + 1..] {
                assert!(!a.rect().overlaps(&b.rect()), "{} and {} overlap", a.id, b.id);
            }
        }
        assert!(l.nodes.iter().any(|n| n.outside), "review portal is outside the company");
    }

    #[test]
    fn loops_run_below_every_node_and_are_marked() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = layout(&m, Lang::En);
        let lowest = l.nodes.iter().map(|n| n.rect().bottom()).fold(0.0, f64::max);
        let loops: Vec<&Edge> = l.edges.iter().filter(|e| e.kind == RouteKind::LoopBack).collect();
        assert!(!loops.is_empty());
        for e in loops {
            assert!(e.backwards);
            let Shape::Poly(points) = &e.shape else { panic!("a loop is a polyline") };
            assert!(points[2].1 > lowest);
        }
        let svg = render_svg(&m, Lang::En);
        assert!(svg.contains(r#"data-kind="loop_back""#));
        assert!(svg.contains(r#"data-kind="alternative""#));
    }

    #[test]
    fn user_text_is_escaped() {
        let mut m = JourneyMap::blank("m", "<script>", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "a <b>&\"c\"", Channel::App).unwrap();
        let b = m.add_touchpoint(&m.stages[1].id.clone(), "<i>x</i>", Channel::App).unwrap();
        m.add_route(&a, &b, RouteKind::Planned);
        m.stages[1].name = "<img onerror=x>".into();
        let svg = render_svg(&m, Lang::De);
        assert!(!svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<img") && !svg.contains("<i>"));
    }

    #[test]
    fn sixty_touchpoints_fit_in_a_readable_frame() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let stages: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let mut prev: Option<String> = None;
        for i in 0..60 {
            let id = m.add_touchpoint(&stages[i % 5], &format!("Touchpoint number {i} with a long title"), Channel::App).unwrap();
            if let Some(p) = prev {
                m.add_route(&p, &id, RouteKind::Planned);
            }
            prev = Some(id);
        }
        let l = layout(&m, Lang::En);
        assert!(l.height < 1400.0, "12 two-line rows per column: {}", l.height);
        assert!(l.width < 1400.0);
        assert!(l.nodes.iter().all(|n| !n.cut));
    }
}
