//! Strings of offline use: the notice that a new version of the app has been installed in the
//! background and is ready once the page reloads.

use journey_core::model::Lang;

pub struct OfflineTexts {
    pub new_version: &'static str,
    pub reload: &'static str,
    /// Shown instead of reloading while the latest edits could not be saved.
    pub not_saved: &'static str,
}

pub const EN: OfflineTexts = OfflineTexts {
    new_version: "A new version of Journey Studio is ready.",
    reload: "Reload",
    not_saved: "Not reloaded: your latest changes are not saved yet. Reload once they are saved.",
};

pub const DE: OfflineTexts = OfflineTexts {
    new_version: "Eine neue Version von Journey Studio ist bereit.",
    reload: "Neu laden",
    not_saved: "Nicht neu geladen: Ihre letzten Änderungen sind noch nicht gespeichert. Laden Sie neu, sobald sie gespeichert sind.",
};

pub fn offline_texts(lang: Lang) -> &'static OfflineTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}
