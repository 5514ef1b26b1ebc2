//! Strings of the analytics page's contacts step (`src/ui/analytics/contacts_step.rs`):
//! helpdesk tickets per contact reason into the contact classification, through the preview.
//! The class and reason names come from journey_core::score (`contact_class_label`,
//! `contact_reason_label`, the glossary's words). Numbers through `journey_core::locale`.

use journey_core::locale::number;
use journey_core::model::Lang;

pub struct ContactsTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub reason_col: &'static str,
    pub tickets_col: &'static str,
    pub class_col: &'static str,
    pub kind_col: &'static str,
    pub unclassified: &'static str,
    pub no_kind: &'static str,
    pub stage_label: &'static str,
    pub preview: &'static str,
    pub potential: fn(f64, f64, Lang) -> String,
}

pub const EN: ContactsTexts = ContactsTexts {
    title: "Contacts into the map",
    intro: "Each contact reason of the tickets becomes a contact touchpoint (found again by its title next month): its volume is the tickets of that reason in this export's period, its channel the one most of them came by. Classify each reason; disruptive contacts and self-service candidates make up the contact-reduction potential.",
    reason_col: "Contact reason in the export",
    tickets_col: "Tickets",
    class_col: "Classification",
    kind_col: "Kind of reason",
    unclassified: "(not classified)",
    no_kind: "(not set)",
    stage_label: "Stage for new contact touchpoints",
    preview: "Preview contacts in the map",
    potential: |before, after, l| format!("Contact-reduction potential: {} → {} contacts per month.", number(before, 0, l), number(after, 0, l)),
};

pub const DE: ContactsTexts = ContactsTexts {
    title: "Kontakte in die Karte",
    intro: "Jeder Kontaktgrund der Tickets wird ein Kontakt-Touchpoint (im nächsten Monat an seinem Titel wiedergefunden): sein Volumen sind die Tickets dieses Grundes im Zeitraum dieses Exports, sein Kanal der, über den die meisten kamen. Klassifizieren Sie jeden Grund; störende Kontakte und Selfservice-Kandidaten ergeben das Potenzial zur Kontaktreduzierung.",
    reason_col: "Kontaktgrund im Export",
    tickets_col: "Tickets",
    class_col: "Klassifizierung",
    kind_col: "Art des Grundes",
    unclassified: "(nicht klassifiziert)",
    no_kind: "(nicht gesetzt)",
    stage_label: "Phase für neue Kontakt-Touchpoints",
    preview: "Vorschau der Kontakte in der Karte",
    potential: |before, after, l| format!("Potenzial zur Kontaktreduzierung: {} → {} Kontakte pro Monat.", number(before, 0, l), number(after, 0, l)),
};

pub fn contacts_texts(lang: Lang) -> &'static ContactsTexts {
    lang.pick((&EN, &DE))
}
