//! Which touchpoint of a journey map each log activity stands for: the touchpoint whose
//! `event_key` equals the activity name, else the one whose title does (both compared
//! case-insensitively, ignoring surrounding spaces). An event key wins over a title.

use crate::model::JourneyMap;

use super::event_log::EventLog;

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityMapping {
    /// Per activity id, the index into `map.touchpoints`, if any.
    pub touchpoint_of: Vec<Option<usize>>,
}

impl ActivityMapping {
    pub fn new(log: &EventLog, map: &JourneyMap) -> ActivityMapping {
        let norm = |s: &str| s.trim().to_lowercase();
        let keys: Vec<Option<String>> = map.touchpoints.iter().map(|t| t.event_key.as_deref().map(norm)).collect();
        let titles: Vec<String> = map.touchpoints.iter().map(|t| norm(&t.title)).collect();
        let touchpoint_of = log
            .activity_names
            .iter()
            .map(|a| {
                let a = norm(a);
                keys.iter()
                    .position(|k| k.as_deref() == Some(a.as_str()))
                    .or_else(|| titles.iter().position(|t| *t == a))
            })
            .collect();
        ActivityMapping { touchpoint_of }
    }

    #[inline]
    pub fn of(&self, activity: u32) -> Option<usize> {
        self.touchpoint_of.get(activity as usize).copied().flatten()
    }
}
