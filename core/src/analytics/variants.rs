//! Variants: distinct activity sequences, with how many cases follow each and the share
//! of cases they cover. The report keeps the most frequent `top_k`.

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::fast_hash::{new_map, FastMap};
use super::volumes::share;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub activities: Vec<String>,
    pub cases: u64,
    /// `cases` / all cases.
    pub coverage: f64,
    /// Coverage of this and all more frequent variants.
    pub cumulative_coverage: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantsReport {
    /// Number of distinct variants.
    pub count: u64,
    /// Most frequent first; ties by first appearance in the log.
    pub top: Vec<Variant>,
}

pub fn variants(log: &EventLog, top_k: usize) -> VariantsReport {
    // Traces are contiguous slices of the sorted activity column: hash the slices.
    let mut seen: FastMap<&[u32], (u64, usize)> = new_map();
    for c in 0..log.case_count() {
        let entry = seen.entry(log.trace(c)).or_insert((0, c));
        entry.0 += 1;
    }
    let mut all: Vec<(&[u32], u64, usize)> = seen.into_iter().map(|(t, (n, first))| (t, n, first)).collect();
    all.sort_by(|x, y| y.1.cmp(&x.1).then(x.2.cmp(&y.2)));
    let total = log.case_count() as u64;
    let mut cumulative = 0;
    let top = all
        .iter()
        .take(top_k)
        .map(|&(trace, n, _)| {
            cumulative += n;
            Variant {
                activities: trace.iter().map(|&a| log.activity_names[a as usize].clone()).collect(),
                cases: n,
                coverage: share(n, total),
                cumulative_coverage: share(cumulative, total),
            }
        })
        .collect();
    VariantsReport { count: all.len() as u64, top }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_coverage() {
        let log = EventLog::from_events(&[
            ("1", "a", 0), ("1", "b", 1),
            ("2", "a", 0), ("2", "c", 1),
            ("3", "a", 0), ("3", "b", 1),
        ]);
        let v = variants(&log, 1);
        assert_eq!(v.count, 2);
        assert_eq!(v.top.len(), 1);
        assert_eq!(v.top[0].activities, vec!["a", "b"]);
        assert_eq!(v.top[0].cases, 2);
        assert!((v.top[0].coverage - 2.0 / 3.0).abs() < 1e-12);
    }
}
