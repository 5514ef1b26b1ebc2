//! Reading a big file's rows on several threads (native only: the CLI; the browser's
//! worker has one thread). The rows are cut into parts at line ends, each part read by an
//! importer of its own, and the parts joined in file order into the first importer, so
//! the result equals [`Importer::finish`]'s to the byte: ids in order of first
//! appearance, line numbers, skipped rows and their first reports, cut fields.
//!
//! A cut is only right where no quoted field runs across it, and that is only known once
//! the rows before it are read. So each part is read on speculation: a part whose reader
//! did not stop exactly at the next part's start (a quoted line break ran across) makes
//! every later part void, and the rows from there are read again in one piece.

use std::sync::Arc;

use super::importer::{estimate_rows, ImportSummary, Importer, MAX_REPORTED_ISSUES};
use crate::analytics::error::ImportError;
use crate::analytics::event_log::{EventLog, NONE_ID};
use crate::analytics::interner::Interner;
use crate::analytics::long_fields::LongFields;
use crate::analytics::rows::{FileBytes, RowReader};
use crate::side_by_side::{side_by_side, WORTH_A_THREAD};

/// Below this, one thread reads the file faster than several start.
const MIN_PART_BYTES: usize = 1 << 20;

impl Importer {
    /// Like [`Importer::finish`], reading the rows on up to as many threads as the
    /// machine has cores, with at least a MB per part (one thread for a file under 2 MB).
    pub fn finish_on_all_cores(self) -> Result<(EventLog, ImportSummary), ImportError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let parts = cores.min(self.total_bytes as usize / MIN_PART_BYTES).max(1);
        self.finish_in_parts(parts)
    }

    /// Like [`Importer::finish`], reading the rows in up to `parts` parts, one thread each.
    pub fn finish_in_parts(mut self, parts: usize) -> Result<(EventLog, ImportSummary), ImportError> {
        self.read_in_parts(parts);
        self.finish()
    }

    /// Reads the rows in up to `parts` parts, one thread each, and joins them in file
    /// order; whatever could not be joined is left for `finish` to read. Returns how many
    /// parts were joined to the first.
    fn read_in_parts(&mut self, parts: usize) -> usize {
        let starts = self.part_starts(parts);
        if starts.is_empty() || !self.rows.cuts_at_line_ends() {
            return 0;
        }
        let file = self.rows.share();
        let len = file.bytes().len();
        let ends: Vec<usize> = starts.iter().skip(1).copied().chain([len]).collect();
        let mut later: Vec<Importer> =
            starts.iter().zip(&ends).map(|(&start, &end)| self.part(file.clone(), start, end)).collect();
        self.rows.stop_at(starts[0]);
        std::thread::scope(|scope| {
            let readers: Vec<_> = later.iter_mut().map(|part| scope.spawn(move || part.read_rows())).collect();
            self.read_rows();
            for reader in readers {
                if let Err(panic) = reader.join() {
                    std::panic::resume_unwind(panic);
                }
            }
        });
        // Join the parts while each started where the rows before it ended.
        let mut line = self.rows.next_line();
        let mut at = self.rows.position() as usize;
        let mut joined = 0;
        let last = later.len();
        for (k, (part, &start)) in later.into_iter().zip(&starts).enumerate() {
            if at != start {
                break;
            }
            let offset = line - 1;
            at = part.rows.position() as usize;
            line = part.rows.next_line() + offset;
            self.absorb(part, offset, k + 1 == last);
            joined += 1;
        }
        // `finish` reads on from there (nothing is left when every part was joined).
        self.rows.resume(at, line);
        joined
    }

    /// Where the parts after the first start: line starts near equal shares of the rows
    /// after the header, each after a line that is not blank and before one that is not
    /// (so no run of blank lines, counted towards the row before it, spans a cut).
    fn part_starts(&self, parts: usize) -> Vec<usize> {
        let data = self.rows.data();
        let first = self.rows.position() as usize;
        let line_end = |b: u8| b == b'\n' || b == b'\r';
        let mut starts = Vec::new();
        for k in 1..parts {
            let mut at = (first + (data.len() - first) * k / parts).max(starts.last().map_or(first, |&s| s + 1));
            let found = loop {
                let Some(i) = data.get(at..).and_then(|rest| memchr::memchr(b'\n', rest)).map(|i| at + i) else {
                    break None;
                };
                let cut = i + 1;
                if cut < data.len() && i > first && !line_end(data[i - 1]) && !line_end(data[cut]) {
                    break Some(cut);
                }
                at = cut;
            };
            match found {
                Some(cut) => starts.push(cut),
                None => break,
            }
        }
        starts
    }

    /// An importer of the rows starting in `start..end` of `file`, read as this one reads.
    fn part(&self, file: Arc<FileBytes>, start: usize, end: usize) -> Importer {
        let rows = RowReader::part(file, self.summary.delimiter, start, end);
        let c = &self.cols;
        let expected = estimate_rows(&rows.data()[start..end]);
        Importer {
            raw: EventLog::with_capacity(expected, c.channel.is_some(), c.resource.is_some(), c.rating.is_some()),
            rows,
            cols: self.cols.clone(),
            lifecycle_name: self.lifecycle_name.clone(),
            time: self.time.clone(),
            cases: Interner::new(),
            activities: Interner::new(),
            channels: Interner::new(),
            resources: Interner::new(),
            summary: ImportSummary { encoding: self.summary.encoding, delimiter: self.summary.delimiter, ..ImportSummary::default() },
            total_bytes: self.total_bytes,
            done: false,
            long: LongFields::default(),
        }
    }

    /// Reads every row this importer's reader reads.
    fn read_rows(&mut self) {
        while self.rows.next_row() {
            self.take_record();
        }
    }

    /// Appends the rows of `part` (read after this importer's), its lines `offset` further.
    /// After the `last` part few case ids or none are looked up (only the rows after a
    /// quoted line break that ran past the file's last cut): its new ones get no slots.
    fn absorb(&mut self, part: Importer, offset: u64, last: bool) {
        let activities = self.activities.absorb(&part.activities);
        let channels = self.channels.absorb(&part.channels);
        let resources = self.resources.absorb(&part.resources);
        // The case ids (a big table: a cache miss per new id) are joined while a second
        // core appends the other columns.
        let (raw, other) = (&mut self.raw, &part.raw);
        let (cases, ()) = side_by_side(
            other.case.len() >= WORTH_A_THREAD,
            || if last { self.cases.absorb_unindexed(&part.cases) } else { self.cases.absorb(&part.cases) },
            || {
                raw.activity.extend(remapped(&other.activity, &activities));
                raw.channel.extend(remapped(&other.channel, &channels));
                raw.resource.extend(remapped(&other.resource, &resources));
                raw.time_ms.extend_from_slice(&other.time_ms);
                raw.rating.extend_from_slice(&other.rating);
                // A part's line is at most u32::MAX when stored; the file's is then too (clipped).
                raw.line.extend(other.line.iter().map(|&l| (l as u64 + offset).min(u32::MAX as u64) as u32));
            },
        );
        raw.case.extend(remapped(&other.case, &cases));
        let (summary, more) = (&mut self.summary, part.summary);
        summary.rows += more.rows;
        summary.skipped_rows += more.skipped_rows;
        summary.lifecycle_filtered += more.lifecycle_filtered;
        for mut issue in more.first_issues {
            if summary.first_issues.len() < MAX_REPORTED_ISSUES {
                issue.line += offset;
                summary.first_issues.push(issue);
            }
        }
        if part.long.count > 0 {
            if self.long.count == 0 {
                self.long = LongFields { line: part.long.line + offset, ..part.long };
            } else {
                self.long.count += part.long.count;
            }
        }
    }
}

/// `ids` (of a part's table) as ids of the joined table; "none" stays "none".
fn remapped<'a>(ids: &'a [u32], map: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    ids.iter().map(|&id| if id == NONE_ID { NONE_ID } else { map[id as usize] })
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::generator::column_mapping;
    use crate::analytics::ColumnMapping;

    /// A log of `rows` rows over 40 cases, with blank lines, a bad time and a cut field;
    /// `quoted`: every 50th activity is quoted and spans two lines.
    fn log(rows: usize, quoted: bool) -> Vec<u8> {
        let mut s = String::from("case_id,activity,timestamp,channel\n");
        for i in 0..rows {
            let act = if quoted && i % 50 == 7 { "\"two\nlines\"".to_string() } else { format!("Step {}", i % 9) };
            match i % 97 {
                3 => s.push_str("\n\n"),
                5 => s.push_str(&format!("C{},Buy,not a time,web\n", i % 40)),
                11 => s.push_str(&format!("C{},{},2024-01-01T10:00:00Z,web\n", i % 40, "x".repeat(5000))),
                _ => s.push_str(&format!("C{},{act},2024-01-{:02}T10:{:02}:00Z,{}\n", (i * 7) % 40, 1 + i % 28, i % 60, ["web", "app", ""][i % 3])),
            }
        }
        s.into_bytes()
    }

    fn read(data: &[u8], parts: usize) -> (usize, EventLog, ImportSummary) {
        let mut imp = Importer::new(data.to_vec(), &column_mapping()).unwrap();
        let joined = imp.read_in_parts(parts);
        let (log, summary) = imp.finish().unwrap();
        (joined, log, summary)
    }

    #[test]
    fn parts_without_quotes_are_all_joined_and_equal_one_read() {
        let data = log(3000, false);
        let (whole, whole_summary) = Importer::new(data.clone(), &column_mapping()).unwrap().finish().unwrap();
        assert!(whole_summary.skipped_rows > 0 && whole_summary.warnings.iter().any(|w| matches!(w, crate::analytics::ImportWarning::LongFieldsCut { .. })));
        for parts in 2..=7 {
            let (joined, log, summary) = read(&data, parts);
            assert_eq!(joined, parts - 1, "{parts} parts");
            assert_eq!(log, whole, "{parts} parts");
            assert_eq!(summary, whole_summary, "{parts} parts");
        }
    }

    #[test]
    fn a_quoted_line_break_across_a_cut_voids_the_later_parts_and_the_result_is_the_same() {
        let data = log(3000, true);
        let (whole, whole_summary) = Importer::new(data.clone(), &column_mapping()).unwrap().finish().unwrap();
        assert!(whole.activity_names.iter().any(|a| a == "two\nlines"));
        let mut voided = 0;
        for parts in 2..=40 {
            let (joined, log, summary) = read(&data, parts);
            voided += usize::from(joined < parts - 1);
            assert_eq!(log, whole, "{parts} parts");
            assert_eq!(summary, whole_summary, "{parts} parts");
        }
        // Some cut fell inside a quoted field (a cut lands on the inner line end of one
        // row in 50): the check above covered the read that went on in one piece.
        assert!(voided > 0);
    }

    #[test]
    fn cuts_fall_after_a_line_that_is_not_blank_and_before_one_that_is_not() {
        let data = b"h1,h2,h3\na,b,c\n\n\nd,e,f\ng,h,i\n\nj,k,l\n".to_vec();
        let imp = Importer::new(data.clone(), &ColumnMapping { case: "h1".into(), activity: "h2".into(), time: "h3".into(), channel: None, ..column_mapping() }).unwrap();
        assert!(!imp.part_starts(2).is_empty());
        for parts in 2..8 {
            for cut in imp.part_starts(parts) {
                assert!(data[cut - 1] == b'\n' && data[cut - 2] != b'\n' && data[cut] != b'\n', "{cut}");
            }
        }
    }
}
