//! What every part of the editor shares: the page's [`MapHandle`] (map id, state, scores,
//! the one way to edit), view settings that are not part of the map (persona filter,
//! to-be switch, what is being dragged), and small accessors that read one touchpoint's
//! field without cloning the map.

use std::collections::HashMap;
use std::sync::Arc;

use journey_core::editor::belongs_to;
use journey_core::model::{JourneyMap, Touchpoint};
use leptos::prelude::*;

use crate::i18n::editor::{editor_texts, EditorTexts};
use crate::ui::shell::map_frame::MapHandle;
use crate::ui::state::AppState;

/// What a drag carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Dragged {
    Touchpoint(String),
    Stage(String),
}

#[derive(Clone, Copy)]
pub struct Ed {
    /// The map on screen (id, state, scores).
    pub map: MapHandle,
    pub state: AppState,
    /// Show one persona's journey only.
    pub persona: RwSignal<Option<String>>,
    /// Cards show and edit the to-be emotion and note.
    pub to_be: RwSignal<bool>,
    pub dragged: RwSignal<Option<Dragged>>,
    /// A message about input that was refused (bad number, invalid route).
    pub problem: RwSignal<Option<String>>,
    /// Stages in order with the ids of their (filtered) touchpoints. Changes only when the
    /// structure changes, so cells do not rebuild on every keystroke elsewhere.
    pub layout: Memo<Vec<(String, Vec<String>)>>,
    /// One signal per touchpoint shown, set by one effect only when that touchpoint
    /// changed. (A single memo read by thousands of fields made every edit re-subscribe them
    /// all — quadratic in reactive_graph's subscriber sets.)
    tps: StoredValue<HashMap<String, ArcRwSignal<Option<Arc<Touchpoint>>>>>,
    /// Persona ids and names, for checkboxes and the filter.
    pub personas: Memo<Vec<(String, String)>>,
}

/// One touchpoint as a signal: readers re-run only when this touchpoint changes.
#[derive(Clone, Copy)]
pub struct TpView(RwSignal<Option<Arc<Touchpoint>>>);

impl TpView {
    pub fn get<R>(&self, f: impl FnOnce(&Touchpoint) -> R) -> Option<R> {
        self.0.with(|t| t.as_deref().map(f))
    }
}

impl Ed {
    pub fn new(map: MapHandle) -> Ed {
        let state = map.state;
        let persona = RwSignal::new(None::<String>);
        let id = map.id;
        let layout = Memo::new(move |_| {
            let filter = persona.get();
            state.library.with(|l| {
                l.get(&id.get_value())
                    .map(|m| {
                        m.stages
                            .iter()
                            .map(|s| {
                                let tps = m
                                    .touchpoints_in(&s.id)
                                    .filter(|t| belongs_to(t, filter.as_deref()))
                                    .map(|t| t.id.clone())
                                    .collect();
                                (s.id.clone(), tps)
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            })
        });
        let tps: StoredValue<HashMap<String, ArcRwSignal<Option<Arc<Touchpoint>>>>> = StoredValue::new(HashMap::new());
        Effect::new(move |_| {
            state.library.with(|l| {
                let map = l.get(&id.get_value());
                tps.update_value(|signals| {
                    signals.retain(|tp_id, signal| {
                        let now = map.and_then(|m| m.touchpoint(tp_id));
                        if signal.with_untracked(|cur| cur.as_deref() != now) {
                            signal.set(now.map(|t| Arc::new(t.clone())));
                        }
                        now.is_some()
                    });
                });
            });
        });
        let personas = Memo::new(move |_| {
            state.library.with(|l| {
                l.get(&id.get_value())
                    .map(|m| m.personas.iter().map(|p| (p.id.clone(), p.name.clone())).collect())
                    .unwrap_or_default()
            })
        });
        Ed {
            tps,
            personas,
            map,
            state,
            persona,
            to_be: RwSignal::new(false),
            dragged: RwSignal::new(None),
            problem: RwSignal::new(None),
            layout,
        }
    }

    /// The UI language (tracked).
    pub fn lang(&self) -> journey_core::model::Lang {
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

    /// The signal of one touchpoint, created on first use from the current map.
    pub fn tp_view(&self, id: String) -> TpView {
        let mut found = None;
        self.tps.update_value(|signals| {
            let signal = signals.entry(id.clone()).or_insert_with(|| {
                let now = self.state.library.with_untracked(|l| {
                    self.map.id.with_value(|mid| l.get(mid).and_then(|m| m.touchpoint(&id))).map(|t| Arc::new(t.clone()))
                });
                ArcRwSignal::new(now)
            });
            found = Some(signal.clone());
        });
        TpView(RwSignal::from(found.expect("inserted above")))
    }

    /// Changes one touchpoint.
    pub fn edit_tp(&self, id: &str, f: impl FnOnce(&mut Touchpoint)) {
        let id = id.to_string();
        self.edit(move |m| {
            if let Some(tp) = m.touchpoint_mut(&id) {
                f(tp);
            }
        });
    }
}
