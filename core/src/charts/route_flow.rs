//! Route flow (Sankey-like): how many customers take each route between touchpoints. Bands
//! run left to right between columns (stages); routes back to an earlier touchpoint are
//! drawn as loops under the chart. Written by hand: plotters has no Sankey.

use super::document::{needs_data, Chart, ChartOptions};
use super::header::{LegendEntry, Swatch};
use super::plot::{render_by_hand, BodyBox, Frame};
use super::route_layout::{layout, Direction, FlowLayout, FlowLink, FlowNode};
use super::svg_writer::{coord, Anchor, SvgWriter, TextLook};
use super::text::{clean, shorten};
use crate::text_metrics::{text_px, Font};
use crate::locale::number;
use super::theme::{hex, series_colour, INK, MUTED, PALETTE, SMALL_PX};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RouteFlowInput {
    pub nodes: Vec<FlowNode>,
    pub links: Vec<FlowLink>,
    /// Column headings (stage names) by input column, shown when the nodes carry columns.
    pub column_names: Vec<String>,
}

const NODE_W: f64 = 14.0;
const GAP: f64 = 22.0;
const HEADING_H: f64 = 28.0;
const LOOP_LANE_H: f64 = 40.0;
/// Room right of the last column for its labels (every label stands right of its node).
const LAST_LABEL_PX: f64 = 170.0;
const LOOP_COLOUR_INDEX: usize = 3;

/// Pixel geometry of the nodes: x of the left edge, y of the top, height.
struct Geometry {
    x: Vec<f64>,
    y: Vec<f64>,
    h: Vec<f64>,
    scale: f64,
    column_x: Vec<f64>,
    label_px: f64,
}

fn geometry(l: &FlowLayout, body: BodyBox, has_loops: bool) -> Geometry {
    let top = body.y + HEADING_H;
    let bottom = body.y + body.h - if has_loops { LOOP_LANE_H } else { 0.0 };
    let avail = (bottom - top).max(40.0);
    // Every column must fit: the fullest one sets the scale.
    let scale = (0..l.columns)
        .map(|c| {
            let members: Vec<f64> = l.nodes.iter().filter(|n| n.column == c).map(|n| n.size).collect();
            let space = avail - GAP * members.len().saturating_sub(1) as f64;
            space.max(10.0) / members.iter().sum::<f64>().max(1e-9)
        })
        .fold(f64::INFINITY, f64::min);
    let step = if l.columns > 1 { (body.w - NODE_W - LAST_LABEL_PX) / (l.columns - 1) as f64 } else { body.w };
    let column_x: Vec<f64> = (0..l.columns).map(|c| body.x + c as f64 * step).collect();
    // At least room for a few letters and "…", however crowded the columns.
    let label_px = (step.min(LAST_LABEL_PX + NODE_W) - NODE_W - 12.0).max(4.0 * SMALL_PX);
    let mut y = vec![0.0; l.nodes.len()];
    let mut h = vec![0.0; l.nodes.len()];
    let mut next_y = vec![top; l.columns];
    for (i, n) in l.nodes.iter().enumerate() {
        h[i] = (n.size * scale).max(3.0);
        y[i] = next_y[n.column];
        next_y[n.column] += h[i] + GAP;
    }
    let x = l.nodes.iter().map(|n| column_x[n.column]).collect();
    Geometry { x, y, h, scale, column_x, label_px }
}

fn describe(l: &FlowLayout, lang: Lang) -> String {
    let mut links: Vec<_> = l.links.iter().collect();
    links.sort_by(|a, b| b.volume.total_cmp(&a.volume));
    let listed: Vec<String> = links
        .iter()
        .take(40)
        .map(|k| format!("{} → {} {}", clean(&l.nodes[k.from].label), clean(&l.nodes[k.to].label), number(k.volume, 0, lang)))
        .collect();
    let mut desc = format!("{} {}.", lang.pick(("Customers per route between touchpoints:", "Kunden je Route zwischen Touchpoints:")).to_string(), listed.join("; "));
    if links.len() > 40 {
        desc.push_str(&lang.pick((" Smaller routes left out.", " Kleinere Routen ausgelassen.")).to_string());
    }
    desc
}

/// Draws the route flow, or asks for route volumes.
pub fn route_flow(input: &RouteFlowInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let Some(l) = layout(&input.nodes, &input.links) else {
        return needs_data(
            lang,
            "The route flow needs volumes on routes: type in how many customers take each route, or import an event log.",
            "Der Routenfluss braucht Volumen an den Routen: eintragen, wie viele Kunden jede Route nehmen, oder ein Ereignisprotokoll importieren.",
        );
    };
    let has_loops = l.links.iter().any(|k| k.direction == Direction::Backward);
    let mut legend = vec![LegendEntry::new(lang.pick(("Route (width = customers)", "Route (Breite = Kunden)")).to_string(), PALETTE[0], Swatch::Block)];
    if has_loops {
        legend.push(LegendEntry::new(lang.pick(("Back to an earlier touchpoint", "Zurück zu einem früheren Touchpoint")).to_string(), series_colour(LOOP_COLOUR_INDEX), Swatch::Line));
    }
    let frame = Frame { options, kind: "route-flow", title: options.title(&lang.pick(("Route flow", "Routenfluss")).to_string()), desc: describe(&l, lang), legend };
    render_by_hand(frame, |w, body| draw(w, body, &l, input, has_loops, lang))
}

/// Path data of a band from (x0, y0) to (x1, y1), `t` thick.
fn band(x0: f64, y0: f64, x1: f64, y1: f64, t: f64) -> String {
    let xm = (x0 + x1) / 2.0;
    let c = coord;
    format!(
        "M{} {} C{} {} {} {} {} {} L{} {} C{} {} {} {} {} {} Z",
        c(x0), c(y0), c(xm), c(y0), c(xm), c(y1), c(x1), c(y1),
        c(x1), c(y1 + t), c(xm), c(y1 + t), c(xm), c(y0 + t), c(x0), c(y0 + t)
    )
}

fn draw(w: &mut SvgWriter, body: BodyBox, l: &FlowLayout, input: &RouteFlowInput, has_loops: bool, lang: Lang) {
    let g = geometry(l, body, has_loops);
    let heading = TextLook { px: SMALL_PX, colour: MUTED, anchor: Anchor::Start, bold: true, halo: false };
    if let Some(sources) = &l.source_columns {
        for (c, source) in sources.iter().enumerate() {
            if let Some(name) = input.column_names.get(*source) {
                w.text((g.column_x[c], body.y + SMALL_PX), &shorten(name, g.label_px, Font::bold(SMALL_PX)), heading);
            }
        }
    }
    // Where the next band leaves/enters each node: bands stack in the order of the node at
    // their other end; brackets and loops come after the bands.
    let mut out_y: Vec<f64> = g.y.clone();
    let mut in_y: Vec<f64> = g.y.clone();
    let mut order: Vec<usize> = (0..l.links.len()).collect();
    let rank = |d: Direction| match d {
        Direction::Forward => 0,
        Direction::Within => 1,
        Direction::Backward => 2,
    };
    order.sort_by(|&a, &b| {
        let (la, lb) = (&l.links[a], &l.links[b]);
        (rank(la.direction), g.y[la.to], g.y[la.from])
            .partial_cmp(&(rank(lb.direction), g.y[lb.to], g.y[lb.from]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let lane = body.y + body.h - LOOP_LANE_H / 2.0;
    let c = coord;
    for k in order {
        let link = &l.links[k];
        let t = (link.volume * g.scale).max(1.5);
        let (x0, y0) = (g.x[link.from] + NODE_W, out_y[link.from]);
        let (x1, y1) = (g.x[link.to], in_y[link.to]);
        out_y[link.from] += t;
        in_y[link.to] += t;
        let tip = format!("{} → {}: {}", clean(&l.nodes[link.from].label), clean(&l.nodes[link.to].label), number(link.volume, 0, lang));
        let (ys, ye) = (y0 + t / 2.0, y1 + t / 2.0);
        match link.direction {
            Direction::Forward => {
                let colour = hex(series_colour(link.from % 3));
                w.path(&band(x0, y0, x1, y1, t), &[("fill", colour), ("fill-opacity", "0.45".into())], &tip);
            }
            Direction::Within => {
                // A bracket right of the column, from the source's right edge to the target's.
                let bend = 26.0 + t / 2.0;
                let xe = x1 + NODE_W;
                let d = format!("M{} {} C{} {} {} {} {} {}", c(x0), c(ys), c(x0 + bend), c(ys), c(xe + bend), c(ye), c(xe), c(ye));
                let colour = hex(series_colour(link.from % 3));
                w.path(&d, &[("fill", "none".into()), ("stroke", colour), ("stroke-width", c(t)), ("stroke-opacity", "0.55".into())], &tip);
            }
            Direction::Backward => {
                // Out to the right, down to the lane under the chart, back left, up, in.
                let bend = 30.0 + t / 2.0;
                let d = format!(
                    "M{} {} C{} {} {} {} {} {} L{} {} C{} {} {} {} {} {}",
                    c(x0), c(ys), c(x0 + bend), c(ys), c(x0 + bend), c(lane), c(x0), c(lane),
                    c(x1), c(lane), c(x1 - bend), c(lane), c(x1 - bend), c(ye), c(x1), c(ye)
                );
                let colour = hex(series_colour(LOOP_COLOUR_INDEX));
                w.path(&d, &[("fill", "none".into()), ("stroke", colour), ("stroke-width", c(t)), ("stroke-opacity", "0.55".into())], &tip);
            }
        }
    }
    let name_look = TextLook { px: SMALL_PX, colour: INK, anchor: Anchor::Start, bold: false, halo: true };
    for (i, n) in l.nodes.iter().enumerate() {
        w.rect(g.x[i], g.y[i], NODE_W, g.h[i], &hex(INK), &[]);
        let x = g.x[i] + NODE_W + 6.0;
        let volume = number(n.size, 0, lang);
        let centre = g.y[i] + g.h[i] / 2.0;
        if g.h[i] >= 2.0 * SMALL_PX + 4.0 {
            // Tall node: name, and the volume below it.
            w.text((x, centre - 2.0), &shorten(&n.label, g.label_px, SMALL_PX), name_look);
            w.text((x, centre + SMALL_PX + 2.0), &volume, TextLook { colour: MUTED, ..name_look });
        } else {
            let room = (g.label_px - text_px(&format!(" ({volume})"), SMALL_PX)).max(2.5 * SMALL_PX);
            w.text((x, centre + SMALL_PX * 0.35), &format!("{} ({volume})", shorten(&n.label, room, SMALL_PX)), name_look);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, count, parse, texts, EVIL};

    fn input() -> RouteFlowInput {
        let node = |id: &str, label: &str, column| FlowNode { id: id.into(), label: label.into(), column: Some(column) };
        let link = |from: &str, to: &str, volume| FlowLink { from: from.into(), to: to.into(), volume };
        RouteFlowInput {
            nodes: vec![node("a", "Post", 0), node("b", "Review", 0), node("c", "App", 1), node("d", "Store", 2), node("e", "Unused", 2)],
            links: vec![link("a", "c", 900.0), link("b", "c", 300.0), link("c", "d", 1000.0), link("d", "c", 400.0), link("c", "e", 0.0)],
            column_names: vec!["Awareness".into(), "Purchase".into(), "Service".into()],
        }
    }

    #[test]
    fn one_band_per_route_with_volume_and_loops_below() {
        let Chart::Svg(svg) = route_flow(&input(), &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(count(&doc, "path"), 4);
        let loops = doc.descendants().filter(|n| n.has_tag_name("path") && n.attribute("fill") == Some("none")).count();
        assert_eq!(loops, 1);
        let tips: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
        assert!(tips.contains(&"Store → App: 400"), "{tips:?}");
        let t = texts(&doc);
        for expected in ["Awareness", "Purchase", "Service", "Post", "900", "App", "1,600", "Store", "1,000", "Review", "300"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        assert!(!t.iter().any(|x| x.starts_with("Unused")), "a node without volume is left out");
    }

    #[test]
    fn bands_are_as_wide_as_their_volume() {
        let Chart::Svg(svg) = route_flow(&input(), &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        let heights: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(hex(INK).as_str()))
            .map(|n| n.attribute("height").unwrap().parse().unwrap())
            .collect();
        // Nodes in order: Post 900, Review 300, App 1600 (in 900 + 300 + loop 400), Store 1000.
        assert_eq!(heights.len(), 4);
        assert!((heights[0] / heights[1] - 3.0).abs() < 0.05, "{heights:?}");
        assert!((heights[2] / heights[3] - 1.6).abs() < 0.05, "{heights:?}");
    }

    #[test]
    fn without_volumes_it_asks_for_them() {
        let mut data = input();
        for l in &mut data.links {
            l.volume = 0.0;
        }
        assert!(matches!(route_flow(&data, &ChartOptions::new(Lang::De)), Chart::NeedsData(m) if m.contains("Volumen")));
    }

    #[test]
    fn labels_are_escaped() {
        let mut data = input();
        data.nodes[0].label = EVIL.into();
        data.column_names[1] = EVIL.into();
        let Chart::Svg(svg) = route_flow(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        assert_escaped(&svg);
    }
}
