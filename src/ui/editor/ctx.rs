//! What the editor's panels around the canvas share (personas, routes, flow view): the page's
//! [`MapHandle`] (map id, state, scores, the one way to edit), the refusal message and the
//! persona list. The canvas has its own context (`ui::map_canvas::Cv`).

use journey_core::model::{JourneyMap, Lang};
use leptos::prelude::*;

use crate::i18n::editor::{editor_texts, EditorTexts};
use crate::ui::shell::map_frame::MapHandle;
use crate::ui::state::AppState;

#[derive(Clone, Copy)]
pub struct Ed {
    /// The map on screen (id, state, scores).
    pub map: MapHandle,
    pub state: AppState,
    /// A message about input that was refused (invalid route).
    pub problem: RwSignal<Option<String>>,
    /// Persona ids and names.
    pub personas: Memo<Vec<(String, String)>>,
}

impl Ed {
    pub fn new(map: MapHandle) -> Ed {
        let personas = Memo::new(move |_| {
            map.with(|m| m.personas.iter().map(|p| (p.id.clone(), p.name.clone())).collect()).unwrap_or_default()
        });
        Ed { map, state: map.state, problem: RwSignal::new(None), personas }
    }

    /// The UI language (tracked).
    pub fn lang(&self) -> Lang {
        self.state.lang.get()
    }

    pub fn t(&self) -> &'static EditorTexts {
        editor_texts(self.state.lang.get())
    }

    /// One edit of the map through the handle (undo step + autosave); clears the last
    /// refusal message.
    pub fn edit(&self, f: impl FnOnce(&mut JourneyMap)) {
        self.problem.set(None);
        self.map.edit(f);
    }

    /// Reads the map (tracked).
    pub fn with_map<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.map.with(f)
    }
}
