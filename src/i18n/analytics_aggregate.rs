//! Strings of the analytics page for a warehouse aggregate (docs/scale.md): what the page
//! shows instead of import details, and which metrics need the raw events.

use journey_core::analytics::aggregate::RawOnly;
use journey_core::model::Lang;

pub struct AggregateTexts {
    /// Under the file picker: it also takes an aggregate.
    pub picker_hint: &'static str,
    /// Heading of the notice shown for an imported aggregate.
    pub title: &'static str,
    /// Producer, cases and events of the aggregate.
    pub source: fn(&str, &str, &str) -> String,
    /// The goal the query measured drop-off against, and τ in seconds.
    pub goal: fn(&str, f64) -> String,
    pub no_goal: &'static str,
    pub quantiles_exact: &'static str,
    /// Approximate quantiles with their rank error (as a percent text).
    pub quantiles_approx: fn(&str) -> String,
    pub needs_raw_title: &'static str,
    pub raw_only: fn(RawOnly) -> &'static str,
    /// In place of the share of cases that deviate.
    pub cases_deviating_needs_raw: &'static str,
    /// In place of the funnel and of the histogram.
    pub funnel_needs_raw: &'static str,
    pub histogram_needs_raw: &'static str,
    /// Touchpoints that several activities stand for (titles listed).
    pub not_derivable: fn(&str) -> String,
}

pub const EN: AggregateTexts = AggregateTexts {
    picker_hint: "For more events than a browser tab holds: choose the aggregate (JSON) that the SQL in the project's sql/ folder computes in your data warehouse.",
    title: "Measured from a warehouse aggregate",
    source: |producer, cases, events| format!("{cases} cases, {events} events, computed by: {producer}."),
    goal: |goal, s| format!("Drop-off is measured against the goal named in the query: {goal} (timeout {}). To measure it against another goal, run the query again.", duration(s, Lang::En)),
    no_goal: "The query named no goal activity that occurs in the data, so drop-off cannot be shown. Run the query again with the journey's goal.",
    quantiles_exact: "Waiting and throughput times: exact quantiles.",
    quantiles_approx: |e| format!("Waiting and throughput times: approximate quantiles (rank error up to {e} of the values)."),
    needs_raw_title: "Needs the raw events (not in an aggregate)",
    raw_only: |m| match m {
        RawOnly::Funnel => "funnels",
        RawOnly::ThroughputHistogram => "the throughput-time histogram",
        RawOnly::DropOffOtherGoal => "drop-off for another goal or timeout",
        RawOnly::CasesDeviating => "the share of cases with a deviating route",
        RawOnly::VariantsBeyondTop => "variants beyond the top ones the query kept",
        RawOnly::ImportDetails => "skipped rows, timestamp ties, channels and ratings",
    },
    cases_deviating_needs_raw: "Share of cases with a deviating route: needs the raw events.",
    funnel_needs_raw: "Funnels need the raw events: import the event log itself to build one.",
    histogram_needs_raw: "The histogram needs every case's throughput time: the aggregate has the quantiles above.",
    not_derivable: |titles| format!("Not changed, because several activities stand for them (an aggregate cannot combine their cases): {titles}."),
};

pub const DE: AggregateTexts = AggregateTexts {
    picker_hint: "Für mehr Ereignisse, als ein Browser-Tab fasst: das Aggregat (JSON) wählen, das das SQL im Ordner sql/ des Projekts in Ihrem Data Warehouse berechnet.",
    title: "Gemessen aus einem Aggregat des Data Warehouse",
    source: |producer, cases, events| format!("{cases} Fälle, {events} Ereignisse, berechnet von: {producer}."),
    goal: |goal, s| format!("Abbrüche werden gegen das in der Abfrage genannte Ziel gemessen: {goal} (Zeitlimit {}). Für ein anderes Ziel die Abfrage erneut ausführen.", duration(s, Lang::De)),
    no_goal: "Die Abfrage nennt keine Zielaktivität, die in den Daten vorkommt, daher können keine Abbrüche gezeigt werden. Bitte die Abfrage mit dem Ziel der Customer Journey erneut ausführen.",
    quantiles_exact: "Warte- und Durchlaufzeiten: exakte Quantile.",
    quantiles_approx: |e| format!("Warte- und Durchlaufzeiten: genäherte Quantile (Rangfehler bis {e} der Werte)."),
    needs_raw_title: "Braucht die einzelnen Ereignisse (nicht im Aggregat)",
    raw_only: |m| match m {
        RawOnly::Funnel => "Trichter",
        RawOnly::ThroughputHistogram => "das Histogramm der Durchlaufzeiten",
        RawOnly::DropOffOtherGoal => "Abbrüche für ein anderes Ziel oder Zeitlimit",
        RawOnly::CasesDeviating => "der Anteil der Fälle mit abweichender Route",
        RawOnly::VariantsBeyondTop => "Varianten jenseits der von der Abfrage behaltenen häufigsten",
        RawOnly::ImportDetails => "übersprungene Zeilen, gleiche Zeitstempel, Kanäle und Bewertungen",
    },
    cases_deviating_needs_raw: "Anteil der Fälle mit abweichender Route: braucht die einzelnen Ereignisse.",
    funnel_needs_raw: "Trichter brauchen die einzelnen Ereignisse: dafür das Ereignisprotokoll selbst importieren.",
    histogram_needs_raw: "Das Histogramm braucht die Durchlaufzeit jedes Falls: das Aggregat enthält die Quantile oben.",
    not_derivable: |titles| format!("Nicht geändert, weil mehrere Aktivitäten für sie stehen (ein Aggregat kann deren Fälle nicht zusammenführen): {titles}."),
};

/// τ in days from one day on, else in hours.
fn duration(s: f64, lang: Lang) -> String {
    let n = |v: f64| journey_core::locale::number(v, 1, lang);
    match (s >= 86_400.0, lang) {
        (true, Lang::En) => format!("{} days", n(s / 86_400.0)),
        (true, Lang::De) => format!("{} Tage", n(s / 86_400.0)),
        (false, Lang::En) => format!("{} h", n(s / 3600.0)),
        (false, Lang::De) => format!("{} Std.", n(s / 3600.0)),
    }
}

pub fn aggregate_texts(lang: Lang) -> &'static AggregateTexts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}
