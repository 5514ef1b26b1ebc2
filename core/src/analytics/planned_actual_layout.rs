//! Where planned vs actual on the canvas puts everything, computed here rather than read back
//! from the browser: the stage columns, each card's box from its texts
//! ([`crate::text_metrics`], which errs a little wide, so a card is never shorter than its
//! text), and the lines of the board as one SVG path per kind with all its segments, plus
//! the arrowheads as one filled path per kind. The page sets these boxes on absolutely
//! placed cards and draws only those in and near the view ([`cards_in`]); it never reads a
//! card's box, so the lines are drawn in the same frame as the cards.
//!
//! The constants mirror `style/planned_actual.css` (rem = 16 px); change both together.

use std::collections::HashMap;
use std::fmt::Write;

use super::planned_actual_board::{line_path, Board, LineKind, Rect};
use crate::text_metrics::{text_px, wrap_to_width, Font};

const REM: f64 = 16.0;
/// `.pva-board` padding: top, right, bottom, left.
pub const PAD: (f64, f64, f64, f64) = (0.7 * REM, 2.0 * REM, 0.9 * REM, REM);
/// `.pva-board` gap between stage columns, and a column's least width.
pub const COLUMN_GAP: f64 = 3.0 * REM;
pub const MIN_COLUMN: f64 = 11.0 * REM;
/// `.pva-stage-name`: font, line height, padding (vertical, horizontal), gap below.
const STAGE_FONT: Font = Font::bold(REM);
const STAGE_LINE: f64 = 1.25 * REM;
const STAGE_PAD: (f64, f64) = (0.3 * REM, 0.5 * REM);
const STAGE_GAP: f64 = 0.5 * REM;
/// `.pva-cards` gap between cards (whole pixels: every box is on whole pixels, crisp).
const CARD_GAP: f64 = 14.0;
/// `.pva-card`: padding (vertical, horizontal), border, the wider left border of a
/// differing card, gap between its rows.
const CARD_PAD: (f64, f64) = (0.45 * REM, 0.6 * REM);
const BORDER: f64 = 2.0;
const DIFFERS_BORDER: f64 = 7.0;
const ROW_GAP: f64 = 0.2 * REM;
/// `.pva-card-title` (600 weight: the bold table, wider), `.pva-badge`, `.pva-cases`.
const TITLE_FONT: Font = Font::bold(0.92 * REM);
const TITLE_LINE: f64 = 1.25 * 0.92 * REM;
const BADGE_FONT: Font = Font::bold(0.75 * REM);
const BADGE_H: f64 = 1.25 * 0.75 * REM + 0.1 * REM;
const BADGE_PAD_X: f64 = 0.9 * REM;
const SMALL_FONT: Font = Font::regular(0.85 * REM);
const SMALL_LINE: f64 = 1.3 * 0.85 * REM;
/// Enough lines for any title; a longer one is cut with "…" by the wrap (never seen).
const MAX_LINES: usize = 40;

/// One card's texts as the page words them (the layout needs their lengths only).
#[derive(Debug, Clone, PartialEq)]
pub struct CardText {
    pub badge: String,
    pub title: String,
    /// Empty: no line.
    pub cases: String,
    /// A differing volume: its badge word and both numbers.
    pub diff: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub x: f64,
    pub width: f64,
    /// The stage name's box height (its padding included).
    pub name_height: f64,
}

/// The board's boxes, in pixels relative to the board's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardLayout {
    pub columns: Vec<Column>,
    /// Per stage, its cards' boxes, in the board's order.
    pub cards: Vec<Vec<Rect>>,
    pub width: f64,
    pub height: f64,
}

fn lines(text: &str, width: f64, font: Font) -> usize {
    if text.trim().is_empty() {
        return 0;
    }
    wrap_to_width(text, width, font, MAX_LINES).0.len().max(1)
}

/// One card's height at `width` (its border box).
fn card_height(c: &CardText, width: f64) -> f64 {
    let left = if c.diff.is_some() { DIFFERS_BORDER } else { BORDER };
    let inner = (width - left - BORDER - 2.0 * CARD_PAD.1).max(REM);
    let mut rows = vec![BADGE_H, lines(&c.title, inner, TITLE_FONT) as f64 * TITLE_LINE];
    let cases = lines(&c.cases, inner, SMALL_FONT);
    if cases > 0 {
        rows.push(cases as f64 * SMALL_LINE);
    }
    if let Some((word, text)) = &c.diff {
        // A flex row that wraps: the badge, then the numbers beside it if they fit whole,
        // else on the lines below.
        let badge = text_px(word, BADGE_FONT) + BADGE_PAD_X;
        let beside = badge + 0.35 * REM + text_px(text, SMALL_FONT) <= inner;
        let n = if beside { 1 } else { 1 + lines(text, inner, SMALL_FONT) };
        rows.push(n as f64 * SMALL_LINE);
    }
    let content: f64 = rows.iter().sum::<f64>() + ROW_GAP * (rows.len() - 1) as f64;
    (content + 2.0 * CARD_PAD.0 + 2.0 * BORDER).ceil()
}

/// The board for the view `available` pixels wide (the scroll area's inner width): the
/// stages share it, each at least [`MIN_COLUMN`] (wider boards scroll sideways).
pub fn layout(stage_names: &[&str], cards: &[Vec<CardText>], available: f64) -> BoardLayout {
    let n = stage_names.len().max(1) as f64;
    let free = available - PAD.1 - PAD.3 - COLUMN_GAP * (n - 1.0);
    let width = (free / n).floor().max(MIN_COLUMN);
    let mut columns = Vec::new();
    let mut boxes = Vec::new();
    let mut bottom: f64 = PAD.0;
    for (i, name) in stage_names.iter().enumerate() {
        let x = PAD.3 + i as f64 * (width + COLUMN_GAP);
        let name_lines = lines(name, width - 2.0 * STAGE_PAD.1, STAGE_FONT).max(1);
        let name_height = (name_lines as f64 * STAGE_LINE + 2.0 * STAGE_PAD.0).ceil();
        let mut y = (PAD.0 + name_height + STAGE_GAP).round();
        let mut col = Vec::new();
        for c in cards.get(i).map(Vec::as_slice).unwrap_or_default() {
            let h = card_height(c, width);
            col.push(Rect { x, y, w: width, h });
            y += h + CARD_GAP;
        }
        bottom = bottom.max(y - if col.is_empty() { STAGE_GAP } else { CARD_GAP });
        columns.push(Column { x, width, name_height });
        boxes.push(col);
    }
    let right = columns.last().map_or(PAD.3, |c| c.x + c.width);
    BoardLayout { columns, cards: boxes, width: right + PAD.1, height: (bottom + PAD.2).ceil() }
}

/// The cards of stage `stage` whose boxes overlap `top..bottom` (board pixels): the range of
/// their indices (cards in a column are in order, top to bottom).
pub fn cards_in(layout: &BoardLayout, stage: usize, top: f64, bottom: f64) -> std::ops::Range<usize> {
    let Some(col) = layout.cards.get(stage) else { return 0..0 };
    let start = col.partition_point(|r| r.y + r.h < top);
    let end = col.partition_point(|r| r.y <= bottom).max(start);
    start..end
}

/// The drawn lines: per kind (in drawing order, the differing ones last, so on top) the
/// stroke path with every segment of that kind and the arrowheads as one filled path; the
/// numbered lines' numbers where they sit. Numbers only in the strings (no user text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinePaths {
    pub kinds: Vec<(LineKind, String, String)>,
    /// (number, x, y) of each line that differs from the plan.
    pub numbers: Vec<(usize, f64, f64)>,
    /// How many lines are drawn.
    pub count: usize,
}

/// Arrowhead size (the former SVG marker's: 11 px long, its tip at the card's edge).
const ARROW: (f64, f64) = (10.0, 5.5);

/// Every line of `board` between the cards of `layout` (`board.stages[i].cards[j]` at
/// `layout.cards[i][j]`), with `numbers` (1, 2, … for the lines differing from the plan). The
/// ends of several lines on one card are spread along its edge, so their numbers and
/// arrowheads do not sit on each other.
pub fn line_paths(board: &Board, layout: &BoardLayout, numbers: &[Option<usize>]) -> LinePaths {
    let mut rects: HashMap<&str, Rect> = HashMap::new();
    for (s, stage) in board.stages.iter().enumerate() {
        for (c, card) in stage.cards.iter().enumerate() {
            if let Some(r) = layout.cards.get(s).and_then(|col| col.get(c)) {
                rects.insert(card.key.as_str(), *r);
            }
        }
    }
    let mut touching: HashMap<&str, usize> = HashMap::new();
    for l in &board.lines {
        *touching.entry(l.from.as_str()).or_default() += 1;
        *touching.entry(l.to.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let order = [LineKind::Planned, LineKind::Unplanned, LineKind::Untaken, LineKind::Differs];
    let mut paths: Vec<(LineKind, String, String)> = order.iter().map(|k| (*k, String::new(), String::new())).collect();
    let mut out = LinePaths::default();
    for (l, number) in board.lines.iter().zip(numbers.iter().copied().chain(std::iter::repeat(None))) {
        let (Some(&a), Some(&b)) = (rects.get(l.from.as_str()), rects.get(l.to.as_str())) else { continue };
        let a = spread(&mut seen, &touching, &l.from, a);
        let b = spread(&mut seen, &touching, &l.to, b);
        let (path, label) = line_path(a, b);
        let Some(slot) = paths.iter_mut().find(|p| p.0 == l.kind) else { continue };
        if !slot.1.is_empty() {
            slot.1.push(' ');
        }
        slot.1.push_str(&path);
        // The arrowhead points along the curve's last tangent, which is level (see
        // `line_path`): rightward into the left edge of a card further right, else leftward
        // into the card's right edge.
        let forward = b.x >= a.x + a.w;
        let (x2, ty, dir) = if forward { (b.x, b.y, 1.0) } else { (b.x + b.w, b.y, -1.0) };
        let back = x2 - dir * ARROW.0;
        let _ = write!(slot.2, "M{x2:.1},{ty:.1} L{back:.1},{:.1} L{back:.1},{:.1} Z", ty - ARROW.1, ty + ARROW.1);
        if let Some(n) = number {
            out.numbers.push((n, label.0, label.1));
        }
        out.count += 1;
    }
    out.kinds = paths.into_iter().filter(|p| !p.1.is_empty()).collect();
    out
}

/// The point on `r`'s edge where the next line touching card `key` ends: the ends of the
/// `touching[key]` lines of one card are spread evenly down its height (a rect of height 0).
fn spread<'a>(seen: &mut HashMap<&'a str, usize>, touching: &HashMap<&str, usize>, key: &'a str, r: Rect) -> Rect {
    let k = seen.entry(key).or_default();
    *k += 1;
    let m = touching.get(key).copied().unwrap_or(1) as f64;
    Rect { y: r.y + r.h * (*k as f64) / (m + 1.0), h: 0.0, ..r }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::planned_actual_board::{BoardCard, BoardLine, BoardStage, CardStatus};

    fn text(title: &str) -> CardText {
        CardText { badge: "Reached".into(), title: title.into(), cases: "12 cases in 20 days".into(), diff: None }
    }

    #[test]
    fn columns_share_the_width_and_cards_stack_by_their_text() {
        let names = ["Awareness", "Consideration", "Purchase"];
        let long = "A touchpoint title long enough to wrap onto several lines of a narrow card";
        let cards = vec![vec![text("Ad"), text(long)], vec![text("Compare")], vec![]];
        let l = layout(&names, &cards, 1200.0);
        let w = (1200.0 - PAD.1 - PAD.3 - 2.0 * COLUMN_GAP) / 3.0;
        assert_eq!(l.columns[0].width, w.floor());
        assert_eq!(l.columns[1].x, PAD.3 + w.floor() + COLUMN_GAP);
        let (a, b) = (l.cards[0][0], l.cards[0][1]);
        assert!(b.h > a.h + 2.0 * TITLE_LINE - 1.0, "the long title wraps: {} vs {}", b.h, a.h);
        assert_eq!(b.y, a.y + a.h + CARD_GAP, "stacked with the gap");
        assert_eq!(l.height, (b.y + b.h + PAD.2).ceil());
        // Narrow views keep each column at its least width (the board scrolls sideways).
        let narrow = layout(&names, &cards, 300.0);
        assert_eq!(narrow.columns[2].width, MIN_COLUMN);
        assert!(narrow.width > 300.0);
    }

    #[test]
    fn a_differing_card_is_taller_and_its_height_covers_its_text() {
        let mut d = text("Sees an ad");
        d.diff = Some(("Differs".into(), "Planned 10,000 / month · measured 400 in 20 days".into()));
        let plain = card_height(&text("Sees an ad"), 200.0);
        assert!(card_height(&d, 200.0) >= plain + SMALL_LINE * 2.0);
        // Badge, one title line, one cases line, the padding and border, no more.
        let expect = BADGE_H + TITLE_LINE + SMALL_LINE + 2.0 * ROW_GAP + 2.0 * CARD_PAD.0 + 2.0 * BORDER;
        assert_eq!(plain, expect.ceil());
    }

    #[test]
    fn only_the_cards_overlapping_the_view_are_picked() {
        let cards = vec![(0..50).map(|i| text(&format!("Step {i}"))).collect::<Vec<_>>()];
        let l = layout(&["S"], &cards, 400.0);
        let r = cards_in(&l, 0, 1000.0, 1500.0);
        for (i, c) in l.cards[0].iter().enumerate() {
            assert_eq!(r.contains(&i), c.y + c.h >= 1000.0 && c.y <= 1500.0, "card {i}");
        }
        assert!(!r.is_empty() && r.len() < 20);
        assert_eq!(cards_in(&l, 0, -500.0, -1.0), 0..0);
        assert_eq!(cards_in(&l, 3, 0.0, 1e9), 0..0);
    }

    fn card(key: &str) -> BoardCard {
        BoardCard { key: key.into(), title: key.into(), status: CardStatus::Reached, cases: Some(1), case_share: None, difference: None }
    }

    fn line(from: &str, to: &str, kind: LineKind) -> BoardLine {
        BoardLine { from: from.into(), to: to.into(), from_title: from.into(), to_title: to.into(), kind, cases: 1, route_kind: None, difference: None }
    }

    #[test]
    fn one_path_per_kind_with_every_segment_and_arrowheads_into_the_card() {
        let board = Board {
            stages: vec![
                BoardStage { id: "1".into(), name: "One".into(), cards: vec![card("a"), card("c")] },
                BoardStage { id: "2".into(), name: "Two".into(), cards: vec![card("b")] },
            ],
            lines: vec![line("a", "b", LineKind::Unplanned), line("b", "a", LineKind::Unplanned), line("a", "c", LineKind::Planned), line("a", "x", LineKind::Planned)],
            more_unplanned: 0,
            cases: 1,
            period: None,
        };
        let texts: Vec<Vec<CardText>> = board.stages.iter().map(|s| s.cards.iter().map(|c| text(&c.title)).collect()).collect();
        let l = layout(&["One", "Two"], &texts, 800.0);
        let p = line_paths(&board, &l, &[Some(1), Some(2), None, None]);
        assert_eq!(p.count, 3, "the line to a card not on the board is left out");
        let kinds: Vec<LineKind> = p.kinds.iter().map(|k| k.0).collect();
        assert_eq!(kinds, [LineKind::Planned, LineKind::Unplanned], "plain lines beneath");
        let (_, stroke, arrows) = &p.kinds[1];
        assert_eq!(stroke.matches('M').count(), 2);
        assert_eq!(arrows.matches('Z').count(), 2);
        // a → b ends on b's left edge, the arrow pointing right; b → a on a's right edge.
        let (a, b) = (l.cards[0][0], l.cards[1][0]);
        assert!(arrows.starts_with(&format!("M{:.1},", b.x)), "{arrows}");
        assert!(arrows.contains(&format!("M{:.1},", a.x + a.w)), "{arrows}");
        assert!(arrows.contains(&format!("L{:.1},", b.x - ARROW.0)), "{arrows}");
        assert_eq!(p.numbers.iter().map(|n| n.0).collect::<Vec<_>>(), [1, 2]);
        assert!(!stroke.contains(|c: char| c.is_alphabetic() && !"MC".contains(c)), "numbers only: {stroke}");
    }
}
