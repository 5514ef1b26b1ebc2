//! Small user preferences (the UI language), through gloo-storage when storage is there.

use gloo_storage::{LocalStorage, Storage};
use journey_core::model::Lang;

use super::keys;

/// The remembered language, else the browser's language, else English.
pub fn initial_lang(storage_available: bool) -> Lang {
    if storage_available {
        if let Ok(lang) = LocalStorage::get::<Lang>(keys::LANG) {
            return lang;
        }
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Remembers the language; a failure only means it is not remembered.
pub fn remember_lang(lang: Lang, storage_available: bool) {
    if storage_available {
        let _ = LocalStorage::set(keys::LANG, lang);
    }
}
