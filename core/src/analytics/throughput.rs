//! Throughput time (Durchlaufzeit) per case: last event minus first event. Summarised and
//! binned into an equal-width histogram from 0 to the longest case.

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::stats::Summary;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    pub from_s: f64,
    /// Exclusive, except for the last bin which includes the maximum.
    pub to_s: f64,
    pub cases: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThroughputReport {
    pub summary_s: Summary,
    pub histogram: Vec<HistogramBin>,
}

/// Throughput time of every case, in milliseconds, in case order.
pub fn case_durations_ms(log: &EventLog) -> Vec<i64> {
    (0..log.case_count())
        .map(|c| {
            let r = log.case_range(c);
            if r.is_empty() { 0 } else { log.time_ms[r.end - 1] - log.time_ms[r.start] }
        })
        .collect()
}

pub fn throughput(log: &EventLog, bins: usize) -> ThroughputReport {
    let mut d = case_durations_ms(log);
    let histogram = histogram(&d, bins.max(1));
    ThroughputReport { summary_s: Summary::of_ms(&mut d), histogram }
}

fn histogram(durations_ms: &[i64], bins: usize) -> Vec<HistogramBin> {
    let Some(&max) = durations_ms.iter().max() else {
        return Vec::new();
    };
    // All durations zero: one bin holding everything.
    let bins = if max == 0 { 1 } else { bins };
    let width = (max as f64 / bins as f64).max(f64::MIN_POSITIVE);
    let mut counts = vec![0u64; bins];
    for &d in durations_ms {
        let i = ((d as f64 / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, cases)| HistogramBin { from_s: i as f64 * width / 1000.0, to_s: (i + 1) as f64 * width / 1000.0, cases })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_histogram() {
        let log = EventLog::from_events(&[("1", "a", 0), ("1", "b", 10_000), ("2", "a", 5_000), ("2", "b", 5_000), ("3", "a", 0), ("3", "b", 4_000)]);
        let t = throughput(&log, 2);
        assert_eq!(t.summary_s.median, 4.0);
        assert_eq!(t.summary_s.max, 10.0);
        assert_eq!(t.histogram.iter().map(|b| b.cases).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(t.histogram[1].to_s, 10.0);
    }
}
