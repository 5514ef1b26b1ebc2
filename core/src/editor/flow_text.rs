//! Text geometry for the flow view: how wide a label will be, wrapping a title into a node,
//! and boxes that must not overlap. The SVG is drawn by the viewer's own font, so widths are
//! estimates; they are made for DejaVu Sans (the default sans-serif on Linux and one of the
//! widest common faces), so narrower fonts only leave more room.

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

/// Advance of one character in em, by class (DejaVu Sans figures, rounded up).
fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.98,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.74,
        _ => 0.62,
    }
}

/// Estimated width of `text` at `font_size` px.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_size
}

/// Word-wraps `text` into lines no wider than `max_width`. A word longer than a line is
/// broken inside (nothing is cut off); only past `max_lines` does the last line end in "…".
/// The second value says whether anything was left out.
pub fn wrap_to_width(text: &str, max_width: f64, font_size: f64, max_lines: usize) -> (Vec<String>, bool) {
    let fits = |s: &str| text_width(s, font_size) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // Break a word that is wider than a whole line.
        for c in word.chars() {
            let mut next = current.clone();
            next.push(c);
            if !current.is_empty() && !fits(&next) {
                lines.push(std::mem::take(&mut current));
                current.push(c);
            } else {
                current = next;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && !fits(&format!("{last}…")) {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    (lines, true)
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
    fn wrapping_keeps_every_character_until_the_line_limit() {
        let title = "Sees a latte-art post from the café on Instagram";
        let (lines, cut) = wrap_to_width(title, 164.0, 13.0, 5);
        assert!(!cut);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), title);
        assert!(lines.iter().all(|l| text_width(l, 13.0) <= 164.0));
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_not_cut() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
        let (lines, cut) = wrap_to_width(word, 100.0, 13.0, 9);
        assert!(!cut);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| text_width(l, 13.0) <= 100.0));
    }

    #[test]
    fn too_many_lines_end_in_an_ellipsis_that_fits() {
        let (lines, cut) = wrap_to_width(&"word ".repeat(60), 120.0, 13.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(text_width(&lines[2], 13.0) <= 120.0);
    }

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
