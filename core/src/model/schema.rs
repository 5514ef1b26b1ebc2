//! The versioned JSON format of a journey map: reading (with migration of older versions
//! and a refusal of newer ones) and writing.
//!
//! Every stored or exported map carries `schema_version`. Reading goes through
//! [`parse_map`] only, never straight through serde, so that an old map is migrated and a
//! map from a newer app is refused instead of being silently truncated on the next save.

use serde_json::Value;

use super::envelope::{EnvelopeError, ENVELOPE_VERSION};
use super::{JourneyMap, Lang};

// The version this build writes is declared beside the struct it versions (every new map
// carries it), and read here.
pub use super::journey_map::SCHEMA_VERSION;

// Versions:
// 1 — the first format.
// 2 — `analytics`: activity ↔ touchpoint matching, goal activities, drop-off timeout,
//     funnel window and time zone remembered per map (`model::AnalyticsSettings`).
// 3 — `period` on touchpoint measurements and routes (`model::MeasuredPeriod`): a volume
//     measured from a log is the count in that period, not per month. An older app would
//     drop the period on its next save and show the count "/ month", so it must refuse.
// 4 — `analytics.recipe` (how the last import read its files) and `analytics.history` (each
//     applied import as a dated period with its key figures). An older app would drop both
//     on its next save, so it must refuse.

/// Why a map could not be read. Carries where it went wrong, so the user can be told.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON at all: line and column of the first error (1-based).
    Syntax { line: usize, column: usize, detail: String },
    /// Written by a newer version of the app.
    NewerVersion { found: u32, supported: u32 },
    /// JSON, but not a journey map: `path` is the JSON path of the offending value.
    Invalid { path: String, detail: String },
    /// JSON, but not a journey map, found by [`read_stored_map`]: line and column (1-based)
    /// of the offending value instead of its path.
    InvalidAt { line: usize, column: usize, detail: String },
}

impl LoadError {
    /// The message shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Syntax { line, column, detail }, Lang::En) => {
                format!("Not valid JSON at line {line}, column {column}: {detail}")
            }
            (LoadError::Syntax { line, column, detail }, Lang::De) => {
                format!("Kein gültiges JSON in Zeile {line}, Spalte {column}: {detail}")
            }
            (LoadError::NewerVersion { found, supported }, Lang::En) => format!(
                "This map was saved with schema version {found}, but this app reads only up to \
                 version {supported}. Please update Journey Studio."
            ),
            (LoadError::NewerVersion { found, supported }, Lang::De) => format!(
                "Diese Karte wurde mit Schema-Version {found} gespeichert, diese App liest nur \
                 bis Version {supported}. Bitte aktualisieren Sie Journey Studio."
            ),
            (LoadError::Invalid { path, detail }, Lang::En) => {
                format!("Not a valid journey map at {path}: {detail}")
            }
            (LoadError::Invalid { path, detail }, Lang::De) => {
                format!("Keine gültige Journey Map bei {path}: {detail}")
            }
            (LoadError::InvalidAt { line, column, detail }, Lang::En) => {
                format!("Not a valid journey map at line {line}, column {column}: {detail}")
            }
            (LoadError::InvalidAt { line, column, detail }, Lang::De) => {
                format!("Keine gültige Journey Map in Zeile {line}, Spalte {column}: {detail}")
            }
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Reads a map from JSON text, migrating older schema versions.
pub fn parse_map(text: &str) -> Result<JourneyMap, LoadError> {
    map_from_value(parse_value(text)?)
}

/// Reads a map the app stored itself (local storage, another tab's write, the undo history
/// handed between the app's wasm modules): the same version checks and migration as
/// [`parse_map`], but a value that does not fit is reported with serde_json's line and
/// column ([`LoadError::InvalidAt`]) instead of its JSON path (of the unpacked JSON: maps
/// are stored packed, see `stored.rs`; older ones as pretty JSON). It needs no serde_path_to_error, whose code (about a
/// tenth of a small module) stays out of the library and map modules that only read
/// stored maps; files a user picks keep their JSON paths ([`parse_map`]).
pub fn read_stored_map(text: &str) -> Result<JourneyMap, LoadError> {
    // Packed in storage (`envelope.rs`); plain JSON from before packing reads as it is.
    let text = super::envelope::unpack(text).map_err(|e| match e {
        EnvelopeError::Newer(found) => LoadError::NewerVersion { found, supported: ENVELOPE_VERSION },
        EnvelopeError::Damaged(detail) => LoadError::Syntax { line: 1, column: 1, detail },
    })?;
    let text = text.as_ref();
    let mut value = parse_value(text)?;
    let version = checked_version(&value)?;
    let invalid_at = |e: serde_json::Error| LoadError::InvalidAt {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    };
    if version == SCHEMA_VERSION {
        return serde_json::from_str(text).map_err(invalid_at);
    }
    // An older map: migrated as a value, then read from its text (positions then refer to
    // the migrated JSON, written compactly — rare enough for a stored map).
    migrate(&mut value, version);
    serde_json::from_str(&value.to_string()).map_err(invalid_at)
}

fn parse_value(text: &str) -> Result<Value, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })
}

/// The map's `schema_version`, refused when missing, not a whole number, 0 or newer.
fn checked_version(value: &Value) -> Result<u32, LoadError> {
    let version = match value.get("schema_version") {
        None => {
            return Err(LoadError::Invalid {
                path: "schema_version".into(),
                detail: "missing".into(),
            })
        }
        Some(v) => v.as_u64().ok_or_else(|| LoadError::Invalid {
            path: "schema_version".into(),
            detail: format!("expected a whole number, found {v}"),
        })?,
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerVersion { found: version, supported: SCHEMA_VERSION });
    }
    if version == 0 {
        return Err(LoadError::Invalid {
            path: "schema_version".into(),
            detail: "version 0 does not exist".into(),
        });
    }
    Ok(version)
}

/// Reads a map from an already parsed JSON value (e.g. one entry of a backup file).
pub fn map_from_value(mut value: Value) -> Result<JourneyMap, LoadError> {
    let version = checked_version(&value)?;
    migrate(&mut value, version);
    let map: JourneyMap = serde_path_to_error::deserialize(value).map_err(|e| LoadError::Invalid {
        path: e.path().to_string(),
        detail: e.inner().to_string(),
    })?;
    Ok(map)
}

/// Brings a map of `from` up to [`SCHEMA_VERSION`], one version at a time. Each step is a
/// function of the JSON value so that old files never need the old Rust types.
fn migrate(value: &mut Value, from: u32) {
    // One step per version, each with a test on a stored file of the older version.
    if from < 2 {
        v1_to_v2(value);
    }
    // 2 → 3 adds only the optional `period`: a version 2 value has none, and its volumes
    // stay what they were entered as, per month. Nothing to rewrite.
    // 3 → 4 adds only the optional recipe and history: a version 3 map has imported
    // nothing with a recipe and has no periods yet. Nothing to rewrite.
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
}

/// Version 2 adds the per-map analytics settings. A version 1 map has made no choices
/// yet: it gets empty settings, so its activities keep matching touchpoints by event key
/// and title as they did, and its goal stays the end of its main route.
fn v1_to_v2(value: &mut Value) {
    if let Some(obj) = value.as_object_mut() {
        obj.entry("analytics").or_insert_with(|| Value::Object(Default::default()));
    }
}

/// Writes a map as pretty JSON with the current schema version.
pub fn to_json(map: &JourneyMap) -> String {
    let mut copy = map.clone();
    copy.schema_version = SCHEMA_VERSION;
    serde_json::to_string_pretty(&copy).expect("a journey map always serialises")
}

/// serde_json appends " at line X column Y" to its messages; we report those separately
/// (here and for a backup file's envelope, `interop::backup`).
pub(crate) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, RouteKind};

    fn sample() -> JourneyMap {
        let mut m = JourneyMap::blank("m1", "Sample", 1_700_000_000_000.0, Lang::En);
        let s0 = m.stages[0].id.clone();
        let s1 = m.stages[1].id.clone();
        let p = m.add_persona("Lena");
        let a = m.add_touchpoint(&s0, "Instagram post", Channel::SocialMedia).unwrap();
        let b = m.add_touchpoint(&s1, "Reads reviews", Channel::Custom("Forum".into())).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(1));
        m.touchpoint_mut(&a).unwrap().persona_ids.push(p);
        m.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.25);
        m.add_route(&a, &b, RouteKind::Planned);
        m.add_route(&b, &a, RouteKind::LoopBack);
        m
    }

    #[test]
    fn json_round_trip_keeps_the_map() {
        let m = sample();
        let back = parse_map(&to_json(&m)).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn a_stored_version_1_map_reads_with_empty_analytics_settings() {
        // Written by the version 1 app (trimmed to the fields that matter).
        let v1 = r#"{"schema_version":1,"id":"m","name":"Shop","created_at":0,"updated_at":5,
            "stages":[{"id":"s1","name":"Buy"}],
            "touchpoints":[{"id":"t1","stage_id":"s1","title":"Pay",
                            "measurements":{"drop_off_rate":0.25}}],
            "routes":[],"next_seq":2}"#;
        let map = parse_map(v1).unwrap();
        assert_eq!(map.schema_version, SCHEMA_VERSION);
        assert!(map.analytics.is_empty());
        assert_eq!(map.touchpoints[0].measurements.drop_off_rate, Some(0.25));
        // Written back, it is a current map that reads the same.
        let again = to_json(&map);
        assert!(again.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
        assert_eq!(parse_map(&again).unwrap(), map);
    }

    #[test]
    fn a_stored_version_2_map_keeps_its_volumes_per_month_and_a_period_round_trips() {
        // Written by the version 2 app: a measured volume without any period.
        let v2 = r#"{"schema_version":2,"id":"m","name":"Shop","created_at":0,"updated_at":5,
            "stages":[{"id":"s1","name":"Buy"}],
            "touchpoints":[{"id":"t1","stage_id":"s1","title":"Pay",
                            "measurements":{"volume":3001},
                            "evidence":{"kind":"measured","source":"shop.csv (2024-03-20)"}},
                           {"id":"t2","stage_id":"s1","title":"Thanks"}],
            "routes":[{"id":"r1","from":"t1","to":"t2","volume":120}],"analytics":{},"next_seq":3}"#;
        let mut map = parse_map(v2).unwrap();
        assert_eq!(map.schema_version, SCHEMA_VERSION);
        assert_eq!(map.touchpoints[0].measurements.volume, Some(3001.0));
        assert_eq!(map.touchpoints[0].measurements.period, None, "an old value stays per month");
        assert_eq!(map.routes[0].period, None);
        let p = crate::model::MeasuredPeriod::new(1_709_251_200_000.0, 1_710_374_400_000.0, "shop.csv (2024-03-20)");
        map.touchpoints[0].measurements.period = Some(p.clone());
        map.routes[0].period = Some(p.clone());
        let back = parse_map(&to_json(&map)).unwrap();
        assert_eq!(back.touchpoints[0].measurements.period, Some(p.clone()));
        assert_eq!(back.routes[0].period, Some(p));
        assert_eq!(read_stored_map(v2).unwrap(), parse_map(v2).unwrap());
    }

    #[test]
    fn a_stored_version_3_map_reads_without_recipe_or_history_and_both_round_trip() {
        // Written by the version 3 app: measured values with their period, no recipe.
        let v3 = r#"{"schema_version":3,"id":"m","name":"Shop","created_at":0,"updated_at":5,
            "stages":[{"id":"s1","name":"Buy"}],
            "touchpoints":[{"id":"t1","stage_id":"s1","title":"Pay",
                            "measurements":{"volume":80,"period":{"start_ms":1709251200000,"end_ms":1710374400000,"source":"shop.csv"}}}],
            "routes":[],"analytics":{"goal_activities":["Pay"]},"next_seq":2}"#;
        let mut map = parse_map(v3).unwrap();
        assert_eq!(map.schema_version, SCHEMA_VERSION);
        assert_eq!(map.analytics.recipe(), None);
        assert!(map.analytics.history().is_empty());
        assert_eq!(map.analytics.goal_activities, vec!["Pay".to_string()]);
        assert_eq!(read_stored_map(v3).unwrap(), map);
        map.analytics.set_recipe(&crate::model::ImportRecipe {
            sources: vec![crate::model::RecipeSource {
                last_file: "orders-march.csv".into(),
                source: "shopify_orders".into(),
                columns: None,
                cases: "idle".into(),
                idle_minutes: Some(45),
                time_form: "day_first".into(),
                time_zone: Some("Europe/Berlin".into()),
                event_lang: Lang::De,
                drop: vec!["scroll".into()],
                rename: vec![("Paid".into(), "Bezahlt".into())],
                sheet: Some("Orders".into()),
            }],
        });
        let recipe = map.analytics.recipe().expect("the recipe reads back");
        assert_eq!(recipe.sources[0].idle_minutes, Some(45));
        let p = crate::model::MeasuredPeriod::new(1_709_251_200_000.0, 1_710_374_400_000.0, "orders-march.csv (2024-03-20)");
        map.analytics.record_period(crate::model::HistoryPeriod {
            period: p,
            sources: vec!["shopify_orders".into()],
            cases: 80,
            events: 200,
            goal: vec!["Pay".into()],
            completed: Some(60),
            dropped: Some(15),
            touchpoints: vec![crate::model::PeriodVolume { touchpoint_id: "t1".into(), title: "Pay".into(), cases: 80 }],
        });
        let back = parse_map(&to_json(&map)).unwrap();
        assert_eq!(back, map);
        assert_eq!(back.analytics.history()[0].completion(), Some(0.75));
        assert_eq!(read_stored_map(&crate::model::stored::pack_map(&map)).unwrap(), map);
        // A hand-edited recipe that does not read is kept as it is, and reads as none.
        let odd = to_json(&map).replacen("\"shopify_orders\",\n", "17,\n", 1);
        let odd_map = parse_map(&odd).unwrap();
        assert!(odd_map.analytics.recipe.is_some() && odd_map.analytics.recipe().is_none());
    }

    #[test]
    fn analytics_settings_round_trip() {
        let mut m = sample();
        let tp = m.touchpoints[0].id.clone();
        m.analytics.set_choice("View product", Some(tp.clone()));
        m.analytics.set_choice("Search", None);
        m.analytics.goal_activities = vec!["Pay".into()];
        m.analytics.time_zone = Some("Europe/Berlin".into());
        let back = parse_map(&to_json(&m)).unwrap();
        assert_eq!(back.analytics.choice("View product"), Some(Some(tp.as_str())));
        assert_eq!(back.analytics.choice("Search"), Some(None));
        assert_eq!(back.analytics.choice("Pay"), None);
        assert_eq!(back, m);
    }

    #[test]
    fn newer_schema_is_refused_naming_both_versions() {
        let text = to_json(&sample()).replacen(&format!("\"schema_version\": {SCHEMA_VERSION}"), "\"schema_version\": 7", 1);
        let err = parse_map(&text).unwrap_err();
        assert_eq!(err, LoadError::NewerVersion { found: 7, supported: SCHEMA_VERSION });
        let msg = err.message(Lang::En);
        assert!(msg.contains('7') && msg.contains(&SCHEMA_VERSION.to_string()), "{msg}");
        assert!(err.message(Lang::De).contains("Schema-Version 7"));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse_map("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        match err {
            LoadError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn wrong_types_name_the_json_path() {
        let text = to_json(&sample()).replacen("\"emotion\": 1", "\"emotion\": \"happy\"", 1);
        match parse_map(&text).unwrap_err() {
            LoadError::Invalid { path, .. } => assert_eq!(path, "touchpoints[0].emotion"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn missing_or_bad_version_is_invalid_not_a_panic() {
        assert!(matches!(parse_map("{}"), Err(LoadError::Invalid { .. })));
        assert!(matches!(parse_map("{\"schema_version\": -1}"), Err(LoadError::Invalid { .. })));
        assert!(matches!(parse_map("[]"), Err(LoadError::Invalid { .. })));
        assert!(matches!(parse_map(""), Err(LoadError::Syntax { .. })));
    }

    #[test]
    fn a_stored_map_reads_like_a_file_and_names_line_and_column() {
        let m = sample();
        assert_eq!(read_stored_map(&to_json(&m)).unwrap(), m);
        let v1 = r#"{"schema_version":1,"id":"m","name":"Shop","created_at":0,"updated_at":5,
            "stages":[{"id":"s1","name":"Buy"}],
            "touchpoints":[{"id":"t1","stage_id":"s1","title":"Pay"}],"routes":[],"next_seq":2}"#;
        assert_eq!(read_stored_map(v1).unwrap(), parse_map(v1).unwrap());
        let text = to_json(&m).replacen("\"emotion\": 1", "\"emotion\": \"happy\"", 1);
        let line = text.lines().position(|l| l.contains("\"emotion\": \"happy\"")).unwrap() + 1;
        match read_stored_map(&text).unwrap_err() {
            LoadError::InvalidAt { line: at, detail, .. } => {
                assert_eq!(at, line);
                assert!(detail.contains("happy"), "{detail}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = read_stored_map(&text).unwrap_err();
        assert!(err.message(Lang::De).starts_with(&format!("Keine gültige Journey Map in Zeile {line}, Spalte ")));
        let newer = to_json(&m).replacen(&format!("\"schema_version\": {SCHEMA_VERSION}"), "\"schema_version\": 7", 1);
        assert_eq!(read_stored_map(&newer).unwrap_err(), LoadError::NewerVersion { found: 7, supported: SCHEMA_VERSION });
        assert!(matches!(read_stored_map("{}"), Err(LoadError::Invalid { .. })));
        assert!(matches!(read_stored_map(""), Err(LoadError::Syntax { .. })));
    }
}
