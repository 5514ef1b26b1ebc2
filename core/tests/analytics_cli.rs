//! The `journey-analyze` binary end to end: JSON report with the promised top-level keys,
//! the generator subcommand, and a clear bilingual error with a non-zero exit code.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_journey-analyze");
const PATIENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/patients.csv");
const MALFORMED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed/");

#[test]
fn json_report_on_patients_uses_the_guessed_lifecycle_filter() {
    let out = Command::new(BIN).args([PATIENTS, "--json", "--end", "Check-out"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Same numbers as the Python reference with registration_type=complete.
    assert_eq!(json["cases"], 500);
    assert_eq!(json["events"], 2721);
    assert_eq!(json["activities"], 7);
    assert_eq!(json["dfg_edges"], 7);
    assert_eq!(json["variants"], 7);
    assert_eq!(json["throughput_median_s"], 516494.0);
    assert_eq!(json["mapping"]["lifecycle"][0], "registration_type");
    assert_eq!(json["import"]["lifecycle_filtered"], 2721);
    assert!(json["dfg"]["edges"].is_array() && json["drop_off"]["end_activities"][0] == "Check-out");
}

#[test]
fn explicit_columns_and_no_lifecycle_keep_every_row() {
    let out = Command::new(BIN)
        .args([PATIENTS, "--case", "patient", "--activity", "handling", "--time", "time", "--no-lifecycle", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["events"].as_u64(), json["timestamp_ties"].as_u64()), (Some(5442), Some(277)));
}

#[test]
fn generate_writes_the_requested_number_of_rows() {
    let out = Command::new(BIN).args(["generate", "--events", "1234", "--seed", "9"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1235);
    assert!(text.starts_with(journey_core::analytics::generator::HEADER));
}

#[test]
fn unusable_file_exits_with_a_message_in_the_chosen_language() {
    let file = format!("{MALFORMED}bad_timestamps.csv");
    let out = Command::new(BIN).args([file.as_str(), "--lang", "de"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Keine verwendbaren Zeilen") && err.contains("Zeile 2"), "{err}");
}

#[test]
fn with_a_map_the_goal_is_its_main_route_end_and_without_one_nothing_is_guessed() {
    use journey_core::model::{schema, Channel, JourneyMap, Lang, RouteKind};
    let mut map = JourneyMap::blank("m", "Clinic", 0.0, Lang::En);
    let s = map.stages[0].id.clone();
    let a = map.add_touchpoint(&s, "Registration", Channel::Website).unwrap();
    let b = map.add_touchpoint(&s, "X-Ray", Channel::Website).unwrap();
    let c = map.add_touchpoint(&s, "check-out", Channel::Website).unwrap();
    map.add_route(&a, &b, RouteKind::Planned);
    map.add_route(&b, &c, RouteKind::Planned);
    let dir = std::env::temp_dir().join(format!("journey-cli-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("clinic.json");
    std::fs::write(&path, schema::to_json(&map)).unwrap();
    let out = Command::new(BIN).args([PATIENTS, "--json", "--map", path.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["drop_off"]["end_activities"], serde_json::json!(["Check-out"]));
    assert_eq!(json["drop_off"]["goal_missing"], false);
    // No --end and no --map: no goal, nothing counted as dropped, a suggestion on stderr.
    let out = Command::new(BIN).args([PATIENTS, "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["drop_off"]["goal_missing"], true);
    assert_eq!(json["drop_off"]["dropped"], 0);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no goal activity") && err.contains("suggestion"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
