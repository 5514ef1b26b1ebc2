//! What happens when imported maps meet the library. Nothing is ever overwritten without
//! an explicit [`ImportChoice::Replace`]:
//!
//! 1. [`plan_import`] says for every imported map whether it is new or in conflict with a
//!    map already there (same id, or the same name under another id).
//! 2. The UI asks the user about each conflict.
//! 3. [`resolve_import`] turns the map and the choice into an [`ImportAction`]; a conflict
//!    without a choice is refused ([`PlanError::ChoiceNeeded`]).
//! 4. The app stores the action; [`apply_to_library`] does it for an in-memory library.
//!
//! The app owns ids and clocks, so the id of a copy and the time come from the caller.

use crate::model::{JourneyMap, Lang};

/// A map already in the library, as far as planning needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    pub id: String,
    pub name: String,
}

impl LibraryEntry {
    pub fn of(map: &JourneyMap) -> Self {
        LibraryEntry { id: map.id.clone(), name: map.name.clone() }
    }
}

/// Why an imported map cannot simply be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// A map with this id exists (usually an earlier version of the same map).
    SameId { existing_name: String },
    /// Another map already has this name.
    SameName { existing_id: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanStatus {
    New,
    Conflict(Conflict),
}

/// The plan for one imported map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Position in the imported list.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub status: PlanStatus,
}

/// The user's answer for one imported map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportChoice {
    /// Add it as a new map with this id, the name suffixed "(imported)".
    ImportAsCopy { new_id: String },
    /// Put it in place of the conflicting map (which is then gone).
    Replace,
    /// Leave it out.
    Skip,
}

/// What the app has to store.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportAction {
    Add(JourneyMap),
    /// Remove `replaced_id`, store `map` (which carries `replaced_id` as its id, so links
    /// and snapshots of the old map keep pointing at the map the user chose to keep).
    Replace { replaced_id: String, map: JourneyMap },
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The map conflicts with `conflict` and no choice was given.
    ChoiceNeeded { name: String, conflict: Conflict },
    /// The id given for the copy is already used.
    IdTaken { id: String },
}

impl PlanError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlanError::ChoiceNeeded { name, .. }, Lang::En) => format!(
                "“{name}” is already in your library. Choose: import as a copy, replace, or skip."
            ),
            (PlanError::ChoiceNeeded { name, .. }, Lang::De) => format!(
                "„{name}“ ist schon in Ihrer Bibliothek. Bitte wählen: als Kopie importieren, ersetzen oder überspringen."
            ),
            (PlanError::IdTaken { id }, Lang::En) => format!("The id “{id}” is already used by another map."),
            (PlanError::IdTaken { id }, Lang::De) => format!("Die Kennung „{id}“ gehört schon zu einer anderen Karte."),
        }
    }
}

/// The plan for each imported map, in order. Imported maps also conflict with each other
/// (a file holding the same map twice), because they will be in the library one after
/// the other.
pub fn plan_import(existing: &[LibraryEntry], incoming: &[JourneyMap]) -> Vec<PlanItem> {
    let mut seen: Vec<LibraryEntry> = existing.to_vec();
    incoming
        .iter()
        .enumerate()
        .map(|(index, map)| {
            let status = match find_conflict(&seen, map) {
                Some(c) => PlanStatus::Conflict(c),
                None => PlanStatus::New,
            };
            seen.push(LibraryEntry::of(map));
            PlanItem { index, id: map.id.clone(), name: map.name.clone(), status }
        })
        .collect()
}

/// Turns one imported map and the user's choice into what to store. The conflict is
/// worked out again here from `existing`, so a stale plan cannot cause an overwrite.
pub fn resolve_import(
    existing: &[LibraryEntry],
    incoming: JourneyMap,
    choice: Option<ImportChoice>,
    lang: Lang,
    now_ms: f64,
) -> Result<ImportAction, PlanError> {
    let conflict = find_conflict(existing, &incoming);
    match (choice, conflict) {
        (Some(ImportChoice::Skip), _) => Ok(ImportAction::Skip),
        (Some(ImportChoice::ImportAsCopy { new_id }), _) => {
            if existing.iter().any(|e| e.id == new_id) {
                return Err(PlanError::IdTaken { id: new_id });
            }
            let name = copy_name(existing, &incoming.name, lang);
            Ok(ImportAction::Add(incoming.duplicate(new_id, name, now_ms)))
        }
        (_, None) => Ok(ImportAction::Add(incoming)),
        (None, Some(conflict)) => Err(PlanError::ChoiceNeeded { name: incoming.name.clone(), conflict }),
        (Some(ImportChoice::Replace), Some(conflict)) => {
            let replaced_id = match conflict {
                Conflict::SameId { .. } => incoming.id.clone(),
                Conflict::SameName { existing_id } => existing_id,
            };
            let mut map = incoming;
            map.id = replaced_id.clone();
            Ok(ImportAction::Replace { replaced_id, map })
        }
    }
}

/// Carries out an action on an in-memory library (a replaced map keeps its position).
pub fn apply_to_library(library: &mut Vec<JourneyMap>, action: ImportAction) {
    match action {
        ImportAction::Add(map) => library.push(map),
        ImportAction::Replace { replaced_id, map } => {
            match library.iter().position(|m| m.id == replaced_id) {
                Some(i) => library[i] = map,
                None => library.push(map),
            }
        }
        ImportAction::Skip => {}
    }
}

fn find_conflict(existing: &[LibraryEntry], map: &JourneyMap) -> Option<Conflict> {
    if let Some(e) = existing.iter().find(|e| e.id == map.id) {
        return Some(Conflict::SameId { existing_name: e.name.clone() });
    }
    let key = name_key(&map.name);
    existing
        .iter()
        .find(|e| name_key(&e.name) == key)
        .map(|e| Conflict::SameName { existing_id: e.id.clone() })
}

/// Names are compared as a user reads them: trimmed, ignoring case.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// "Name (imported)", or "Name (imported 2)", … when that is taken too.
fn copy_name(existing: &[LibraryEntry], name: &str, lang: Lang) -> String {
    let word = lang.pick(("imported", "importiert"));
    let base = name.trim();
    let taken = |candidate: &str| existing.iter().any(|e| name_key(&e.name) == name_key(candidate));
    let first = format!("{base} ({word})");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{base} ({word} {n})"))
        .find(|c| !taken(c))
        .expect("an unbounded counter finds a free name")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(id: &str, name: &str) -> JourneyMap {
        JourneyMap::blank(id, name, 10.0, Lang::En)
    }

    fn entries(maps: &[JourneyMap]) -> Vec<LibraryEntry> {
        maps.iter().map(LibraryEntry::of).collect()
    }

    #[test]
    fn plan_marks_new_maps_and_both_kinds_of_conflict() {
        let lib = entries(&[map("a", "Onboarding"), map("b", "Returns")]);
        let incoming = [map("a", "Onboarding v2"), map("c", "  returns "), map("d", "Fresh"), map("d", "Fresh again")];
        let plan = plan_import(&lib, &incoming);
        assert_eq!(plan[0].status, PlanStatus::Conflict(Conflict::SameId { existing_name: "Onboarding".into() }));
        assert_eq!(plan[1].status, PlanStatus::Conflict(Conflict::SameName { existing_id: "b".into() }));
        assert_eq!(plan[2].status, PlanStatus::New);
        // The same map twice in one file: the second conflicts with the first.
        assert!(matches!(plan[3].status, PlanStatus::Conflict(Conflict::SameId { .. })));
    }

    #[test]
    fn a_conflict_without_a_choice_is_never_overwritten() {
        let lib = entries(&[map("a", "Onboarding")]);
        let err = resolve_import(&lib, map("a", "Other"), None, Lang::De, 0.0).unwrap_err();
        assert!(matches!(err, PlanError::ChoiceNeeded { .. }));
        assert!(err.message(Lang::De).contains("ersetzen"));
    }

    #[test]
    fn import_as_copy_gets_the_callers_id_and_a_suffixed_name() {
        let lib = entries(&[map("a", "Onboarding"), map("x", "Onboarding (importiert)")]);
        let mut incoming = map("a", "Onboarding");
        incoming.description = "kept".into();
        let choice = Some(ImportChoice::ImportAsCopy { new_id: "uuid-1".into() });
        match resolve_import(&lib, incoming.clone(), choice, Lang::De, 99.0).unwrap() {
            ImportAction::Add(copy) => {
                assert_eq!(copy.id, "uuid-1");
                assert_eq!(copy.name, "Onboarding (importiert 2)");
                assert_eq!(copy.description, "kept");
                assert_eq!(copy.stages, incoming.stages);
                assert_eq!(copy.created_at, 99.0);
            }
            other => panic!("{other:?}"),
        }
        let en = resolve_import(&lib, incoming, Some(ImportChoice::ImportAsCopy { new_id: "u2".into() }), Lang::En, 0.0);
        assert!(matches!(en, Ok(ImportAction::Add(m)) if m.name == "Onboarding (imported)"));
    }

    #[test]
    fn a_copy_id_that_is_taken_is_refused() {
        let lib = entries(&[map("a", "A")]);
        let r = resolve_import(&lib, map("a", "A"), Some(ImportChoice::ImportAsCopy { new_id: "a".into() }), Lang::En, 0.0);
        assert_eq!(r, Err(PlanError::IdTaken { id: "a".into() }));
    }

    #[test]
    fn replace_takes_the_place_of_the_conflicting_map() {
        let mut library = vec![map("a", "Onboarding"), map("b", "Returns")];
        let mut incoming = map("z", "Returns");
        incoming.description = "new".into();
        let action = resolve_import(&entries(&library), incoming, Some(ImportChoice::Replace), Lang::En, 0.0).unwrap();
        assert!(matches!(&action, ImportAction::Replace { replaced_id, .. } if replaced_id == "b"));
        apply_to_library(&mut library, action);
        assert_eq!(library.len(), 2);
        assert_eq!(library[1].id, "b");
        assert_eq!(library[1].description, "new");
    }

    #[test]
    fn new_maps_are_added_unchanged_and_skip_does_nothing() {
        let mut library = vec![map("a", "A")];
        let incoming = map("b", "B");
        let action = resolve_import(&entries(&library), incoming.clone(), None, Lang::En, 0.0).unwrap();
        assert_eq!(action, ImportAction::Add(incoming));
        apply_to_library(&mut library, action);
        let skip = resolve_import(&entries(&library), map("b", "B"), Some(ImportChoice::Skip), Lang::En, 0.0).unwrap();
        apply_to_library(&mut library, skip);
        assert_eq!(library.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    }
}
