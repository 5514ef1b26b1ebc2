//! Summary statistics used by every metric: count, mean, median, 90th percentile, min and
//! max. Percentiles interpolate linearly between the two nearest ranks (the definition of
//! numpy's default and Python's `statistics.quantiles(method="inclusive")`), so the median
//! of an even count is the mean of the two middle values.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Summary {
    pub count: u64,
    pub mean: f64,
    pub median: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// Summary of durations given in milliseconds, reported in seconds. Reorders `values`
    /// (selection instead of a full sort keeps it linear). Empty input gives all zeros
    /// with `count == 0`.
    pub fn of_ms(values: &mut [i64]) -> Summary {
        if values.is_empty() {
            return Summary::default();
        }
        let n = values.len();
        let sum: i128 = values.iter().map(|&v| v as i128).sum();
        let min = *values.iter().min().unwrap_or(&0);
        let max = *values.iter().max().unwrap_or(&0);
        let median = percentile_ms(values, 0.5);
        // Selecting the median left every value of rank ≥ its rank in `values[m..]`: the
        // 90th percentile (a higher rank) is selected among those only, half the work.
        let m = rank_of(0.5, n).0;
        let (lo, frac) = rank_of(0.9, n);
        let p90 = at_rank(&mut values[m..], lo - m, frac);
        Summary {
            count: n as u64,
            mean: sum as f64 / n as f64 / 1000.0,
            median: median / 1000.0,
            p90: p90 / 1000.0,
            min: min as f64 / 1000.0,
            max: max as f64 / 1000.0,
        }
    }
}

/// Linear-interpolated percentile `p` (0..=1) of non-empty `values`, in the input unit.
pub fn percentile_ms(values: &mut [i64], p: f64) -> f64 {
    let (lo, frac) = rank_of(p, values.len());
    at_rank(values, lo, frac)
}

/// The rank of percentile `p` among `n` values: whole part and fraction.
fn rank_of(p: f64, n: usize) -> (usize, f64) {
    let rank = p.clamp(0.0, 1.0) * (n - 1) as f64;
    let lo = rank.floor() as usize;
    (lo, rank - lo as f64)
}

/// The value at rank `lo` of `values`, interpolated by `frac` towards the next.
fn at_rank(values: &mut [i64], lo: usize, frac: f64) -> f64 {
    let (_, &mut lo_v, right) = values.select_nth_unstable(lo);
    if frac == 0.0 || right.is_empty() {
        return lo_v as f64;
    }
    let hi_v = *right.iter().min().unwrap_or(&lo_v);
    lo_v as f64 + (hi_v - lo_v) as f64 * frac
}

/// Median of `values` (any unit); 0 for empty input.
pub fn median_ms(values: &mut [i64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        percentile_ms(values, 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_summary() {
        // 1, 2, 3, 4 seconds: median 2.5, p90 at rank 2.7 → 3 + 0.7 = 3.7, mean 2.5.
        let mut v = vec![4000, 1000, 3000, 2000];
        let s = Summary::of_ms(&mut v);
        assert_eq!(s.count, 4);
        assert!((s.median - 2.5).abs() < 1e-9);
        assert!((s.p90 - 3.7).abs() < 1e-9);
        assert!((s.mean - 2.5).abs() < 1e-9);
        assert_eq!((s.min, s.max), (1.0, 4.0));
    }

    #[test]
    fn median_and_p90_match_a_full_sort() {
        // Reference: the sorted values, interpolated by hand; lengths 1..300 with many
        // repeats, so the p90 selected after the median's partition is checked.
        let mut x = 12345u64;
        for n in 1..300usize {
            let v: Vec<i64> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((x >> 33) % 50) as i64
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort();
            let at = |p: f64| {
                let rank = p * (n - 1) as f64;
                let lo = rank.floor() as usize;
                let hi = (lo + 1).min(n - 1);
                sorted[lo] as f64 + (sorted[hi] - sorted[lo]) as f64 * (rank - lo as f64)
            };
            let s = Summary::of_ms(&mut v.clone());
            assert!((s.median - at(0.5) / 1000.0).abs() < 1e-12, "n = {n}");
            assert!((s.p90 - at(0.9) / 1000.0).abs() < 1e-12, "n = {n}");
        }
    }

    #[test]
    fn odd_count_median_is_the_middle_value() {
        let mut v = vec![9, 1, 5];
        assert_eq!(median_ms(&mut v), 5.0);
        assert_eq!(Summary::of_ms(&mut []).count, 0);
    }
}
