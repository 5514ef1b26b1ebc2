//! The library's key for customer pseudonyms: made once in the browser (the platform's
//! random source) and kept with the library in storage, so every import — this month's
//! and next month's, orders and tickets alike — replaces an e-mail address by the same
//! keyed hash (journey_core::analytics::sources::pseudonym). The key leaves the browser
//! only to the analytics worker and in the user's own backup file (so a restored library
//! hashes alike); never in a single map's file or a share link.

use leptos::prelude::*;

use journey_core::interop::is_customer_key;

use super::AppState;
use crate::store::keys;

/// What restoring a backup's key did to this browser's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAdoption {
    /// The browser had no key (or the same one): it now has the backup's.
    Taken,
    /// The browser had another key: the backup's replaces it, the old one is kept under
    /// its backup storage key so nothing is lost.
    Replaced,
    /// Storage refused the key.
    Refused,
}

impl AppState {
    /// The key as hex, made and stored on first use. When storage refuses it, the key
    /// still serves this session (hashes then differ next time: nothing is lost).
    pub fn customer_key(&self) -> Option<String> {
        self.kv.with_value(|kv| {
            if let Some(k) = kv.get(keys::CUSTOMER_KEY).filter(|k| is_customer_key(k)) {
                return Some(k);
            }
            let key = random_hex()?;
            let _ = kv.set(keys::CUSTOMER_KEY, &key);
            Some(key)
        })
    }

    /// The stored key, without making one: what a backup carries.
    pub fn stored_customer_key(&self) -> Option<String> {
        self.kv.with_value(|kv| kv.get(keys::CUSTOMER_KEY).filter(|k| is_customer_key(k)))
    }

    /// Takes the key of a restored backup, so this browser's next imports hash customers
    /// as the backup's browser did. A different key already here is kept aside, not lost.
    pub fn adopt_customer_key(&self, key: &str) -> KeyAdoption {
        let key = key.to_ascii_lowercase();
        self.kv.with_value(|kv| {
            let old = kv.get(keys::CUSTOMER_KEY).filter(|k| is_customer_key(k));
            let replaced = old.as_deref().is_some_and(|o| o != key);
            if let (true, Some(old)) = (replaced, old) {
                if kv.set(&keys::backup_key("customer-key"), &old).is_err() {
                    return KeyAdoption::Refused;
                }
            }
            match kv.set(keys::CUSTOMER_KEY, &key) {
                Err(_) => KeyAdoption::Refused,
                Ok(_) if replaced => KeyAdoption::Replaced,
                Ok(_) => KeyAdoption::Taken,
            }
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
