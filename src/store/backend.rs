//! A small key-value interface over local storage, with an in-memory stand-in used when the
//! browser refuses storage (private mode, disabled) and in tests.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsCast;

/// Why a write failed. The previous value under the key is untouched in both cases.
#[derive(Debug, Clone, PartialEq)]
pub enum SetError {
    QuotaExceeded,
    Other(String),
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), SetError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// False for the in-memory stand-in: the UI tells the user nothing is kept.
    fn is_persistent(&self) -> bool;
}

/// The browser's `localStorage`.
pub struct BrowserStorage(web_sys::Storage);

/// What the start-up test write found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageHealth {
    /// Reads and writes work.
    Writable,
    /// The storage holds data but refuses even a tiny write (its quota is used up): the
    /// stored maps can be read and shown, nothing can be saved until space is freed.
    Full,
    /// The browser does not let the page store anything (private mode, disabled).
    Unavailable,
}

impl BrowserStorage {
    /// The local storage if the browser grants it and a test write succeeds (Safari's
    /// private mode used to hand out a storage whose every write failed).
    pub fn open() -> Option<BrowserStorage> {
        match BrowserStorage::probe() {
            (Some(storage), StorageHealth::Writable) => Some(storage),
            _ => None,
        }
    }

    /// The local storage and what a test write says about it. A full storage is still
    /// returned (its maps must not be hidden behind an empty library); an unavailable one
    /// is not.
    pub fn probe() -> (Option<BrowserStorage>, StorageHealth) {
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return (None, StorageHealth::Unavailable);
        };
        let probe = format!("{}probe", super::keys::PREFIX);
        let storage = BrowserStorage(storage);
        match storage.set(&probe, "1") {
            Ok(()) => {
                storage.remove(&probe);
                (Some(storage), StorageHealth::Writable)
            }
            // A quota error with data stored is a full storage; with nothing stored at all
            // it is a storage that refuses every write (old Safari private mode).
            Err(SetError::QuotaExceeded) if storage.0.length().unwrap_or(0) > 0 => (Some(storage), StorageHealth::Full),
            Err(_) => (None, StorageHealth::Unavailable),
        }
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SetError> {
        self.0.set_item(key, value).map_err(|err| {
            let name = err
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                SetError::QuotaExceeded
            } else {
                SetError::Other(if name.is_empty() { format!("{err:?}") } else { name })
            }
        })
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

/// Keeps everything in memory; optionally with a byte quota to exercise the full-storage path.
#[derive(Default)]
pub struct MemoryStorage {
    entries: RefCell<BTreeMap<String, String>>,
    quota_bytes: Option<usize>,
}

impl MemoryStorage {
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryStorage { entries: RefCell::default(), quota_bytes: Some(quota_bytes) }
    }
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SetError> {
        if let Some(quota) = self.quota_bytes {
            let others: usize = self
                .entries
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(SetError::QuotaExceeded);
            }
        }
        self.entries.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.entries.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
