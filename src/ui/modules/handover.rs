//! The undo history travels with the user from one wasm module of the app to the next (the
//! library or map module to the whole app, see `shell.rs`). Each module has its own
//! memory, and the maps themselves go through local storage (written before the switch); the
//! undo steps are not stored, so the module that leaves puts them on a window property and
//! the next one takes them when its `AppState` starts. Losing undo on a page switch is
//! something a user notices. The property is taken once: a reload starts without history,
//! as it always did.

use std::collections::HashMap;

use journey_core::history::History;
use journey_core::model::schema::{read_stored_map, to_json};
use journey_core::model::JourneyMap;
use leptos::prelude::WithUntracked;
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::state::AppState;

/// The window property the history waits on between two modules.
const PROPERTY: &str = "__journeyStudioUndo";

/// Puts every map's undo and redo steps where the next module finds them.
pub fn hand_over(state: AppState) {
    let all = js_sys::Object::new();
    state.with_histories(|h| {
        for (id, history) in h {
            let (undo, redo) = history.steps();
            if undo.is_empty() && redo.is_empty() {
                continue;
            }
            let entry = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&entry, &"undo".into(), &as_array(undo));
            let _ = js_sys::Reflect::set(&entry, &"redo".into(), &as_array(redo));
            let _ = js_sys::Reflect::set(&all, &id.into(), &entry);
        }
    });
    let _ = js_sys::Reflect::set(&js_sys::global(), &PROPERTY.into(), &all);
}

/// Gives `state` the history the previous module handed over, for the maps of its library
/// (a step that does not read as a map is left out; the rest of that map's history is kept).
pub fn take_history(state: AppState) {
    state.adopt_histories(take(state));
}

fn take(state: AppState) -> HashMap<String, History> {
    let global = js_sys::global();
    let Ok(all) = js_sys::Reflect::get(&global, &PROPERTY.into()) else { return HashMap::new() };
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &PROPERTY.into());
    let Some(all) = all.dyn_ref::<js_sys::Object>() else { return HashMap::new() };
    let mut out = HashMap::new();
    for id in js_sys::Object::keys(all).iter().filter_map(|k| k.as_string()) {
        if state.library.with_untracked(|l| l.get(&id).is_none()) {
            continue;
        }
        let entry = js_sys::Reflect::get(all, &id.as_str().into()).unwrap_or(JsValue::UNDEFINED);
        let steps = |name: &str| from_array(&js_sys::Reflect::get(&entry, &name.into()).unwrap_or(JsValue::UNDEFINED));
        out.insert(id, History::from_steps(steps("undo"), steps("redo")));
    }
    out
}

fn as_array(maps: &[JourneyMap]) -> js_sys::Array {
    maps.iter().map(|m| JsValue::from_str(&to_json(m))).collect()
}

fn from_array(value: &JsValue) -> Vec<JourneyMap> {
    let Some(array) = value.dyn_ref::<js_sys::Array>() else { return Vec::new() };
    array.iter().filter_map(|v| v.as_string()).filter_map(|text| read_stored_map(&text).ok()).collect()
}

/// What the user asked for that the next module does (the map module has no menu panel and
/// no flow view: its buttons load the whole app, which opens the menu or shows the flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    MapMenu,
    FlowView,
    /// Ctrl+P in the map module: the whole app prints the map's sheet.
    Print,
}

impl Intent {
    fn key(self) -> &'static str {
        match self {
            Intent::MapMenu => "map-menu",
            Intent::FlowView => "flow-view",
            Intent::Print => "print",
        }
    }
}

/// The window property an [`Intent`] waits on.
const INTENT: &str = "__journeyStudioIntent";

/// Leaves `intent` for the next module.
pub fn hand_over_intent(intent: Intent) {
    let _ = js_sys::Reflect::set(&js_sys::global(), &INTENT.into(), &intent.key().into());
}

/// Whether the previous module left `intent`; it is taken, so it is acted on once.
pub fn take_intent(intent: Intent) -> bool {
    let global = js_sys::global();
    let left = js_sys::Reflect::get(&global, &INTENT.into()).ok().and_then(|v| v.as_string());
    if left.as_deref() != Some(intent.key()) {
        return false;
    }
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &INTENT.into());
    true
}
