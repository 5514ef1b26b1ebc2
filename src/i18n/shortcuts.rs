//! Strings of the keyboard-shortcut overlay (`?`), part of the shell: the keys and what they
//! do, grouped as the user meets them. Kept apart from `shell.rs` because it is one list that
//! grows with every shortcut; the keys themselves are the same in both languages except
//! where German keyboards name them differently (Strg, Entf, Pos1, Ende, Bild).

use journey_core::model::Lang;

pub struct ShortcutTexts {
    pub title: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    pub intro: &'static str,
    /// Sections: heading and (keys, what they do) rows.
    pub sections: &'static [(&'static str, &'static [(&'static str, &'static str)])],
}

pub const EN: ShortcutTexts = ShortcutTexts {
    title: "Keyboard shortcuts",
    open: "Keyboard shortcuts (?)",
    close: "Close",
    intro: "Every action also has a visible button. Keys typed into a field stay in the field, except undo and redo.",
    sections: &[
        ("Everywhere", &[
            ("?", "Show or hide this list"),
            ("Tab / Shift+Tab", "Move to the next / previous control"),
            ("Ctrl+Z", "Undo the last change to the map, on every page of the map (a field being edited is saved first)"),
            ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
        ]),
        ("Map", &[
            ("← → ↑ ↓", "Move the selection between cards and stages"),
            ("Home / End", "Select the first / last card"),
            ("Enter", "Open the inspector for the selection"),
            ("F2", "Rename the selected card or stage in place"),
            ("Esc", "Close the inspector, then clear the selection"),
            ("Alt+← / Alt+→", "Move the selected card (or stage); the selection and focus stay on it"),
            ("Delete", "Delete the selected card or stage (asks first; can be undone)"),
        ]),
        ("Presentation", &[
            ("→ / Page Down / Space", "Next stage"),
            ("← / Page Up", "Previous stage"),
            ("Home / End", "First / last stage"),
            ("Esc", "Leave the presentation"),
        ]),
    ],
};

pub const DE: ShortcutTexts = ShortcutTexts {
    title: "Tastenkürzel",
    open: "Tastenkürzel (?)",
    close: "Schließen",
    intro: "Jede Aktion hat auch eine sichtbare Schaltfläche. Tasten in einem Eingabefeld bleiben im Feld, außer Rückgängig und Wiederherstellen.",
    sections: &[
        ("Überall", &[
            ("?", "Diese Liste zeigen oder ausblenden"),
            ("Tab / Umschalt+Tab", "Zum nächsten / vorigen Bedienelement"),
            ("Strg+Z", "Letzte Änderung an der Karte rückgängig machen, auf jeder Seite der Karte (ein Feld in Bearbeitung wird zuerst übernommen)"),
            ("Strg+Umschalt+Z / Strg+Y", "Wiederherstellen"),
        ]),
        ("Karte", &[
            ("← → ↑ ↓", "Auswahl zwischen Karten und Phasen bewegen"),
            ("Pos1 / Ende", "Erste / letzte Karte auswählen"),
            ("Eingabe", "Inspektor für die Auswahl öffnen"),
            ("F2", "Ausgewählte Karte oder Phase direkt umbenennen"),
            ("Esc", "Inspektor schließen, dann die Auswahl aufheben"),
            ("Alt+← / Alt+→", "Ausgewählte Karte (oder Phase) verschieben; Auswahl und Fokus bleiben darauf"),
            ("Entf", "Ausgewählte Karte oder Phase löschen (fragt vorher; rückgängig zu machen)"),
        ]),
        ("Präsentation", &[
            ("→ / Bild ab / Leertaste", "Nächste Phase"),
            ("← / Bild auf", "Vorige Phase"),
            ("Pos1 / Ende", "Erste / letzte Phase"),
            ("Esc", "Präsentation beenden"),
        ]),
    ],
};

pub fn shortcut_texts(lang: Lang) -> &'static ShortcutTexts {
    lang.pick((&EN, &DE))
}
