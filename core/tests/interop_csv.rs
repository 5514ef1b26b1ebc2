//! Touchpoints survive CSV export → read → suggested mapping → import, in both languages
//! and with both delimiters; the sheet a user would make by hand imports too.

use journey_core::interop::{export_touchpoints_csv, import_rows, read_sheet, suggest_mapping, CsvExportOptions};
use journey_core::model::{JourneyMap, Lang};
use journey_core::templates::coffee_to_go;

#[test]
fn exported_touchpoints_come_back_with_every_exported_field() {
    for lang in Lang::ALL {
        for delimiter in [b',', b';'] {
            let original = coffee_to_go("ex", 0.0, lang);
            let text = export_touchpoints_csv(&original, CsvExportOptions { lang, delimiter }, &[]);
            let sheet = read_sheet(&text).unwrap();
            assert!(sheet.has_header);
            assert_eq!(sheet.delimiter, delimiter);
            let mapping = suggest_mapping(&sheet.headers);
            let mut map = JourneyMap::empty("new", "New", 0.0);
            let report = import_rows(&mut map, &sheet, &mapping, lang).unwrap();
            assert!(report.problems.is_empty(), "{:?}", report.problems);
            assert_eq!(report.added.len(), original.touchpoints.len());
            // Stages are created in order of first use, which is stage order.
            let names = |m: &JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
            assert_eq!(names(&map), names(&original));
            // Rows are written stage by stage (the example adds its backstage touchpoint last).
            let in_stage_order = original.stages.iter().flat_map(|s| original.touchpoints_in(&s.id));
            for (a, b) in in_stage_order.zip(&map.touchpoints) {
                assert_eq!(original.stage(&a.stage_id).unwrap().name, map.stage(&b.stage_id).unwrap().name);
                assert_eq!(
                    (&a.title, &a.channel, &a.customer_action, &a.thoughts, a.emotion, &a.pain_points, &a.owner),
                    (&b.title, &b.channel, &b.customer_action, &b.thoughts, b.emotion, &b.pain_points, &b.owner)
                );
                assert_eq!((a.visibility, &a.evidence, &a.measurements), (b.visibility, &b.evidence, &b.measurements));
            }
        }
    }
}

#[test]
fn a_hand_made_german_sheet_imports_with_its_problems_listed() {
    let sheet = "Phase;Titel;Kanal;Emotion;Schmerzpunkte;Abbruchrate\n\
                 Aufmerksamkeit;Sieht Plakat;Werbung;1;;\n\
                 Kauf;Bezahlt;Onlineshop;sehr gut;Zu teuer | Kein PayPal;5 %\n\
                 Kauf;Bestellt;Onlineshop;2;Kein PayPal | Versand teuer;0,05\n\
                 Service;Ruft an;Telefon;-3;;\n";
    let sheet = read_sheet(sheet).unwrap();
    let mut map = JourneyMap::blank("m", "Shop", 0.0, Lang::De);
    let report = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), Lang::De).unwrap();
    assert_eq!(report.added.len(), 2);
    assert_eq!(report.created_stages, Vec::<String>::new(), "Kauf and Aufmerksamkeit exist in a blank German map");
    let lines: Vec<(usize, Option<usize>)> = report.problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(lines, [(3, Some(4)), (5, Some(4))]);
    assert!(report.problems[1].message(Lang::De).contains("„-3“"));
    let ordered = map.touchpoint(&report.added[1]).unwrap();
    assert_eq!(ordered.pain_points, ["Kein PayPal", "Versand teuer"]);
    assert_eq!(ordered.measurements.drop_off_rate, Some(0.05));
}
