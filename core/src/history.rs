//! Undo and redo of map edits. Each entry is a whole map (maps are small, and a snapshot can
//! never be replayed wrongly); the stacks live beside the map, not inside it, so the
//! autosave writes the map only and undo survives every save.

use crate::model::JourneyMap;

/// At least the 100 steps the editor promises; old steps fall off the bottom.
pub const UNDO_LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<JourneyMap>,
    redo: Vec<JourneyMap>,
}

impl History {
    /// Records the state before an edit. A new edit clears the redo stack.
    pub fn record(&mut self, before: JourneyMap) {
        if self.undo.last() == Some(&before) {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Swaps `current` with the state before the last edit; false when there is none.
    pub fn undo(&mut self, current: &mut JourneyMap) -> bool {
        match self.undo.pop() {
            Some(previous) => {
                self.redo.push(std::mem::replace(current, previous));
                true
            }
            None => false,
        }
    }

    /// Re-applies the last undone edit; false when there is none.
    pub fn redo(&mut self, current: &mut JourneyMap) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(current, next));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The undo steps (oldest first) and redo steps (the next redo last), e.g. to hand the
    /// history from one wasm module of the app to another.
    pub fn steps(&self) -> (&[JourneyMap], &[JourneyMap]) {
        (&self.undo, &self.redo)
    }

    /// A history from [`History::steps`]; the undo steps keep the limit.
    pub fn from_steps(mut undo: Vec<JourneyMap>, redo: Vec<JourneyMap>) -> History {
        if undo.len() > UNDO_LIMIT {
            undo.drain(..undo.len() - UNDO_LIMIT);
        }
        History { undo, redo }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn edit(history: &mut History, map: &mut JourneyMap, name: &str) {
        history.record(map.clone());
        map.rename(name);
    }

    #[test]
    fn steps_round_trip_keeps_undo_and_redo() {
        let mut map = JourneyMap::blank("m", "v0", 0.0, Lang::En);
        let mut h = History::default();
        for i in 1..=3 {
            edit(&mut h, &mut map, &format!("v{i}"));
        }
        assert!(h.undo(&mut map));
        let (undo, redo) = h.steps();
        let mut copy = History::from_steps(undo.to_vec(), redo.to_vec());
        assert!(copy.redo(&mut map));
        assert_eq!(map.name, "v3");
        assert!(copy.undo(&mut map) && copy.undo(&mut map));
        assert_eq!(map.name, "v1");
    }

    #[test]
    fn undo_and_redo_walk_the_edits_back_and_forth() {
        let mut map = JourneyMap::blank("m", "v0", 0.0, Lang::En);
        let mut h = History::default();
        for i in 1..=5 {
            edit(&mut h, &mut map, &format!("v{i}"));
        }
        for expected in ["v4", "v3", "v2"] {
            assert!(h.undo(&mut map));
            assert_eq!(map.name, expected);
        }
        assert!(h.redo(&mut map));
        assert_eq!(map.name, "v3");
        edit(&mut h, &mut map, "branch");
        assert!(!h.can_redo(), "a new edit drops the redo stack");
        assert!(h.undo(&mut map));
        assert_eq!(map.name, "v3");
    }

    #[test]
    fn keeps_at_least_a_hundred_steps_and_never_loses_the_current_map() {
        let mut map = JourneyMap::blank("m", "v0", 0.0, Lang::En);
        let mut h = History::default();
        for i in 1..=(UNDO_LIMIT + 50) {
            edit(&mut h, &mut map, &format!("v{i}"));
        }
        let mut steps = 0;
        while h.undo(&mut map) {
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
        assert_eq!(map.name, "v50");
        assert!(!h.undo(&mut map));
        assert_eq!(map.name, "v50");
    }
}
