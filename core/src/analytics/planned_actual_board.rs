//! Planned vs actual on the canvas: the planned map's stages with its touchpoints as cards,
//! each marked reached (with its cases) or not reached, the activities customers do that
//! the plan lacks as "unplanned" cards in the stage where they typically happen
//! ([`UnplannedActivity::stage_id`](super::UnplannedActivity)), and the lines between
//! cards that differ from the plan: routes customers take that the plan lacks, planned
//! routes no case took, planned routes whose volume differs most. Numbers only — the page
//! words them in the user's language (`src/i18n/planned_actual.rs`).
//!
//! [`line_path`] is the geometry of one line between two cards, placed by
//! `planned_actual_layout.rs` from the texts (the page measures nothing).

use serde::{Deserialize, Serialize};

use super::planned_actual::{PlannedVsActual, RouteFinding, VolumeDifference, VolumeTarget};
use crate::model::{JourneyMap, MeasuredPeriod, RouteKind};

/// At most this many unplanned cards on the board (a log of raw URLs has thousands); the
/// rest are counted in [`Board::more_unplanned`] and listed under the board.
pub const MAX_UNPLANNED_CARDS: usize = 24;

/// How many of the largest volume differences the board marks with both numbers (the
/// analytics page lists [`TOP_DIFFERENCES`](super::planned_actual::TOP_DIFFERENCES)): a few
/// marks point at where to look; a mark on every card would point nowhere.
pub const MARKED_DIFFERENCES: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardStatus {
    /// A planned touchpoint some case reached.
    Reached,
    /// A planned touchpoint no case reached.
    NotReached,
    /// An activity of the data that no planned touchpoint stands for.
    Unplanned,
}

/// A planned and a measured volume side by side (one of the largest differences).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeMark {
    pub planned: f64,
    /// The planned value's own period; `None`: per month (what people enter).
    pub planned_period: Option<MeasuredPeriod>,
    pub measured: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardCard {
    /// `tp:<touchpoint id>` or `unplanned:<n>`: unique on the board.
    pub key: String,
    pub title: String,
    pub status: CardStatus,
    /// Cases reaching it (`None` when the data says nothing: not reached).
    pub cases: Option<u64>,
    /// Share of all cases, for unplanned cards.
    pub case_share: Option<f64>,
    /// Set when this touchpoint is among the largest volume differences.
    pub difference: Option<VolumeMark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardStage {
    pub id: String,
    pub name: String,
    pub cards: Vec<BoardCard>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    /// Customers take it; the plan has no such route.
    Unplanned,
    /// The plan has it between two reached touchpoints; no case took it.
    Untaken,
    /// Planned and taken, with a volume among the largest differences.
    Differs,
    /// Planned and taken (drawn faintly, for orientation).
    Planned,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardLine {
    pub from: String,
    pub to: String,
    pub from_title: String,
    pub to_title: String,
    pub kind: LineKind,
    /// Cases taking the step (0 for an untaken route).
    pub cases: u64,
    /// The plan's kind, for routes of the plan.
    pub route_kind: Option<RouteKind>,
    pub difference: Option<VolumeMark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub stages: Vec<BoardStage>,
    /// Differences first (unplanned, untaken, differing), then the plain planned routes.
    pub lines: Vec<BoardLine>,
    /// Unplanned activities not shown as cards (beyond [`MAX_UNPLANNED_CARDS`]).
    pub more_unplanned: usize,
    pub cases: u64,
    pub period: Option<MeasuredPeriod>,
}

fn mark(d: &VolumeDifference, planned_period: Option<&MeasuredPeriod>) -> VolumeMark {
    VolumeMark { planned: d.planned, planned_period: planned_period.cloned(), measured: d.actual }
}

/// The board of `planned` against the comparison `r` (made for that map).
pub fn board(planned: &JourneyMap, r: &PlannedVsActual) -> Board {
    let key = |id: &str| format!("tp:{id}");
    let difference = |target: VolumeTarget, id: &str| {
        r.volume_differences.iter().take(MARKED_DIFFERENCES).find(|d| d.target == target && d.id == id)
    };
    let mut stages: Vec<BoardStage> =
        planned.stages.iter().map(|s| BoardStage { id: s.id.clone(), name: s.name.clone(), cards: Vec::new() }).collect();
    for (i, t) in planned.touchpoints.iter().enumerate() {
        let Some(stage) = stages.iter_mut().find(|s| s.id == t.stage_id) else { continue };
        let cases = r.touchpoint_cases.get(i).copied().unwrap_or(0);
        let reached = !r.unreached_touchpoints.iter().any(|u| u.touchpoint_id == t.id);
        stage.cards.push(BoardCard {
            key: key(&t.id),
            title: t.title.clone(),
            status: if reached { CardStatus::Reached } else { CardStatus::NotReached },
            cases: (reached && cases > 0).then_some(cases),
            case_share: None,
            difference: difference(VolumeTarget::Touchpoint, &t.id).map(|d| mark(d, t.measurements.period.as_ref())),
        });
    }
    // Unplanned cards, most cases first (the comparison's order), into their stage.
    let shown = r.unplanned_activities.len().min(MAX_UNPLANNED_CARDS);
    for (n, a) in r.unplanned_activities.iter().take(shown).enumerate() {
        let at = a.stage_id.as_deref().and_then(|id| stages.iter().position(|s| s.id == id)).unwrap_or(0);
        if let Some(stage) = stages.get_mut(at) {
            stage.cards.push(BoardCard {
                key: format!("unplanned:{n}"),
                title: a.activity.clone(),
                status: CardStatus::Unplanned,
                cases: Some(a.cases),
                case_share: Some(a.case_share),
                difference: None,
            });
        }
    }
    // A finding of the comparison as a line: routes customers take that the plan lacks,
    // then planned routes no case took.
    let found = |f: &RouteFinding, kind: LineKind| BoardLine {
        from: key(&f.from_touchpoint_id),
        to: key(&f.to_touchpoint_id),
        from_title: f.from_title.clone(),
        to_title: f.to_title.clone(),
        kind,
        cases: f.cases,
        route_kind: f.kind,
        difference: None,
    };
    let mut lines: Vec<BoardLine> = r.unplanned_routes.iter().map(|f| found(f, LineKind::Unplanned)).collect();
    lines.extend(r.untaken_routes.iter().map(|f| found(f, LineKind::Untaken)));
    let untaken = |from: &str, to: &str| r.untaken_routes.iter().any(|f| f.from_touchpoint_id == from && f.to_touchpoint_id == to);
    let reached = |id: &str| !r.unreached_touchpoints.iter().any(|u| u.touchpoint_id == id);
    let mut plain = Vec::new();
    for route in &planned.routes {
        let (Some(a), Some(b)) = (planned.touchpoint(&route.from), planned.touchpoint(&route.to)) else { continue };
        if !reached(&a.id) || !reached(&b.id) || untaken(&a.id, &b.id) {
            continue;
        }
        let d = difference(VolumeTarget::Route, &route.id);
        let line = BoardLine {
            from: key(&a.id),
            to: key(&b.id),
            from_title: a.title.clone(),
            to_title: b.title.clone(),
            kind: if d.is_some() { LineKind::Differs } else { LineKind::Planned },
            cases: d.map(|d| d.actual as u64).unwrap_or(0),
            route_kind: Some(route.kind),
            difference: d.map(|d| mark(d, route.period.as_ref())),
        };
        if d.is_some() { lines.push(line) } else { plain.push(line) }
    }
    lines.extend(plain);
    Board { stages, lines, more_unplanned: r.unplanned_activities.len() - shown, cases: r.cases, period: r.period.clone() }
}

/// A card's box on the page, in pixels relative to the board.
pub use crate::editor::Rect;

/// How far from its start a line's number sits (in the gap beside the card it leaves).
pub const LABEL_OFFSET: f64 = 14.0;

/// The SVG path of a line from one card to another, and the point where its number sits
/// (just outside the card it leaves, [`LABEL_OFFSET`] along the line). Forward (the target further right): right edge → left edge; backward:
/// left edge → right edge; cards in one column: out of the right edges and back, so the
/// line never runs through the column's cards.
pub fn line_path(from: Rect, to: Rect) -> (String, (f64, f64)) {
    let (fy, ty) = (from.y + from.h / 2.0, to.y + to.h / 2.0);
    let (x1, c1, x2, c2);
    if to.x >= from.x + from.w {
        x1 = from.x + from.w;
        x2 = to.x;
        let dx = ((x2 - x1) / 2.0).max(24.0);
        (c1, c2) = (x1 + dx, x2 - dx);
    } else if to.x + to.w <= from.x {
        x1 = from.x;
        x2 = to.x + to.w;
        let dx = ((x1 - x2) / 2.0).max(24.0);
        (c1, c2) = (x1 - dx, x2 + dx);
    } else {
        x1 = from.x + from.w;
        x2 = to.x + to.w;
        let out = x1.max(x2) + 22.0 + (ty - fy).abs().min(200.0) / 10.0;
        (c1, c2) = (out, out);
    }
    let label = (x1 + LABEL_OFFSET * (c1 - x1).signum(), fy);
    (format!("M{x1:.1},{fy:.1} C{c1:.1},{fy:.1} {c2:.1},{ty:.1} {x2:.1},{ty:.1}"), label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{planned_vs_log, EventLog};
    use crate::model::{Channel, Lang};

    /// Plan: A (stage 1) → B (stage 2) → C (stage 3), planned volumes on A and on A → B.
    fn plan() -> JourneyMap {
        let mut m = JourneyMap::blank("p", "Plan", 0.0, Lang::En);
        let s: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let a = m.add_touchpoint(&s[0], "A", Channel::Website).unwrap();
        let b = m.add_touchpoint(&s[1], "B", Channel::Website).unwrap();
        let c = m.add_touchpoint(&s[2], "C", Channel::Website).unwrap();
        let d = m.add_touchpoint(&s[3], "D", Channel::Website).unwrap();
        m.add_route(&a, &b, RouteKind::Planned);
        m.add_route(&b, &c, RouteKind::Planned);
        m.add_route(&c, &d, RouteKind::Planned);
        m.touchpoint_mut(&a).unwrap().measurements.volume = Some(100.0);
        let ab = m.routes[0].id.clone();
        m.routes.iter_mut().find(|r| r.id == ab).unwrap().volume = Some(100.0);
        m
    }

    #[test]
    fn cards_lines_and_unplanned_stages_by_construction() {
        // Case 1: X, A, B, Y, C — X before any planned touchpoint (→ A's stage), Y after B.
        // Case 2: A, B, Y, C. Case 3: A, Y, C — Y after A once, and A → C is not planned.
        // Nobody reaches D; B → C is taken, C → D not (D unreached: no untaken line).
        let log = EventLog::from_events(&[
            ("1", "X", 0), ("1", "A", 1), ("1", "B", 2), ("1", "Y", 3), ("1", "C", 4),
            ("2", "A", 0), ("2", "B", 1), ("2", "Y", 2), ("2", "C", 3),
            ("3", "A", 0), ("3", "Y", 1), ("3", "C", 2),
        ]);
        let map = plan();
        let r = planned_vs_log(&map, &log);
        assert_eq!(r.touchpoint_cases, vec![3, 2, 3, 0]);
        let stage = |a: &str| r.unplanned_activities.iter().find(|u| u.activity == a).unwrap().stage_id.clone();
        assert_eq!(stage("Y"), Some(map.stages[1].id.clone()), "Y mostly follows B (2 of 3)");
        assert_eq!(stage("X"), Some(map.stages[0].id.clone()), "X before A goes to A's stage");
        let b = board(&map, &r);
        let titles = |i: usize| b.stages[i].cards.iter().map(|c| (c.title.as_str(), c.status)).collect::<Vec<_>>();
        assert_eq!(titles(0), [("A", CardStatus::Reached), ("X", CardStatus::Unplanned)]);
        assert_eq!(titles(1), [("B", CardStatus::Reached), ("Y", CardStatus::Unplanned)]);
        assert_eq!(titles(3), [("D", CardStatus::NotReached)]);
        assert_eq!(b.stages[0].cards[0].cases, Some(3));
        assert_eq!(b.stages[3].cards[0].cases, None, "not reached is not 0 cases");
        let a = &b.stages[0].cards[0];
        assert_eq!(a.difference.as_ref().map(|d| (d.planned, d.measured)), Some((100.0, 3.0)));
        // Steps: Y breaks case 1's and 2's B → C (a step through an unplanned activity is
        // no step), so B → C is planned and untaken; A → B taken twice and differing.
        let kinds: Vec<(&str, &str, LineKind, u64)> = b.lines.iter().map(|l| (l.from_title.as_str(), l.to_title.as_str(), l.kind, l.cases)).collect();
        assert_eq!(kinds, [("B", "C", LineKind::Untaken, 0), ("A", "B", LineKind::Differs, 2)]);
        assert_eq!(b.period.as_ref().map(|p| p.days()), Some(1));
    }

    #[test]
    fn unplanned_touchpoints_of_a_drafted_map_go_where_their_routes_come_from() {
        // As-is: A (stage 1) → X (stage 2) → B (stage 3), and Z alone in stage 5. The plan
        // has A and B; X comes from A (plan stage 1); Z has no route: same relative stage (5).
        let mut as_is = JourneyMap::blank("d", "As-is", 0.0, Lang::En);
        let s: Vec<String> = as_is.stages.iter().map(|s| s.id.clone()).collect();
        let a = as_is.add_touchpoint(&s[0], "A", Channel::Website).unwrap();
        let x = as_is.add_touchpoint(&s[1], "X", Channel::Website).unwrap();
        let b = as_is.add_touchpoint(&s[2], "B", Channel::Website).unwrap();
        as_is.add_touchpoint(&s[4], "Z", Channel::Website).unwrap();
        as_is.add_route(&a, &x, RouteKind::Planned);
        as_is.add_route(&x, &b, RouteKind::Planned);
        for t in &mut as_is.touchpoints {
            t.measurements.volume = Some(10.0);
        }
        let plan = plan();
        let r = crate::analytics::planned_vs_drafted(&plan, &as_is);
        let stage = |a: &str| r.unplanned_activities.iter().find(|u| u.activity == a).unwrap().stage_id.clone();
        assert_eq!(stage("X"), Some(plan.stages[0].id.clone()));
        assert_eq!(stage("Z"), Some(plan.stages[4].id.clone()));
        let b = board(&plan, &r);
        assert_eq!(b.stages[0].cards.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["A", "X"]);
        // C and D are not reached (the as-is map has neither); A → B is planned, and no
        // drafted route goes A → B directly: untaken.
        assert_eq!(b.lines.iter().filter(|l| l.kind == LineKind::Untaken).count(), 1);
    }

    #[test]
    fn lines_leave_and_enter_at_the_edges() {
        let a = Rect { x: 0.0, y: 0.0, w: 100.0, h: 40.0 };
        let b = Rect { x: 200.0, y: 100.0, w: 100.0, h: 40.0 };
        let (p, mid) = line_path(a, b);
        assert!(p.starts_with("M100.0,20.0 ") && p.ends_with(" 200.0,120.0"), "{p}");
        assert_eq!(mid, (114.0, 20.0), "the number beside the card it leaves");
        let (p, label) = line_path(b, a);
        assert!(p.starts_with("M200.0,120.0 ") && p.ends_with(" 100.0,20.0"), "{p}");
        assert_eq!(label, (186.0, 120.0));
        // One column: both ends on the right edge, the curve outside the column.
        let c = Rect { x: 0.0, y: 100.0, w: 100.0, h: 40.0 };
        let (p, mid) = line_path(a, c);
        assert!(p.starts_with("M100.0,20.0 ") && p.ends_with(" 100.0,120.0"), "{p}");
        assert_eq!(mid, (114.0, 20.0));
    }
}
