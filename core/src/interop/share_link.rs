//! Share links: the whole map in the URL fragment, e.g. `#v1.<base64url(deflate(json))>`.
//!
//! The fragment (after `#`) is never sent to a server by the browser, so a map shared this
//! way stays between the two people. The JSON inside is the same versioned format as a
//! file ([`crate::model::schema`]), so an old link is migrated like an old file.
//!
//! Limits: a fragment longer than [`MAX_FRAGMENT_LEN`] characters is refused with
//! [`ShareError::TooLarge`] (browsers, chat apps and mail clients cut or refuse longer
//! links; the user is offered a file instead). When reading, the unpacked JSON may not
//! exceed [`MAX_UNPACKED_BYTES`], so a crafted link cannot inflate into gigabytes.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

use crate::model::schema::{parse_map, LoadError};
// Compact JSON: in a link every character counts (`schema::to_json` is pretty, for files).
use crate::model::stored::compact_json;
use crate::model::{JourneyMap, Lang};

/// The version tag in front of the payload; a new encoding would get `v2.`.
pub const FRAGMENT_PREFIX: &str = "v1.";

/// Longest fragment we produce or accept, in characters (without the `#`).
pub const MAX_FRAGMENT_LEN: usize = 32_000;

/// Largest JSON a link may unpack to (4 MiB): the decompression-bomb guard.
pub const MAX_UNPACKED_BYTES: usize = 4 * 1024 * 1024;

/// base64url without padding when writing; padding tolerated when reading, because some
/// tools add it when a link is copied around.
const B64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Highest deflate level miniz_oxide offers short of the slow "uber" level 10.
const DEFLATE_LEVEL: u8 = 9;

#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// The map does not fit in a link.
    TooLarge { len: usize, max: usize },
    /// The fragment does not start with a known version tag.
    BadPrefix { found: String },
    /// The payload is not base64url.
    BadBase64 { detail: String },
    /// The payload is not deflate data (or was cut off).
    BadDeflate { detail: String },
    /// The payload unpacks to more than [`MAX_UNPACKED_BYTES`].
    UnpackedTooLarge { max: usize },
    /// The unpacked text is not a journey map.
    BadJson(LoadError),
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ShareError::TooLarge { len, max }, Lang::En) => format!(
                "This map is too large for a link ({len} characters, at most {max}). \
                 Please share it as a file instead (Export → JSON)."
            ),
            (ShareError::TooLarge { len, max }, Lang::De) => format!(
                "Diese Karte ist zu groß für einen Link ({len} Zeichen, höchstens {max}). \
                 Bitte teilen Sie sie stattdessen als Datei (Export → JSON)."
            ),
            (ShareError::BadPrefix { found }, Lang::En) => format!(
                "This is not a Journey Studio share link (it starts with “{found}” instead of “{FRAGMENT_PREFIX}”)."
            ),
            (ShareError::BadPrefix { found }, Lang::De) => format!(
                "Das ist kein Journey-Studio-Link (er beginnt mit „{found}“ statt „{FRAGMENT_PREFIX}“)."
            ),
            (ShareError::BadBase64 { detail }, Lang::En) => {
                format!("The link is damaged (not base64url: {detail}). Was it copied completely?")
            }
            (ShareError::BadBase64 { detail }, Lang::De) => {
                format!("Der Link ist beschädigt (kein base64url: {detail}). Wurde er vollständig kopiert?")
            }
            (ShareError::BadDeflate { detail }, Lang::En) => {
                format!("The link is damaged (cannot unpack: {detail}). Was it copied completely?")
            }
            (ShareError::BadDeflate { detail }, Lang::De) => {
                format!("Der Link ist beschädigt (nicht entpackbar: {detail}). Wurde er vollständig kopiert?")
            }
            (ShareError::UnpackedTooLarge { max }, Lang::En) => {
                format!("The link unpacks to more than {max} bytes and was not opened.")
            }
            (ShareError::UnpackedTooLarge { max }, Lang::De) => {
                format!("Der Link entpackt sich zu mehr als {max} Bytes und wurde nicht geöffnet.")
            }
            (ShareError::BadJson(e), _) => e.message(lang),
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {}

/// The fragment for a map (without the leading `#`), or [`ShareError::TooLarge`].
pub fn encode_share_fragment(map: &JourneyMap) -> Result<String, ShareError> {
    let json = compact_json(map);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), DEFLATE_LEVEL);
    let fragment = format!("{FRAGMENT_PREFIX}{}", B64.encode(packed));
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::TooLarge { len: fragment.len(), max: MAX_FRAGMENT_LEN });
    }
    Ok(fragment)
}

/// Reads a map from a fragment, with or without the leading `#`.
pub fn decode_share_fragment(fragment: &str) -> Result<JourneyMap, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(payload) = fragment.strip_prefix(FRAGMENT_PREFIX) else {
        let found: String = fragment.chars().take(8).collect();
        return Err(ShareError::BadPrefix { found });
    };
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::TooLarge { len: fragment.len(), max: MAX_FRAGMENT_LEN });
    }
    let packed = B64
        .decode(payload)
        .map_err(|e| ShareError::BadBase64 { detail: e.to_string() })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => ShareError::UnpackedTooLarge { max: MAX_UNPACKED_BYTES },
            other => ShareError::BadDeflate { detail: format!("{other:?}") },
        })?;
    let text = String::from_utf8(json)
        .map_err(|e| ShareError::BadDeflate { detail: format!("not UTF-8 text: {e}") })?;
    parse_map(&text).map_err(ShareError::BadJson)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::coffee_to_go;

    #[test]
    fn coffee_to_go_round_trips_in_both_languages() {
        for lang in Lang::ALL {
            let map = coffee_to_go("ex-1", 1_700_000_000_000.0, lang);
            let fragment = encode_share_fragment(&map).unwrap();
            assert!(fragment.starts_with(FRAGMENT_PREFIX));
            // Only URL-safe characters: nothing the browser would re-encode.
            assert!(fragment[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            println!("coffee_to_go ({}) share fragment: {} characters", lang.code(), fragment.len());
            assert_eq!(decode_share_fragment(&fragment).unwrap(), map);
            assert_eq!(decode_share_fragment(&format!("#{fragment}")).unwrap(), map);
        }
    }

    #[test]
    fn a_map_too_large_for_a_link_is_refused_with_a_file_hint() {
        let mut map = coffee_to_go("big", 0.0, Lang::En);
        // Text that deflate cannot shrink much: a simple pseudo-random generator.
        let mut seed: u64 = 42;
        let noise: String = (0..60_000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + ((seed >> 33) % 26) as u8)
            })
            .collect();
        map.description = noise;
        match encode_share_fragment(&map) {
            Err(ShareError::TooLarge { len, max }) => {
                assert!(len > max);
                assert_eq!(max, MAX_FRAGMENT_LEN);
                let err = ShareError::TooLarge { len, max };
                assert!(err.message(Lang::En).contains("file"));
                assert!(err.message(Lang::De).contains("Datei"));
            }
            other => panic!("expected TooLarge, got {other:?}"),
        }
    }

    #[test]
    fn wrong_prefix_is_named() {
        match decode_share_fragment("v9.abc") {
            Err(ShareError::BadPrefix { found }) => assert_eq!(found, "v9.abc"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(decode_share_fragment(""), Err(ShareError::BadPrefix { .. })));
    }

    #[test]
    fn damaged_base64_and_deflate_are_told_apart() {
        assert!(matches!(decode_share_fragment("v1.ab*cd"), Err(ShareError::BadBase64 { .. })));
        // Valid base64url, but 0xFF… is not a deflate stream.
        let garbage = B64.encode([0xFFu8; 16]);
        assert!(matches!(
            decode_share_fragment(&format!("v1.{garbage}")),
            Err(ShareError::BadDeflate { .. })
        ));
        // A link cut in half: the deflate stream ends early.
        let full = encode_share_fragment(&coffee_to_go("x", 0.0, Lang::En)).unwrap();
        let cut = &full[..full.len() / 2];
        assert!(matches!(
            decode_share_fragment(cut),
            Err(ShareError::BadDeflate { .. } | ShareError::BadBase64 { .. })
        ));
    }

    #[test]
    fn a_decompression_bomb_is_stopped_at_the_limit() {
        // 16 MiB of zeros deflate to about 16 kB (deflate peaks near 1000:1).
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 16 * 1024 * 1024], 9);
        let fragment = format!("v1.{}", B64.encode(&bomb));
        assert!(fragment.len() <= MAX_FRAGMENT_LEN, "bomb must pass the length check: {}", fragment.len());
        assert_eq!(
            decode_share_fragment(&fragment),
            Err(ShareError::UnpackedTooLarge { max: MAX_UNPACKED_BYTES })
        );
    }

    #[test]
    fn unpacked_text_that_is_not_a_map_reports_the_json_path() {
        let json = r#"{"schema_version":1,"id":"m","name":"M","created_at":0,"updated_at":0,"stages":[{"id":5}]}"#;
        let fragment = format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9)));
        match decode_share_fragment(&fragment) {
            Err(ShareError::BadJson(LoadError::Invalid { path, .. })) => assert_eq!(path, "stages[0].id"),
            other => panic!("{other:?}"),
        }
    }
}
