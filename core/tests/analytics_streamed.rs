//! An import that begins while its file is being read (`analytics::streamed`) ends with
//! exactly the log and summary (or the error) of the ordinary import of the whole file —
//! the reference here is `import_all`, the path every other import test checks — for files
//! handed over in chunks of many sizes: generated logs, bad rows, blank lines, quotes
//! (rows after the first wait for the end), CR line ends and Windows-1252 text (imported
//! from the start after all), a byte-order mark, a header the mapping does not fit.

use journey_core::analytics::generator::{column_mapping, generate_csv};
use journey_core::analytics::streamed::Streamed;
use journey_core::analytics::{import_all, ColumnMapping, EventLog, ImportError, ImportSummary, Importer};
use journey_core::text_file::TextEncoding;
use proptest::prelude::*;

/// What the worker does: bytes arrive in chunks of `chunk`; the import starts as soon as
/// it can and takes the rows read whole before each next chunk; at the end it completes
/// (or starts over the ordinary way).
fn streamed(data: &[u8], chunk: usize, mapping: &ColumnMapping, forced: Option<TextEncoding>) -> Result<(EventLog, ImportSummary), ImportError> {
    streamed_counting(data, chunk, mapping, forced).0
}

/// [`streamed`], and how many rows were taken before the last chunk arrived.
fn streamed_counting(data: &[u8], chunk: usize, mapping: &ColumnMapping, forced: Option<TextEncoding>) -> (Result<(EventLog, ImportSummary), ImportError>, u64) {
    let mut file = vec![0u8; data.len()];
    let mut read = 0;
    let mut started: Option<Streamed> = None;
    let mut rows_before = 0;
    let mut early = 0;
    while read < data.len() {
        let n = chunk.min(data.len() - read);
        early = rows_before;
        match started.as_mut() {
            Some(s) => {
                s.unread(n).expect("room for the next chunk").copy_from_slice(&data[read..read + n]);
                s.filled(n);
            }
            None => file[read..read + n].copy_from_slice(&data[read..read + n]),
        }
        read += n;
        if started.is_none() {
            match Streamed::start(std::mem::take(&mut file), read, mapping, forced) {
                Ok(s) => started = Some(s),
                Err(back) => file = back,
            }
        }
        if let Some(s) = started.as_mut() {
            // Every row read whole, seven at a time; rows taken never go back, and none
            // reaches past what is read.
            loop {
                let p = s.step(7);
                assert!(p.rows >= rows_before && p.bytes_read <= read as u64);
                if p.rows == rows_before {
                    break;
                }
                rows_before = p.rows;
            }
        }
    }
    let result = match started {
        Some(s) => match s.complete() {
            Ok(importer) => importer.finish(),
            Err(file) => Importer::with_encoding(file, mapping, forced).and_then(Importer::finish),
        },
        None => Importer::with_encoding(file, mapping, forced).and_then(Importer::finish),
    };
    (result, early)
}

fn check(data: &[u8], mapping: &ColumnMapping, forced: Option<TextEncoding>) {
    let whole = Importer::with_encoding(data.to_vec(), mapping, forced).and_then(Importer::finish);
    // Byte by byte only for small files (the test's time).
    let sizes = [1, 2, 3, 5, 17, 64, 1000, 4096, data.len().max(1)];
    for chunk in sizes.into_iter().filter(|&c| c >= 17 || data.len() < 40_000) {
        let got = streamed(data, chunk, mapping, forced);
        assert_eq!(got, whole, "chunks of {chunk}");
    }
}

fn generated(events: usize, seed: u64) -> Vec<u8> {
    generate_csv(events, seed).into_bytes()
}

#[test]
fn generated_logs_in_chunks_give_the_ordinary_import() {
    let data = generated(3_000, 7);
    let (log, _) = import_all(data.clone(), &column_mapping()).unwrap();
    assert!(log.event_count() >= 2_900);
    check(&data, &column_mapping(), None);
    // The point of it: most rows are taken before the last chunk arrives.
    let (got, early) = streamed_counting(&data, 4096, &column_mapping(), None);
    assert!(got.is_ok() && early as usize > log.event_count() * 9 / 10, "{early} rows taken early");
    check(&data, &column_mapping(), Some(TextEncoding::Utf8));
}

/// Quotes (one of them holding a line end), CRLF, blank lines and bad rows.
fn mixed_log(cr: bool, quotes: bool) -> Vec<u8> {
    let mut s = String::from("\ncase_id,activity,timestamp,channel\n");
    for i in 0..400 {
        match i % 9 {
            0 if quotes => s.push_str(&format!("\"C{}\",\"Visit, site\",2024-01-01T10:{:02}:00Z,web\n", i % 13, i % 60)),
            1 if quotes => s.push_str(&format!("C{},\"two\nlines\",2024-01-01T11:{:02}:00Z,\"app\"\n", i % 13, i % 60)),
            2 => s.push_str("\n\n"),
            3 => s.push_str(&format!("C{},Buy,not a time,web\n", i % 13)),
            4 => s.push_str(&format!("C{},Kündigung,2024-01-02T09:{:02}:00Z,\n", i % 13, i % 60)),
            5 if cr => s.push_str(&format!("C{},Search,2024-01-01T12:{:02}:00Z,web\r\n", i % 13, i % 60)),
            6 => s.push_str(&format!(",Search,2024-01-01T12:{:02}:00Z,web\n", i % 60)),
            7 => s.push_str(&format!("C{},Search\n", i % 13)),
            _ => s.push_str(&format!("C{},View,2024-01-0{}T08:{:02}:00Z,app\n", i % 17, 1 + i % 5, i % 60)),
        }
    }
    s.into_bytes()
}

#[test]
fn quotes_cr_blank_lines_and_bad_rows_give_the_ordinary_import() {
    for (cr, quotes) in [(false, false), (false, true), (true, false), (true, true)] {
        let data = mixed_log(cr, quotes);
        let (_, summary) = import_all(data.clone(), &column_mapping()).unwrap();
        assert!(summary.skipped_rows > 0, "cr {cr} quotes {quotes}");
        check(&data, &column_mapping(), None);
    }
}

#[test]
fn other_encodings_a_byte_order_mark_and_a_wrong_mapping_give_the_ordinary_result() {
    // Windows-1252 (ü as one byte): not UTF-8, found only at the end.
    let text = String::from_utf8(mixed_log(false, false)).unwrap();
    let latin: Vec<u8> = text.chars().map(|c| if c == 'ü' { 0xFC } else { c as u8 }).collect();
    check(&latin, &column_mapping(), None);
    check(&latin, &column_mapping(), Some(TextEncoding::Windows1252));
    check(&latin, &column_mapping(), Some(TextEncoding::Utf8));
    // A byte-order mark.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(generated(500, 3));
    check(&bom, &column_mapping(), None);
    // A mapping whose column the header lacks: the ordinary error.
    let mut wrong = column_mapping();
    wrong.time = "when".into();
    let data = generated(500, 4);
    assert!(matches!(streamed(&data, 100, &wrong, None), Err(ImportError::MissingColumn { .. })));
    check(&data, &wrong, None);
    // Blank only, and one line.
    check(b"\n\n  \n", &column_mapping(), None);
    check(b"case_id,activity,timestamp,channel\n", &column_mapping(), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Random bytes from a small alphabet of CSV's special bytes around a valid log.
    #[test]
    fn random_files_in_random_chunks_give_the_ordinary_import(
        body in prop::collection::vec(prop::sample::select(b"C1,x\n\r\"\xc3\xbc 2024-01-01T10:00:00Z;".to_vec()), 0..400),
        chunk in 1usize..300,
    ) {
        let mut data = b"case_id,activity,timestamp,channel\nC1,a,2024-01-01T10:00:00Z,web\n".to_vec();
        data.extend(body);
        let whole = Importer::with_encoding(data.clone(), &column_mapping(), None).and_then(Importer::finish);
        prop_assert_eq!(streamed(&data, chunk, &column_mapping(), None), whole);
    }
}
