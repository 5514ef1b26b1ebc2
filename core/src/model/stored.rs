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
//! The envelope (`envelope.rs`): `jz1.` + base64 of raw deflate; plain JSON stored before
//! packing still reads, and is packed on its next save.

use super::envelope::pack_json;
use super::schema::SCHEMA_VERSION;
use super::JourneyMap;

/// The text the app stores for `map` (envelope version 1, current schema version).
pub fn pack_map(map: &JourneyMap) -> String {
    pack_json(&compact_json(map))
}

/// The map's compact JSON in the current schema version.
pub fn compact_json(map: &JourneyMap) -> String {
    let mut copy = map.clone();
    copy.schema_version = SCHEMA_VERSION;
    serde_json::to_string(&copy).expect("a journey map always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::envelope::{pack_json, unpack_with_limit, EnvelopeError, PACKED_PREFIX};
    use crate::model::schema::LoadError;
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
        let text = pack_json(&" ".repeat(1 << 20));
        assert!(matches!(unpack_with_limit(&text, 1 << 16), Err(EnvelopeError::Damaged(d)) if d.contains("more than")));
        assert_eq!(unpack_with_limit(&text, 1 << 21).unwrap().len(), 1 << 20);
    }
}
