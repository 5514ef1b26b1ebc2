//! Improvement priority per touchpoint and the ranked "where to act first" list.
//!
//! `priority = importance × (100 − score) × volume share`, range 0..=500. Only touchpoints
//! with a score are ranked (without a score there is no gap). Volume shares follow the same
//! all-or-nothing rule as stage scores: they are used when every ranked touchpoint has a
//! volume, otherwise each gets the equal share 1/n. A missing importance counts as 3, the
//! middle of the scale, and the entry says it was assumed.

use std::collections::HashMap;

use serde::Serialize;

use super::stage::{shares, Weighting};
use super::touchpoint::TouchpointResult;
use crate::model::JourneyMap;

/// Importance used when none is entered: the middle of 1..=5.
pub const ASSUMED_IMPORTANCE: f64 = 3.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityEntry {
    /// 1 = act here first.
    pub rank: usize,
    pub touchpoint_id: String,
    pub priority: f64,
    pub importance: f64,
    pub importance_assumed: bool,
    /// 100 − touchpoint score.
    pub gap: f64,
    pub volume_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityList {
    /// Highest priority first.
    pub entries: Vec<PriorityEntry>,
    pub volume_weighting: Weighting,
}

/// Ranks every scored touchpoint. Ties are broken by stage order, then by touchpoint id, so
/// that the order on the board never changes the ranking.
pub fn priorities(map: &JourneyMap, results: &[TouchpointResult]) -> PriorityList {
    let scores: HashMap<&str, f64> = results
        .iter()
        .filter_map(|r| r.score.as_ref().map(|s| (r.touchpoint_id.as_str(), s.value)))
        .collect();
    let ranked: Vec<_> = map.touchpoints.iter().filter_map(|t| scores.get(t.id.as_str()).map(|v| (t, *v))).collect();
    let volumes: Vec<Option<f64>> = ranked.iter().map(|(t, _)| t.measurements.volume).collect();
    let (share, volume_weighting) = shares(&volumes);

    let stage_index = |stage_id: &str| map.stages.iter().position(|s| s.id == stage_id).unwrap_or(usize::MAX);
    let mut entries: Vec<(usize, PriorityEntry)> = ranked
        .iter()
        .zip(share)
        .map(|((t, value), volume_share)| {
            let given = t.importance.filter(|i| (1..=5).contains(i)).map(f64::from);
            let importance = given.unwrap_or(ASSUMED_IMPORTANCE);
            let gap = 100.0 - value;
            let entry = PriorityEntry {
                rank: 0,
                touchpoint_id: t.id.clone(),
                priority: importance * gap * volume_share,
                importance,
                importance_assumed: given.is_none(),
                gap,
                volume_share,
            };
            (stage_index(&t.stage_id), entry)
        })
        .collect();
    entries.sort_by(|(sa, a), (sb, b)| {
        b.priority
            .total_cmp(&a.priority)
            .then(sa.cmp(sb))
            .then_with(|| a.touchpoint_id.cmp(&b.touchpoint_id))
    });
    let entries = entries
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.rank = i + 1;
            e
        })
        .collect();
    PriorityList { entries, volume_weighting }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};
    use crate::score::{score_touchpoint, ScoreWeights};

    #[test]
    fn important_busy_weak_touchpoints_come_first() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let weak = m.add_touchpoint(&s, "weak but rare", Channel::App).unwrap();
        let busy = m.add_touchpoint(&s, "ok and busy", Channel::App).unwrap();
        let none = m.add_touchpoint(&s, "no inputs", Channel::App).unwrap();
        for (id, emotion, volume) in [(&weak, -2, 10.0), (&busy, 0, 990.0)] {
            let t = m.touchpoint_mut(id).unwrap();
            t.set_emotion(Some(emotion));
            t.measurements.volume = Some(volume);
        }
        m.touchpoint_mut(&busy).unwrap().importance = Some(4);
        let results: Vec<_> = m.touchpoints.iter().map(|t| score_touchpoint(t, &ScoreWeights::default())).collect();
        let list = priorities(&m, &results);
        assert_eq!(list.volume_weighting, Weighting::Volume);
        let order: Vec<&str> = list.entries.iter().map(|e| e.touchpoint_id.as_str()).collect();
        assert_eq!(order, vec![busy.as_str(), weak.as_str()]);
        assert!(!order.contains(&none.as_str()));
        let first = &list.entries[0];
        // emotion 0 = 50 points; importance 4 → m = 1.1 → score 45, gap 55; share 0.99.
        assert!((first.priority - 4.0 * 55.0 * 0.99).abs() < 1e-9, "{}", first.priority);
        assert!(!first.importance_assumed);
        assert!(list.entries[1].importance_assumed);
        assert_eq!((list.entries[0].rank, list.entries[1].rank), (1, 2));
    }
}
