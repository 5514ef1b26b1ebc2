//! Step 4 of the draft: activities (in order of their median position) cut into stages.
//!
//! With at least as many activities as stages, the cut is the optimal 1-D segmentation
//! (Fisher's exact "natural breaks"): every stage gets at least one activity, and the sum
//! over stages of the squared distances of the positions from their stage's mean is the
//! smallest possible — activities that happen close together in a case share a stage.
//! Dynamic programming, O(stages · n²) for n ≤ 60 activities. Ties go to the earliest cut.
//! With fewer activities than stages, each activity goes to the stage its position points
//! at (`round(position · (stages − 1))`, never before the previous one's), and the other
//! stages stay empty.

use crate::model::{Lang, DEFAULT_STAGES};

/// The stage index of every value (`values` in ascending order), `k ≥ 1` stages.
pub fn segment(values: &[f64], k: usize) -> Vec<usize> {
    let n = values.len();
    let k = k.max(1);
    if n == 0 {
        return Vec::new();
    }
    if n <= k {
        let mut prev = 0;
        return values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let want = (v.clamp(0.0, 1.0) * (k - 1) as f64).round() as usize;
                // Keep the order, and leave room for the items still to come.
                let s = want.max(if i == 0 { 0 } else { prev + 1 }).min(k - (n - i));
                prev = s;
                s
            })
            .collect();
    }
    // Prefix sums for the cost of a segment i..j (exclusive j).
    let mut s1 = vec![0.0; n + 1];
    let mut s2 = vec![0.0; n + 1];
    for (i, v) in values.iter().enumerate() {
        s1[i + 1] = s1[i] + v;
        s2[i + 1] = s2[i] + v * v;
    }
    let cost = |i: usize, j: usize| {
        let m = (j - i) as f64;
        let s = s1[j] - s1[i];
        (s2[j] - s2[i] - s * s / m).max(0.0)
    };
    // best[g][j]: least cost of cutting the first j values into g + 1 segments.
    let mut best = vec![vec![f64::INFINITY; n + 1]; k];
    let mut cut = vec![vec![0usize; n + 1]; k];
    for j in 1..=n {
        best[0][j] = cost(0, j);
    }
    for g in 1..k {
        for j in g + 1..=n {
            for i in g..j {
                let c = best[g - 1][i] + cost(i, j);
                // Strictly smaller (with a tolerance for rounding): ties keep the earliest cut.
                if c < best[g][j] - 1e-12 {
                    best[g][j] = c;
                    cut[g][j] = i;
                }
            }
        }
    }
    let mut stage = vec![0usize; n];
    let mut j = n;
    for g in (0..k).rev() {
        let i = if g == 0 { 0 } else { cut[g][j] };
        for s in stage.iter_mut().take(j).skip(i) {
            *s = g;
        }
        j = i;
    }
    stage
}

/// The default name of stage `i` of `k`: the five generic phases for five stages (the
/// glossary's terms), else "Stage n" / "Phase n".
pub(crate) fn default_name(i: usize, k: usize, lang: Lang) -> String {
    if k == DEFAULT_STAGES.len() {
        lang.pick(DEFAULT_STAGES[i]).to_string()
    } else {
        format!("{} {}", lang.pick(("Stage", "Phase")), i + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_breaks_find_the_clusters() {
        let v = [0.0, 0.05, 0.1, 0.4, 0.45, 0.9, 1.0];
        assert_eq!(segment(&v, 3), vec![0, 0, 0, 1, 1, 2, 2]);
        assert_eq!(segment(&v, 1), vec![0; 7]);
        // Equally spaced values split into equal groups.
        let even: Vec<f64> = (0..10).map(|i| i as f64 / 9.0).collect();
        assert_eq!(segment(&even, 5), vec![0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn fewer_values_than_stages_spread_by_position() {
        assert_eq!(segment(&[0.0, 1.0], 5), vec![0, 4]);
        assert_eq!(segment(&[0.5, 0.5, 0.5], 5), vec![2, 3, 4]);
        assert_eq!(segment(&[0.0], 5), vec![0]);
        assert!(segment(&[], 3).is_empty());
    }
}
