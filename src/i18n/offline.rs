//! Strings of offline use and loading on demand: the notice that a new version of the app has
//! been installed in the background, and the progress line while a page's module loads.

use journey_core::model::Lang;

pub struct OfflineTexts {
    pub new_version: &'static str,
    pub reload: &'static str,
    /// Shown instead of reloading while the latest edits could not be saved.
    pub not_saved: &'static str,
    /// Shown while a page's module loads (after 200 ms).
    pub loading_page: &'static str,
    pub module_failed: fn(&str) -> String,
    pub retry: &'static str,
}

pub const EN: OfflineTexts = OfflineTexts {
    new_version: "A new version of Journey Studio is ready.",
    reload: "Reload",
    not_saved: "Not reloaded: your latest changes are not saved yet. Reload once they are saved.",
    loading_page: "Loading the page…",
    module_failed: |why| format!("The page could not be loaded ({why}). Check the connection and try again."),
    retry: "Try again",
};

pub const DE: OfflineTexts = OfflineTexts {
    new_version: "Eine neue Version von Journey Studio ist bereit.",
    reload: "Neu laden",
    not_saved: "Nicht neu geladen: Ihre letzten Änderungen sind noch nicht gespeichert. Laden Sie neu, sobald sie gespeichert sind.",
    loading_page: "Seite wird geladen…",
    module_failed: |why| format!("Die Seite konnte nicht geladen werden ({why}). Prüfen Sie die Verbindung und versuchen Sie es erneut."),
    retry: "Erneut versuchen",
};

pub fn offline_texts(lang: Lang) -> &'static OfflineTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}
