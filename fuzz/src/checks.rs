//! The checks of the fuzz targets, one function per target: the input must give a value
//! or an error, never a panic, and the invariants written here must hold. Shared by the
//! fuzz targets (fuzz/fuzz_targets/) and, through `#[path]`, by the regression test
//! core/tests/fuzz_regressions.rs, which replays every crash the fuzzer ever found.

use journey_core::analytics::long_fields::MAX_FIELD_BYTES;
use journey_core::analytics::session::bounded_report;
use journey_core::analytics::shown::SHOWN_ACTIVITIES;
use journey_core::analytics::survey::survey_with;
use journey_core::analytics::{
    analyze, detect_columns_with, deviation, AnalysisOptions, ColumnMapping, Importer,
};
use journey_core::interop::{
    decode_share_fragment, encode_share_fragment, export_backup, export_mermaid, import_mermaid, import_rows,
    normalise_mermaid, parse_backup, parse_import_file, read_sheet_bytes, suggest_mapping,
};
use journey_core::model::schema::{parse_map, to_json};
use journey_core::model::{JourneyMap, Lang};
use journey_core::score::score_map;
use journey_core::templates::Template;

use crate::{chunk_rows, csv_options, split_control};

thread_local! {
    static MAP_EVENT_LOG: JourneyMap = Template::Welcome.build("m", 0.0, Lang::En);
}

thread_local! {
    static MAP_SURVEY_CSV: JourneyMap = Template::ProductTest.build("m", 0.0, Lang::En);
}

/// A map file (JSON): `parse_map` answers with a map or an error with line/column, never
/// a panic; a map it accepts can be scored and written again.
pub fn map_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(map) = parse_map(text) {
        let _ = score_map(&map);
        let _ = to_json(&map);
    }
}

/// A backup file or any JSON file picked for import: read as a backup, and through the
/// "Import JSON" path that tells a backup from a single map. Every map it returns can be
/// written again.
pub fn backup_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(backup) = parse_backup(text) {
        let _ = export_backup(&backup.maps, 0.0);
    }
    if let Ok(file) = parse_import_file(text) {
        let _ = export_backup(&file.into_maps(), 0.0);
    }
}

/// A touchpoint spreadsheet: any bytes, in any encoding the user may pick, with the
/// suggested mapping, imported into a map. Every row is either added or reported.
pub fn touchpoint_csv(data: &[u8]) {
    let Some((control, file)) = split_control(data) else { return };
    let Ok(sheet) = read_sheet_bytes(file, &csv_options(control)) else { return };
    let mut map = JourneyMap::blank("m", "M", 0.0, Lang::De);
    let before = map.touchpoints.len();
    if let Ok(report) = import_rows(&mut map, &sheet, &suggest_mapping(&sheet.headers), Lang::En) {
        assert_eq!(map.touchpoints.len(), before + report.added.len());
        let mut skipped: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
        skipped.dedup();
        assert_eq!(report.added.len() + skipped.len(), sheet.rows.len());
    }
}

/// A Mermaid `journey` diagram: imported (issues carry line and column ≥ 1) and
/// normalised, never a panic; an imported map can be exported again.
pub fn mermaid(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(result) = import_mermaid(text, "m", 0.0, Lang::De) {
        for issue in &result.issues {
            assert!(issue.line >= 1 && issue.column >= 1, "{issue:?}");
        }
        let _ = export_mermaid(&result.map, Lang::En);
    }
    let _ = normalise_mermaid(text);
}

/// A share link's fragment: raw, and behind the `v1.` prefix so the fuzzer reaches the
/// base64 and deflate layers; a decoded map can be encoded again.
pub fn share_link(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for fragment in [text.to_string(), format!("v1.{text}")] {
        if let Ok(map) = decode_share_fragment(&fragment) {
            let _ = encode_share_fragment(&map);
        }
    }
}

/// An event-log CSV, the way the browser reads it: column detection on the file, the
/// detected mapping, the import, the whole analysis and the deviation from a map. The
/// counts must stay true (every case has an event; events and cases agree between the
/// summary, the log and the report) and the import fed through the incremental API in
/// two or three steps must equal the one-shot import.
pub fn event_log(data: &[u8]) {
    let Some((control, file)) = split_control(data) else { return };
    let options = csv_options(control);
    let Ok(detection) = detect_columns_with(file, &options) else { return };
    // The guessed roles, or else the first three columns (as a user could map them).
    let positional = || {
        let h = &detection.headers;
        (h.len() >= 3).then(|| ColumnMapping {
            delimiter: detection.delimiter,
            case: h[0].clone(),
            activity: h[1].clone(),
            time: h[2].clone(),
            channel: h.get(3).cloned().filter(|_| control & 0x40 != 0),
            rating: h.get(4).cloned().filter(|_| control & 0x80 != 0),
            resource: None,
            lifecycle: None,
            time_zone: None,
            time_form: Default::default(),
        })
    };
    let Some(mapping) = ColumnMapping::from_detection(&detection).or_else(positional) else { return };
    let encoding = options.encoding;
    let one_shot = Importer::with_encoding(file.to_vec(), &mapping, encoding).and_then(|i| i.finish());
    // The same import in steps of a few rows.
    let stepped = Importer::with_encoding(file.to_vec(), &mapping, encoding).and_then(|mut imp| {
        let mut last_rows = 0;
        for rows in chunk_rows(control) {
            let p = imp.step(rows);
            assert!(p.rows >= last_rows && p.bytes_read <= p.total_bytes);
            last_rows = p.rows;
        }
        imp.finish()
    });
    assert_eq!(one_shot, stepped);
    let Ok((log, summary)) = one_shot else { return };
    assert_eq!(summary.cases as usize, log.case_names.len());
    assert_eq!(summary.events as usize, log.event_count());
    assert_eq!(summary.skipped_rows + summary.events + summary.lifecycle_filtered, summary.rows);
    for c in 0..log.case_count() {
        assert!(!log.case_range(c).is_empty(), "case {c} has no events");
    }
    // No field longer than the limit reaches the log (`long_fields.rs`).
    let longest = log.activity_names.iter().chain(&log.case_names).map(String::len).max().unwrap_or(0);
    assert!(longest <= MAX_FIELD_BYTES, "a name of {longest} bytes");
    let report = analyze(&log, &AnalysisOptions::default());
    assert_eq!((report.cases, report.events), (summary.cases, summary.events));
    // The page's copy is bounded and adds up to the whole (`session/bounds.rs`).
    let shown = bounded_report(report.clone());
    let omitted = shown.omitted.unwrap_or_default();
    assert!(shown.volumes.activities.len() <= SHOWN_ACTIVITIES && shown.dfg.edges.len() <= SHOWN_ACTIVITIES);
    assert_eq!(shown.volumes.activities.len() as u64 + omitted.activities.count, report.activities);
    assert_eq!(shown.volumes.activities.iter().map(|a| a.events).sum::<u64>() + omitted.activities.events, report.events);
    let d = &report.drop_off;
    assert_eq!(d.completed + d.in_progress + d.dropped, report.cases);
    MAP_EVENT_LOG.with(|map| {
        let dev = deviation(&log, map);
        assert_eq!(dev.transitions, report.events - report.cases);
    });
}

/// A survey CSV against a template map, in any encoding and delimiter the user may pick:
/// every row is counted, the skipped ones reported with their line.
pub fn survey_csv(data: &[u8]) {
    let Some((control, file)) = split_control(data) else { return };
    MAP_SURVEY_CSV.with(|map| {
        if let Ok(report) = survey_with(file, map, &csv_options(control)) {
            assert!(report.skipped_rows <= report.rows);
            for issue in &report.first_issues {
                assert!(issue.line >= 1, "{issue:?}");
            }
        }
    });
}

/// Round trips of a map the app accepted: parse → score → JSON; the map written as JSON,
/// as a backup, as a share link and read back is the same map; Mermaid (which carries
/// only stages, tasks, emotions and actors) written, read and written again gives the
/// same text.
pub fn roundtrip(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(map) = parse_map(text) else { return };
    let scores = score_map(&map);
    serde_json::to_string(&scores).expect("scores serialise");

    let json = to_json(&map);
    assert_eq!(parse_map(&json).as_ref(), Ok(&map), "JSON round trip\n{json}");

    let backup = export_backup(std::slice::from_ref(&map), 0.0);
    let back = parse_backup(&backup).expect("own backup reads back");
    assert_eq!(back.maps, vec![map.clone()], "backup round trip");

    if let Ok(fragment) = encode_share_fragment(&map) {
        assert_eq!(decode_share_fragment(&fragment).as_ref(), Ok(&map), "share link round trip");
    }

    for lang in [Lang::En, Lang::De] {
        let first = export_mermaid(&map, lang);
        let read = import_mermaid(&first.text, "m", 0.0, lang).expect("own Mermaid reads back");
        let second = export_mermaid(&read.map, lang);
        assert_eq!(second.text, first.text, "Mermaid round trip");
    }
}
