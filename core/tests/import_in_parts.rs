//! The CLI reads a big log's rows in parts, one thread each (`Importer::finish_in_parts`),
//! cut at line ends and joined in file order. Against one read of the same file: random
//! logs with quoted fields and line breaks inside quotes (cuts that fall inside them), CR
//! line ends, blank lines, a byte-order mark, bad and short rows, text that is not UTF-8,
//! long fields, ratings, resources and a lifecycle filter — log and summary must be equal.

use journey_core::analytics::{ColumnMapping, Importer};
use proptest::prelude::*;

/// Row templates over the columns case, activity, time, channel, rating, resource,
/// lifecycle; `{c}` is a case id, `{m}` a minute.
const ROWS: [&str; 14] = [
    "C{c},Visit,2024-01-01T10:{m}:00Z,web,4,ann,complete\n",
    "C{c},Buy,2024-01-02T11:{m}:00Z,app,\"4,5\",bob,complete\n",
    "\"C{c}\",\"Ask, then wait\",2024-01-01T09:{m}:00Z,\"\",,ann,complete\n",
    "C{c},\"two\nlines\",2024-01-01T12:{m}:00Z,web,1,,complete\n",
    "C{c},Visit,2024-01-01T10:{m}:00Z,web,3,ann,start\n",
    "C{c},Pay,not a time,web,2,ann,complete\n",
    "C{c},Pay\n",
    "\n\n",
    "C{c},Search,2024-01-01T10:{m}:00Z,app,5,bob,complete\r\n",
    "C{c},\"say \"\"hi\"\"\",2024-01-01T10:{m}:30Z,web,,eve,complete\n",
    "C\u{e9}{c},Caf\u{e9},2024-01-03T10:{m}:00Z,shop,2,ann,complete\n",
    "\u{0}BAD,Visit,2024-01-01T10:{m}:00Z,web,4,ann,complete\n",
    ",Visit,2024-01-01T10:{m}:00Z,web,4,ann,complete\n",
    "C{c},Visit,2024-01-01T10:{m}:00Z,web,4,ann,complete",
];

fn file() -> impl Strategy<Value = Vec<u8>> {
    let row = (0..ROWS.len(), 0..30u32, 0..60u32, 0..40u32);
    (any::<bool>(), prop::collection::vec(row, 0..400)).prop_map(|(bom, rows)| {
        let mut out: Vec<u8> = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        out.extend_from_slice(b"case_id,activity,timestamp,channel,rating,resource,lifecycle\n");
        for (t, c, m, extra) in rows {
            let text = ROWS[t].replace("{c}", &c.to_string()).replace("{m}", &format!("{m:02}"));
            let mut bytes = text.into_bytes();
            match extra {
                // Not UTF-8 in the case id.
                0 => bytes.splice(0..0, [0xFF]).for_each(drop),
                // A field longer than the importer keeps.
                1 => bytes.splice(0..0, std::iter::repeat_n(b'x', 4100)).for_each(drop),
                _ => {}
            }
            out.extend(bytes);
        }
        out
    })
}

/// The generator's columns (case_id, activity, timestamp, channel) and three more.
fn mapping(lifecycle: bool) -> ColumnMapping {
    let more = |name: &str| Some(name.to_string());
    let lifecycle = lifecycle.then(|| ("lifecycle".into(), "complete".into()));
    ColumnMapping { rating: more("rating"), resource: more("resource"), lifecycle, ..journey_core::analytics::generator::column_mapping() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn a_log_read_in_parts_equals_one_read(data in file(), parts in 2usize..7, lifecycle in any::<bool>()) {
        let m = mapping(lifecycle);
        let whole = Importer::new(data.clone(), &m).and_then(Importer::finish);
        let in_parts = Importer::new(data, &m).and_then(|i| i.finish_in_parts(parts));
        match (whole, in_parts) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.0, b.0);
                prop_assert_eq!(a.1, b.1);
            }
            (Err(a), Err(b)) => prop_assert_eq!(format!("{a:?}"), format!("{b:?}")),
            (a, b) => prop_assert!(false, "one read {:?}, in parts {:?}", a.map(|r| r.1), b.map(|r| r.1)),
        }
    }
}

/// A file of several MB on every core, as the CLI reads it.
#[test]
fn a_big_log_on_all_cores_equals_one_read() {
    let mut data = b"case_id,activity,timestamp,channel,rating,resource,lifecycle\n".to_vec();
    // Enough rows that the second part (half) joins its case ids on a thread of their own.
    for i in 0..220_000u32 {
        let t = (i % 97) as usize % ROWS.len();
        let text = ROWS[t].replace("{c}", &((i * 7919) % 9000).to_string()).replace("{m}", &format!("{:02}", i % 60));
        data.extend(text.into_bytes());
    }
    assert!(data.len() > 8 << 20);
    let m = mapping(true);
    let (log, summary) = Importer::new(data.clone(), &m).unwrap().finish().unwrap();
    let (log2, summary2) = Importer::new(data, &m).unwrap().finish_on_all_cores().unwrap();
    assert!(log.case_names.len() > 5000 && summary.skipped_rows > 0);
    assert_eq!(log, log2);
    assert_eq!(summary, summary2);
}
