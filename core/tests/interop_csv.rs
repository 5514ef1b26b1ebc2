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

#[test]
fn rates_are_exported_in_percent_under_a_header_that_says_so() {
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::En);
    let stage = map.stages[0].id.clone();
    let id = map.add_touchpoint(&stage, "Pays", journey_core::model::Channel::App).unwrap();
    let m = &mut map.touchpoint_mut(&id).unwrap().measurements;
    (m.drop_off_rate, m.ces, m.volume) = (Some(0.07), Some(0.855), Some(1200.0));
    for (lang, drop_off) in [(Lang::En, "Drop-off rate (%)"), (Lang::De, "Abbruchrate (%)")] {
        let text = export_touchpoints_csv(&map, CsvExportOptions { lang, delimiter: b',' }, &[]);
        let sheet = read_sheet(&text).unwrap();
        let cell = |header: &str| sheet.rows[0].cells[sheet.headers.iter().position(|h| h == header).unwrap()].clone();
        assert_eq!(cell(drop_off), "7");
        assert_eq!(cell("CES (%)"), "85.5");
        assert_eq!(cell(lang.pick(("Volume", "Volumen"))), "1200");
    }
}

#[test]
fn a_file_in_the_older_format_imports_unchanged_with_rates_as_shares() {
    // The header row and cells as exports before rates were written in percent.
    let old = "ID,Stage,Title,Channel,Customer action,Thoughts,Emotion,Pain points,Owner,Visibility,Evidence,Evidence source,Volume,Drop-off rate,Throughput time (s),CSAT,CES,NPS\n\
               tp-1,Awareness,Sees a post,social_media,,,1,,,frontstage,measured,,12000,0.8,,,,\n\
               tp-2,Purchase,Pays,app,,,0,Slow | Rude,,frontstage,assumed,,350,0.05,90,4.2,0.855,-20\n";
    let old_de = "ID;Phase;Titel;Kanal;Kundenaktion;Gedanken;Emotion;Schmerzpunkte;Verantwortlich;Sichtbarkeit;Beleg;Belegquelle;Volumen;Abbruchrate;Durchlaufzeit (s);CSAT;CES;NPS\n\
                  tp-1;Aufmerksamkeit;Sieht einen Post;social_media;;;1;;;frontstage;measured;;12000;0.8;;;;\n\
                  tp-2;Kauf;Bezahlt;app;;;0;Langsam;;frontstage;assumed;;350;0.05;90;4.2;0.855;-20\n";
    for (text, lang) in [(old, Lang::En), (old_de, Lang::De)] {
        let sheet = read_sheet(text).unwrap();
        let mut map = JourneyMap::empty("new", "New", 0.0);
        let report = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), lang).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let first = &map.touchpoint(&report.added[0]).unwrap().measurements;
        assert_eq!((first.volume, first.drop_off_rate), (Some(12000.0), Some(0.8)));
        let second = &map.touchpoint(&report.added[1]).unwrap().measurements;
        assert_eq!(
            (second.drop_off_rate, second.throughput_time_s, second.csat, second.ces, second.nps),
            (Some(0.05), Some(90.0), Some(4.2), Some(0.855), Some(-20.0))
        );
    }
}

proptest::proptest! {
    /// Export → import keeps every rate bit for bit, whatever its digits (the export moves
    /// the decimal point of the share's shortest form; the import moves it back).
    #[test]
    fn every_rate_survives_export_and_import_exactly(
        drop_off in 0.0f64..=1.0,
        ces in proptest::sample::select(vec![0.0, 1.0, 0.07, 0.007, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 1e-9, 0.999_999_999_999_999_9, f64::MIN_POSITIVE]),
        lang in proptest::sample::select(vec![Lang::En, Lang::De]),
    ) {
        let mut original = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let stage = original.stages[0].id.clone();
        let id = original.add_touchpoint(&stage, "T", journey_core::model::Channel::App).unwrap();
        let m = &mut original.touchpoint_mut(&id).unwrap().measurements;
        (m.drop_off_rate, m.ces) = (Some(drop_off), Some(ces));
        let text = export_touchpoints_csv(&original, CsvExportOptions { lang, delimiter: b';' }, &[]);
        let sheet = read_sheet(&text).unwrap();
        let mut map = JourneyMap::empty("new", "New", 0.0);
        let report = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), lang).unwrap();
        proptest::prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
        let back = &map.touchpoint(&report.added[0]).unwrap().measurements;
        proptest::prop_assert_eq!(back.drop_off_rate.map(f64::to_bits), Some(drop_off.to_bits()));
        proptest::prop_assert_eq!(back.ces.map(f64::to_bits), Some(ces.to_bits()));
    }
}
