//! Step 2 of the draft: which activities become touchpoints. Activities are ranked by the
//! cases that contain them (then events, then name); the first ⌈share × n⌉ are kept, at
//! least one and at most [`MAX_TOUCHPOINTS`]. Goal activities are always kept (without
//! them no main route and no drop-off). The rest are listed, not lost.

use super::observe::Observed;
use super::{DraftOptions, MAX_TOUCHPOINTS};

pub(crate) struct Kept {
    /// Kept activity ids (log ids), in rank order.
    pub ids: Vec<u32>,
    /// Per log activity id: its index in `ids`.
    pub index_of: Vec<Option<usize>>,
    /// Activity ids left off, in rank order.
    pub dropped: Vec<u32>,
    /// True when [`MAX_TOUCHPOINTS`] cut more than the share asked for.
    pub capped: bool,
}

pub(crate) fn select(obs: &Observed, opts: &DraftOptions) -> Kept {
    let n = obs.names.len();
    let mut rank: Vec<u32> = (0..n as u32).filter(|&a| obs.events[a as usize] > 0).collect();
    rank.sort_by(|&x, &y| {
        let (x, y) = (x as usize, y as usize);
        obs.cases[y].cmp(&obs.cases[x]).then(obs.events[y].cmp(&obs.events[x])).then_with(|| obs.names[x].cmp(&obs.names[y]))
    });
    let share = if opts.activity_share.is_finite() { opts.activity_share.clamp(0.0, 1.0) } else { 1.0 };
    let wanted = ((share * rank.len() as f64).ceil() as usize).max(1).min(rank.len());
    let goals_outside = rank[wanted.min(rank.len())..].iter().filter(|&&a| obs.is_goal(a)).count();
    let limit = MAX_TOUCHPOINTS.saturating_sub(goals_outside.min(MAX_TOUCHPOINTS / 2));
    let take = wanted.min(limit);
    let capped = take < wanted;
    let mut ids: Vec<u32> = Vec::with_capacity(take + goals_outside);
    let mut dropped = Vec::new();
    for (i, &a) in rank.iter().enumerate() {
        if i < take || (obs.is_goal(a) && ids.len() < MAX_TOUCHPOINTS) {
            ids.push(a);
        } else {
            dropped.push(a);
        }
    }
    let mut index_of = vec![None; n];
    for (k, &a) in ids.iter().enumerate() {
        index_of[a as usize] = Some(k);
    }
    Kept { ids, index_of, dropped, capped }
}
