//! Bad input never panics: every reader in `interop` gets arbitrary text (and text that
//! starts out right and then goes wrong) and must answer with a value or an error.

use journey_core::interop::{
    decode_share_fragment, import_mermaid, import_rows, normalise_mermaid, parse_backup, parse_import_file, read_sheet,
    suggest_mapping,
};
use journey_core::model::{JourneyMap, Lang};
use proptest::prelude::*;

/// Lines made of the characters the Mermaid and CSV readers treat specially.
fn tricky_lines() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Z0-9 :#;,%{}\"'\\-+.é\t]{0,20}|(title|section|accTitle|accDescr)[ :{]?.{0,8}|#[0-9a-z]{0,6};?", 0..12)
        .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mermaid_reader_never_panics(body in tricky_lines(), any in any::<String>()) {
        for text in [format!("journey\n{body}"), body.clone(), any.clone(), format!("---\n{any}")] {
            if let Ok(result) = import_mermaid(&text, "m", 0.0, Lang::De) {
                for issue in &result.issues {
                    prop_assert!(issue.line >= 1 && issue.column >= 1);
                    prop_assert!(!issue.message(Lang::En).is_empty());
                }
            }
            let _ = normalise_mermaid(&text);
        }
    }

    #[test]
    fn csv_reader_never_panics(body in tricky_lines(), any in any::<String>()) {
        for text in [format!("stage,title,emotion,drop-off rate,csat\n{body}"), any.clone()] {
            if let Ok(sheet) = read_sheet(&text) {
                let mut map = JourneyMap::empty("m", "M", 0.0);
                if let Ok(report) = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), Lang::En) {
                    prop_assert_eq!(report.added.len(), map.touchpoints.len());
                }
            }
        }
    }

    #[test]
    fn json_and_link_readers_never_panic(any in any::<String>(), b64 in "[A-Za-z0-9_-]{0,200}") {
        let _ = parse_backup(&any);
        let _ = parse_import_file(&any);
        let _ = decode_share_fragment(&any);
        let _ = decode_share_fragment(&format!("v1.{b64}"));
    }
}
