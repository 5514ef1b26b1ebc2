//! Importing a JSON file (one map or a backup): read with the core's versioned reader,
//! planned with `plan_import`, and for every conflict the user chooses "as a copy",
//! "replace" or "skip" — nothing is replaced without that explicit choice. Unreadable maps
//! of a backup are listed with their JSON path and left out. A backup's customer key is
//! taken when its maps are imported, and the page says so.

use journey_core::interop::{
    parse_import_file, plan_import, resolve_import, BrokenEntry, Conflict, ImportChoice, ImportFile, ImportFileError,
    LibraryEntry, PlanItem, PlanStatus,
};
use journey_core::model::JourneyMap;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::ui::browser::files::read_picked;
use crate::ui::state::{new_id, now_ms, AppState};
use crate::ui::state::customer_key::KeyAdoption;
use crate::i18n::library::{library_texts, LibraryTexts};

/// The user's answer for one conflict, before it becomes an [`ImportChoice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Copy,
    Replace,
    Skip,
}

/// A read file waiting for the user's choices.
#[derive(Clone)]
struct Pending {
    maps: Vec<JourneyMap>,
    broken: Vec<BrokenEntry>,
    plan: Vec<PlanItem>,
    /// The backup's customer key, taken with its maps.
    customer_key: Option<String>,
}

/// What the last attempt came to, shown until the next one.
#[derive(Clone)]
enum Outcome {
    Imported(usize, Option<KeyAdoption>),
    Failed(ImportFileError),
    Unreadable(String),
    Refused(journey_core::interop::PlanError),
    /// The maps do not fit in storage: nothing was stored. Their packed size.
    TooLarge(usize),
    /// Stored, but `failed` of them could not be written after all (the count stored first).
    Partly(usize, usize),
}

fn entries(state: &AppState) -> Vec<LibraryEntry> {
    state.import_entries()
}

/// Stores every map of `pending` by its answer; stops at the first refusal (a conflict
/// without an answer, or maps that do not fit in storage), before anything is stored, so a
/// refused import changes nothing. Says "imported" only of what was written.
fn apply(state: &AppState, pending: Pending, answers: &[Option<Answer>]) -> Outcome {
    let size = AppState::stored_size(&pending.maps);
    if state.room_for(size).is_err() {
        return Outcome::TooLarge(size);
    }
    let customer_key = pending.customer_key.clone();
    match store_all(state, pending, answers) {
        Ok(ids) => {
            // Written now, not by the autosave later: the count is of stored maps.
            state.flush();
            let stored = ids.iter().filter(|id| state.is_stored(id)).count();
            // The key comes only with an accepted import: cancelling leaves this browser's key.
            let key = customer_key.as_deref().map(|k| state.adopt_customer_key(k));
            if stored == ids.len() { Outcome::Imported(stored, key) } else { Outcome::Partly(stored, ids.len() - stored) }
        }
        Err(e) => Outcome::Refused(e),
    }
}

fn store_all(state: &AppState, pending: Pending, answers: &[Option<Answer>]) -> Result<Vec<String>, journey_core::interop::PlanError> {
    let lang = state.lang.get_untracked();
    let choice = |i: usize| match answers.get(i).copied().flatten() {
        Some(Answer::Copy) => Some(ImportChoice::ImportAsCopy { new_id: new_id() }),
        Some(Answer::Replace) => Some(ImportChoice::Replace),
        Some(Answer::Skip) => Some(ImportChoice::Skip),
        None => None,
    };
    // Check first against the library as it is now: a missing answer refuses the lot.
    for (item, map) in pending.plan.iter().zip(&pending.maps) {
        if matches!(item.status, PlanStatus::Conflict(_)) && answers.get(item.index).copied().flatten().is_none() {
            resolve_import(&entries(state), map.clone(), None, lang, now_ms())?;
        }
    }
    let mut stored = Vec::new();
    for (i, map) in pending.maps.into_iter().enumerate() {
        let action = resolve_import(&entries(state), map, choice(i), lang, now_ms())?;
        stored.extend(state.store_import(action));
    }
    Ok(stored)
}

#[component]
pub fn JsonImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || library_texts(state.lang.get());
    let pending = RwSignal::new(None::<Pending>);
    let answers = RwSignal::new(Vec::<Option<Answer>>::new());
    let outcome = RwSignal::new(None::<Outcome>);

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            let Some((_, text)) = read_picked(&input).await else { return };
            let text = match text {
                Ok(text) => text,
                Err(why) => return outcome.set(Some(Outcome::Unreadable(why))),
            };
            let (maps, broken, customer_key) = match parse_import_file(&text) {
                Ok(ImportFile::Single(map)) => (vec![*map], Vec::new(), None),
                Ok(ImportFile::Backup(b)) => (b.maps, b.broken, b.customer_key),
                Err(e) => {
                    pending.set(None);
                    return outcome.set(Some(Outcome::Failed(e)));
                }
            };
            let plan = plan_import(&entries(&state), &maps);
            let p = Pending { maps, broken, plan, customer_key };
            let clean = p.broken.is_empty() && p.plan.iter().all(|i| i.status == PlanStatus::New);
            if clean {
                pending.set(None);
                outcome.set(Some(apply(&state, p, &[])));
            } else {
                answers.set(vec![None; p.maps.len()]);
                outcome.set(None);
                pending.set(Some(p));
            }
        });
    };

    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let done = apply(&state, p, &answers.get_untracked());
        if !matches!(done, Outcome::Refused(_)) {
            pending.set(None);
        }
        outcome.set(Some(done));
    };

    view! {
        <div class="file-import">
            <label class="file-pick">
                <span>{move || it().import_json_label}</span>
                <input type="file" accept=".json,application/json" data-testid="import-json" on:change=on_pick/>
            </label>
            {move || outcome.get().map(|o| {
                let lang = state.lang.get();
                match o {
                    Outcome::Imported(n, key) => {
                        let t = library_texts(lang);
                        let key_note = key.map(|k| match k {
                            KeyAdoption::Taken => t.key_taken,
                            KeyAdoption::Replaced => t.key_replaced,
                            KeyAdoption::Refused => t.key_refused,
                        });
                        view! {
                            <p class="notice info" role="status" data-testid="import-done">{(t.imported)(n)}</p>
                            {key_note.map(|note| view! { <p class="notice info" data-testid="import-key">{note}</p> })}
                        }.into_any()
                    }
                    Outcome::Failed(e) => view! {
                        <div class="notice error" role="alert" data-testid="import-error">
                            <p>{library_texts(lang).import_error}</p><p>{e.message(lang)}</p>
                        </div>
                    }.into_any(),
                    Outcome::Unreadable(why) => view! {
                        <p class="notice error" role="alert" data-testid="import-error">{(library_texts(lang).file_unreadable)(&why)}</p>
                    }.into_any(),
                    Outcome::Refused(e) => view! { <p class="notice error" role="alert" data-testid="import-refused">{e.message(lang)}</p> }.into_any(),
                    Outcome::TooLarge(size) => view! {
                        <p class="notice error" role="alert" data-testid="import-too-large">
                            {(library_texts(lang).import_too_large)(&journey_core::storage_meter::human_size(size, lang))}
                        </p>
                    }.into_any(),
                    Outcome::Partly(stored, failed) => view! {
                        <p class="notice error" role="alert" data-testid="import-partly">{(library_texts(lang).import_partly)(stored, failed)}</p>
                    }.into_any(),
                }
            })}
            {move || pending.get().map(|p| view! { <Review pending=p answers confirm_import=confirm cancel=move || pending.set(None)/> })}
        </div>
    }
}

#[component]
fn Review(
    pending: Pending,
    answers: RwSignal<Vec<Option<Answer>>>,
    confirm_import: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn() + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let it = move || library_texts(state.lang.get());
    let broken = pending.broken.clone();
    let conflicts: Vec<(usize, String, Conflict)> = pending
        .plan
        .iter()
        .filter_map(|i| match &i.status {
            PlanStatus::Conflict(c) => Some((i.index, i.name.clone(), c.clone())),
            PlanStatus::New => None,
        })
        .collect();
    let has_conflicts = !conflicts.is_empty();
    view! {
        <section class="import-review" data-testid="import-review" aria-live="polite">
            {(!broken.is_empty()).then(|| view! {
                <div class="notice warning" data-testid="import-broken">
                    <p>{move || it().broken_title}</p>
                    <ul>{broken.iter().map(|b| { let b = b.clone(); view! { <li>{move || b.message(state.lang.get())}</li> } }).collect_view()}</ul>
                </div>
            })}
            {has_conflicts.then(|| view! { <p>{move || it().conflicts_title}</p> })}
            {conflicts.into_iter().map(|(index, name, conflict)| {
                let group = format!("import-choice-{index}");
                let legend = {
                    let name = name.clone();
                    move || match &conflict {
                        Conflict::SameId { .. } => (it().conflict_same_id)(&name),
                        Conflict::SameName { .. } => (it().conflict_same_name)(&name),
                    }
                };
                let option = move |answer: Answer, label: fn(&LibraryTexts) -> &'static str, testid: &'static str| {
                    let group = group.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name=group data-testid=testid
                                prop:checked=move || answers.with(|a| a.get(index).copied().flatten() == Some(answer))
                                on:change=move |_| answers.update(|a| if let Some(slot) = a.get_mut(index) { *slot = Some(answer) })/>
                            <span>{move || label(it())}</span>
                        </label>
                    }
                };
                view! {
                    <fieldset class="import-conflict" data-testid="import-conflict">
                        <legend>{legend}</legend>
                        {option(Answer::Copy, |t| t.choice_copy, "choice-copy")}
                        {option(Answer::Replace, |t| t.choice_replace, "choice-replace")}
                        {option(Answer::Skip, |t| t.choice_skip, "choice-skip")}
                    </fieldset>
                }
            }).collect_view()}
            <div class="import-buttons">
                <button type="button" data-testid="import-confirm" on:click=confirm_import>{move || it().import_now}</button>
                <button type="button" on:click=move |_| cancel()>{move || it().cancel}</button>
            </div>
        </section>
    }
}
