//! The flow view: touchpoints as nodes laid out by stage (one column per stage), routes as
//! arrows drawn by kind — planned solid, alternative dashed, loop back dotted and routed
//! under the chart so a loop from loyalty back to awareness stays readable. Touchpoints
//! outside the company (search engine, review portal, social media, influencer) get a
//! dashed frame and the word "outside".
//!
//! [`layout`] is plain geometry (tested); [`render_svg`] writes it as an SVG string with
//! every user text escaped, so the UI may insert it as markup.

use std::fmt::Write;

use crate::charts::escape;
use crate::model::{Channel, JourneyMap, Lang, RouteKind};

pub const NODE_W: f64 = 180.0;
pub const NODE_H: f64 = 40.0;
const COL_GAP: f64 = 90.0;
const ROW_GAP: f64 = 14.0;
const TOP: f64 = 56.0;
const LEFT: f64 = 24.0;
const LOOP_LANE: f64 = 16.0;
const LABEL_CHARS: usize = 24;

/// Channels that belong to someone else: the company can only watch and answer there.
pub fn is_outside_company(channel: &Channel) -> bool {
    matches!(channel, Channel::SearchEngine | Channel::ReviewPortal | Channel::SocialMedia | Channel::Influencer)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub outside: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub id: String,
    pub kind: RouteKind,
    /// SVG path data.
    pub path: String,
    /// Drawn under the nodes because it runs backwards (loop back or to an earlier stage).
    pub backwards: bool,
    /// Customers on this route (typed in or applied from an event log).
    pub volume: Option<f64>,
    /// Where the volume label goes: the middle of the arrow.
    pub label_at: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    pub width: f64,
    pub height: f64,
    /// Stage names with the x of their column.
    pub columns: Vec<(String, f64)>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn column_x(col: usize) -> f64 {
    LEFT + col as f64 * (NODE_W + COL_GAP)
}

/// Positions every touchpoint and routes every arrow.
pub fn layout(map: &JourneyMap) -> FlowLayout {
    let mut nodes = Vec::new();
    let mut tallest = 0usize;
    for (col, stage) in map.stages.iter().enumerate() {
        let mut row = 0;
        for tp in map.touchpoints_in(&stage.id) {
            nodes.push(Node {
                id: tp.id.clone(),
                title: tp.title.clone(),
                column: col,
                x: column_x(col),
                y: TOP + row as f64 * (NODE_H + ROW_GAP),
                outside: is_outside_company(&tp.channel),
            });
            row += 1;
        }
        tallest = tallest.max(row);
    }
    let body_bottom = TOP + tallest as f64 * (NODE_H + ROW_GAP);
    let find = |id: &str| nodes.iter().find(|n| n.id == id);
    let mut edges = Vec::new();
    let mut lanes = 0usize;
    for route in &map.routes {
        let (Some(a), Some(b)) = (find(&route.from), find(&route.to)) else { continue };
        let (ay, by) = (a.y + NODE_H / 2.0, b.y + NODE_H / 2.0);
        let backwards = route.kind == RouteKind::LoopBack || b.column < a.column;
        let (path, label_at) = if backwards {
            // Out of the right side, down the gap, under every column, up the gap left of
            // the target, into its left side. Each loop gets its own lane.
            lanes += 1;
            let lane_y = body_bottom + lanes as f64 * LOOP_LANE;
            let out_x = a.x + NODE_W + 12.0 + (lanes % 4) as f64 * 6.0;
            let in_x = b.x - 12.0 - (lanes % 4) as f64 * 6.0;
            let path = format!("M{:.1} {ay:.1} H{out_x:.1} V{lane_y:.1} H{in_x:.1} V{by:.1} H{:.1}", a.x + NODE_W, b.x - 2.0);
            (path, ((out_x + in_x) / 2.0, lane_y - 4.0))
        } else if a.column == b.column {
            // A bracket beside the column.
            let bx = a.x + NODE_W + 26.0;
            let path = format!("M{:.1} {ay:.1} C{bx:.1} {ay:.1} {bx:.1} {by:.1} {:.1} {by:.1}", a.x + NODE_W, a.x + NODE_W + 2.0);
            (path, (bx - 4.0, (ay + by) / 2.0))
        } else {
            let (x1, x2) = (a.x + NODE_W, b.x - 2.0);
            let mid = (x1 + x2) / 2.0;
            let path = format!("M{x1:.1} {ay:.1} C{mid:.1} {ay:.1} {mid:.1} {by:.1} {x2:.1} {by:.1}");
            (path, (mid, (ay + by) / 2.0 - 4.0))
        };
        let volume = route.volume.filter(|v| v.is_finite() && *v >= 0.0);
        edges.push(Edge { id: route.id.clone(), kind: route.kind, path, backwards, volume, label_at });
    }
    let columns = map.stages.iter().enumerate().map(|(i, s)| (s.name.clone(), column_x(i))).collect();
    let width = column_x(map.stages.len().max(1)) - COL_GAP + 2.0 * LEFT;
    let height = body_bottom + (lanes + 1) as f64 * LOOP_LANE + 40.0;
    FlowLayout { width, height, columns, nodes, edges }
}

fn shorten(text: &str) -> String {
    shorten_to(text, LABEL_CHARS)
}

fn shorten_to(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The flow view as an SVG document. Titles longer than a node are shortened; the full
/// title is the node's tooltip (`<title>`).
/// A route volume as a whole number with the language's thousands separator.
fn volume_label(v: f64, lang: Lang) -> String {
    let digits = format!("{:.0}", v.round());
    let sep = match lang {
        Lang::En => ',',
        Lang::De => '.',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

pub fn render_svg(map: &JourneyMap, lang: Lang) -> String {
    let l = layout(map);
    let (title, outside, legend) = match lang {
        Lang::En => ("Flow of the journey", "outside", "Solid: planned · dashed: alternative · dotted, below: loop back"),
        Lang::De => ("Ablauf der Kundenreise", "extern", "Durchgezogen: geplant · gestrichelt: alternativ · gepunktet, unten: Rücksprung"),
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="flow-title flow-desc" class="flow-svg"><title id="flow-title">{t}</title><desc id="flow-desc">{d}</desc>"#,
        w = l.width,
        h = l.height,
        t = escape(&format!("{title}: {}", map.name)),
        d = escape(legend),
    );
    s.push_str(r##"<defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#333"/></marker><marker id="flow-arrow-loop" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#d55e00"/></marker></defs>"##);
    let _ = write!(s, r#"<text x="{LEFT}" y="{:.0}" class="flow-legend" font-size="13">{}</text>"#, l.height - 12.0, escape(legend));
    for (name, x) in &l.columns {
        let _ = write!(s, r#"<text x="{:.1}" y="30" class="flow-stage" font-size="15" font-weight="bold">{}</text>"#, x, escape(&shorten(name)));
    }
    // Actual routes are drawn by volume: width grows with the share of the busiest route.
    let max_volume = l.edges.iter().filter_map(|e| e.volume).fold(0.0_f64, f64::max);
    let width_of = |e: &Edge| match e.volume {
        Some(v) if max_volume > 0.0 => 2.0 + 10.0 * v / max_volume,
        _ => 2.0,
    };
    for e in &l.edges {
        let (stroke, dash, marker) = match e.kind {
            RouteKind::Planned => ("#333", "", "flow-arrow"),
            RouteKind::Alternative => ("#0072b2", r#" stroke-dasharray="7 5""#, "flow-arrow"),
            RouteKind::LoopBack => ("#d55e00", r#" stroke-dasharray="2 4""#, "flow-arrow-loop"),
        };
        let _ = write!(
            s,
            r#"<path d="{}" fill="none" stroke="{stroke}" stroke-width="{:.1}"{dash} marker-end="url(#{marker})" data-kind="{}" data-route-id="{}" class="flow-edge flow-{}"/>"#,
            e.path,
            width_of(e),
            e.kind.key(),
            escape(&e.id),
            e.kind.key()
        );
    }
    for e in l.edges.iter().filter(|e| e.volume.is_some()) {
        let v = e.volume.unwrap_or_default();
        let (x, y) = e.label_at;
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="12" text-anchor="middle" class="flow-volume" data-route-id="{}" paint-order="stroke" stroke="#fff" stroke-width="3">{}</text>"##,
            escape(&e.id),
            volume_label(v, lang)
        );
    }
    for n in &l.nodes {
        let dash = if n.outside { r#" stroke-dasharray="5 3""# } else { "" };
        let label = if n.outside { format!("{} ({outside})", shorten_to(&n.title, LABEL_CHARS - outside.chars().count() - 3)) } else { shorten(&n.title) };
        let _ = write!(
            s,
            r##"<g class="flow-node" data-node-id="{id}"><title>{full}</title><rect x="{x:.1}" y="{y:.1}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="#fff" stroke="#555" stroke-width="1.5"{dash}/><text x="{tx:.1}" y="{ty:.1}" font-size="13">{label}</text></g>"##,
            id = escape(&n.id),
            full = escape(&n.title),
            x = n.x,
            y = n.y,
            tx = n.x + 8.0,
            ty = n.y + NODE_H / 2.0 + 5.0,
            label = escape(&label),
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::coffee_to_go;

    #[test]
    fn actual_routes_are_drawn_by_volume_with_a_label() {
        let mut m = coffee_to_go("m", 0.0, Lang::De);
        let (busy, quiet) = (m.routes[0].id.clone(), m.routes[1].id.clone());
        m.routes[0].volume = Some(1200.0);
        m.routes[1].volume = Some(300.0);
        let svg = render_svg(&m, Lang::De);
        let width = |id: &str| -> f64 {
            let at = svg.find(&format!(r#"data-route-id="{id}" class="flow-edge"#)).unwrap();
            let path = &svg[svg[..at].rfind("<path").unwrap()..at];
            path.split("stroke-width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        assert!(width(&busy) > width(&quiet), "the busier route is wider");
        assert!(width(&quiet) > width(&m.routes[2].id), "a route with volume is wider than one without");
        assert!(svg.contains(">1.200</text>") && svg.contains(">300</text>"), "volume labels in German format");
        assert_eq!(svg.matches("class=\"flow-volume\"").count(), 2);
    }

    #[test]
    fn nodes_sit_in_their_stage_column_without_overlap() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = layout(&m);
        assert_eq!(l.nodes.len(), m.touchpoints.len());
        for a in &l.nodes {
            for b in &l.nodes {
                if a.id != b.id && a.column == b.column {
                    assert!((a.y - b.y).abs() >= NODE_H, "{} and {} overlap", a.id, b.id);
                }
            }
        }
        assert!(l.nodes.iter().any(|n| n.outside), "review portal is outside the company");
    }

    #[test]
    fn loops_run_below_every_node_and_are_marked() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = layout(&m);
        let lowest = l.nodes.iter().map(|n| n.y + NODE_H).fold(0.0, f64::max);
        let loops: Vec<&Edge> = l.edges.iter().filter(|e| e.kind == RouteKind::LoopBack).collect();
        assert!(!loops.is_empty());
        for e in loops {
            assert!(e.backwards);
            let v: f64 = e.path.split(" V").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
            assert!(v > lowest);
        }
        let svg = render_svg(&m, Lang::En);
        assert!(svg.contains(r#"data-kind="loop_back""#));
        assert!(svg.contains(r#"data-kind="alternative""#));
    }

    #[test]
    fn user_text_is_escaped() {
        let mut m = JourneyMap::blank("m", "<script>", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        m.add_touchpoint(&s, "a <b>&\"c\"", Channel::App).unwrap();
        m.stages[1].name = "<img onerror=x>".into();
        let svg = render_svg(&m, Lang::De);
        assert!(!svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<img"));
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
        let l = layout(&m);
        assert!(l.height < 1000.0, "12 rows per column stay under 1000 px: {}", l.height);
        assert!(l.width < 1400.0);
        assert!(render_svg(&m, Lang::En).contains("…"));
    }
}
