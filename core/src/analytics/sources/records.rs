//! The records read from a source file (orders, tickets, event rows), flat: per record its
//! id and the values of the columns the layout uses, each kept as a span — into the file
//! itself where the value lies in it (every field of an unquoted row of a UTF-8 file), else
//! into one buffer of copies (quoted rows, files read by the `csv` crate). No allocation
//! and no copy per row: copying every kept value was the biggest cost of a 1M-row GA4 file.

/// After this many records their size per record is known well enough to reserve the rest.
pub(super) const RESERVE_AFTER: usize = 1024;

/// A span whose start has this bit lies in the buffer of copies, else in the file.
const COPY: u32 = 1 << 31;

pub(super) struct Records {
    /// The file's text: its address and length (0 when the file is too long for a span,
    /// then every value is copied). A value is recognised as lying in the file by its
    /// address; the text itself is passed back to [`Records::value`].
    file_at: usize,
    file_len: usize,
    copies: String,
    spans: Vec<(u32, u32)>,
    stride: usize,
    ids: Vec<(u32, u32)>,
    pub(super) lines: Vec<u32>,
}

impl Records {
    /// Records of `stride` values each, read from `file` (the decoded text the rows are
    /// cut from; empty when they are not, as for the `csv` crate's rows).
    pub(super) fn new(stride: usize, file: &str) -> Records {
        let file_len = if file.len() < COPY as usize { file.len() } else { 0 };
        Records { file_at: file.as_ptr() as usize, file_len, copies: String::new(), spans: Vec::new(), stride, ids: Vec::new(), lines: Vec::new() }
    }

    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Room for about `rows` records in all (with a tenth to spare; an estimate that is
    /// short only means one more doubling).
    pub(super) fn reserve_for(&mut self, rows: usize) {
        let more = (rows + rows / 10).saturating_sub(self.len());
        let copied_per_record = self.copies.len() / self.len().max(1);
        self.copies.reserve(more * copied_per_record);
        self.spans.reserve(more * self.stride);
        self.ids.reserve(more);
        self.lines.reserve(more);
    }

    /// The span of `v`: where it lies in the file, or where its copy lies.
    #[inline]
    fn keep(&mut self, v: &str) -> (u32, u32) {
        if v.is_empty() {
            return (0, 0);
        }
        let at = (v.as_ptr() as usize).wrapping_sub(self.file_at);
        if at < self.file_len && v.len() <= self.file_len - at {
            return (at as u32, v.len() as u32);
        }
        let start = self.copies.len() as u32 | COPY;
        self.copies.push_str(v);
        (start, v.len() as u32)
    }

    /// Adds a record with its id, line and values.
    pub(super) fn push<'a>(&mut self, id: &str, line: u32, values: impl Iterator<Item = &'a str>) {
        for v in values {
            let span = self.keep(v);
            self.spans.push(span);
        }
        let id = self.keep(id);
        self.ids.push(id);
        self.lines.push(line);
    }

    /// Record `r`'s empty values take the row's (line items repeating an order).
    pub(super) fn fill_empty<'a>(&mut self, r: usize, values: impl Iterator<Item = &'a str>) {
        for (k, v) in values.enumerate() {
            if self.spans[r * self.stride + k].1 == 0 && !v.is_empty() {
                let span = self.keep(v);
                self.spans[r * self.stride + k] = span;
            }
        }
    }

    #[inline]
    fn text<'a>(&'a self, file: &'a str, (start, len): (u32, u32)) -> &'a str {
        let (text, start) = if start & COPY != 0 { (self.copies.as_str(), start & !COPY) } else { (file, start) };
        // Spans are made from slices of these texts, so this never misses; "" rather than a panic.
        text.get(start as usize..(start + len) as usize).unwrap_or("")
    }

    /// Value `k` of record `r`; `file` is the text the records were read from.
    #[inline]
    pub(super) fn value<'a>(&'a self, file: &'a str, r: usize, k: usize) -> &'a str {
        self.text(file, self.spans[r * self.stride + k])
    }

    /// Record `r`'s id.
    #[inline]
    pub(super) fn id<'a>(&'a self, file: &'a str, r: usize) -> &'a str {
        self.text(file, self.ids[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_the_file_are_spans_others_are_copied() {
        let file = String::from("a,bb,ccc");
        let mut records = Records::new(2, &file);
        let outside = String::from("zz");
        records.push(&file[5..8], 2, [&file[0..1], outside.as_str()].into_iter());
        records.push("", 3, ["", &file[2..4]].into_iter());
        records.fill_empty(1, ["x", "y"].into_iter());
        assert_eq!(records.copies, "zzx", "only the values from outside the file are copied");
        assert_eq!((records.id(&file, 0), records.value(&file, 0, 0), records.value(&file, 0, 1)), ("ccc", "a", "zz"));
        assert_eq!((records.id(&file, 1), records.value(&file, 1, 0), records.value(&file, 1, 1)), ("", "x", "bb"));
        assert_eq!(records.lines, vec![2, 3]);
        // Read without the file (rows of the csv crate): everything is a copy.
        let mut copied = Records::new(1, "");
        copied.push("id", 1, [&file[0..1]].into_iter());
        assert_eq!((copied.id("", 0), copied.value("", 0, 0)), ("id", "a"));
    }
}
