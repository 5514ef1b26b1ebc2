//! The whole map as one picture: an SVG document drawn from the canvas layout — the map's
//! name, a legend, the stage headers, every shown lane (cards with title and channel,
//! actions, thoughts, the emotion curve per persona, pain points, opportunities, owner and
//! frontstage/backstage, measurements) — for the "Image (SVG/PNG)" downloads and, one page
//! group of stages at a time, for the printed map.
//!
//! Text stays text (`<text>`, one `<tspan>` per wrapped line, each line but the last ending in
//! a space — or in "‐" where a word too long for its column is broken — so the text reads
//! whole when copied), every user text goes through
//! `charts::escape`, and lines are wrapped with the canvas's own text-width table, so the
//! picture's columns are the canvas's columns.

use std::fmt::Write;
use std::ops::Range;

use crate::charts::escape;
use crate::editor::Lane;
use crate::model::{JourneyMap, Lang};

use super::curve::{canvas_curve, render_curve_body, CanvasCurve, CURVE_H};
use super::lane_text::{lane_items, wrap, Item, Line};
use crate::text_metrics::Font;
use super::layout::{canvas_layout, shown_lanes, CanvasLayout, Column, StageSpan, BODY_FONT, SMALL_FONT, STAGE_FONT, TITLE_FONT};

/// Margin around the picture.
const MARGIN: f64 = 16.0;
/// Padding inside a cell, and inside a card: together less than the canvas's `COL_PAD`, so
/// a title word that fits its canvas column fits the picture's card.
const CELL_PAD: f64 = 4.0;
const CARD_PAD: f64 = 5.0;
/// Room before an item with a marker (pain point, opportunity).
const MARKER_W: f64 = 12.0;
/// Gap between two items of one cell.
const ITEM_GAP: f64 = 5.0;
const TITLE_SIZE: f64 = 20.0;
const LEGEND_FONT: f64 = 12.0;
const FONTS: &str = "DejaVu Sans, Verdana, Arial, sans-serif";
const INK: &str = "#1f2328";
const MUTED: &str = "#57606a";
const RULE: &str = "#d0d7de";
const PAIN: &str = "#c24e00";
const CHANCE: &str = "#007a5a";

fn line_h(font: f64) -> f64 {
    (font * 1.3).ceil()
}

/// A drawn picture and its size in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPicture {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The whole map, every stage, as one picture.
pub fn map_picture(map: &JourneyMap, lang: Lang) -> MapPicture {
    let layout = canvas_layout(map, None, lang);
    let all = 0..layout.stages.len();
    draw(map, lang, &part(&layout, all, label_width(map, lang)), None)
}

/// The map as pages for paper: groups of whole stages, each group no wider than `page_width`
/// (a stage wider than a page alone gets a page of its own), every page with the map's name,
/// the legend, the lane names and the headers of its stages.
pub fn map_pages(map: &JourneyMap, lang: Lang, page_width: f64) -> Vec<MapPicture> {
    let mut layout = canvas_layout(map, None, lang);
    let label_w = label_width(map, lang);
    layout.label_width = label_w;
    let groups = page_groups(&layout, page_width - 2.0 * MARGIN);
    let n = groups.len();
    groups.into_iter().enumerate().map(|(i, g)| draw(map, lang, &part(&layout, g, label_w), Some((i + 1, n)))).collect()
}

/// The lane-name column of the picture: the canvas's, or wider where a lane name's longest
/// word needs it (the canvas breaks lane names beside an icon; the picture does not).
fn label_width(map: &JourneyMap, lang: Lang) -> f64 {
    shown_lanes(map)
        .iter()
        .flat_map(|l| l.label(lang).split_whitespace())
        .map(|w| super::lane_text::line_px(w, Font::bold(BODY_FONT)) + 2.0 * CELL_PAD + 2.0)
        .fold(super::layout::LABEL_W, f64::max)
        .ceil()
}

/// Stages grouped left to right so the lane names plus a group's stages fit `width`.
pub fn page_groups(layout: &CanvasLayout, width: f64) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    let mut used = layout.label_width;
    for (i, s) in layout.stages.iter().enumerate() {
        if i > start && used + s.width > width {
            groups.push(start..i);
            start = i;
            used = layout.label_width;
        }
        used += s.width;
    }
    if start < layout.stages.len() || groups.is_empty() {
        groups.push(start..layout.stages.len());
    }
    groups
}

/// The layout of the stages in `stages` only, moved to start right after the lane names
/// (`label_w` wide).
fn part(layout: &CanvasLayout, stages: Range<usize>, label_w: f64) -> CanvasLayout {
    let Some(first) = layout.stages.get(stages.start) else {
        return CanvasLayout { label_width: label_w, columns: Vec::new(), stages: Vec::new(), width: label_w };
    };
    let shift = first.x - label_w;
    let first_col = first.first_column;
    let columns: Vec<Column> = layout
        .columns
        .iter()
        .filter(|c| stages.contains(&c.stage))
        .map(|c| Column { stage: c.stage - stages.start, x: c.x - shift, ..c.clone() })
        .collect();
    let spans: Vec<StageSpan> = layout.stages[stages.clone()]
        .iter()
        .map(|s| StageSpan { x: s.x - shift, first_column: s.first_column - first_col, ..s.clone() })
        .collect();
    let width = spans.last().map_or(label_w, |s| s.x + s.width);
    CanvasLayout { label_width: label_w, columns, stages: spans, width }
}

/// Writes wrapped lines as one `<text>`; returns the height used.
fn text_block(s: &mut String, x: f64, y: f64, lines: &[Line], font: f64, style: &str) -> f64 {
    if lines.is_empty() {
        return 0.0;
    }
    let lh = line_h(font);
    let _ = write!(s, r#"<text x="{x:.1}" y="{:.1}" font-size="{font}"{style}>"#, y + font);
    for (i, l) in lines.iter().enumerate() {
        // The space between two lines ends the first (drawn after its last word, unseen), so
        // the text reads whole when copied; a line broken inside a word ends in its hyphen.
        let end = if l.hyphen { "‐" } else if l.space && i + 1 < lines.len() { " " } else { "" };
        let _ = write!(s, r#"<tspan x="{x:.1}" y="{:.1}">{}{end}</tspan>"#, y + font + i as f64 * lh, escape(&l.text));
    }
    s.push_str("</text>");
    lines.len() as f64 * lh
}

/// A card's lines: the title (bold) and the channel name.
fn card_lines(map: &JourneyMap, id: &str, width: f64, lang: Lang) -> (Vec<Line>, Vec<Line>) {
    map.touchpoint(id).map_or_else(Default::default, |t| {
        (wrap(&t.title, width, Font::bold(TITLE_FONT)), wrap(&t.channel.label(lang), width, SMALL_FONT))
    })
}

fn card_height(title: &[Line], channel: &[Line]) -> f64 {
    2.0 * CARD_PAD + title.len() as f64 * line_h(TITLE_FONT) + 3.0 + channel.len() as f64 * line_h(SMALL_FONT)
}

/// A lane cell's items, wrapped to the column.
fn cell_items(map: &JourneyMap, id: &str, lane: Lane, width: f64, lang: Lang) -> Vec<(Item, Vec<Line>)> {
    let Some(t) = map.touchpoint(id) else { return Vec::new() };
    lane_items(t, lane, lang)
        .into_iter()
        .map(|(item, text)| {
            let w = if matches!(item, Item::PainPoint | Item::Opportunity) { width - MARKER_W } else { width };
            let font = Font { px: BODY_FONT, bold: item == Item::Owner };
            (item, wrap(&text, w, font))
        })
        .collect()
}

fn items_height(items: &[(Item, Vec<Line>)]) -> f64 {
    let lines: usize = items.iter().map(|(_, l)| l.len()).sum();
    lines as f64 * line_h(BODY_FONT) + items.len().saturating_sub(1) as f64 * ITEM_GAP
}

/// A pain point's marker is a triangle, an opportunity's a diamond: shape and colour.
fn marker(s: &mut String, item: Item, x: f64, y: f64) {
    let cy = y + BODY_FONT * 0.55;
    match item {
        Item::PainPoint => {
            let _ = write!(s, r#"<path d="M{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{PAIN}"/>"#, x + 4.5, cy - 4.5, x + 9.0, cy + 4.0, x, cy + 4.0);
        }
        Item::Opportunity => {
            let _ = write!(s, r#"<path d="M{:.1} {:.1} L{:.1} {cy:.1} L{:.1} {:.1} L{x:.1} {cy:.1} Z" fill="{CHANCE}"/>"#, x + 4.5, cy - 4.5, x + 9.0, x + 4.5, cy + 4.5);
        }
        _ => {}
    }
}

fn draw_items(s: &mut String, items: &[(Item, Vec<Line>)], x: f64, mut y: f64) {
    for (item, lines) in items {
        let (tx, style) = match item {
            Item::PainPoint | Item::Opportunity => (x + MARKER_W, String::new()),
            Item::Thought => (x, r#" font-style="italic""#.to_string()),
            Item::Owner => (x, r#" font-weight="bold""#.to_string()),
            Item::Visibility => (x, format!(r#" fill="{MUTED}""#)),
            Item::Text | Item::Measurement => (x, String::new()),
        };
        marker(s, *item, x, y);
        y += text_block(s, tx, y, lines, BODY_FONT, &style) + ITEM_GAP;
    }
}

/// The legend: one sample line per persona's curve (dashed for to-be), the pain point and
/// opportunity markers. Returns its height.
fn legend(s: &mut String, curve: &CanvasCurve, lanes: &[Lane], lang: Lang, x0: f64, y0: f64, width: f64) -> f64 {
    let (title, to_be, emotion) = lang.pick((("Legend", "to-be", "Emotion curve"), ("Legende", "Soll", "Emotionskurve")));
    let mut entries: Vec<(String, String)> = Vec::new();
    if lanes.contains(&Lane::Emotion) {
        for line in curve.lines.iter().filter(|l| !l.points.is_empty()) {
            let who = if line.persona.is_some() { line.name.clone() } else { emotion.to_string() };
            let name = if line.to_be { format!("{who} ({to_be})") } else { who };
            let dash = if line.to_be { r#" stroke-dasharray="6 4""# } else { "" };
            let sample = format!(r#"<line x1="0" x2="24" y1="-4" y2="-4" stroke="{}" stroke-width="2.5"{dash}/>"#, line.color);
            entries.push((sample, name));
        }
    }
    for (lane, item) in [(Lane::PainPoints, Item::PainPoint), (Lane::Opportunities, Item::Opportunity)] {
        if lanes.contains(&lane) {
            let mut sample = String::new();
            marker(&mut sample, item, 8.0, -BODY_FONT);
            entries.push((sample, lane.label(lang).to_string()));
        }
    }
    let lh = line_h(LEGEND_FONT) + 4.0;
    let _ = write!(s, r#"<g class="mp-legend"><text x="{x0:.1}" y="{:.1}" font-size="{LEGEND_FONT}" font-weight="bold">{title}:</text>"#, y0 + LEGEND_FONT);
    let mut x = x0 + super::lane_text::line_px(title, Font::bold(LEGEND_FONT)) + 14.0;
    let mut y = y0 + LEGEND_FONT;
    for (sample, name) in entries {
        let w = 32.0 + super::lane_text::line_px(&name, LEGEND_FONT) + 18.0;
        if x + w > x0 + width && x > x0 + 100.0 {
            x = x0 + 80.0;
            y += lh;
        }
        let _ = write!(s, r#"<g transform="translate({x:.1} {y:.1})">{sample}</g><text x="{:.1}" y="{y:.1}" font-size="{LEGEND_FONT}">{}</text>"#, x + 30.0, escape(&name));
        x += w;
    }
    s.push_str("</g>");
    y - y0 + 6.0
}

/// Draws the stages of `layout` (a [`part`] of the map's layout).
fn draw(map: &JourneyMap, lang: Lang, layout: &CanvasLayout, page: Option<(usize, usize)>) -> MapPicture {
    let lanes = shown_lanes(map);
    let curve = canvas_curve(map, layout, None);
    let width = layout.width + 2.0 * MARGIN;
    let gx = MARGIN;
    let mut body = String::new();

    // The map's name (and the page), then the legend.
    let mut heading = map.name.clone();
    if let Some((i, n)) = page.filter(|(_, n)| *n > 1) {
        heading.push_str(&format!(" · {} {i}/{n}", lang.pick(("page", "Seite"))));
    }
    let heading_lines = wrap(&heading, layout.width, Font::bold(TITLE_SIZE));
    let mut y = MARGIN;
    y += text_block(&mut body, gx, y, &heading_lines, TITLE_SIZE, r#" font-weight="bold" class="mp-name""#) + 8.0;
    y += legend(&mut body, &curve, &lanes, lang, gx, y, layout.width) + 10.0;

    // Stage headers.
    let top = y;
    let stage_lines: Vec<Vec<Line>> = layout.stages.iter().map(|s| wrap(&s.name, s.width - 2.0 * CELL_PAD - 4.0, Font::bold(STAGE_FONT))).collect();
    let head_h = stage_lines.iter().map(|l| l.len() as f64 * line_h(STAGE_FONT)).fold(line_h(STAGE_FONT), f64::max) + 2.0 * CELL_PAD + 4.0;
    for (s, lines) in layout.stages.iter().zip(&stage_lines) {
        let x = gx + s.x;
        let _ = write!(body, r##"<g class="mp-stage" data-stage-id="{}"><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{head_h:.1}" fill="#e8eef5" stroke="#fff" stroke-width="2"/>"##, escape(&s.id), s.width);
        text_block(&mut body, x + CELL_PAD + 2.0, y + CELL_PAD + 2.0, lines, STAGE_FONT, r#" font-weight="bold""#);
        body.push_str("</g>");
    }
    y += head_h;

    // The lanes, one row each: the lane's name, then a cell per column.
    for lane in &lanes {
        let label = wrap(lane.label(lang), layout.label_width - 2.0 * CELL_PAD, Font::bold(BODY_FONT));
        let inner = |c: &Column| c.width - 2.0 * CELL_PAD;
        let row_h = match lane {
            Lane::Emotion => CURVE_H,
            Lane::Touchpoints => layout
                .columns
                .iter()
                .filter_map(|c| c.touchpoint().map(|id| card_lines(map, id, inner(c) - 2.0 * CARD_PAD, lang)))
                .map(|(t, ch)| card_height(&t, &ch))
                .fold(0.0, f64::max),
            _ => layout
                .columns
                .iter()
                .filter_map(|c| c.touchpoint().map(|id| items_height(&cell_items(map, id, *lane, inner(c), lang))))
                .fold(0.0, f64::max),
        }
        .max(label.len() as f64 * line_h(BODY_FONT))
        .max(16.0)
            + 2.0 * CELL_PAD;
        let _ = write!(body, r#"<g class="mp-lane" data-lane="{}">"#, lane.key());
        let _ = write!(body, r##"<rect x="{gx:.1}" y="{y:.1}" width="{:.1}" height="{row_h:.1}" fill="#f6f8fa"/>"##, layout.label_width);
        text_block(&mut body, gx + CELL_PAD, y + CELL_PAD, &label, BODY_FONT, &format!(r#" font-weight="bold" fill="{MUTED}""#));
        if *lane == Lane::Emotion {
            let _ = write!(body, r#"<g transform="translate({:.1} {:.1})">"#, gx + layout.label_width, y + CELL_PAD);
            body.push_str(&render_curve_body(&curve, CURVE_H, lang));
            body.push_str("</g>");
        } else {
            for c in &layout.columns {
                let Some(id) = c.touchpoint() else { continue };
                let (x, w) = (gx + c.x + CELL_PAD, inner(c));
                let _ = write!(body, r#"<g class="mp-cell" data-tp-id="{}">"#, escape(id));
                if *lane == Lane::Touchpoints {
                    let (title, channel) = card_lines(map, id, w - 2.0 * CARD_PAD, lang);
                    let h = card_height(&title, &channel);
                    let _ = write!(body, r##"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}" rx="6" fill="#fff" stroke="#8c959f"/>"##, y + CELL_PAD);
                    let ty = y + CELL_PAD + CARD_PAD;
                    let used = text_block(&mut body, x + CARD_PAD, ty, &title, TITLE_FONT, r#" font-weight="bold" class="mp-title""#);
                    text_block(&mut body, x + CARD_PAD, ty + used + 3.0, &channel, SMALL_FONT, &format!(r#" fill="{MUTED}""#));
                } else {
                    draw_items(&mut body, &cell_items(map, id, *lane, w, lang), x, y + CELL_PAD);
                }
                body.push_str("</g>");
            }
        }
        let _ = write!(body, r#"<line x1="{gx:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="{RULE}"/></g>"#, gx + layout.width, y + row_h, y + row_h);
        y += row_h;
    }
    // Stage separators over the whole height.
    for s in layout.stages.iter() {
        let x = gx + s.x;
        let _ = write!(body, r#"<line x1="{x:.1}" x2="{x:.1}" y1="{top:.1}" y2="{y:.1}" stroke="{RULE}"/>"#);
    }
    let height = (y + MARGIN).ceil();
    let width = width.ceil();
    let touchpoints = layout.touchpoint_ids().count();
    let desc = lang.pick((
        format!("Journey map: {} stages, {touchpoints} touchpoints", layout.stages.len()),
        format!("Journey Map: {} Phasen, {touchpoints} Touchpoints", layout.stages.len()),
    ));
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="map-picture" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONTS}" fill="{INK}" role="img" aria-labelledby="mp-t"><title id="mp-t">{}</title><desc>{}</desc><rect width="{width}" height="{height}" fill="#fff"/>"##,
        escape(&map.name),
        escape(&desc)
    );
    svg.push_str(&body);
    svg.push_str("</svg>");
    MapPicture { svg, width, height }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;
    use crate::templates::{coffee_to_go, online_shop_checkout};

    /// Every `<text>`'s content (the wrapped lines read whole; a line broken inside a word
    /// ends in "‐", taken out here).
    fn texts(svg: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>().replace('‐', ""))
            .collect()
    }

    #[test]
    fn the_picture_holds_every_text_of_every_shown_lane() {
        for lang in [Lang::En, Lang::De] {
            for m in [coffee_to_go("m", 0.0, lang), online_shop_checkout("m", 0.0, lang)] {
                let p = map_picture(&m, lang);
                let all = texts(&p.svg);
                let has = |s: &str| all.iter().any(|t| t == s.trim());
                for t in &m.touchpoints {
                    assert!(has(&t.title), "{lang:?} title {:?}", t.title);
                    for s in [&t.customer_action, &t.thoughts, &t.owner].into_iter().filter(|s| !s.trim().is_empty()) {
                        assert!(has(s), "{lang:?} {s:?}");
                    }
                    for s in t.pain_points.iter().chain(t.opportunities.iter().map(|o| &o.text)).filter(|s| !s.trim().is_empty()) {
                        assert!(has(s), "{lang:?} {s:?}");
                    }
                }
                for s in &m.stages {
                    assert!(has(&s.name), "stage {:?}", s.name);
                }
                for lane in shown_lanes(&m).into_iter().filter(|l| *l != Lane::Touchpoints) {
                    assert!(has(lane.label(lang)), "{lane:?}");
                }
                // The curve: one line per persona, the legend names each persona.
                let doc = roxmltree::Document::parse(&p.svg).unwrap();
                let lines = doc.descendants().filter(|n| n.attribute("data-kind") == Some("as-is")).count();
                assert_eq!(lines, m.personas.len().max(1));
                for persona in &m.personas {
                    assert!(has(&persona.name), "legend {:?}", persona.name);
                }
                // A card title's words fit the card as they fit the canvas column: none is broken.
                for t in doc.descendants().filter(|n| n.attribute("class") == Some("mp-title")) {
                    assert!(t.descendants().filter_map(|d| d.text()).all(|l| !l.ends_with('‐')), "{lang:?}: {:?}", t.descendants().filter_map(|d| d.text()).collect::<Vec<_>>());
                }
                let root = doc.root_element();
                assert_eq!(root.attribute("width").and_then(|w| w.parse::<f64>().ok()), Some(p.width));
                assert!(p.height > 400.0 && p.width > 800.0);
            }
        }
    }

    #[test]
    fn user_text_is_escaped_and_hidden_lanes_are_left_out() {
        let mut m = JourneyMap::blank("m", "Map <&> \"x\"", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        m.stages[0].name = "<script>alert(1)</script>".into();
        let t = m.add_touchpoint(&s, "Pays & <leaves>", Channel::App).unwrap();
        m.touchpoint_mut(&t).unwrap().thoughts = "'quoted' \u{1} \"double\"".into();
        m.touchpoint_mut(&t).unwrap().pain_points = vec!["a</text><text>b".into()];
        m.set_lane_hidden(Lane::Opportunities, true);
        let p = map_picture(&m, Lang::En);
        assert!(!p.svg.contains("<script") && !p.svg.contains("<leaves>") && !p.svg.contains("</text><text>b"));
        let all = texts(&p.svg);
        for s in ["Pays & <leaves>", "<script>alert(1)</script>", "a</text><text>b", "Map <&> \"x\""] {
            assert!(all.iter().any(|t| t == s), "{s}");
        }
        assert!(!all.iter().any(|t| t == "Opportunities"), "a hidden lane is not drawn");
        let doc = roxmltree::Document::parse(&p.svg).unwrap();
        assert_eq!(doc.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()), Some("Map <&> \"x\""));
    }

    #[test]
    fn every_line_fits_its_column_and_giant_words_break_with_a_hyphen() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::De);
        let s = m.stages[0].id.clone();
        let t = m.add_touchpoint(&s, "Bezahlt", Channel::App).unwrap();
        m.touchpoint_mut(&t).unwrap().owner = "Zahlungsdienstleistungsabteilungsleitung".into();
        let p = map_picture(&m, Lang::De);
        assert!(p.svg.contains("‐</tspan>"), "the giant word is broken with a visible hyphen");
        assert!(texts(&p.svg).iter().any(|t| t == "Zahlungsdienstleistungsabteilungsleitung"));
    }

    #[test]
    fn pages_split_by_whole_stages_and_repeat_the_headers() {
        let m = online_shop_checkout("m", 0.0, Lang::De);
        let layout = canvas_layout(&m, None, Lang::De);
        let groups = page_groups(&layout, 700.0);
        assert!(groups.len() > 1);
        assert_eq!(groups.first().unwrap().start, 0);
        assert_eq!(groups.last().unwrap().end, m.stages.len());
        assert!(groups.windows(2).all(|w| w[0].end == w[1].start && !w[0].is_empty()));
        let pages = map_pages(&m, Lang::De, 700.0 + 2.0 * MARGIN);
        assert_eq!(pages.len(), groups.len());
        for (page, g) in pages.iter().zip(&groups) {
            let all = texts(&page.svg);
            for s in &m.stages[g.clone()] {
                assert!(all.iter().any(|t| *t == s.name), "{} on its page", s.name);
            }
            assert!(all.iter().any(|t| t == Lane::Actions.label(Lang::De)), "lane names on every page");
            assert!(page.width <= 700.0 + 2.0 * MARGIN + 1.0 || g.len() == 1);
        }
        // Every touchpoint is on exactly one page.
        for t in &m.touchpoints {
            let n = pages.iter().filter(|p| texts(&p.svg).iter().any(|s| *s == t.title)).count();
            assert_eq!(n, 1, "{}", t.title);
        }
        assert_eq!(page_groups(&layout, 1e9), vec![0..m.stages.len()]);
    }
}
