//! Strings of the analytics page's source step (`src/ui/analytics/source_step.rs`,
//! `import_check.rs`, `time_form_pick.rs`): the source picker, what a preset reads, how
//! cases are formed, the date form of the time column, and the warnings after an import
//! that looks wrong. The names of the sources and of their columns' meanings come from
//! journey_core::analytics::sources (they travel with the core).

use journey_core::locale::number;
use journey_core::model::Lang;

pub struct SourcesTexts {
    pub source_label: &'static str,
    pub source_hint: &'static str,
    pub recognised: fn(&str) -> String,
    pub expects: &'static str,
    pub column: &'static str,
    pub becomes: &'static str,
    pub case_label: &'static str,
    pub per_customer: &'static str,
    pub sessions_idle: &'static str,
    pub idle_minutes: &'static str,
    pub drop_label: &'static str,
    pub drop_hint: &'static str,
    pub import_with_source: &'static str,
    pub time_form_label: &'static str,
    pub form_auto: &'static str,
    pub form_day_first: &'static str,
    pub form_month_first: &'static str,
    pub form_excel: &'static str,
    pub order_unknown: &'static str,
    pub warnings_title: &'static str,
    pub source_result: fn(u64, u64, u64) -> String,
    pub contacts_by_channel: &'static str,
    pub contacts_by_reason: &'static str,
    pub hub_add: &'static str,
    pub hub_title: &'static str,
    pub hub_hint: &'static str,
    pub hub_join: &'static str,
    pub hub_clear: &'static str,
    pub hub_matched: fn(u64, u64) -> String,
    pub hub_pair: fn(&str, &str, u64) -> String,
}

pub const EN: SourcesTexts = SourcesTexts {
    source_label: "Where the file comes from",
    source_hint: "A shop's orders, a helpdesk's tickets and web analytics exports hold no event per row; their source reads them as the tool writes them.",
    recognised: |name| format!("This file looks like {name}; its source is chosen. Choose “Event log” to map the columns yourself."),
    expects: "What this source reads",
    column: "Column",
    becomes: "Becomes",
    case_label: "One case is",
    per_customer: "One case per customer (all orders, tickets and sessions)",
    sessions_idle: "Sessions: a new case after a pause of",
    idle_minutes: "minutes",
    drop_label: "Leave out activities",
    drop_hint: "Names separated by commas, e.g. scroll, user_engagement",
    import_with_source: "Import with this source",
    time_form_label: "Date form of the time column",
    form_auto: "As written (ISO, 01.03.2024, epoch numbers)",
    form_day_first: "Day first: 01/03/2024 is 1 March",
    form_month_first: "Month first (US): 03/01/2024 is 1 March",
    form_excel: "Excel serial dates (45352.5)",
    order_unknown: "The dates (like 03/01/2024) do not show whether the day or the month comes first. Choose the order; no row is read until then.",
    warnings_title: "Check the mapping: this import looks wrong",
    source_result: |records, customers, events| {
        format!(
            "{} records (orders, tickets or sessions) of {} customers became {} events.",
            number(records as f64, 0, Lang::En),
            number(customers as f64, 0, Lang::En),
            number(events as f64, 0, Lang::En)
        )
    },
    contacts_by_channel: "Tickets by channel",
    contacts_by_reason: "Tickets by contact reason",
    hub_add: "Add to the customer hub",
    hub_title: "Customer hub: several sources, one journey per customer",
    hub_hint: "Files added here are joined by customer (e-mail address or customer id, replaced by this library's keyed hash before anything is kept), so one customer's orders, tickets and sessions form one journey.",
    hub_join: "Join by customer",
    hub_clear: "Empty the list",
    hub_matched: |matched, all| {
        format!(
            "{} of {} customers matched across sources.",
            number(matched as f64, 0, Lang::En),
            number(all as f64, 0, Lang::En)
        )
    },
    hub_pair: |a, b, n| format!("{a} and {b}: {} customers in both", number(n as f64, 0, Lang::En)),
};

pub const DE: SourcesTexts = SourcesTexts {
    source_label: "Woher die Datei stammt",
    source_hint: "Bestellungen eines Shops, Tickets eines Helpdesks und Exporte der Web-Analyse haben kein Ereignis je Zeile; ihre Quelle liest sie so, wie das Werkzeug sie schreibt.",
    recognised: |name| format!("Diese Datei sieht aus wie {name}; ihre Quelle ist gewählt. „Ereignisprotokoll“ wählen, um die Spalten selbst zuzuordnen."),
    expects: "Was diese Quelle liest",
    column: "Spalte",
    becomes: "Wird zu",
    case_label: "Ein Fall ist",
    per_customer: "Ein Fall je Kunde (alle Bestellungen, Tickets und Sitzungen)",
    sessions_idle: "Sitzungen: ein neuer Fall nach einer Pause von",
    idle_minutes: "Minuten",
    drop_label: "Aktivitäten weglassen",
    drop_hint: "Namen durch Kommas getrennt, z. B. scroll, user_engagement",
    import_with_source: "Mit dieser Quelle importieren",
    time_form_label: "Datumsform der Zeit-Spalte",
    form_auto: "Wie geschrieben (ISO, 01.03.2024, Epochenzahlen)",
    form_day_first: "Tag zuerst: 01/03/2024 ist der 1. März",
    form_month_first: "Monat zuerst (US): 03/01/2024 ist der 1. März",
    form_excel: "Excel-Seriendaten (45352,5)",
    order_unknown: "Die Daten (wie 03/01/2024) zeigen nicht, ob Tag oder Monat zuerst steht. Bitte die Reihenfolge wählen; bis dahin wird keine Zeile gelesen.",
    warnings_title: "Bitte die Zuordnung prüfen: dieser Import sieht falsch aus",
    source_result: |records, customers, events| {
        format!(
            "{} Datensätze (Bestellungen, Tickets oder Sitzungen) von {} Kunden wurden zu {} Ereignissen.",
            number(records as f64, 0, Lang::De),
            number(customers as f64, 0, Lang::De),
            number(events as f64, 0, Lang::De)
        )
    },
    contacts_by_channel: "Tickets nach Kanal",
    contacts_by_reason: "Tickets nach Kontaktgrund",
    hub_add: "Zum Kunden-Hub hinzufügen",
    hub_title: "Kunden-Hub: mehrere Quellen, eine Journey je Kunde",
    hub_hint: "Hier hinzugefügte Dateien werden je Kunde verbunden (E-Mail-Adresse oder Kundennummer, vor dem Speichern durch den Schlüssel-Hash dieser Bibliothek ersetzt), sodass Bestellungen, Tickets und Sitzungen eines Kunden eine Journey bilden.",
    hub_join: "Je Kunde verbinden",
    hub_clear: "Liste leeren",
    hub_matched: |matched, all| {
        format!(
            "{} von {} Kunden in mehreren Quellen gefunden.",
            number(matched as f64, 0, Lang::De),
            number(all as f64, 0, Lang::De)
        )
    },
    hub_pair: |a, b, n| format!("{a} und {b}: {} Kunden in beiden", number(n as f64, 0, Lang::De)),
};

pub fn sources_texts(lang: Lang) -> &'static SourcesTexts {
    lang.pick((&EN, &DE))
}
