//! A map's import recipe ([`ImportRecipe`], stored with the map) made from the options an
//! import was read with, and turned back into those options for next month's files.
//!
//! What goes in is column names and settings only: the key of the customer pseudonyms is
//! never written (it is the library's and comes back from it), nor any value of the file.

use super::source_types::{CaseBy, Filters, Source, SourceOptions};
use super::time_form::TimeForm;
use super::ColumnMapping;
use crate::model::{ImportRecipe, Lang, RecipeColumns, RecipeSource};

/// How one file of a recipe is read again.
#[derive(Debug, Clone, PartialEq)]
pub enum RecipeRead {
    /// The generic event log with this column mapping.
    Log(ColumnMapping),
    /// A source preset with these options.
    Source(SourceOptions),
}

/// The recipe of a generic event log read with `mapping` from `file`.
pub fn from_mapping(mapping: &ColumnMapping, file: &str, sheet: Option<String>) -> RecipeSource {
    RecipeSource {
        last_file: file.to_string(),
        source: Source::Generic.key().to_string(),
        columns: Some(RecipeColumns {
            delimiter: (mapping.delimiter as char).to_string(),
            case: mapping.case.clone(),
            activity: mapping.activity.clone(),
            time: mapping.time.clone(),
            channel: mapping.channel.clone(),
            rating: mapping.rating.clone(),
            resource: mapping.resource.clone(),
            lifecycle: mapping.lifecycle.clone(),
        }),
        cases: "record".into(),
        idle_minutes: None,
        time_form: form_key(mapping.time_form).into(),
        time_zone: mapping.time_zone.clone(),
        event_lang: Lang::En,
        drop: Vec::new(),
        rename: Vec::new(),
        sheet,
    }
}

/// The recipe of a file read with a source preset (the pseudonym key left out).
pub fn from_source(options: &SourceOptions, file: &str, sheet: Option<String>) -> RecipeSource {
    let (cases, idle_minutes) = match options.case_by {
        CaseBy::Customer => ("customer", None),
        CaseBy::Record => ("record", None),
        CaseBy::Idle { minutes } => ("idle", Some(minutes)),
    };
    RecipeSource {
        last_file: file.to_string(),
        source: options.source.key().to_string(),
        columns: None,
        cases: cases.into(),
        idle_minutes,
        time_form: form_key(options.time_form).into(),
        time_zone: options.time_zone.clone(),
        event_lang: options.lang,
        drop: options.filters.drop.clone(),
        rename: options.filters.rename.clone(),
        sheet,
    }
}

/// How to read a file with this part of the recipe; `key` is the library's pseudonym key.
/// A recipe this build cannot follow (an unknown source, a log without columns) is
/// refused with a message naming what is wrong.
pub fn read_with(r: &RecipeSource, key: Option<String>, lang: Lang) -> Result<RecipeRead, String> {
    let source = Source::from_key(&r.source).ok_or_else(|| {
        lang.pick(("The recipe names a source this app does not know: ", "Das Rezept nennt eine Quelle, die diese App nicht kennt: "))
            .to_string()
            + &r.source
    })?;
    let time_form = form_from_key(&r.time_form);
    if source == Source::Generic {
        let c = r.columns.as_ref().ok_or_else(|| {
            lang.pick(("The recipe's event log has no column mapping.", "Das Ereignisprotokoll des Rezepts hat keine Spaltenzuordnung.")).to_string()
        })?;
        return Ok(RecipeRead::Log(ColumnMapping {
            delimiter: c.delimiter.bytes().next().unwrap_or(b','),
            case: c.case.clone(),
            activity: c.activity.clone(),
            time: c.time.clone(),
            channel: c.channel.clone(),
            rating: c.rating.clone(),
            resource: c.resource.clone(),
            lifecycle: c.lifecycle.clone(),
            time_zone: r.time_zone.clone(),
            time_form,
        }));
    }
    let case_by = match (r.cases.as_str(), r.idle_minutes) {
        ("record", _) => CaseBy::Record,
        ("idle", Some(m)) => CaseBy::Idle { minutes: m.max(1) },
        _ => CaseBy::Customer,
    };
    Ok(RecipeRead::Source(SourceOptions {
        source,
        case_by,
        filters: Filters { from_ms: None, to_ms: None, drop: r.drop.clone(), rename: r.rename.clone() },
        lang: r.event_lang,
        time_zone: r.time_zone.clone(),
        time_form,
        key,
    }))
}

/// Whether a file with these headers fits this part of the recipe: its preset's export
/// is recognised, or every mapped column of the log is there.
pub fn fits(r: &RecipeSource, headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| h.trim().eq_ignore_ascii_case(name.trim()));
    match &r.columns {
        Some(c) => [&c.case, &c.activity, &c.time].into_iter().all(|n| has(n)),
        None => Source::recognise(headers).map(|s| s.key()) == Some(r.source.as_str()),
    }
}

/// Which picked file each source of the recipe reads (by index into `headers`, one per
/// file): the file whose header fits, else the files in the order picked. `None` when the
/// number of files differs from the recipe's.
pub fn assign(recipe: &ImportRecipe, headers: &[Vec<String>]) -> Option<Vec<usize>> {
    if headers.len() != recipe.sources.len() {
        return None;
    }
    let mut taken = vec![false; headers.len()];
    let mut out = Vec::with_capacity(headers.len());
    for r in &recipe.sources {
        match (0..headers.len()).find(|&i| !taken[i] && fits(r, &headers[i])) {
            Some(i) => {
                taken[i] = true;
                out.push(i);
            }
            None => out.push(usize::MAX),
        }
    }
    // Sources no header fits take the files left, in the order picked (the reader then
    // names the columns it misses).
    let mut rest = (0..headers.len()).filter(|&i| !taken[i]);
    for slot in out.iter_mut().filter(|s| **s == usize::MAX) {
        *slot = rest.next()?;
    }
    Some(out)
}

fn form_key(f: TimeForm) -> &'static str {
    match f {
        TimeForm::Auto => "auto",
        TimeForm::DayFirst => "day_first",
        TimeForm::MonthFirst => "month_first",
        TimeForm::ExcelSerial => "excel_serial",
    }
}

fn form_from_key(k: &str) -> TimeForm {
    match k {
        "day_first" => TimeForm::DayFirst,
        "month_first" => TimeForm::MonthFirst,
        "excel_serial" => TimeForm::ExcelSerial,
        _ => TimeForm::Auto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_source_recipe_reads_back_the_same_options_without_the_key() {
        let mut o = SourceOptions::new(Source::ZendeskTickets, CaseBy::Idle { minutes: 45 });
        o.filters.drop = vec!["scroll".into()];
        o.filters.rename = vec![("Ticket solved".into(), "Solved".into())];
        o.lang = Lang::De;
        o.time_zone = Some("Europe/Berlin".into());
        o.time_form = TimeForm::DayFirst;
        o.key = Some("00ff00ff00ff00ff00ff00ff00ff00ff".into());
        let r = from_source(&o, "tickets-march.csv", None);
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("00ff00ff"), "the pseudonym key stays with the library: {json}");
        match read_with(&r, o.key.clone(), Lang::En).unwrap() {
            RecipeRead::Source(back) => assert_eq!(back, o),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_log_recipe_reads_back_the_mapping() {
        let m = ColumnMapping {
            delimiter: b';',
            case: "Kunde".into(),
            activity: "Aktion".into(),
            time: "Zeit".into(),
            channel: Some("Kanal".into()),
            rating: None,
            resource: None,
            lifecycle: Some(("lifecycle".into(), "complete".into())),
            time_zone: Some("Europe/Berlin".into()),
            time_form: TimeForm::MonthFirst,
        };
        let r = from_mapping(&m, "log.csv", Some("Sheet1".into()));
        assert_eq!(read_with(&r, None, Lang::En).unwrap(), RecipeRead::Log(m));
        assert!(fits(&r, &h(&["Zeit", "kunde", "Aktion", "Extra"])));
        assert!(!fits(&r, &h(&["Zeit", "Aktion"])));
    }

    #[test]
    fn files_are_assigned_by_their_headers_whatever_the_order_picked() {
        let orders = from_source(&SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer), "o.csv", None);
        let tickets = from_source(&SourceOptions::new(Source::ZendeskTickets, CaseBy::Customer), "t.csv", None);
        let recipe = ImportRecipe { sources: vec![orders, tickets] };
        let zendesk = h(&["Id", "Requester", "Status", "Via", "Created at", "Solved at"]);
        let shopify = h(&["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Created at", "Lineitem quantity"]);
        assert_eq!(assign(&recipe, &[zendesk.clone(), shopify.clone()]), Some(vec![1, 0]));
        assert_eq!(assign(&recipe, &[shopify.clone(), zendesk]), Some(vec![0, 1]));
        assert_eq!(assign(&recipe, &[shopify]), None, "one file for two sources");
        let unknown = RecipeSource { source: "crm_9000".into(), ..recipe.sources[0].clone() };
        assert!(read_with(&unknown, None, Lang::De).unwrap_err().contains("crm_9000"));
    }
}
