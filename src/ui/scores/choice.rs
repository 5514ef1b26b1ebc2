//! The one touchpoint-choice widget: a `<select>` over a touchpoint field whose value is a
//! choice (emotion, to-be emotion, importance, contact class and reason), used by the
//! scores page's touchpoint table and by the map's inspector.
//!
//! It depends only on the core and the i18n tables, never on the scores page, so the
//! inspector can use it without pulling scores-page code into the map page's module (whose
//! size budget is tight). The caller says where the value comes from and where a pick goes:
//! the table edits through `MapHandle`, the inspector through the canvas's `Cv`.

use journey_core::locale::emotion_label;
use journey_core::model::{Lang, Touchpoint};
use journey_core::score::{
    contact_class_from_key, contact_class_key, contact_class_label, contact_reason_from_key, contact_reason_key,
    contact_reason_label,
};
use leptos::prelude::*;

use crate::i18n::scores::scores_texts;

/// A choice field of a touchpoint: the keys of its options ("" = none), how each reads,
/// and how the stored value maps to a key and back.
#[derive(Clone, Copy)]
pub struct Choice {
    /// The field's key, as in the table's `input-<key>` test id.
    pub key: &'static str,
    pub label: fn(Lang) -> &'static str,
    pub keys: &'static [&'static str],
    pub text: fn(&str, Lang) -> String,
    pub get: fn(&Touchpoint) -> String,
    pub set: fn(&mut Touchpoint, &str),
}

/// "+1 · positive" for a number, "not entered" for the empty key.
fn emotion_text(key: &str, lang: Lang) -> String {
    match key.parse::<i8>() {
        Ok(v) => emotion_label(v, lang),
        Err(_) => scores_texts(lang).not_entered.to_string(),
    }
}

const EMOTION_KEYS: &[&str] = &["", "2", "1", "0", "-1", "-2"];

pub const EMOTION: Choice = Choice {
    key: "emotion",
    label: |lang| scores_texts(lang).emotion,
    keys: EMOTION_KEYS,
    text: emotion_text,
    get: |tp| tp.emotion.map(|e| e.to_string()).unwrap_or_default(),
    set: |tp, key| tp.set_emotion(key.parse().ok()),
};

pub const TO_BE_EMOTION: Choice = Choice {
    key: "to_be_emotion",
    label: |lang| crate::i18n::editor::editor_texts(lang).to_be_emotion,
    keys: EMOTION_KEYS,
    text: emotion_text,
    get: |tp| tp.to_be_emotion.map(|e| e.to_string()).unwrap_or_default(),
    set: |tp, key| tp.set_to_be_emotion(key.parse().ok()),
};

pub const IMPORTANCE: Choice = Choice {
    key: "importance",
    label: |lang| scores_texts(lang).importance,
    keys: &["", "1", "2", "3", "4", "5"],
    text: |key, lang| if key.is_empty() { scores_texts(lang).not_entered.to_string() } else { key.to_string() },
    get: |tp| tp.importance.map(|i| i.to_string()).unwrap_or_default(),
    set: |tp, key| tp.importance = key.parse().ok().filter(|i| (1..=5).contains(i)),
};

/// Keys as in `journey_core::score::contact_class_key` (checked by a test).
pub const CLASS: Choice = Choice {
    key: "contact_class",
    label: |lang| scores_texts(lang).contact_class,
    keys: &["", "value_adding", "disruptive", "self_service_candidate"],
    text: |key, lang| match contact_class_from_key(key) {
        Some(class) => contact_class_label(class, lang).to_string(),
        None => scores_texts(lang).not_a_contact.to_string(),
    },
    get: |tp| tp.contact_class.map(contact_class_key).unwrap_or_default().to_string(),
    set: |tp, key| tp.contact_class = contact_class_from_key(key),
};

pub const REASON: Choice = Choice {
    key: "contact_reason",
    label: |lang| scores_texts(lang).contact_reason,
    keys: &["", "service", "information", "order"],
    text: |key, lang| match contact_reason_from_key(key) {
        Some(reason) => contact_reason_label(reason, lang).to_string(),
        None => scores_texts(lang).no_reason.to_string(),
    },
    get: |tp| tp.contact_reason.map(contact_reason_key).unwrap_or_default().to_string(),
    set: |tp, key| tp.contact_reason = contact_reason_from_key(key),
};

/// The `<select>` of a choice. `current` is a memo of the stored key, so the shown option
/// only changes when the stored value does; `pick` gets the chosen key.
pub fn choice_select(
    choice: Choice,
    testid: String,
    class: &'static str,
    aria_label: Option<Signal<String>>,
    lang: RwSignal<Lang>,
    current: Memo<String>,
    pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let options = choice
        .keys
        .iter()
        .map(|key| {
            view! {
                <option value=*key prop:selected=move || current.with(|c| c == key)>
                    {move || (choice.text)(key, lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <select class=class data-testid=testid aria-label=move || aria_label.map(|l| l.get())
            prop:value=move || current.get()
            on:change=move |ev| pick(event_target_value(&ev))>
            {options}
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use journey_core::score::{CLASSES, REASONS};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_choice_key_round_trips_through_the_touchpoint() {
        for choice in [EMOTION, TO_BE_EMOTION, IMPORTANCE, CLASS, REASON] {
            for key in choice.keys {
                let mut tp = Touchpoint::default();
                (choice.set)(&mut tp, key);
                assert_eq!((choice.get)(&tp), *key, "{}", choice.key);
                assert!(!(choice.text)(key, Lang::De).is_empty());
            }
        }
        assert_eq!(CLASS.keys.len(), CLASSES.len() + 1);
        assert_eq!(REASON.keys.len(), REASONS.len() + 1);
    }
}
