//! How the app keeps a map in the browser's local storage: packed, so that a large map
//! fits. Local storage holds a few megabytes per site; a map as pretty JSON takes about
//! 600 bytes per touchpoint, so 10,000 touchpoints (6 MB) did not fit. Packed — compact
//! JSON, deflated, base64 — the same map takes a small fraction of that (figures in
//! benchmarks/README.md, "Stored map sizes").
//!
//! The packed text is the map's versioned JSON ([`super::schema`]) inside an envelope, so
//! schema migrations work on packed maps as on files. Files, exports and the share link
//! keep their own formats; only what the app stores for itself is packed.
//!
//! Envelope versions (the text's start):
//! - `{` (version 0): plain JSON, what every map stored before packing was. Still read,
//!   and packed on its next save.
//! - `jz1.` (version 1): `jz1.` + base64 (standard alphabet, no padding) of raw deflate of
//!   the compact JSON.

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

use super::schema::{LoadError, SCHEMA_VERSION};
use super::JourneyMap;

/// The start of a packed map (envelope version 1).
pub const PACKED_PREFIX: &str = "jz1.";

/// Largest JSON a stored map may unpack to (256 MiB): far above what storage can hold
/// packed, low enough that damaged or planted text cannot exhaust the tab's memory.
pub const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// Deflate level: 6 packs nearly as well as 9 on map JSON at a fraction of the time (the
/// autosave packs the whole map after each edit).
const LEVEL: u8 = 6;

/// The text the app stores for `map` (envelope version 1, current schema version).
pub fn pack_map(map: &JourneyMap) -> String {
    pack_json(&compact_json(map))
}

/// Packs JSON text (envelope version 1).
pub fn pack_json(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let mut out = String::with_capacity(PACKED_PREFIX.len() + packed.len() * 4 / 3 + 4);
    out.push_str(PACKED_PREFIX);
    STANDARD_NO_PAD.encode_string(packed, &mut out);
    out
}

/// The map's compact JSON in the current schema version.
pub fn compact_json(map: &JourneyMap) -> String {
    let mut copy = map.clone();
    copy.schema_version = SCHEMA_VERSION;
    serde_json::to_string(&copy).expect("a journey map always serialises")
}

/// The JSON inside a stored text: unpacked when packed, the text itself when it is plain
/// JSON (envelope version 0). An envelope this version does not know is refused as newer.
pub fn unpack(text: &str) -> Result<std::borrow::Cow<'_, str>, LoadError> {
    unpack_with_limit(text, MAX_UNPACKED_BYTES)
}

fn unpack_with_limit(text: &str, limit: usize) -> Result<std::borrow::Cow<'_, str>, LoadError> {
    let Some(payload) = text.strip_prefix(PACKED_PREFIX) else {
        if let Some(found) = newer_envelope(text) {
            return Err(LoadError::NewerVersion { found, supported: 1 });
        }
        return Ok(std::borrow::Cow::Borrowed(text));
    };
    let damaged = |detail: String| LoadError::Syntax { line: 1, column: 1, detail };
    let bytes = STANDARD_NO_PAD
        .decode(payload.trim_end())
        .map_err(|e| damaged(format!("the packed map is not base64 ({e})")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, limit).map_err(|e| {
        damaged(match e.status {
            TINFLStatus::HasMoreOutput => format!("the packed map unpacks to more than {limit} bytes"),
            other => format!("the packed map is damaged ({other:?})"),
        })
    })?;
    String::from_utf8(json)
        .map(std::borrow::Cow::Owned)
        .map_err(|e| damaged(format!("the packed map is not UTF-8 text ({e})")))
}

/// `jz<N>.` with N above 1: written by a newer app.
fn newer_envelope(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("jz")?;
    let (digits, _) = rest.split_once('.')?;
    let n: u32 = digits.parse().ok()?;
    (n > 1).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{read_stored_map, to_json};
    use crate::model::Lang;
    use crate::templates::coffee_to_go;

    #[test]
    fn a_packed_map_reads_back_equal_and_is_smaller() {
        let map = coffee_to_go("m1", 0.0, Lang::De);
        let packed = pack_map(&map);
        assert!(packed.starts_with(PACKED_PREFIX));
        assert!(packed.is_ascii());
        assert!(packed.len() * 3 < to_json(&map).len(), "{} vs {}", packed.len(), to_json(&map).len());
        assert_eq!(read_stored_map(&packed).unwrap(), map);
    }

    #[test]
    fn old_plain_json_still_reads() {
        // Envelope version 0: what the app stored before packing (pretty JSON).
        let map = coffee_to_go("m1", 0.0, Lang::En);
        assert_eq!(read_stored_map(&to_json(&map)).unwrap(), map);
    }

    #[test]
    fn an_old_schema_inside_a_packed_envelope_is_migrated() {
        // Schema version 1 had no `analytics`; the migration fills it in.
        let mut value: serde_json::Value = serde_json::from_str(&to_json(&coffee_to_go("m1", 0.0, Lang::En))).unwrap();
        value["schema_version"] = 1.into();
        value.as_object_mut().unwrap().remove("analytics");
        let map = read_stored_map(&pack_json(&value.to_string())).unwrap();
        assert_eq!(map.schema_version, SCHEMA_VERSION);
        assert_eq!(map.name, "Coffee to go");
    }

    #[test]
    fn damaged_and_newer_envelopes_are_refused_not_misread() {
        let packed = pack_map(&coffee_to_go("m1", 0.0, Lang::En));
        let cut = &packed[..packed.len() / 2];
        assert!(matches!(read_stored_map(cut), Err(LoadError::Syntax { .. })));
        assert!(matches!(read_stored_map("jz1.@@@"), Err(LoadError::Syntax { .. })));
        assert_eq!(read_stored_map("jz2.AAAA"), Err(LoadError::NewerVersion { found: 2, supported: 1 }));
    }

    #[test]
    fn a_packed_bomb_stops_at_the_limit() {
        let spaces = vec![b' '; 1 << 20];
        let packed = miniz_oxide::deflate::compress_to_vec(&spaces, 9);
        let text = format!("{PACKED_PREFIX}{}", STANDARD_NO_PAD.encode(packed));
        assert!(matches!(unpack_with_limit(&text, 1 << 16), Err(LoadError::Syntax { detail, .. }) if detail.contains("more than")));
        assert_eq!(unpack_with_limit(&text, 1 << 21).unwrap().len(), 1 << 20);
    }
}
