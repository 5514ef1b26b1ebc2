//! The envelope around a map the app stores (see `stored.rs` for why maps are packed):
//! packing and unpacking text, without knowing what a map is, so that the schema reader
//! can unpack before it reads (`schema::read_stored_map`) and `stored.rs` can pack a map.
//!
//! Envelope versions (the text's start):
//! - `{` (version 0): plain JSON, what every map stored before packing was. Read as it is.
//! - `jz1.` (version 1): `jz1.` + base64 (standard alphabet, no padding) of raw deflate of
//!   the compact JSON.

use std::borrow::Cow;

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

/// The start of a packed text (envelope version 1).
pub const PACKED_PREFIX: &str = "jz1.";

/// The newest envelope version this build reads.
pub const ENVELOPE_VERSION: u32 = 1;

/// Largest JSON a stored text may unpack to (256 MiB): far above what storage can hold
/// packed, low enough that damaged or planted text cannot exhaust the tab's memory.
pub const MAX_UNPACKED_BYTES: usize = 256 * 1024 * 1024;

/// Deflate level: 6 packs nearly as well as 9 on map JSON at a fraction of the time (the
/// autosave packs the whole map after each edit).
const LEVEL: u8 = 6;

/// Why a stored text could not be unpacked.
#[derive(Debug, Clone, PartialEq)]
pub enum EnvelopeError {
    /// Written by a newer app (`jz<N>.` with N above [`ENVELOPE_VERSION`]).
    Newer(u32),
    /// Packed, but damaged: what is wrong.
    Damaged(String),
}

/// Packs JSON text (envelope version 1).
pub fn pack_json(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let mut out = String::with_capacity(PACKED_PREFIX.len() + packed.len() * 4 / 3 + 4);
    out.push_str(PACKED_PREFIX);
    STANDARD_NO_PAD.encode_string(packed, &mut out);
    out
}

/// The JSON inside a stored text: unpacked when packed, the text itself when it is plain
/// JSON (envelope version 0).
pub fn unpack(text: &str) -> Result<Cow<'_, str>, EnvelopeError> {
    unpack_with_limit(text, MAX_UNPACKED_BYTES)
}

pub(super) fn unpack_with_limit(text: &str, limit: usize) -> Result<Cow<'_, str>, EnvelopeError> {
    let Some(payload) = text.strip_prefix(PACKED_PREFIX) else {
        if let Some(found) = newer_envelope(text) {
            return Err(EnvelopeError::Newer(found));
        }
        return Ok(Cow::Borrowed(text));
    };
    let damaged = EnvelopeError::Damaged;
    let bytes = STANDARD_NO_PAD
        .decode(payload.trim_end())
        .map_err(|e| damaged(format!("the packed map is not base64 ({e})")))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, limit).map_err(|e| {
        damaged(match e.status {
            TINFLStatus::HasMoreOutput => format!("the packed map unpacks to more than {limit} bytes"),
            other => format!("the packed map is damaged ({other:?})"),
        })
    })?;
    String::from_utf8(json).map(Cow::Owned).map_err(|e| damaged(format!("the packed map is not UTF-8 text ({e})")))
}

/// `jz<N>.` with N above [`ENVELOPE_VERSION`]: written by a newer app.
fn newer_envelope(text: &str) -> Option<u32> {
    let rest = text.strip_prefix("jz")?;
    let (digits, _) = rest.split_once('.')?;
    let n: u32 = digits.parse().ok()?;
    (n > ENVELOPE_VERSION).then_some(n)
}
