//! After an import: does the result look like a journey at all? A wrong column mapping
//! rarely fails — it imports "successfully" into nonsense (8,672 cases of one event each,
//! one giant case, an id read as activity). These checks look at the imported log and say
//! which column of the mapping to check, so the page and the CLI never present such a
//! result as a plain success.

use serde::{Deserialize, Serialize};

use super::event_log::EventLog;
use super::shown::SHOWN_ACTIVITIES;
use super::source_types::Source;
use crate::locale::number;
use crate::model::Lang;

/// Below this many events the shape of a log says little; only the hard cases are checked.
const SMALL_LOG: u64 = 20;

/// One thing that looks wrong, with the columns to check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportWarning {
    /// (Almost) every case has a single event: the case column does not group events.
    OneEventPerCase { cases: u64, events: u64, case_column: String },
    /// Cases have several events, but never a change of activity.
    NoTransitions { activity_column: String },
    /// All events in one case.
    OneCase { events: u64, case_column: String },
    /// More distinct activities than the page shows (`shown::SHOWN_ACTIVITIES`): a journey
    /// has tens of steps, so the column is almost surely an id, an address or free text.
    TooManyActivities { activities: u64, shown: u64, activity_column: String },
    /// Nearly every event has its own activity: an id or free text was taken as activity.
    ActivityPerEvent { activities: u64, events: u64, activity_column: String },
    /// Most events share their case's previous timestamp: a date without time, or a
    /// column that is not the event's time.
    TimeDoesNotVary { ties: u64, events: u64, time_column: String },
    /// Most rows were skipped as bad.
    MostRowsSkipped { skipped: u64, rows: u64, time_column: String },
    /// Most rows were dropped by the lifecycle filter.
    MostRowsFiltered { filtered: u64, rows: u64, column: String, value: String },
    /// Fields longer than `limit` bytes were cut to it; the first one named.
    LongFieldsCut { fields: super::long_fields::LongFields, limit: u64 },
    /// The file's header is a known export that holds no event per row; its source
    /// preset reads it properly.
    KnownExport { source: Source },
}

/// The columns the import used, by role, for naming them in a warning.
pub struct UsedColumns<'a> {
    pub case: &'a str,
    pub activity: &'a str,
    pub time: &'a str,
    pub lifecycle: Option<(&'a str, &'a str)>,
    /// Every header of the file.
    pub headers: &'a [String],
}

/// Every warning the imported log gives, most telling first.
pub fn check_import(log: &EventLog, rows: u64, skipped: u64, filtered: u64, cols: &UsedColumns) -> Vec<ImportWarning> {
    let mut out = Vec::new();
    let events = log.event_count() as u64;
    let cases = log.case_count() as u64;
    let activities = log.activity_names.len() as u64;
    if let Some(source) = Source::recognise(cols.headers).filter(|s| s.rows_are_not_events()) {
        out.push(ImportWarning::KnownExport { source });
    }
    if events >= 2 && (cases == events || (events >= SMALL_LOG && cases * 10 >= events * 9)) {
        out.push(ImportWarning::OneEventPerCase { cases, events, case_column: cols.case.into() });
    } else if events >= SMALL_LOG && cases == 1 {
        out.push(ImportWarning::OneCase { events, case_column: cols.case.into() });
    } else if events > cases && activities > 1 && !has_transition(log) {
        out.push(ImportWarning::NoTransitions { activity_column: cols.activity.into() });
    }
    if activities > SHOWN_ACTIVITIES as u64 {
        out.push(ImportWarning::TooManyActivities { activities, shown: SHOWN_ACTIVITIES as u64, activity_column: cols.activity.into() });
    } else if events >= SMALL_LOG && activities * 2 >= events {
        out.push(ImportWarning::ActivityPerEvent { activities, events, activity_column: cols.activity.into() });
    }
    let follow_ups = events - cases;
    if follow_ups >= SMALL_LOG / 2 && log.timestamp_ties * 2 > follow_ups {
        out.push(ImportWarning::TimeDoesNotVary { ties: log.timestamp_ties, events, time_column: cols.time.into() });
    }
    if rows > 0 && skipped * 2 > rows {
        out.push(ImportWarning::MostRowsSkipped { skipped, rows, time_column: cols.time.into() });
    }
    if let Some((column, value)) = cols.lifecycle {
        if rows > 0 && filtered * 10 > rows * 6 {
            out.push(ImportWarning::MostRowsFiltered { filtered, rows, column: column.into(), value: value.into() });
        }
    }
    out
}

/// Whether any case has two consecutive events with different activities.
fn has_transition(log: &EventLog) -> bool {
    (1..log.event_count()).any(|i| log.case[i] == log.case[i - 1] && log.activity[i] != log.activity[i - 1])
}

impl ImportWarning {
    /// The warning in `lang`: what looks wrong, then which mapping to check.
    pub fn message(&self, lang: Lang) -> String {
        let n = |v: u64| number(v as f64, 0, lang);
        match (self, lang) {
            (ImportWarning::OneEventPerCase { cases, events, case_column }, Lang::En) => format!(
                "{} cases for {} events: almost every case has a single event, so there is no journey to see. \
                 Check the case column “{case_column}”: it should name a customer, session or order that repeats over several rows.",
                n(*cases), n(*events)
            ),
            (ImportWarning::OneEventPerCase { cases, events, case_column }, Lang::De) => format!(
                "{} Fälle bei {} Ereignissen: fast jeder Fall hat nur ein Ereignis, eine Journey ist so nicht zu sehen. \
                 Bitte die Fall-Spalte „{case_column}“ prüfen: sie sollte einen Kunden, eine Sitzung oder eine Bestellung nennen, die in mehreren Zeilen wiederkehrt.",
                n(*cases), n(*events)
            ),
            (ImportWarning::OneCase { events, case_column }, Lang::En) => format!(
                "All {} events are in one case. Check the case column “{case_column}”: it has the same value in every row.",
                n(*events)
            ),
            (ImportWarning::OneCase { events, case_column }, Lang::De) => format!(
                "Alle {} Ereignisse liegen in einem Fall. Bitte die Fall-Spalte „{case_column}“ prüfen: sie hat in jeder Zeile denselben Wert.",
                n(*events)
            ),
            (ImportWarning::NoTransitions { activity_column }, Lang::En) => format!(
                "No case ever moves from one activity to another (no transitions). Check the activity column “{activity_column}”."
            ),
            (ImportWarning::NoTransitions { activity_column }, Lang::De) => format!(
                "Kein Fall wechselt je von einer Aktivität zur nächsten (keine Übergänge). Bitte die Aktivitäts-Spalte „{activity_column}“ prüfen."
            ),
            (ImportWarning::TooManyActivities { activities, shown, activity_column }, Lang::En) => format!(
                "The activity column “{activity_column}” has {} different values — a journey has tens of steps, not thousands, so this is probably the wrong column \
                 (an order number, a page address, free text?). All of them are measured; the page lists the {} most frequent. Check the activity column.",
                n(*activities), n(*shown)
            ),
            (ImportWarning::TooManyActivities { activities, shown, activity_column }, Lang::De) => format!(
                "Die Aktivitäts-Spalte „{activity_column}“ hat {} verschiedene Werte — eine Journey hat Dutzende Schritte, nicht Tausende; vermutlich ist es die falsche Spalte \
                 (eine Bestellnummer, eine Seitenadresse, Freitext?). Gemessen werden alle; die Seite listet die {} häufigsten. Bitte die Aktivitäts-Spalte prüfen.",
                n(*activities), n(*shown)
            ),
            (ImportWarning::ActivityPerEvent { activities, events, activity_column }, Lang::En) => format!(
                "{} different activities for {} events: nearly every event has its own. Check the activity column “{activity_column}”: \
                 it should hold what happened (a step, an event name), not an id or free text.",
                n(*activities), n(*events)
            ),
            (ImportWarning::ActivityPerEvent { activities, events, activity_column }, Lang::De) => format!(
                "{} verschiedene Aktivitäten bei {} Ereignissen: fast jedes Ereignis hat seine eigene. Bitte die Aktivitäts-Spalte „{activity_column}“ prüfen: \
                 sie sollte enthalten, was geschah (einen Schritt, einen Ereignisnamen), keine ID und keinen Freitext.",
                n(*activities), n(*events)
            ),
            (ImportWarning::TimeDoesNotVary { ties, events, time_column }, Lang::En) => format!(
                "{} of {} events have the same time as the event before them in their case, so their order is only the file's. \
                 Check the time column “{time_column}”: it may hold a date without time of day.",
                n(*ties), n(*events)
            ),
            (ImportWarning::TimeDoesNotVary { ties, events, time_column }, Lang::De) => format!(
                "{} von {} Ereignissen haben dieselbe Zeit wie das Ereignis davor in ihrem Fall; ihre Reihenfolge stammt nur aus der Datei. \
                 Bitte die Zeit-Spalte „{time_column}“ prüfen: sie enthält vielleicht ein Datum ohne Uhrzeit.",
                n(*ties), n(*events)
            ),
            (ImportWarning::MostRowsSkipped { skipped, rows, time_column }, Lang::En) => format!(
                "{} of {} rows were skipped (see the lines below). Check the mapping, first the time column “{time_column}” and its date form.",
                n(*skipped), n(*rows)
            ),
            (ImportWarning::MostRowsSkipped { skipped, rows, time_column }, Lang::De) => format!(
                "{} von {} Zeilen wurden übersprungen (siehe die Zeilen unten). Bitte die Zuordnung prüfen, zuerst die Zeit-Spalte „{time_column}“ und ihre Datumsform.",
                n(*skipped), n(*rows)
            ),
            (ImportWarning::MostRowsFiltered { filtered, rows, column, value }, Lang::En) => format!(
                "{} of {} rows were left out because “{column}” is not “{value}”. Check the lifecycle filter.",
                n(*filtered), n(*rows)
            ),
            (ImportWarning::MostRowsFiltered { filtered, rows, column, value }, Lang::De) => format!(
                "{} von {} Zeilen wurden weggelassen, weil „{column}“ nicht „{value}“ ist. Bitte den Lebenszyklus-Filter prüfen.",
                n(*filtered), n(*rows)
            ),
            (ImportWarning::LongFieldsCut { fields: f, limit }, Lang::En) => format!(
                "Line {}, column “{}”: a value of {} bytes was cut to its first {} bytes{}. \
                 No name, id or time is that long — a quote left open in the file, or a column of free text mapped? Check the file at that line and the mapping.",
                n(f.line), f.column, n(f.bytes), n(*limit),
                if f.count > 1 { format!(" ({} such values in all)", n(f.count)) } else { String::new() }
            ),
            (ImportWarning::LongFieldsCut { fields: f, limit }, Lang::De) => format!(
                "Zeile {}, Spalte „{}“: ein Wert von {} Byte wurde auf seine ersten {} Byte gekürzt{}. \
                 So lang ist kein Name, keine ID und keine Zeit — ein offenes Anführungszeichen in der Datei oder eine Freitext-Spalte zugeordnet? Bitte die Datei an dieser Zeile und die Zuordnung prüfen.",
                n(f.line), f.column, n(f.bytes), n(*limit),
                if f.count > 1 { format!(" (insgesamt {} solche Werte)", n(f.count)) } else { String::new() }
            ),
            (ImportWarning::KnownExport { source }, Lang::En) => format!(
                "This file looks like {}: a row there is {}, not one event. Choose the source “{}”, which turns each row into its events; \
                 read as a plain event log, check the case, activity and time columns.",
                source.export_name(lang), source.row_meaning(lang), source.label(lang)
            ),
            (ImportWarning::KnownExport { source }, Lang::De) => format!(
                "Diese Datei sieht aus wie {}: eine Zeile ist dort {}, nicht ein Ereignis. Bitte die Quelle „{}“ wählen, die jede Zeile in ihre Ereignisse zerlegt; \
                 als einfaches Ereignisprotokoll gelesen, bitte Fall-, Aktivitäts- und Zeit-Spalte prüfen.",
                source.export_name(lang), source.row_meaning(lang), source.label(lang)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols<'a>(headers: &'a [String]) -> UsedColumns<'a> {
        UsedColumns { case: "c", activity: "a", time: "t", lifecycle: None, headers }
    }

    #[test]
    fn a_healthy_log_gives_no_warning() {
        let mut ev = Vec::new();
        for c in 0..10 {
            for (k, a) in ["Visit", "Cart", "Pay"].iter().enumerate() {
                ev.push((format!("c{c}"), a.to_string(), (c * 100 + k as i64) * 1000));
            }
        }
        let log = EventLog::from_events(&ev);
        assert_eq!(check_import(&log, 30, 0, 0, &cols(&[])), vec![]);
    }

    #[test]
    fn one_event_per_case_one_case_and_ids_as_activities_are_named() {
        let single: Vec<_> = (0..30).map(|i| (format!("c{i}"), format!("a{}", i % 3), i * 1000)).collect();
        let w = check_import(&EventLog::from_events(&single), 30, 0, 0, &cols(&[]));
        assert!(matches!(&w[0], ImportWarning::OneEventPerCase { cases: 30, events: 30, .. }), "{w:?}");
        assert!(w[0].message(Lang::En).contains("case column “c”") && w[0].message(Lang::De).contains("Fall-Spalte „c“"));
        let one: Vec<_> = (0..30).map(|i| ("x".to_string(), format!("id{i}"), i * 1000)).collect();
        let w = check_import(&EventLog::from_events(&one), 30, 0, 0, &cols(&[]));
        assert!(matches!(w[0], ImportWarning::OneCase { events: 30, .. }));
        assert!(matches!(w[1], ImportWarning::ActivityPerEvent { activities: 30, .. }));
    }

    #[test]
    fn more_activities_than_shown_is_its_own_warning() {
        let n = SHOWN_ACTIVITIES + 1;
        let ev: Vec<_> = (0..n).map(|i| (format!("c{}", i / 4), format!("order {i}"), i as i64 * 1000)).collect();
        let w = check_import(&EventLog::from_events(&ev), n as u64, 0, 0, &cols(&[]));
        assert_eq!(w, vec![ImportWarning::TooManyActivities { activities: n as u64, shown: SHOWN_ACTIVITIES as u64, activity_column: "a".into() }]);
        assert!(w[0].message(Lang::En).contains("2,001 different values") && w[0].message(Lang::En).contains("wrong column"));
        assert!(w[0].message(Lang::De).contains("2.001 verschiedene Werte") && w[0].message(Lang::De).contains("falsche Spalte"));
    }

    #[test]
    fn no_transitions_equal_times_skipped_and_filtered_rows() {
        // Each case repeats one activity: the "activity" is a property of the case.
        let same: Vec<_> = (0..30).map(|i| (format!("c{}", i % 5), format!("a{}", i % 5), i * 1000)).collect();
        let w = check_import(&EventLog::from_events(&same), 30, 0, 0, &cols(&[]));
        assert_eq!(w, vec![ImportWarning::NoTransitions { activity_column: "a".into() }]);
        // A date without time: every event of a case at the same instant.
        let day: Vec<_> = (0..30).map(|i| (format!("c{}", i % 3), ["x", "y"][i % 2].to_string(), 86_400_000i64)).collect();
        let w = check_import(&EventLog::from_events(&day), 30, 0, 0, &cols(&[]));
        assert!(matches!(w[0], ImportWarning::TimeDoesNotVary { .. }), "{w:?}");
        let ok: Vec<_> = (0..4).map(|i| ("c".to_string(), format!("a{}", i % 2), i * 1000)).collect();
        let log = EventLog::from_events(&ok);
        let with_lifecycle = UsedColumns { lifecycle: Some(("lc", "complete")), ..cols(&[]) };
        let w = check_import(&log, 100, 90, 0, &with_lifecycle);
        assert!(w[0].message(Lang::En).contains("90 of 100 rows were skipped") && w[0].message(Lang::En).contains("“t”"));
        let w = check_import(&log, 100, 0, 70, &with_lifecycle);
        assert!(w[0].message(Lang::De).contains("„lc“ nicht „complete“"));
    }
}
