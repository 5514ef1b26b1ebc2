//! The importer's in-place row reader (`analytics::rows`) against the `csv` crate it
//! replaced, configured as the importer configured it: every row's fields, line number and
//! the byte position after it must be the same, on random files made of the bytes that
//! matter to CSV (delimiters, quotes, CR, LF, a byte-order mark, multi-byte text).
//! Then the importer read in steps of every size gives the same log as one read.

use journey_core::analytics::rows::RowReader;
use journey_core::analytics::{import_all, ColumnMapping, Importer};
use proptest::prelude::*;

/// (fields, line, position after) of every row, by the `csv` crate.
fn by_csv(data: &[u8], delimiter: u8) -> Vec<(Vec<Vec<u8>>, u64, u64)> {
    let mut r = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(data);
    let mut rec = csv::ByteRecord::new();
    let mut out = Vec::new();
    while r.read_byte_record(&mut rec).expect("in memory") {
        let line = rec.position().unwrap().line();
        out.push((rec.iter().map(<[u8]>::to_vec).collect(), line, r.position().byte()));
    }
    out
}

/// The same by the row reader.
fn by_rows(data: &[u8], delimiter: u8) -> Vec<(Vec<Vec<u8>>, u64, u64)> {
    let mut r = RowReader::new(data.to_vec(), delimiter);
    let mut out = Vec::new();
    while r.next_row() {
        let fields = (0..r.len()).map(|i| r.get(i).unwrap().to_vec()).collect();
        out.push((fields, r.line(), r.position()));
    }
    assert_eq!(r.position(), data.len() as u64, "the whole file is read");
    out
}

const PIECES: [&[u8]; 16] = [
    b"a", b"bc", b",", b";", b"\t", b"\"", b"\"\"", b"\n", b"\r", b"\r\n", b" ", b"\xC3\xA9", b"\xEF\xBB\xBF", b"x\"y", b"\n\n", b"2024-01-01T10:00:00Z",
];

fn file() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0..PIECES.len(), 0..60).prop_map(|ix| ix.into_iter().flat_map(|i| PIECES[i].to_vec()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn rows_fields_lines_and_positions_match_the_csv_crate(data in file(), d in prop::sample::select(vec![b',', b';', b'\t'])) {
        prop_assert_eq!(by_rows(&data, d), by_csv(&data, d));
    }
}

#[test]
fn known_shapes_match_the_csv_crate() {
    let files: [&[u8]; 9] = [
        b"\xEF\xBB\xBFcase,act\nA,\"x, y\"\nB,\"multi\nline\"\n\n\nC,z",
        b"case,act\r\nA,x\r\n\r\nB,y\r\n",
        b"h\n\"unclosed,a\nb\n",
        b"h\n\"\"\"quoted\"\" quote\",x\n",
        b"h\nA,x\"y\",z\n\xEF\xBB\xBF\"B\",w\n",
        b"h\n\n\n",
        b"h",
        b"\n\nh\nA\n",
        b"h\na\rb\n",
    ];
    for data in files {
        assert_eq!(by_rows(data, b','), by_csv(data, b','), "{:?}", String::from_utf8_lossy(data));
    }
    // A quoted field larger than the reader's first buffers.
    let big = format!("h\n\"{}\",{}\n", "q\n".repeat(5000), ",".repeat(300));
    assert_eq!(by_rows(big.as_bytes(), b','), by_csv(big.as_bytes(), b','));
}

/// The generator's columns (case_id, activity, timestamp, channel).
fn mapping() -> ColumnMapping {
    journey_core::analytics::generator::column_mapping()
}

/// A log with quoted rows, a multi-line quoted activity, blank lines and bad rows.
fn mixed_log() -> Vec<u8> {
    let mut s = String::from("case_id,activity,timestamp,channel\n");
    for i in 0..300 {
        match i % 7 {
            0 => s.push_str(&format!("\"C{}\",\"Visit, site\",2024-01-01T10:{:02}:00Z,web\n", i % 13, i % 60)),
            1 => s.push_str(&format!("C{},\"two\nlines\",2024-01-01T11:{:02}:00Z,\"app\"\n", i % 13, i % 60)),
            2 => s.push_str("\n\n"),
            3 => s.push_str(&format!("C{},Buy,not a time,web\n", i % 13)),
            4 => s.push_str(&format!("C{},\"unquoted \"\"inner\"\"\",2024-01-02T09:{:02}:00Z,\n", i % 13, i % 60)),
            _ => s.push_str(&format!("C{},Search,2024-01-01T12:{:02}:00Z,web\r\n", i % 13, i % 60)),
        }
    }
    s.into_bytes()
}

#[test]
fn steps_of_any_size_give_the_same_log_and_summary() {
    let data = mixed_log();
    let (whole, whole_summary) = import_all(data.clone(), &mapping()).unwrap();
    assert!(whole_summary.skipped_rows > 0 && whole.activity_names.iter().any(|a| a == "two\nlines"));
    for step in [1, 2, 3, 7, 50, 1000] {
        let mut imp = Importer::new(data.clone(), &mapping()).unwrap();
        let mut last = 0;
        loop {
            let p = imp.step(step);
            assert!(p.bytes_read >= last && p.bytes_read <= p.total_bytes);
            last = p.bytes_read;
            if p.done {
                break;
            }
        }
        let (log, summary) = imp.finish().unwrap();
        assert_eq!(log, whole, "step {step}");
        assert_eq!(summary, whole_summary, "step {step}");
    }
}
