//! Label geometry for the flow view: boxes that must not overlap. How wide a text is drawn
//! comes from the core's one table, `crate::text_metrics`.

/// An axis-aligned box in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w, h }
    }

    /// True when the two boxes share area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w && other.x < self.x + self.w && self.y < other.y + other.h && other.y < self.y + self.h
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }
}

/// Puts each label (width, height, candidate centres in order of preference) at the first
/// candidate whose box overlaps neither an obstacle nor a label placed before it. When no
/// candidate is free, the candidates are tried again shifted up and down by one label height
/// at a time; as a last resort the label goes below everything. Returns the boxes.
pub fn place_labels(labels: &[(f64, f64, Vec<(f64, f64)>)], obstacles: &[Rect]) -> Vec<Rect> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    let mut placed = Vec::with_capacity(labels.len());
    for (w, h, candidates) in labels {
        let at = |(cx, cy): (f64, f64), dy: f64| Rect::new(cx - w / 2.0, cy - h / 2.0 + dy, *w, *h);
        let free = |r: &Rect, taken: &[Rect]| !taken.iter().any(|t| t.overlaps(r));
        let shifts = (0..=8).flat_map(|k| if k == 0 { vec![0.0] } else { vec![k as f64 * h, -(k as f64) * h] });
        let found = shifts.into_iter().find_map(|dy| candidates.iter().map(|c| at(*c, dy)).find(|r| free(r, &taken)));
        let rect = found.unwrap_or_else(|| {
            let (cx, _) = candidates.first().copied().unwrap_or((w / 2.0, 0.0));
            let floor = taken.iter().map(Rect::bottom).fold(0.0, f64::max);
            Rect::new(cx - w / 2.0, floor + 2.0, *w, *h)
        });
        taken.push(rect);
        placed.push(rect);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_want_the_same_spot_do_not_overlap() {
        let node = Rect::new(0.0, 0.0, 100.0, 40.0);
        let labels: Vec<_> = (0..6).map(|_| (50.0, 14.0, vec![(150.0, 20.0), (150.0, 30.0)])).collect();
        let placed = place_labels(&labels, &[node]);
        for (i, a) in placed.iter().enumerate() {
            assert!(!a.overlaps(&node));
            for b in &placed[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        assert_eq!(placed[0], Rect::new(125.0, 13.0, 50.0, 14.0), "the first takes its first choice");
    }

    #[test]
    fn a_label_with_no_free_candidate_goes_below_everything() {
        let wall = Rect::new(-1000.0, -1000.0, 3000.0, 2000.0);
        let placed = place_labels(&[(40.0, 14.0, vec![(10.0, 10.0)])], &[wall]);
        assert!(!placed[0].overlaps(&wall));
    }
}
