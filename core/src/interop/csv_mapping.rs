//! The columns of a touchpoint sheet: which field each column holds. The exporter writes
//! [`CsvField::header`]; the importer suggests a mapping from whatever headers a sheet
//! has (English or German, any case, spaces and punctuation ignored) and the user
//! confirms or changes it before rows are imported.

use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvField {
    /// The touchpoint id (exported for reference; never imported, new ids are made).
    Id,
    Stage,
    Title,
    Channel,
    CustomerAction,
    Thoughts,
    Emotion,
    PainPoints,
    Owner,
    Visibility,
    Evidence,
    EvidenceSource,
    Volume,
    DropOffRate,
    ThroughputTimeS,
    Csat,
    Ces,
    Nps,
}

impl CsvField {
    /// Every field in export column order.
    pub const ALL: [CsvField; 18] = [
        CsvField::Id,
        CsvField::Stage,
        CsvField::Title,
        CsvField::Channel,
        CsvField::CustomerAction,
        CsvField::Thoughts,
        CsvField::Emotion,
        CsvField::PainPoints,
        CsvField::Owner,
        CsvField::Visibility,
        CsvField::Evidence,
        CsvField::EvidenceSource,
        CsvField::Volume,
        CsvField::DropOffRate,
        CsvField::ThroughputTimeS,
        CsvField::Csat,
        CsvField::Ces,
        CsvField::Nps,
    ];

    /// The column header the exporter writes: the [`CsvField::name`], and "(%)" for the
    /// rates, whose cells it writes in percent (the unit follows the label, as in the app's
    /// inputs).
    pub fn header(self, lang: Lang) -> String {
        match self.is_rate() {
            true => format!("{} (%)", self.name(lang)),
            false => self.name(lang).to_string(),
        }
    }

    /// Whether the field is a share (stored 0..=1): drop-off rate and CES. In a column whose
    /// header says "%" a bare number is percent, in a column without a unit a share.
    pub fn is_rate(self) -> bool {
        matches!(self, CsvField::DropOffRate | CsvField::Ces)
    }

    /// The field's name without a unit (the label in the mapping step and in messages).
    pub fn name(self, lang: Lang) -> &'static str {
        let (en, de) = match self {
            CsvField::Id => ("ID", "ID"),
            CsvField::Stage => ("Stage", "Phase"),
            CsvField::Title => ("Title", "Titel"),
            CsvField::Channel => ("Channel", "Kanal"),
            CsvField::CustomerAction => ("Customer action", "Kundenaktion"),
            CsvField::Thoughts => ("Thoughts", "Gedanken"),
            CsvField::Emotion => ("Emotion", "Emotion"),
            CsvField::PainPoints => ("Pain points", "Schmerzpunkte"),
            CsvField::Owner => ("Owner", "Verantwortlich"),
            CsvField::Visibility => ("Visibility", "Sichtbarkeit"),
            CsvField::Evidence => ("Evidence", "Beleg"),
            CsvField::EvidenceSource => ("Evidence source", "Belegquelle"),
            CsvField::Volume => ("Volume", "Volumen"),
            CsvField::DropOffRate => ("Drop-off rate", "Abbruchrate"),
            CsvField::ThroughputTimeS => ("Throughput time (s)", "Durchlaufzeit (s)"),
            CsvField::Csat => ("CSAT", "CSAT"),
            CsvField::Ces => ("CES", "CES"),
            CsvField::Nps => ("NPS", "NPS"),
        };
        lang.pick((en, de))
    }

    /// Header spellings recognised besides the two [`CsvField::header`]s, already in
    /// [`header_key`] form.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            CsvField::Id => &["touchpointid"],
            CsvField::Stage => &["phasename", "step", "schritt", "journeystage", "stagename"],
            CsvField::Title => &["name", "touchpoint", "kontaktpunkt", "berührungspunkt", "bezeichnung", "titel"],
            CsvField::Channel => &["channelkey", "kanäle", "medium"],
            CsvField::CustomerAction => &["action", "aktion", "kundenaktionen"],
            CsvField::Thoughts => &["thought", "gedanke"],
            CsvField::Emotion => &["feeling", "gefühl", "stimmung", "emotionen"],
            CsvField::PainPoints => &["painpoint", "pains", "schmerzpunkt", "reibungspunkte", "reibungspunkt"],
            CsvField::Owner => &["verantwortliche", "zuständig", "department", "abteilung", "responsible"],
            CsvField::Visibility => &["frontstagebackstage"],
            CsvField::Evidence => &["evidencekind", "belegart"],
            CsvField::EvidenceSource => &["source", "quelle"],
            CsvField::Volume => &["anzahl", "count"],
            CsvField::DropOffRate => &["dropoff", "abbruch", "abbruchquote"],
            CsvField::ThroughputTimeS => &["throughputtime", "durchlaufzeit", "throughputtimes"],
            CsvField::Csat => &["kundenzufriedenheit", "satisfaction"],
            CsvField::Ces => &["customereffortscore"],
            CsvField::Nps => &["netpromoterscore"],
        }
    }

    /// The field a header names, if any.
    pub fn from_header(header: &str) -> Option<CsvField> {
        let key = header_key(header);
        if key.is_empty() {
            return None;
        }
        CsvField::ALL.into_iter().find(|f| {
            Lang::ALL.iter().any(|l| header_key(f.name(*l)) == key) || f.aliases().contains(&key.as_str())
        })
    }
}

/// A header as compared: lower-case letters and digits only ("Drop-off rate" → "dropoffrate").
fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// For each column of the sheet, the field it goes into (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnMapping {
    pub columns: Vec<Option<CsvField>>,
}

/// Why a mapping cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// No column is mapped to the title.
    NoTitle,
    /// One field is mapped from two columns (1-based column numbers).
    Twice { field: CsvField, first: usize, second: usize },
}

impl MappingError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MappingError::NoTitle, Lang::En) => "Choose which column holds the touchpoint title.".into(),
            (MappingError::NoTitle, Lang::De) => "Bitte wählen Sie, welche Spalte den Titel des Touchpoints enthält.".into(),
            (MappingError::Twice { field, first, second }, Lang::En) => format!(
                "Columns {first} and {second} are both mapped to “{}”; choose one.",
                field.name(Lang::En)
            ),
            (MappingError::Twice { field, first, second }, Lang::De) => format!(
                "Die Spalten {first} und {second} sind beide „{}“ zugeordnet; bitte eine wählen.",
                field.name(Lang::De)
            ),
        }
    }
}

impl ColumnMapping {
    /// The column (0-based) mapped to `field`.
    pub fn column_of(&self, field: CsvField) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// A title column exists and no field is mapped twice.
    pub fn validate(&self) -> Result<(), MappingError> {
        for (i, field) in self.columns.iter().enumerate() {
            let Some(field) = field else { continue };
            if let Some(j) = self.columns[i + 1..].iter().position(|c| c == &Some(*field)) {
                return Err(MappingError::Twice { field: *field, first: i + 1, second: i + j + 2 });
            }
        }
        if self.column_of(CsvField::Title).is_none() {
            return Err(MappingError::NoTitle);
        }
        Ok(())
    }
}

/// Suggests a field for every header; a field already taken by an earlier column is not
/// suggested again, so the suggestion always validates when it has a title.
pub fn suggest_mapping(headers: &[String]) -> ColumnMapping {
    let mut columns: Vec<Option<CsvField>> = Vec::with_capacity(headers.len());
    for header in headers {
        let field = CsvField::from_header(header).filter(|f| !columns.contains(&Some(*f)));
        columns.push(field);
    }
    ColumnMapping { columns }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_exported_header_maps_back_to_its_field() {
        for lang in Lang::ALL {
            for field in CsvField::ALL {
                assert_eq!(CsvField::from_header(&field.header(lang)), Some(field), "{field:?} {lang:?}");
                assert_eq!(CsvField::from_header(field.name(lang)), Some(field), "older exports: {field:?} {lang:?}");
            }
        }
    }

    #[test]
    fn english_and_german_sheet_headers_are_suggested() {
        let m = suggest_mapping(&strings(&["Phase", "Titel", "Kanal", "Emotion", "Notiz"]));
        assert_eq!(m.columns, [Some(CsvField::Stage), Some(CsvField::Title), Some(CsvField::Channel), Some(CsvField::Emotion), None]);
        let m = suggest_mapping(&strings(&["stage", " TITLE ", "channel", "pain_points", "drop_off_rate"]));
        assert_eq!(m.columns[3..], [Some(CsvField::PainPoints), Some(CsvField::DropOffRate)]);
        assert!(m.validate().is_ok());
    }

    #[test]
    fn duplicates_are_not_suggested_and_are_refused_when_chosen() {
        let m = suggest_mapping(&strings(&["Title", "Name"]));
        assert_eq!(m.columns, [Some(CsvField::Title), None]);
        let chosen = ColumnMapping { columns: vec![Some(CsvField::Title), Some(CsvField::Stage), Some(CsvField::Title)] };
        let err = chosen.validate().unwrap_err();
        assert_eq!(err, MappingError::Twice { field: CsvField::Title, first: 1, second: 3 });
        assert!(err.message(Lang::De).contains("Spalten 1 und 3"));
        let no_title = ColumnMapping { columns: vec![Some(CsvField::Stage)] };
        assert_eq!(no_title.validate(), Err(MappingError::NoTitle));
    }
}
