//! Strings of the analytics page's import recipe (`src/ui/analytics/recipe_step.rs`: the
//! next period in one step) and of the measurement history (`history_view.rs`: the periods
//! applied to the map, compared). Numbers go through `journey_core::locale`. Terms from the
//! shared glossary (drop-off = Abbruch, volume = Anzahl, touchpoint = Touchpoint).

use journey_core::locale::{number, percent};
use journey_core::model::Lang;

pub struct HistoryTexts {
    pub recipe_title: &'static str,
    pub recipe_intro: &'static str,
    pub recipe_source: fn(&str, &str) -> String,
    pub recipe_cases_customer: &'static str,
    pub recipe_cases_record: &'static str,
    pub recipe_cases_idle: fn(u32) -> String,
    pub recipe_columns: fn(&str, &str, &str) -> String,
    pub recipe_dropped: fn(&str) -> String,
    pub recipe_form: fn(&str) -> String,
    pub recipe_pick: fn(usize) -> String,
    pub recipe_wrong_count: fn(usize, usize) -> String,
    pub recipe_stored: &'static str,
    pub recipe_workbook: fn(&str) -> String,
    pub history_title: &'static str,
    pub history_intro: &'static str,
    pub period_col: &'static str,
    pub sources_col: &'static str,
    pub cases_col: &'static str,
    pub completion_col: &'static str,
    pub drop_off_col: &'static str,
    pub touchpoint_col: &'static str,
    pub not_measured: &'static str,
    pub no_goal: &'static str,
    pub better: fn(f64, f64, f64, Lang) -> String,
    pub worse: fn(f64, f64, f64, Lang) -> String,
    pub same: fn(f64, Lang) -> String,
    pub not_comparable: &'static str,
    pub one_period: &'static str,
    pub volumes_title: &'static str,
    pub aggregate_source: &'static str,
    pub cases_in: fn(u64, &str, Lang) -> String,
}

fn points(d: f64, lang: Lang) -> String {
    number(d * 100.0, 1, lang)
}

pub const EN: HistoryTexts = HistoryTexts {
    recipe_title: "This map's import recipe",
    recipe_intro: "How the last import applied to this map read its files. Next period's exports import with it in one step: pick the file(s), check the preview, apply. Only column names and settings are kept, never a value of the files.",
    recipe_source: |source, file| format!("{source} — last file: {file}"),
    recipe_cases_customer: "one case per customer",
    recipe_cases_record: "one case per order, ticket or session",
    recipe_cases_idle: |m| format!("a new case after {m} minutes without an event"),
    recipe_columns: |case, activity, time| format!("case: {case}, activity: {activity}, time: {time}"),
    recipe_dropped: |a| format!("left out: {a}"),
    recipe_form: |f| format!("date form: {f}"),
    recipe_pick: |n| if n == 1 { "Import next period with this map's recipe (pick the file)".into() } else { format!("Import next period with this map's recipe (pick the {n} files)") },
    recipe_wrong_count: |want, got| format!("The recipe reads {want} file(s); {got} were picked. Pick one file per source."),
    recipe_workbook: |f| format!("{f} is a workbook: a recipe of several files reads CSV exports. Save the sheet as CSV, or pick the workbook with the file picker below and choose its sheet."),
    recipe_stored: "Apply also stores how these files were read as this map's import recipe, and keeps the period in its measurement history.",
    history_title: "Measurement history",
    history_intro: "Every import applied to this map, as a period of its own. Counts belong to their period and are never added up across periods; the share of cases reaching the goal compares them.",
    period_col: "Period",
    sources_col: "Sources",
    cases_col: "Cases",
    completion_col: "Reached the goal",
    drop_off_col: "Drop-off",
    touchpoint_col: "Touchpoint",
    not_measured: "not measured",
    no_goal: "no goal",
    better: |before, after, d, l| format!("Better: {} of cases reached the goal, after {} in the period before (+{} percentage points).", percent(after, 1, l), percent(before, 1, l), points(d, l)),
    worse: |before, after, d, l| format!("Worse: {} of cases reached the goal, after {} in the period before (−{} percentage points).", percent(after, 1, l), percent(before, 1, l), points(d, l)),
    same: |after, l| format!("About the same: {} of cases reached the goal, as in the period before.", percent(after, 1, l)),
    not_comparable: "The last two periods cannot be compared: one has no goal.",
    one_period: "One period so far: apply next period's files to see whether the journey got better.",
    volumes_title: "Cases per touchpoint",
    aggregate_source: "Warehouse aggregate",
    cases_in: |n, unit, l| format!("{} {unit}", number(n as f64, 0, l)),
};

pub const DE: HistoryTexts = HistoryTexts {
    recipe_title: "Import-Rezept dieser Karte",
    recipe_intro: "So hat der letzte auf diese Karte übernommene Import seine Dateien gelesen. Die Exporte des nächsten Zeitraums werden damit in einem Schritt importiert: Datei(en) wählen, Vorschau prüfen, übernehmen. Gespeichert werden nur Spaltennamen und Einstellungen, nie ein Wert aus den Dateien.",
    recipe_source: |source, file| format!("{source} — zuletzt: {file}"),
    recipe_cases_customer: "ein Fall je Kunde",
    recipe_cases_record: "ein Fall je Bestellung, Ticket oder Sitzung",
    recipe_cases_idle: |m| format!("ein neuer Fall nach {m} Minuten ohne Ereignis"),
    recipe_columns: |case, activity, time| format!("Fall: {case}, Aktivität: {activity}, Zeit: {time}"),
    recipe_dropped: |a| format!("ausgelassen: {a}"),
    recipe_form: |f| format!("Datumsform: {f}"),
    recipe_pick: |n| if n == 1 { "Nächsten Zeitraum mit dem Rezept dieser Karte importieren (Datei wählen)".into() } else { format!("Nächsten Zeitraum mit dem Rezept dieser Karte importieren ({n} Dateien wählen)") },
    recipe_wrong_count: |want, got| format!("Das Rezept liest {want} Datei(en); gewählt wurden {got}. Bitte eine Datei je Quelle wählen."),
    recipe_workbook: |f| format!("{f} ist eine Arbeitsmappe: ein Rezept aus mehreren Dateien liest CSV-Exporte. Speichern Sie das Blatt als CSV, oder wählen Sie die Arbeitsmappe mit der Dateiauswahl darunter und dort das Tabellenblatt."),
    recipe_stored: "Übernehmen speichert auch, wie diese Dateien gelesen wurden, als Import-Rezept der Karte und hält den Zeitraum in ihrer Messhistorie fest.",
    history_title: "Messhistorie",
    history_intro: "Jeder auf diese Karte übernommene Import als eigener Zeitraum. Anzahlen gehören zu ihrem Zeitraum und werden nie über Zeiträume addiert; verglichen wird der Anteil der Fälle, die das Ziel erreichen.",
    period_col: "Zeitraum",
    sources_col: "Quellen",
    cases_col: "Fälle",
    completion_col: "Ziel erreicht",
    drop_off_col: "Abbruch",
    touchpoint_col: "Touchpoint",
    not_measured: "nicht gemessen",
    no_goal: "kein Ziel",
    better: |before, after, d, l| format!("Besser: {} der Fälle erreichten das Ziel, nach {} im Zeitraum davor (+{} Prozentpunkte).", percent(after, 1, l), percent(before, 1, l), points(d, l)),
    worse: |before, after, d, l| format!("Schlechter: {} der Fälle erreichten das Ziel, nach {} im Zeitraum davor (−{} Prozentpunkte).", percent(after, 1, l), percent(before, 1, l), points(d, l)),
    same: |after, l| format!("Etwa gleich: {} der Fälle erreichten das Ziel, wie im Zeitraum davor.", percent(after, 1, l)),
    not_comparable: "Die letzten beiden Zeiträume sind nicht vergleichbar: einer hat kein Ziel.",
    one_period: "Bisher ein Zeitraum: Übernehmen Sie die Dateien des nächsten Zeitraums, um zu sehen, ob die Journey besser wurde.",
    volumes_title: "Fälle je Touchpoint",
    aggregate_source: "Zusammenfassung aus dem Data Warehouse",
    cases_in: |n, unit, l| format!("{} {unit}", number(n as f64, 0, l)),
};

pub fn history_texts(lang: Lang) -> &'static HistoryTexts {
    lang.pick((&EN, &DE))
}
