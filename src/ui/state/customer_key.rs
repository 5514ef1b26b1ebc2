//! The library's key for customer pseudonyms: made once in the browser (the platform's
//! random source) and kept with the library in storage, so every import — this month's
//! and next month's, orders and tickets alike — replaces an e-mail address by the same
//! keyed hash (journey_core::analytics::sources::pseudonym). The key never leaves the
//! browser except to the analytics worker.

use leptos::prelude::*;

use super::AppState;
use crate::store::keys;

impl AppState {
    /// The key as hex, made and stored on first use. When storage refuses it, the key
    /// still serves this session (hashes then differ next time: nothing is lost).
    pub fn customer_key(&self) -> Option<String> {
        self.kv.with_value(|kv| {
            if let Some(k) = kv.get(keys::CUSTOMER_KEY).filter(|k| k.len() == 64 && k.bytes().all(|c| c.is_ascii_hexdigit())) {
                return Some(k);
            }
            let key = random_hex()?;
            let _ = kv.set(keys::CUSTOMER_KEY, &key);
            Some(key)
        })
    }
}

/// 32 random bytes from `crypto.getRandomValues`, as hex.
fn random_hex() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
