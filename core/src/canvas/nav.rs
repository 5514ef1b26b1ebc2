//! Keyboard on the canvas: the arrow keys move the selection between cards and stage
//! headers as they are drawn (cards left to right across stages, a stage header above its
//! cards), and Alt+←/→ moves the selected card along that row — into the neighbouring
//! stage at a stage's edge — so a card can be placed anywhere without a mouse.

use crate::model::JourneyMap;

use super::layout::CanvasLayout;

/// What is selected on the canvas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Stage(String),
    Touchpoint(String),
}

/// A navigation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Left,
    Right,
    Up,
    Down,
    /// The first card (or stage, when a stage is selected).
    First,
    /// The last card (or stage).
    Last,
}

impl Move {
    /// The move for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowLeft" => Move::Left,
            "ArrowRight" => Move::Right,
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

/// Where the selection goes from `from` with `key`. Nothing selected (or a selection that
/// is no longer shown) starts at the first card, or the first stage of a map without cards.
/// At an edge the selection stays. `None` only for a map without stages.
pub fn navigate(layout: &CanvasLayout, from: Option<&Selection>, key: Move) -> Option<Selection> {
    let cards: Vec<&str> = layout.touchpoint_ids().collect();
    let stage_at = |i: usize| layout.stages.get(i).map(|s| Selection::Stage(s.id.clone()));
    let card = |id: &str| Selection::Touchpoint(id.to_string());
    let start = || cards.first().map(|id| card(id)).or_else(|| stage_at(0));
    match from {
        Some(Selection::Touchpoint(id)) => {
            let Some(i) = cards.iter().position(|c| c == id) else { return start() };
            let stage = layout.column_of(id).map(|c| layout.columns[c].stage).unwrap_or(0);
            Some(match key {
                Move::Left => card(cards[i.saturating_sub(1)]),
                Move::Right => card(cards[(i + 1).min(cards.len() - 1)]),
                Move::Up => return stage_at(stage),
                Move::Down => card(id),
                Move::First => card(cards[0]),
                Move::Last => card(cards[cards.len() - 1]),
            })
        }
        Some(Selection::Stage(id)) => {
            let Some(i) = layout.stages.iter().position(|s| s.id == *id) else { return start() };
            let last = layout.stages.len() - 1;
            match key {
                Move::Left => stage_at(i.saturating_sub(1)),
                Move::Right => stage_at((i + 1).min(last)),
                Move::Up => stage_at(i),
                Move::Down => layout.touchpoints_of(i).next().map(card).or_else(|| stage_at(i)),
                Move::First => stage_at(0),
                Move::Last => stage_at(last),
            }
        }
        None => start(),
    }
}

/// Moves a card one place along the row: within its stage, and past the stage's first or
/// last card into the end or start of the neighbouring stage. False at the ends of the map
/// (nothing changes) or for an unknown card. `Up`/`Down` are not moves along the row.
pub fn move_along_row(map: &mut JourneyMap, tp_id: &str, key: Move) -> bool {
    let Some(stage_id) = map.touchpoint(tp_id).map(|t| t.stage_id.clone()) else { return false };
    let Some(col) = map.stages.iter().position(|s| s.id == stage_id) else { return false };
    let ids: Vec<String> = map.touchpoints_in(&stage_id).map(|t| t.id.clone()).collect();
    let pos = ids.iter().position(|t| t == tp_id).unwrap_or(0);
    let (to_stage, index) = match key {
        Move::Left if pos > 0 => (col, pos - 1),
        Move::Left if col > 0 => (col - 1, usize::MAX),
        Move::Right if pos + 1 < ids.len() => (col, pos + 1),
        Move::Right if col + 1 < map.stages.len() => (col + 1, 0),
        _ => return false,
    };
    let to = map.stages[to_stage].id.clone();
    map.move_touchpoint(tp_id, &to, index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::canvas_layout;
    use crate::model::{Channel, Lang};

    /// Stages: [a b] [] [c]; returns the map, stage ids and card ids.
    fn map() -> (JourneyMap, Vec<String>, Vec<String>) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        m.stages.truncate(3);
        let s: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let t = [(0, "a"), (0, "b"), (2, "c")]
            .iter()
            .map(|(st, title)| m.add_touchpoint(&s[*st], title, Channel::App).unwrap())
            .collect();
        (m, s, t)
    }

    fn walk(m: &JourneyMap, from: Option<Selection>, keys: &[Move]) -> Option<Selection> {
        let l = canvas_layout(m, None, Lang::En);
        keys.iter().fold(from, |sel, k| navigate(&l, sel.as_ref(), *k))
    }

    #[test]
    fn arrows_walk_cards_across_stages_and_up_to_headers() {
        let (m, s, t) = map();
        let tp = |i: usize| Some(Selection::Touchpoint(t[i].clone()));
        let st = |i: usize| Some(Selection::Stage(s[i].clone()));
        assert_eq!(walk(&m, None, &[Move::Right]), tp(0), "nothing selected: the first card");
        assert_eq!(walk(&m, tp(0), &[Move::Right, Move::Right]), tp(2), "b, then c across the empty stage");
        assert_eq!(walk(&m, tp(2), &[Move::Right]), tp(2), "stays at the end");
        assert_eq!(walk(&m, tp(0), &[Move::Left]), tp(0), "stays at the start");
        assert_eq!(walk(&m, tp(1), &[Move::Up]), st(0), "up to its stage");
        assert_eq!(walk(&m, st(0), &[Move::Right, Move::Down]), st(1), "an empty stage keeps the selection");
        assert_eq!(walk(&m, st(1), &[Move::Right, Move::Down]), tp(2));
        assert_eq!(walk(&m, tp(1), &[Move::First]), tp(0));
        assert_eq!(walk(&m, st(0), &[Move::Last]), st(2));
        assert_eq!(walk(&m, Some(Selection::Touchpoint("gone".into())), &[Move::Left]), tp(0));
    }

    #[test]
    fn a_map_without_cards_starts_at_the_first_stage_and_one_without_stages_selects_nothing() {
        let m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        assert_eq!(walk(&m, None, &[Move::Down]), Some(Selection::Stage(m.stages[0].id.clone())));
        let empty = JourneyMap::empty("e", "E", 0.0);
        assert_eq!(walk(&empty, None, &[Move::Right]), None);
    }

    #[test]
    fn alt_arrows_move_a_card_along_the_row_into_neighbouring_stages() {
        let (mut m, s, t) = map();
        let titles = |m: &JourneyMap, i: usize| m.touchpoints_in(&s[i]).map(|t| t.title.clone()).collect::<Vec<_>>();
        assert!(!move_along_row(&mut m, &t[0], Move::Left), "first card of the map");
        assert!(move_along_row(&mut m, &t[0], Move::Right));
        assert_eq!(titles(&m, 0), ["b", "a"]);
        assert!(move_along_row(&mut m, &t[0], Move::Right), "past the stage's end: into the next stage");
        assert_eq!((titles(&m, 0), titles(&m, 1)), (vec!["b".to_string()], vec!["a".to_string()]));
        assert!(move_along_row(&mut m, &t[0], Move::Right));
        assert_eq!(titles(&m, 2), ["a", "c"], "at the start of the next stage");
        assert!(move_along_row(&mut m, &t[0], Move::Left));
        assert_eq!(titles(&m, 1), ["a"], "back at the end of the previous stage");
        assert!(move_along_row(&mut m, &t[2], Move::Right) == false);
        assert!(!move_along_row(&mut m, &t[2], Move::Up));
        assert!(!move_along_row(&mut m, "nope", Move::Left));
        assert_eq!(m.touchpoints.len(), 3);
    }
}
