//! Strings of the analytics page's trust parts (issue 25): where the goal comes from and
//! the matching step for the main route's end, what a log does not measure, values of
//! another period, and the unit of a measured count. Kept apart from `analytics.rs` so the
//! page's other parts can change without touching these.

use journey_core::locale::number;
use journey_core::model::Lang;

pub struct TrustTexts {
    /// The main route's end (title) has no matched activity.
    pub goal_end_unmatched: fn(&str) -> String,
    /// The map has no planned route.
    pub goal_no_route: &'static str,
    /// Label of the select that matches an activity to the main route's end.
    pub end_match_label: fn(&str) -> String,
    pub end_match_none: &'static str,
    /// A similar activity offered for the end: "Match “…” to it".
    pub end_match_suggestion: fn(&str) -> String,
    /// Above the goal checkboxes when the goal is missing.
    pub pick_goal: &'static str,
    /// The most frequent last activity on a map without a main route: one click, labelled.
    pub frequency_hint: fn(&str) -> String,
    /// Preview: the log's period.
    pub preview_period: fn(&str) -> String,
    /// Metrics overview: the log's period, which every count on the page is in.
    pub log_period: fn(&str) -> String,
    /// Preview: heading and intro of the list of what the log does not measure.
    pub not_measured_title: &'static str,
    pub not_measured_hint: &'static str,
    /// Preview: the map would mix periods (count of touchpoints and routes).
    pub mixed_periods: fn(usize) -> String,
    pub clear_other_periods: &'static str,
    pub cleared_note: &'static str,
    /// The period column of the preview.
    pub f_period: &'static str,
    /// A route "A → B".
    pub route: fn(&str, &str) -> String,
    /// Dashboard / funnel: a step whose value is from another period than the first.
    pub other_period: &'static str,
    pub other_period_note: &'static str,
    /// Before the list of SQL files shipped with the app.
    pub sql_files: &'static str,
    /// The link to the guide (docs/scale.md).
    pub scale_guide: &'static str,
    /// One sentence per optional column of the column mapping.
    pub channel_for: &'static str,
    pub rating_for: &'static str,
    pub resource_for: &'static str,
    pub lifecycle_for: &'static str,
}

pub const EN: TrustTexts = TrustTexts {
    goal_end_unmatched: |t| format!("“{t}” ends your main route, but no activity of this log is matched to it — match it, or pick the goal."),
    goal_no_route: "This map has no planned main route to take the goal from. Pick the goal below: until then no drop-off is measured.",
    end_match_label: |t| format!("Which activity of this log stands for “{t}”?"),
    end_match_none: "— not in this log —",
    end_match_suggestion: |a| format!("Match “{a}” to it"),
    pick_goal: "Or pick the goal: the activities that mean the customer has completed the journey.",
    frequency_hint: |a| format!("Most customers’ last activity is “{a}” — that is only how often it comes last, not a goal you have checked."),
    preview_period: |p| format!("This log covers {p}. Counts are written as “in this period”, not per month."),
    log_period: |p| format!("This log covers {p}: every count on this page is in that period, not per month."),
    not_measured_title: "Not measured by this log (left as they are)",
    not_measured_hint: "No activity of the log is matched to these touchpoints, or to one end of these routes. Their values stay as they were — nothing is set to 0.",
    mixed_periods: |n| format!("After applying, the map would mix periods: {} of the places above keep values from another period (entered per month, or another log). The funnel and dashboard will mark them.", number(n as f64, 0, Lang::En)),
    clear_other_periods: "Clear their old volume, drop-off and throughput values, so the map holds only this log’s period",
    cleared_note: "Old values of the places this log does not cover are cleared (empty, not 0).",
    f_period: "Period",
    route: |a, b| format!("Route {a} → {b}"),
    other_period: "other period",
    other_period_note: "Steps marked “other period” hold values from a different period than the first step: they are shown, but not compared with it.",
    sql_files: "The SQL files:",
    scale_guide: "Guide: measuring large data in your data warehouse",
    channel_for: "Where it happened (website, app, phone …): the channel mix then counts real contacts.",
    rating_for: "A rating the customer gave at this step (for example 1–5 stars).",
    resource_for: "The person, team or system that handled the step: shown only.",
    lifecycle_for: "When your export has the start and the end of a step in separate rows: only rows with the status below are counted.",
};

pub const DE: TrustTexts = TrustTexts {
    goal_end_unmatched: |t| format!("„{t}“ beendet Ihre Hauptroute, aber keine Aktivität dieses Protokolls ist ihr zugeordnet — ordnen Sie eine zu oder wählen Sie das Ziel."),
    goal_no_route: "Diese Karte hat keine geplante Hauptroute, aus der das Ziel kommen könnte. Wählen Sie unten das Ziel: bis dahin wird kein Abbruch gemessen.",
    end_match_label: |t| format!("Welche Aktivität dieses Protokolls steht für „{t}“?"),
    end_match_none: "— nicht in diesem Protokoll —",
    end_match_suggestion: |a| format!("„{a}“ zuordnen"),
    pick_goal: "Oder wählen Sie das Ziel: die Aktivitäten, mit denen die Kundenreise abgeschlossen ist.",
    frequency_hint: |a| format!("Die letzte Aktivität der meisten Kunden ist „{a}“ — das sagt nur, wie oft sie zuletzt kommt, es ist kein geprüftes Ziel."),
    preview_period: |p| format!("Dieses Protokoll umfasst {p}. Anzahlen werden als „in diesem Zeitraum“ geschrieben, nicht pro Monat."),
    log_period: |p| format!("Dieses Protokoll umfasst {p}: jede Anzahl auf dieser Seite gilt für diesen Zeitraum, nicht pro Monat."),
    not_measured_title: "Von diesem Protokoll nicht gemessen (bleiben, wie sie sind)",
    not_measured_hint: "Diesen Touchpoints bzw. einem Ende dieser Routen ist keine Aktivität des Protokolls zugeordnet. Ihre Werte bleiben unverändert — nichts wird auf 0 gesetzt.",
    mixed_periods: |n| format!("Nach dem Übernehmen hätte die Karte Werte aus verschiedenen Zeiträumen: {} der Stellen oben behalten Werte aus einem anderen Zeitraum (pro Monat eingetragen oder aus einem anderen Protokoll). Trichter und Dashboard kennzeichnen sie.", number(n as f64, 0, Lang::De)),
    clear_other_periods: "Ihre alten Werte für Volumen, Abbruch und Durchlaufzeit leeren, damit die Karte nur den Zeitraum dieses Protokolls enthält",
    cleared_note: "Alte Werte der Stellen, die dieses Protokoll nicht abdeckt, werden geleert (leer, nicht 0).",
    f_period: "Zeitraum",
    route: |a, b| format!("Route {a} → {b}"),
    other_period: "anderer Zeitraum",
    other_period_note: "Mit „anderer Zeitraum“ gekennzeichnete Schritte haben Werte aus einem anderen Zeitraum als der erste Schritt: sie werden gezeigt, aber nicht mit ihm verglichen.",
    sql_files: "Die SQL-Dateien:",
    scale_guide: "Anleitung: große Datenmengen im Data Warehouse auswerten",
    channel_for: "Wo es passiert ist (Website, App, Telefon …): damit zählt der Kanal-Mix echte Kontakte.",
    rating_for: "Eine Bewertung, die der Kunde bei diesem Schritt gegeben hat (z. B. 1–5 Sterne).",
    resource_for: "Mitarbeiter, Team oder System, das den Schritt bearbeitet hat: nur zur Anzeige.",
    lifecycle_for: "Wenn Ihr Export Start und Ende eines Schritts in eigenen Zeilen hat: nur die Zeilen mit dem Status unten werden gezählt.",
};

pub fn trust_texts(lang: Lang) -> &'static TrustTexts {
    lang.pick((&EN, &DE))
}
