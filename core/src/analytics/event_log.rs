//! An imported event log in columnar form: one vector per attribute, strings replaced by
//! dense ids, events sorted by (case, timestamp, file row). Every metric walks these
//! vectors case by case without allocating per event.

use crate::side_by_side::{side_by_side, WORTH_A_THREAD};

/// Marks "no value" in the optional id columns (channel, resource).
pub const NONE_ID: u32 = u32::MAX;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventLog {
    /// Activity names, indexed by activity id.
    pub activity_names: Vec<String>,
    /// Case ids as written in the file, indexed by case id (in order of first appearance).
    pub case_names: Vec<String>,
    /// Channel names, indexed by channel id (empty if no channel column was mapped).
    pub channel_names: Vec<String>,
    /// Resource names, indexed by resource id.
    pub resource_names: Vec<String>,
    /// Per event, sorted by (case, time, row): the case id.
    pub case: Vec<u32>,
    pub activity: Vec<u32>,
    /// Milliseconds since the epoch.
    pub time_ms: Vec<i64>,
    /// Channel id or [`NONE_ID`].
    pub channel: Vec<u32>,
    /// Resource id or [`NONE_ID`]; empty when no resource column was mapped (nothing
    /// reads it yet, so an unmapped one is not filled with 4 MB of `NONE_ID` per million
    /// events — a future reader treats an empty column as "no resource").
    pub resource: Vec<u32>,
    /// Rating given at the event, when a rating column was mapped and the cell is a number.
    /// Empty when no rating column was mapped (no 8 MB of `None` per million events):
    /// readers treat an empty column as "no event has a rating".
    pub rating: Vec<Option<f32>>,
    /// Line number in the file (1-based, header is line 1).
    pub line: Vec<u32>,
    /// Events of case `c` are `case_start[c]..case_start[c + 1]`; length is cases + 1.
    pub case_start: Vec<u32>,
    /// Events whose timestamp equals the previous event's in the same case; their order
    /// came from the file row order.
    pub timestamp_ties: u64,
}

impl EventLog {
    pub fn event_count(&self) -> usize {
        self.activity.len()
    }

    pub fn case_count(&self) -> usize {
        self.case_start.len().saturating_sub(1)
    }

    /// Index range of the events of case `c`.
    #[inline]
    pub fn case_range(&self, c: usize) -> std::ops::Range<usize> {
        self.case_start[c] as usize..self.case_start[c + 1] as usize
    }

    /// The activity ids of case `c`, in order.
    #[inline]
    pub fn trace(&self, c: usize) -> &[u32] {
        &self.activity[self.case_range(c)]
    }

    /// First and last timestamp over all events, `None` for an empty log.
    pub fn time_span_ms(&self) -> Option<(i64, i64)> {
        let min = *self.time_ms.iter().min()?;
        let max = *self.time_ms.iter().max()?;
        Some((min, max))
    }

    /// The id of an activity by exact name.
    pub fn activity_id(&self, name: &str) -> Option<u32> {
        self.activity_names.iter().position(|a| a == name).map(|i| i as u32)
    }

    /// An empty log with room for `n` events in the columns that will be filled.
    pub(crate) fn with_capacity(n: usize, channel: bool, resource: bool, rating: bool) -> EventLog {
        let opt = |on: bool| if on { n } else { 0 };
        EventLog {
            case: Vec::with_capacity(n),
            activity: Vec::with_capacity(n),
            time_ms: Vec::with_capacity(n),
            line: Vec::with_capacity(n),
            channel: Vec::with_capacity(opt(channel)),
            resource: Vec::with_capacity(opt(resource)),
            rating: Vec::with_capacity(opt(rating)),
            ..EventLog::default()
        }
    }

    /// Builds a sorted log from events in file order. `case`, `activity`, `time_ms` and
    /// `line` must have equal length; the optional columns too, or be empty (absent). Case ids must be dense `0..case_names.len()`.
    ///
    /// A case name without any event is dropped (and the case ids renumbered): every case
    /// of a log has at least one event, which drop-off, deviation and throughput rely on.
    pub(crate) fn from_file_order(mut raw: EventLog) -> EventLog {
        let n = raw.case.len();
        // Counting sort by case keeps file order within a case (stable) in O(n).
        let mut start = vec![0u32; raw.case_names.len() + 1];
        for &c in &raw.case {
            start[c as usize + 1] += 1;
        }
        if start[1..].contains(&0) {
            drop_empty_cases(&mut raw, &mut start);
        }
        let cases = raw.case_names.len();
        for c in 0..cases {
            start[c + 1] += start[c];
        }
        // A pass in file order writes each event's values straight to its slot (stable
        // within a case): no order array and no random-read gather per column, which cost
        // a cache miss per event and column. Time and activity in one pass, line and
        // channel (and the rarely mapped columns) in others: for a big log natively on two
        // cores at once; else one after the other, and then each pass's source columns are
        // freed before the next one's outputs are allocated, so the run touches fewer fresh
        // pages (a page fault and a zeroed page each).
        let (time_src, activity_src) = (std::mem::take(&mut raw.time_ms), std::mem::take(&mut raw.activity));
        let (line_src, channel_src) = (std::mem::take(&mut raw.line), std::mem::take(&mut raw.channel));
        let (rating_src, resource_src) = (std::mem::take(&mut raw.rating), std::mem::take(&mut raw.resource));
        let (file_case, start_ref) = (&raw.case, &start);
        let slots = move || file_case.iter().scan(start_ref.clone(), |next, &c| {
            let slot = &mut next[c as usize];
            *slot += 1;
            Some(*slot as usize - 1)
        });
        let ((mut time_ms, mut activity), (mut line, mut channel, mut rating, mut resource)) = side_by_side(
            n >= WORTH_A_THREAD,
            move || {
                let (mut time, mut activity) = (vec![0i64; n], vec![0u32; n]);
                for (i, k) in slots().enumerate() {
                    time[k] = time_src[i];
                    activity[k] = activity_src[i];
                }
                (time, activity)
            },
            move || {
                // Unmapped optional columns arrive empty and are filled rather than permuted.
                let mut line = vec![0u32; n];
                let has_channel = !channel_src.is_empty();
                let mut channel = vec![if has_channel { 0 } else { NONE_ID }; n];
                for (i, k) in slots().enumerate() {
                    line[k] = line_src[i];
                    if has_channel {
                        channel[k] = channel_src[i];
                    }
                }
                drop((line_src, channel_src));
                // The rarely mapped columns get a pass of their own. An unmapped resource
                // or rating column stays empty (see the fields' docs).
                let mut rating = vec![None; if rating_src.is_empty() { 0 } else { n }];
                let mut resource = vec![0u32; resource_src.len()];
                if !rating.is_empty() || !resource.is_empty() {
                    for (i, k) in slots().enumerate() {
                        if let Some(x) = rating.get_mut(k) {
                            *x = rating_src[i];
                        }
                        if let Some(x) = resource.get_mut(k) {
                            *x = resource_src[i];
                        }
                    }
                }
                (line, channel, rating, resource)
            },
        );
        // Within a case, sort by time with ties in file order (stable). Most logs are
        // already in time order per case, so check first; the ties are counted on the way.
        let mut timestamp_ties = 0u64;
        for c in 0..cases {
            let r = start[c] as usize..start[c + 1] as usize;
            let (mut sorted, mut ties) = (true, 0u64);
            for w in time_ms[r.clone()].windows(2) {
                sorted &= w[0] <= w[1];
                ties += (w[0] == w[1]) as u64;
            }
            if !sorted {
                let mut idx: Vec<usize> = r.clone().collect();
                idx.sort_by_key(|&k| time_ms[k]);
                permute(&mut time_ms, &idx, r.start);
                permute(&mut activity, &idx, r.start);
                permute(&mut line, &idx, r.start);
                permute(&mut channel, &idx, r.start);
                permute(&mut resource, &idx, r.start);
                permute(&mut rating, &idx, r.start);
                ties = time_ms[r].windows(2).filter(|w| w[0] == w[1]).count() as u64;
            }
            timestamp_ties += ties;
        }
        // The case column is known from the bucket bounds; it reuses the file-order buffer.
        let mut case = std::mem::take(&mut raw.case);
        case.clear();
        for c in 0..cases {
            case.resize(start[c + 1] as usize, c as u32);
        }
        EventLog {
            case,
            activity,
            time_ms,
            channel,
            resource,
            rating,
            line,
            case_start: start,
            timestamp_ties,
            ..raw
        }
    }

    /// A log from `(case, activity, time_ms)` triples in file order; for tests and for
    /// callers that already hold events in memory.
    pub fn from_events<C: AsRef<str>, A: AsRef<str>>(events: &[(C, A, i64)]) -> EventLog {
        let mut cases = super::interner::Interner::new();
        let mut acts = super::interner::Interner::new();
        let mut raw = EventLog::default();
        for (i, (c, a, t)) in events.iter().enumerate() {
            raw.case.push(cases.intern(c.as_ref().as_bytes()).unwrap_or(0));
            raw.activity.push(acts.intern(a.as_ref().as_bytes()).unwrap_or(0));
            raw.time_ms.push(*t);
            raw.line.push(i as u32 + 2);
        }
        raw.case_names = cases.into_names();
        raw.activity_names = acts.into_names();
        EventLog::from_file_order(raw)
    }
}

/// Puts `v[idx[j]]` at `from + j` for every `j` (an empty, unmapped column stays empty).
fn permute<T: Copy>(v: &mut [T], idx: &[usize], from: usize) {
    if v.is_empty() {
        return;
    }
    let moved: Vec<T> = idx.iter().map(|&k| v[k]).collect();
    v[from..from + idx.len()].copy_from_slice(&moved);
}

/// Removes the case names that have no event (`counts[c + 1] == 0`) and renumbers the
/// case column so the ids stay dense.
fn drop_empty_cases(raw: &mut EventLog, counts: &mut Vec<u32>) {
    let mut new_id = vec![u32::MAX; raw.case_names.len()];
    let mut names = Vec::with_capacity(raw.case_names.len());
    let mut kept = vec![0u32];
    for (c, name) in std::mem::take(&mut raw.case_names).into_iter().enumerate() {
        if counts[c + 1] > 0 {
            new_id[c] = names.len() as u32;
            names.push(name);
            kept.push(counts[c + 1]);
        }
    }
    for c in raw.case.iter_mut() {
        *c = new_id[*c as usize];
    }
    raw.case_names = names;
    *counts = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_by_case_then_time_with_ties_in_file_order() {
        let log = EventLog::from_events(&[
            ("c2", "x", 50),
            ("c1", "b", 20),
            ("c1", "a", 10),
            ("c2", "y", 50),
            ("c1", "c", 20),
        ]);
        assert_eq!(log.case_names, vec!["c2", "c1"]);
        let names = |c| log.trace(c).iter().map(|&a| log.activity_names[a as usize].as_str()).collect::<Vec<_>>();
        assert_eq!(names(0), vec!["x", "y"]);
        assert_eq!(names(1), vec!["a", "b", "c"]);
        assert_eq!(log.timestamp_ties, 2);
        assert_eq!(log.line[log.case_range(1)].to_vec(), vec![4, 3, 6]);
    }

    #[test]
    fn a_case_name_without_events_is_not_a_case() {
        let raw = EventLog {
            case_names: vec!["empty".into(), "a".into(), "also empty".into(), "b".into()],
            activity_names: vec!["x".into()],
            case: vec![3, 1, 3],
            activity: vec![0, 0, 0],
            time_ms: vec![5, 1, 2],
            line: vec![2, 3, 4],
            ..EventLog::default()
        };
        let log = EventLog::from_file_order(raw);
        assert_eq!(log.case_names, vec!["a", "b"]);
        assert_eq!(log.case_start, vec![0, 1, 3]);
        assert_eq!(log.case, vec![0, 1, 1]);
        assert_eq!(log.time_ms, vec![1, 2, 5]);
    }
}
