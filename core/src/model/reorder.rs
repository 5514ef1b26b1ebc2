//! Reordering on the map: stages move left and right, touchpoints move within a stage and
//! between stages. Pure methods, so drag-and-drop and the keyboard alternative in the editor
//! end in the same tested code.
//!
//! Touchpoints are stored in one list; only their order *within* a stage means anything,
//! so a move rearranges the list around the touchpoints of the target stage.

use super::JourneyMap;

/// A step for the keyboard alternative to drag-and-drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Earlier within the stage (a stage: to the left).
    Up,
    /// Later within the stage.
    Down,
    /// Into the previous stage (a stage: one column left).
    Left,
    /// Into the next stage.
    Right,
}

impl JourneyMap {
    /// Moves a touchpoint into `to_stage` at position `index` among that stage's touchpoints
    /// (counted without the moved one; past the end means last). False, and nothing
    /// changes, when the touchpoint or the stage does not exist.
    pub fn move_touchpoint(&mut self, tp_id: &str, to_stage: &str, index: usize) -> bool {
        if self.stage(to_stage).is_none() {
            return false;
        }
        let Some(from) = self.touchpoints.iter().position(|t| t.id == tp_id) else { return false };
        let mut tp = self.touchpoints.remove(from);
        tp.stage_id = to_stage.to_string();
        let in_stage: Vec<usize> =
            self.touchpoints.iter().enumerate().filter(|(_, t)| t.stage_id == to_stage).map(|(i, _)| i).collect();
        let at = match in_stage.get(index) {
            Some(&i) => i,
            None => in_stage.last().map_or(self.touchpoints.len(), |&i| i + 1),
        };
        self.touchpoints.insert(at, tp);
        true
    }

    /// Moves a touchpoint to just before `target` (into the target's stage): what dropping
    /// a dragged card onto another card does. False when either is missing or they are the
    /// same touchpoint.
    pub fn move_touchpoint_before(&mut self, tp_id: &str, target: &str) -> bool {
        if tp_id == target || self.touchpoint(tp_id).is_none() {
            return false;
        }
        let Some(stage) = self.touchpoint(target).map(|t| t.stage_id.clone()) else { return false };
        let index = self.touchpoints_in(&stage).filter(|t| t.id != tp_id).position(|t| t.id == target).unwrap_or(0);
        self.move_touchpoint(tp_id, &stage, index)
    }

    /// Moves a stage to position `index` (clamped to the last position). False when the
    /// stage does not exist.
    pub fn move_stage(&mut self, stage_id: &str, index: usize) -> bool {
        let Some(from) = self.stages.iter().position(|s| s.id == stage_id) else { return false };
        let stage = self.stages.remove(from);
        let at = index.min(self.stages.len());
        self.stages.insert(at, stage);
        true
    }

    /// One keyboard step for a touchpoint: up/down within its stage, left/right to the same
    /// position in the neighbouring stage. False at the edge (nothing changes).
    pub fn step_touchpoint(&mut self, tp_id: &str, step: Step) -> bool {
        let Some(tp) = self.touchpoint(tp_id) else { return false };
        let stage_id = tp.stage_id.clone();
        let Some(col) = self.stages.iter().position(|s| s.id == stage_id) else { return false };
        let pos = self.touchpoints_in(&stage_id).position(|t| t.id == tp_id).unwrap_or(0);
        let count = self.touchpoints_in(&stage_id).count();
        let target = match step {
            Step::Up if pos > 0 => (col, pos - 1),
            Step::Down if pos + 1 < count => (col, pos + 1),
            Step::Left if col > 0 => (col - 1, pos),
            Step::Right if col + 1 < self.stages.len() => (col + 1, pos),
            _ => return false,
        };
        let to_stage = self.stages[target.0].id.clone();
        self.move_touchpoint(tp_id, &to_stage, target.1)
    }

    /// One keyboard step for a stage: left/up one column earlier, right/down one later.
    /// False at the edge.
    pub fn step_stage(&mut self, stage_id: &str, step: Step) -> bool {
        let Some(col) = self.stages.iter().position(|s| s.id == stage_id) else { return false };
        let to = match step {
            Step::Left | Step::Up if col > 0 => col - 1,
            Step::Right | Step::Down if col + 1 < self.stages.len() => col + 1,
            _ => return false,
        };
        self.move_stage(stage_id, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};

    fn map() -> (JourneyMap, Vec<String>, Vec<String>) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let mut t = Vec::new();
        for (stage, title) in [(0, "a"), (0, "b"), (0, "c"), (1, "d")] {
            t.push(m.add_touchpoint(&s[stage], title, Channel::App).unwrap());
        }
        (m, s, t)
    }

    fn titles(m: &JourneyMap, stage: &str) -> Vec<String> {
        m.touchpoints_in(stage).map(|t| t.title.clone()).collect()
    }

    #[test]
    fn moves_within_a_stage() {
        let (mut m, s, t) = map();
        assert!(m.move_touchpoint(&t[2], &s[0], 0));
        assert_eq!(titles(&m, &s[0]), ["c", "a", "b"]);
        assert!(m.move_touchpoint(&t[2], &s[0], 99));
        assert_eq!(titles(&m, &s[0]), ["a", "b", "c"]);
        assert!(m.move_touchpoint(&t[0], &s[0], 1));
        assert_eq!(titles(&m, &s[0]), ["b", "a", "c"]);
    }

    #[test]
    fn moves_between_stages_and_into_empty_ones() {
        let (mut m, s, t) = map();
        assert!(m.move_touchpoint(&t[1], &s[1], 0));
        assert_eq!(titles(&m, &s[0]), ["a", "c"]);
        assert_eq!(titles(&m, &s[1]), ["b", "d"]);
        assert!(m.move_touchpoint(&t[0], &s[4], 0));
        assert_eq!(titles(&m, &s[4]), ["a"]);
        assert_eq!(m.touchpoint(&t[0]).unwrap().stage_id, s[4]);
    }

    #[test]
    fn dropping_onto_a_card_puts_the_dragged_one_before_it() {
        let (mut m, s, t) = map();
        assert!(m.move_touchpoint_before(&t[0], &t[2]));
        assert_eq!(titles(&m, &s[0]), ["b", "a", "c"]);
        assert!(m.move_touchpoint_before(&t[2], &t[3]));
        assert_eq!(titles(&m, &s[1]), ["c", "d"]);
        assert!(!m.move_touchpoint_before(&t[1], &t[1]));
        assert!(!m.move_touchpoint_before(&t[1], "nope"));
    }

    #[test]
    fn unknown_ids_change_nothing() {
        let (mut m, s, t) = map();
        let before = m.clone();
        assert!(!m.move_touchpoint("nope", &s[0], 0));
        assert!(!m.move_touchpoint(&t[0], "nope", 0));
        assert!(!m.move_stage("nope", 0));
        assert_eq!(m, before);
    }

    #[test]
    fn stages_move_and_keep_their_touchpoints() {
        let (mut m, s, _) = map();
        assert!(m.move_stage(&s[0], 2));
        let order: Vec<&str> = m.stages.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(order, [s[1].as_str(), s[2].as_str(), s[0].as_str(), s[3].as_str(), s[4].as_str()]);
        assert!(m.move_stage(&s[4], 99));
        assert_eq!(m.stages.last().unwrap().id, s[4]);
        assert_eq!(titles(&m, &s[0]), ["a", "b", "c"]);
    }

    #[test]
    fn keyboard_steps_stop_at_the_edges() {
        let (mut m, s, t) = map();
        assert!(!m.step_touchpoint(&t[0], Step::Up));
        assert!(!m.step_touchpoint(&t[0], Step::Left));
        assert!(m.step_touchpoint(&t[0], Step::Down));
        assert_eq!(titles(&m, &s[0]), ["b", "a", "c"]);
        assert!(m.step_touchpoint(&t[0], Step::Right));
        assert_eq!(titles(&m, &s[1]), ["d", "a"]);
        assert!(m.step_stage(&s[0], Step::Right));
        assert_eq!(m.stages[1].id, s[0]);
        assert!(!m.step_stage(&s[4], Step::Right));
        assert!(!m.step_stage(&s[1], Step::Left));
    }
}
