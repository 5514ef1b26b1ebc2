//! Strings of the app shell (`src/ui/shell`, `ui/modules`): header, the map
//! navigation and frame, notices about storage and downloads, the not-found pages, the
//! notice that a new version of the app is ready, and the progress line while a page's
//! module loads.

use journey_core::model::Lang;

pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub back_to_library: &'static str,
    pub map_not_found: &'static str,
    pub page_not_found: &'static str,
    /// The map navigation (one for every map page).
    pub map_nav_label: &'static str,
    pub back_to_map: &'static str,
    pub nav_map: &'static str,
    pub nav_scores: &'static str,
    pub nav_dashboard: &'static str,
    pub nav_analytics: &'static str,
    pub nav_measures: &'static str,
    pub nav_tracking: &'static str,
    pub nav_snapshots: &'static str,
    pub nav_present: &'static str,
    pub unreadable_title: &'static str,
    pub unreadable_entry: fn(&str, &str, &str) -> String,
    /// Why an entry is unreadable when its key holds nothing.
    pub unreadable_missing: &'static str,
    pub storage_unavailable: &'static str,
    pub quota_exceeded: fn(&str) -> String,
    /// Storage full and the map was never stored: it lives in this tab only.
    pub quota_exceeded_unstored: fn(&str) -> String,
    /// The header when nothing can be stored (no storage, or a map that never fit); a button.
    pub not_saved_export_backup: &'static str,
    pub save_failed: fn(&str, &str) -> String,
    pub saved: &'static str,
    pub saving: &'static str,
    pub index_rebuilt: &'static str,
    /// A download the browser refused, with its words.
    pub download_failed: fn(&str) -> String,
    pub dismiss: &'static str,
    /// Offline use: a new version was installed in the background.
    pub new_version: &'static str,
    pub reload: &'static str,
    /// Shown instead of reloading while the latest edits could not be saved.
    pub not_saved: &'static str,
    /// Shown while a page's module loads (after 200 ms).
    pub loading_page: &'static str,
    /// On paper printed from the map module, which has no print sheet.
    pub print_from_menu: &'static str,
    pub module_failed: fn(&str) -> String,
    pub retry: &'static str,
    pub storage_full: &'static str,
    pub export_backup_now: &'static str,
    pub drop_old_snapshots: &'static str,
    pub snapshots_dropped: fn(usize) -> String,
    pub conflict_changed: fn(&str) -> String,
    pub conflict_deleted: fn(&str) -> String,
    pub load_theirs: &'static str,
    pub keep_mine_as_copy: &'static str,
    /// The other tab deleted the map: this tab's version goes too.
    pub discard_mine: &'static str,
    /// A map deleted in another tab, kept from this tab's version under a new id.
    pub keep_mine_as_new: &'static str,
    /// The pickers of every CSV import (`shell/csv_choice.rs`).
    pub csv_encoding: &'static str,
    pub csv_delimiter: &'static str,
    /// The header's save state when a write failed or waits for a conflict's choice.
    pub not_saved_see_above: &'static str,
    /// The skip link (first Tab stop): to the map area, or to the page's heading.
    pub skip_to_map: &'static str,
    pub skip_to_content: &'static str,
    /// The document title of a map opened from a share link.
    pub shared_map_title: &'static str,
    /// Undo on a drafted map reloaded or edited since (`shell/remove_draft.rs`).
    pub remove_draft_question: fn(&str) -> String,
    pub remove_draft_yes: &'static str,
    pub remove_draft_no: &'static str,
}

pub const EN: Texts = Texts {
    app_title: "Journey Studio",
    tagline: "Customer journey maps that stay in your browser",
    language: "Language",
    back_to_library: "All maps",
    map_not_found: "This map does not exist (any more).",
    page_not_found: "This page does not exist.",
    map_nav_label: "Map sections",
    back_to_map: "Back to the map",
    nav_map: "Map",
    nav_scores: "Scores",
    nav_dashboard: "Dashboard",
    nav_analytics: "Analytics",
    nav_measures: "Measures",
    nav_tracking: "Measurements",
    nav_snapshots: "Snapshots",
    nav_present: "Present",
    unreadable_title: "Some maps could not be read",
    unreadable_entry: |name, why, key| {
        format!("“{name}” could not be read ({why}). Its stored text is kept unchanged under the key “{key}”.")
    },
    unreadable_missing: "nothing is stored under its key",
    storage_unavailable: "This browser does not let the app store data (private mode or storage disabled). \
        You can work, but nothing is kept after you close the tab.",
    quota_exceeded: |name| format!(
        "The browser's storage is full: the latest change to “{name}” was not saved. The last saved version is intact. Delete or export maps to make room."
    ),
    quota_exceeded_unstored: |name| format!(
        "The browser's storage is full: “{name}” is open in this tab but not saved anywhere. Export a backup to keep it, \
         then make room (delete old snapshots or maps you no longer need)."
    ),
    not_saved_export_backup: "Not saved — export a backup",
    save_failed: |name, why| format!("“{name}” could not be saved: {why}. The last saved version is intact."),
    saved: "All changes saved",
    saving: "Saving…",
    index_rebuilt: "The list of maps was damaged and has been rebuilt from the stored maps.",
    download_failed: |why| format!("The download could not be made: {why}"),
    dismiss: "Dismiss",
    new_version: "A new version of Journey Studio is ready.",
    reload: "Reload",
    not_saved: "Not reloaded: your latest changes are not saved yet. Reload once they are saved.",
    loading_page: "Loading the page…",
    print_from_menu: "The score summary and A3 paper: open the map's menu (Export, share, print) and choose “Print / PDF”.",
    module_failed: |why| format!("The page could not be loaded ({why}). Check the connection and try again."),
    retry: "Try again",
    storage_full: "The browser's storage is full. All your stored maps are listed, but changes cannot be saved until there is room: \
        export a backup, then delete old snapshots or maps you no longer need.",
    export_backup_now: "Export a backup",
    drop_old_snapshots: "Delete the oldest snapshots",
    snapshots_dropped: |n| match n {
        0 => "There are no snapshots to delete.".into(),
        1 => "1 snapshot deleted.".into(),
        n => format!("{n} snapshots deleted."),
    },
    conflict_changed: |name| format!(
        "“{name}” was changed in another tab while you were editing it here. Your changes here are not saved yet: \
         load the other tab's version, or keep yours as a copy."
    ),
    conflict_deleted: |name| format!(
        "“{name}” was deleted in another tab while it was open here. Your version is still here but no longer stored: \
         keep it as a new map, or delete it here too."
    ),
    load_theirs: "Load theirs",
    keep_mine_as_copy: "Keep mine as a copy",
    discard_mine: "Delete it here too",
    keep_mine_as_new: "Keep mine as a new map",
    csv_encoding: "Character encoding",
    csv_delimiter: "Delimiter",
    not_saved_see_above: "Not saved: see the message above",
    skip_to_map: "Skip to the map",
    skip_to_content: "Skip to the content",
    shared_map_title: "Shared map",
    remove_draft_question: |name| format!("Nothing left to undo on “{name}”: undoing further removes this map drafted from the log. Remove it?"),
    remove_draft_yes: "Remove the map",
    remove_draft_no: "Keep it",
};

pub const DE: Texts = Texts {
    app_title: "Journey Studio",
    tagline: "Customer Journey Maps, die in Ihrem Browser bleiben",
    language: "Sprache",
    back_to_library: "Alle Karten",
    map_not_found: "Diese Karte gibt es nicht (mehr).",
    page_not_found: "Diese Seite gibt es nicht.",
    map_nav_label: "Bereiche der Karte",
    back_to_map: "Zurück zur Karte",
    nav_map: "Karte",
    nav_scores: "Werte",
    nav_dashboard: "Dashboard",
    nav_analytics: "Analysen",
    nav_measures: "Maßnahmen",
    nav_tracking: "Messwerte",
    nav_snapshots: "Schnappschüsse",
    nav_present: "Präsentieren",
    unreadable_title: "Einige Karten konnten nicht gelesen werden",
    unreadable_entry: |name, why, key| {
        format!("„{name}“ konnte nicht gelesen werden ({why}). Der gespeicherte Text bleibt unverändert unter dem Schlüssel „{key}“ erhalten.")
    },
    unreadable_missing: "unter ihrem Schlüssel ist nichts gespeichert",
    storage_unavailable: "Dieser Browser erlaubt der App nicht, Daten zu speichern (privater Modus oder Speicher deaktiviert). \
        Sie können arbeiten, aber nach dem Schließen des Tabs ist nichts mehr da.",
    quota_exceeded: |name| format!(
        "Der Browserspeicher ist voll: Die letzte Änderung an „{name}“ wurde nicht gespeichert. Die zuletzt gespeicherte Version ist unverändert. Löschen oder exportieren Sie Karten, um Platz zu schaffen."
    ),
    quota_exceeded_unstored: |name| format!(
        "Der Browserspeicher ist voll: „{name}“ ist in diesem Tab geöffnet, aber nirgends gespeichert. Exportieren Sie eine \
         Sicherung, um die Karte zu behalten, und schaffen Sie dann Platz (alte Schnappschüsse oder nicht mehr benötigte Karten löschen)."
    ),
    not_saved_export_backup: "Nicht gespeichert – Sicherung exportieren",
    save_failed: |name, why| format!("„{name}“ konnte nicht gespeichert werden: {why}. Die zuletzt gespeicherte Version ist unverändert."),
    saved: "Alle Änderungen gespeichert",
    saving: "Speichern…",
    index_rebuilt: "Die Kartenliste war beschädigt und wurde aus den gespeicherten Karten neu aufgebaut.",
    download_failed: |why| format!("Der Download konnte nicht erstellt werden: {why}"),
    dismiss: "Schließen",
    new_version: "Eine neue Version von Journey Studio ist bereit.",
    reload: "Neu laden",
    not_saved: "Nicht neu geladen: Ihre letzten Änderungen sind noch nicht gespeichert. Laden Sie neu, sobald sie gespeichert sind.",
    loading_page: "Seite wird geladen…",
    print_from_menu: "Zusammenfassung der Werte und A3-Papier: Öffnen Sie das Menü der Karte (Exportieren, teilen, drucken) und wählen Sie „Drucken / PDF“.",
    module_failed: |why| format!("Die Seite konnte nicht geladen werden ({why}). Prüfen Sie die Verbindung und versuchen Sie es erneut."),
    retry: "Erneut versuchen",
    storage_full: "Der Speicher des Browsers ist voll. Alle gespeicherten Karten sind aufgelistet, aber Änderungen können erst \
        wieder gespeichert werden, wenn Platz ist: Exportieren Sie eine Sicherung und löschen Sie dann alte Schnappschüsse \
        oder nicht mehr benötigte Karten.",
    export_backup_now: "Sicherung exportieren",
    drop_old_snapshots: "Älteste Schnappschüsse löschen",
    snapshots_dropped: |n| match n {
        0 => "Es gibt keine Schnappschüsse zum Löschen.".into(),
        1 => "1 Schnappschuss gelöscht.".into(),
        n => format!("{n} Schnappschüsse gelöscht."),
    },
    conflict_changed: |name| format!(
        "„{name}“ wurde in einem anderen Tab geändert, während Sie die Karte hier bearbeitet haben. Ihre Änderungen hier \
         sind noch nicht gespeichert: Laden Sie die Version des anderen Tabs oder behalten Sie Ihre als Kopie."
    ),
    conflict_deleted: |name| format!(
        "„{name}“ wurde in einem anderen Tab gelöscht, während die Karte hier geöffnet war. Ihre Version ist noch da, \
         aber nicht mehr gespeichert: Behalten Sie sie als neue Karte oder löschen Sie sie hier auch."
    ),
    load_theirs: "Version des anderen Tabs laden",
    keep_mine_as_copy: "Meine Version als Kopie behalten",
    discard_mine: "Hier auch löschen",
    keep_mine_as_new: "Meine Version als neue Karte behalten",
    csv_encoding: "Zeichenkodierung",
    csv_delimiter: "Trennzeichen",
    not_saved_see_above: "Nicht gespeichert: siehe Hinweis oben",
    skip_to_map: "Zur Karte springen",
    skip_to_content: "Zum Inhalt springen",
    shared_map_title: "Geteilte Karte",
    remove_draft_question: |name| format!("Auf „{name}“ gibt es nichts mehr rückgängig zu machen: weiteres Rückgängigmachen entfernt diese aus dem Protokoll entworfene Karte. Entfernen?"),
    remove_draft_yes: "Karte entfernen",
    remove_draft_no: "Behalten",
};

pub fn texts(lang: Lang) -> &'static Texts {
    lang.pick((&EN, &DE))
}
