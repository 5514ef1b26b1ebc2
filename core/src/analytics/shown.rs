//! How much of a log's long lists reaches the page. An activity column holding an order
//! number or a page address gives hundreds of thousands of distinct "activities"; the
//! worker still measures all of them, but the page receives only the
//! [`SHOWN_ACTIVITIES`] most frequent entries of each list (activities, pairs, unmatched
//! names) and a summary of the rest, so a reply stays a few megabytes at most and the
//! page's tables stay small. `session/bounds.rs` cuts the replies; the import check warns
//! (`sanity::ImportWarning::TooManyActivities`).

use serde::{Deserialize, Serialize};

/// Entries of one list sent to the page. A journey has tens of steps; a few thousand
/// still show a detailed but mistaken mapping in full.
pub const SHOWN_ACTIVITIES: usize = 2_000;

/// What a cut list left out: how many entries, their events together and the most
/// events any one of them has ("199,000 more, each in at most 1 event").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omitted {
    pub count: u64,
    pub events: u64,
    pub max_events: u64,
}

impl Omitted {
    pub fn is_none(&self) -> bool {
        self.count == 0
    }
}

/// Keeps the first `limit` entries of `list` (sorted most frequent first by the caller)
/// and says what was left out, counting `events` of each entry.
pub fn cut<T>(list: &mut Vec<T>, limit: usize, events: impl Fn(&T) -> u64) -> Omitted {
    if list.len() <= limit {
        return Omitted::default();
    }
    let rest = list.split_off(limit);
    Omitted {
        count: rest.len() as u64,
        events: rest.iter().map(&events).sum(),
        max_events: rest.iter().map(&events).max().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_keeps_the_first_entries_and_sums_the_rest() {
        let mut v: Vec<u64> = vec![9, 5, 3, 2, 2, 1];
        assert_eq!(cut(&mut v, 3, |x| *x), Omitted { count: 3, events: 5, max_events: 2 });
        assert_eq!(v, vec![9, 5, 3]);
        assert!(cut(&mut v, 3, |x| *x).is_none());
    }
}
