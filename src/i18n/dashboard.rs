//! Strings of the charts dashboard: the link from the map page, the page itself, the chart
//! cards (title and caption per chart) and the download buttons. The chart pictures carry
//! their own titles, drawn by journey-core in the same language.

use journey_core::charts::dashboard::ChartKind;
use journey_core::model::Lang;

pub struct DashboardTexts {
    /// Link from the map page.
    pub open_dashboard: &'static str,
    pub page_title: &'static str,
    pub back_to_map: &'static str,
    pub intro: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub needs_data_label: &'static str,
    pub png_failed: fn(&str) -> String,
    pub svg_failed: fn(&str) -> String,
    /// Title and caption per chart, in the order of [`ChartKind::ALL`].
    pub charts: [(&'static str, &'static str); 8],
}

impl DashboardTexts {
    pub fn title(&self, kind: ChartKind) -> &'static str {
        self.charts[position(kind)].0
    }

    pub fn caption(&self, kind: ChartKind) -> &'static str {
        self.charts[position(kind)].1
    }
}

fn position(kind: ChartKind) -> usize {
    ChartKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

pub const EN: DashboardTexts = DashboardTexts {
    open_dashboard: "Charts dashboard",
    page_title: "Charts dashboard",
    back_to_map: "Back to the map",
    intro: "Every chart follows the map as it changes. Download a chart as SVG (sharp at any size) or PNG (for slides).",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    needs_data_label: "Data needed",
    png_failed: |detail| format!("The PNG could not be made ({detail}). The SVG download still works."),
    svg_failed: |detail| format!("The SVG could not be downloaded ({detail})."),
    charts: [
        ("Emotion curve", "How customers feel in each stage, one line per persona (−2 … +2)."),
        ("Funnel and drop-off", "How many customers reach each stage, and how many are lost on the way."),
        ("Touchpoints ranked by score", "Touchpoint scores (0–100) from the score module, best first."),
        ("Channel mix", "Touchpoints and customer volume per channel."),
        ("Contact classification", "Contact volume that adds value, disrupts, or could be self-service, by contact reason."),
        ("Throughput time", "How long journeys take from first to last event, with the median marked."),
        ("Route flow", "How many customers take each route between touchpoints, stage by stage."),
        ("Opportunities: value vs. effort", "Opportunities placed by value (0–100) and effort (0–5), in four quadrants from quick wins to money pits."),
    ],
};

pub const DE: DashboardTexts = DashboardTexts {
    open_dashboard: "Diagramm-Übersicht",
    page_title: "Diagramm-Übersicht",
    back_to_map: "Zurück zur Karte",
    intro: "Jedes Diagramm folgt der Karte, wenn sie sich ändert. Diagramme als SVG (scharf in jeder Größe) oder PNG (für Folien) herunterladen.",
    download_svg: "SVG herunterladen",
    download_png: "PNG herunterladen",
    needs_data_label: "Daten fehlen",
    png_failed: |detail| format!("Das PNG konnte nicht erstellt werden ({detail}). Der SVG-Download funktioniert weiterhin."),
    svg_failed: |detail| format!("Das SVG konnte nicht heruntergeladen werden ({detail})."),
    charts: [
        ("Emotionskurve", "Wie sich Kunden in jeder Phase fühlen, eine Linie je Persona (−2 … +2)."),
        ("Trichter und Abbruch", "Wie viele Kunden jede Phase erreichen und wie viele unterwegs verloren gehen."),
        ("Touchpoints nach Score", "Touchpoint-Scores (0–100) aus dem Score-Modul, die besten zuerst."),
        ("Kanal-Mix", "Touchpoints und Kundenvolumen je Kanal."),
        ("Kontaktklassifizierung", "Kontaktvolumen, das Wert schafft, stört oder Selfservice sein könnte, nach Kontaktgrund."),
        ("Durchlaufzeit", "Wie lange Kundenreisen vom ersten bis zum letzten Ereignis dauern, mit markiertem Median."),
        ("Routenfluss", "Wie viele Kunden welche Route zwischen den Touchpoints nehmen, Phase für Phase."),
        ("Chancen: Nutzen vs. Aufwand", "Verbesserungspotenziale nach Nutzen (0–100) und Aufwand (0–5), in vier Quadranten von schnellen Erfolgen bis Zeitfressern."),
    ],
};

pub fn dashboard_texts(lang: Lang) -> &'static DashboardTexts {
    lang.pick((&EN, &DE))
}
