//! What every part of the canvas shares: the page's `MapHandle` (the one way to read and
//! edit the map, and its scores) and the app state (language), the view settings that
//! are not part of the map (persona filter, selection, inspector, zoom, what is dragged), the
//! layout memo from journey-core, and one signal per touchpoint (and one for its score and
//! measure count) so that an edit re-renders the cells of that touchpoint only: a memo read
//! by every card re-ran 300 readers per edit on a 300-touchpoint map, and each re-run
//! re-subscribes to a source with hundreds of subscribers (see benchmarks/README.md).

use std::collections::HashMap;
use std::sync::Arc;

use journey_core::canvas::{canvas_layout, canvas_layout_cached, drawn_columns, navigate, shown_lanes, CanvasLayout, Move, Selection, WidthCache};
use journey_core::editor::Lane;
use journey_core::model::{JourneyMap, Touchpoint};
use journey_core::score::MapScores;
use leptos::prelude::*;

use crate::i18n::canvas::{canvas_texts, CanvasTexts};
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
pub struct Cv {
    /// The app state, for the language; the map is read and edited through `map` only.
    pub state: AppState,
    pub map: MapHandle,
    /// Show one persona's journey only.
    pub persona: RwSignal<Option<String>>,
    pub selection: RwSignal<Option<Selection>>,
    /// The inspector beside the map shows the selection.
    pub inspector: RwSignal<bool>,
    /// The id of the touchpoint or stage whose name is being edited in place.
    pub renaming: RwSignal<Option<String>>,
    pub zoom: RwSignal<f64>,
    /// The zoom follows "fit to screen" (until the user zooms by hand).
    pub fitted: RwSignal<bool>,
    /// The meeting view: legible on a projector (`journey_core::canvas::fit::meeting_zoom`,
    /// long words with soft hyphens at syllables).
    pub meeting: RwSignal<bool>,
    pub dragged: RwSignal<Option<Dragged>>,
    /// A refused input, shown above the map.
    pub problem: RwSignal<Option<String>>,
    /// The inspector asks "delete …?" for the selection (its delete button or the Delete key).
    pub confirm_delete: RwSignal<bool>,
    /// A done delete, with the name of what went, so it can be undone from the notice.
    pub deleted: RwSignal<Option<String>>,
    pub layout: Memo<CanvasLayout>,
    /// The part of the map in view, left and right edge in canvas pixels at zoom 1 (set by
    /// the grid when it scrolls, zooms or resizes; (0, 0) until measured).
    pub view_x: RwSignal<(f64, f64)>,
    /// The columns drawn: those in view and near it (`journey_core::canvas::drawn`).
    pub drawn: Memo<(usize, usize)>,
    pub lanes: Memo<Vec<Lane>>,
    pub scores: Memo<Option<MapScores>>,
    /// Persona ids and names.
    pub personas: Memo<Vec<(String, String)>>,
    tps: StoredValue<HashMap<String, ArcRwSignal<Option<Arc<Touchpoint>>>>>,
    extras: StoredValue<HashMap<String, ArcRwSignal<TpExtras>>>,
}

/// What a card shows besides the touchpoint itself: its score and how many measures touch it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TpExtras {
    pub score: Option<f64>,
    pub measures: usize,
}

fn extras_of(map: Option<&JourneyMap>, scores: Option<&MapScores>, id: &str) -> TpExtras {
    TpExtras {
        score: scores.and_then(|s| s.touchpoint_value(id)),
        measures: map.map_or(0, |m| m.measure_count(id)),
    }
}

/// One touchpoint as a signal: readers re-run only when this touchpoint changes.
#[derive(Clone, Copy)]
pub struct TpView(RwSignal<Option<Arc<Touchpoint>>>);

impl TpView {
    pub fn get<R>(&self, f: impl FnOnce(&Touchpoint) -> R) -> Option<R> {
        self.0.with(|t| t.as_deref().map(f))
    }
}

impl Cv {
    /// A card's or lane's text as drawn: in the meeting view with soft hyphens at syllables
    /// (`journey_core::canvas::syllables`), so a narrow column breaks a long word with a hyphen.
    /// Called in views that read their touchpoint's signal (`tp_view`); the view is read
    /// untracked here and [`Cv::toggle_meeting`] re-runs those views: tracking it made every
    /// drawn text one more subscriber of one signal (hundreds), which each re-run re-sorts.
    pub fn shown_text(&self, text: String) -> String {
        if self.meeting.get_untracked() { journey_core::canvas::syllables::soft_hyphens(&text) } else { text }
    }

    /// Switches the meeting view on or off and redraws every touchpoint's texts (see
    /// [`Cv::shown_text`]).
    pub fn toggle_meeting(&self) {
        self.meeting.update(|m| *m = !*m);
        self.tps.with_value(|signals| signals.values().for_each(|s| s.update(|_| ())));
    }

    pub fn new(map: MapHandle) -> Cv {
        let state = map.state;
        let scores = map.scores;
        let persona = RwSignal::new(None::<String>);
        // Widths of unchanged touchpoints are not measured again (`canvas::width_cache`).
        let widths = StoredValue::new(WidthCache::default());
        let layout = Memo::new(move |_| {
            let lang = state.lang.get();
            let filter = persona.get();
            map.with(|m| widths.try_update_value(|w| canvas_layout_cached(m, filter.as_deref(), lang, w)))
                .flatten()
                .unwrap_or_else(|| canvas_layout(&JourneyMap::empty("", "", 0.0), None, lang))
        });
        let view_x = RwSignal::new((0.0, window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0)));
        let drawn = Memo::new(move |_| {
            let (left, right) = view_x.get();
            let r = layout.with(|l| drawn_columns(l, left, right));
            (r.start, r.end)
        });
        let lanes = Memo::new(move |_| map.with(shown_lanes).unwrap_or_default());
        let personas = Memo::new(move |_| {
            map.with(|m| m.personas.iter().map(|p| (p.id.clone(), p.name.clone())).collect()).unwrap_or_default()
        });
        let tps: StoredValue<HashMap<String, ArcRwSignal<Option<Arc<Touchpoint>>>>> = StoredValue::new(HashMap::new());
        Effect::new(move |_| {
            let found = map.with(|m| {
                let by_id: HashMap<&str, &Touchpoint> = m.touchpoints.iter().map(|t| (t.id.as_str(), t)).collect();
                tps.update_value(|signals| {
                    signals.retain(|tp_id, signal| {
                        let now = by_id.get(tp_id.as_str()).copied();
                        if signal.with_untracked(|cur| cur.as_deref() != now) {
                            signal.set(now.map(|t| Arc::new(t.clone())));
                        }
                        now.is_some()
                    });
                });
            });
            // The map is gone: every touchpoint with it.
            if found.is_none() {
                tps.update_value(|signals| {
                    for signal in signals.values() {
                        signal.set(None);
                    }
                    signals.clear();
                });
            }
        });
        let extras: StoredValue<HashMap<String, ArcRwSignal<TpExtras>>> = StoredValue::new(HashMap::new());
        Effect::new(move |_| {
            scores.with(|s| {
                let values: HashMap<&str, f64> = s
                    .as_ref()
                    .map(|s| s.touchpoints.iter().filter_map(|r| Some((r.touchpoint_id.as_str(), r.score.as_ref()?.value))).collect())
                    .unwrap_or_default();
                // The measure counts are the core's (`JourneyMap::measure_counts`), not recounted here.
                let update = |counts: &HashMap<&str, usize>| {
                    extras.update_value(|signals| {
                        for (tp_id, signal) in signals.iter() {
                            let now = TpExtras { score: values.get(tp_id.as_str()).copied(), measures: counts.get(tp_id.as_str()).copied().unwrap_or(0) };
                            if signal.with_untracked(|cur| *cur != now) {
                                signal.set(now);
                            }
                        }
                    });
                };
                if map.with(|m| update(&m.measure_counts())).is_none() {
                    update(&HashMap::new());
                }
            });
        });
        Cv {
            state,
            map,
            persona,
            selection: RwSignal::new(None),
            inspector: RwSignal::new(false),
            renaming: RwSignal::new(None),
            zoom: RwSignal::new(1.0),
            fitted: RwSignal::new(true),
            meeting: RwSignal::new(false),
            dragged: RwSignal::new(None),
            problem: RwSignal::new(None),
            confirm_delete: RwSignal::new(false),
            deleted: RwSignal::new(None),
            layout,
            view_x,
            drawn,
            lanes,
            scores,
            personas,
            tps,
            extras,
        }
    }

    pub fn t(&self) -> &'static CanvasTexts {
        canvas_texts(self.state.lang.get())
    }

    /// The editor's strings (lane names, field labels), shared so each thing has one name.
    pub fn et(&self) -> &'static EditorTexts {
        editor_texts(self.state.lang.get())
    }

    /// One edit of the map: recorded for undo and autosaved.
    pub fn edit(&self, f: impl FnOnce(&mut JourneyMap)) {
        self.problem.set(None);
        self.map.edit(f);
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

    /// Reads the map (tracked).
    pub fn with_map<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.map.with(f)
    }

    /// Reads the map without tracking (event handlers).
    pub fn with_map_untracked<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        self.map.with_untracked(f)
    }

    /// The signal of one touchpoint, created on first use from the current map.
    pub fn tp_view(&self, id: &str) -> TpView {
        let mut found = None;
        self.tps.update_value(|signals| {
            let signal = signals.entry(id.to_string()).or_insert_with(|| {
                let now = self.map.with_untracked(|m| m.touchpoint(id).map(|t| Arc::new(t.clone()))).flatten();
                ArcRwSignal::new(now)
            });
            found = Some(signal.clone());
        });
        TpView(RwSignal::from(found.expect("inserted above")))
    }

    /// The score and measure count of one touchpoint, as a signal created on first use.
    pub fn tp_extras(&self, id: &str) -> Signal<TpExtras> {
        let mut found = None;
        self.extras.update_value(|signals| {
            let signal = signals.entry(id.to_string()).or_insert_with(|| {
                let now = self.scores.with_untracked(|s| {
                    self.map.with_untracked(|m| extras_of(Some(m), s.as_ref(), id)).unwrap_or_else(|| extras_of(None, s.as_ref(), id))
                });
                ArcRwSignal::new(now)
            });
            found = Some(signal.clone());
        });
        RwSignal::from(found.expect("inserted above")).into()
    }

    pub fn is_selected_tp(&self, id: &str) -> bool {
        self.selection.with(|s| matches!(s, Some(Selection::Touchpoint(t)) if t == id))
    }

    pub fn is_selected_stage(&self, id: &str) -> bool {
        self.selection.with(|s| matches!(s, Some(Selection::Stage(x)) if x == id))
    }

    /// Selects a touchpoint and shows it in the inspector (a click on a card).
    pub fn open_tp(&self, id: &str) {
        self.confirm_delete.set(false);
        self.selection.set(Some(Selection::Touchpoint(id.to_string())));
        self.inspector.set(true);
    }

    pub fn open_stage(&self, id: &str) {
        self.confirm_delete.set(false);
        self.selection.set(Some(Selection::Stage(id.to_string())));
        self.inspector.set(true);
    }

    /// Adds a touchpoint at the end of a stage, selects it and lets the user name it in
    /// place. Added while one persona's journey is shown, it belongs to that persona.
    pub fn add_touchpoint(&self, stage_id: &str) {
        let title = self.et().new_touchpoint;
        let persona = self.persona.get_untracked();
        let mut added = None;
        self.edit(|m| {
            added = m.add_touchpoint(stage_id, title, Default::default());
            if let (Some(p), Some(tp)) = (persona, added.as_ref().and_then(|id| m.touchpoint_mut(id))) {
                tp.persona_ids = vec![p];
            }
        });
        if let Some(id) = added {
            self.open_tp(&id);
            self.renaming.set(Some(id));
        }
    }

    /// Asks whether to delete the selection: opens its inspector with the question and puts
    /// the focus on "Cancel", so a second key press never deletes by accident.
    pub fn ask_delete(&self) {
        if self.selection.get_untracked().is_none() {
            return;
        }
        let already_open = self.confirm_delete.get_untracked();
        self.inspector.set(true);
        self.confirm_delete.set(true);
        // A question that opens now takes the focus itself (`dialog::use_dialog`, on mount).
        // Only one already open is given it here: a second, late focus could take it back
        // from "Delete" after the user had moved there (seen under load in e2e).
        if already_open {
            request_animation_frame(|| {
                let el = document().query_selector("[data-testid=\"cancel-delete\"]").ok().flatten();
                if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                    let _ = el.focus();
                }
            });
        }
    }

    /// What to select when the selection is deleted: the next card, else the one before,
    /// else the card's stage; for a stage the next stage, else the one before.
    pub fn neighbour(&self) -> Option<Selection> {
        let sel = self.selection.get_untracked()?;
        self.layout.with_untracked(|l| {
            // At an edge `navigate` stays, and `Up` from a stage is the stage itself.
            [Move::Right, Move::Left, Move::Up].into_iter().filter_map(|m| navigate(l, Some(&sel), m)).find(|s| *s != sel)
        })
    }

    /// Puts the keyboard focus on the selected card or stage header (after it is drawn).
    pub fn focus_selection(&self) {
        let Some(sel) = self.selection.get_untracked() else { return };
        if let Selection::Touchpoint(id) = &sel {
            self.bring_into_view(id);
        }
        let selector = match sel {
            Selection::Touchpoint(id) => format!("[data-testid=\"touchpoint\"][data-tp-id=\"{}\"]", css_escape(&id)),
            Selection::Stage(id) => format!("[data-testid=\"stage\"][data-stage-id=\"{}\"]", css_escape(&id)),
        };
        request_animation_frame(move || {
            let el = document().query_selector(&selector).ok().flatten();
            if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                let _ = el.focus();
                // Focus scrolls a card that is partly in view no further: bring it in whole
                // (right of the sticky lane names), so the keyboard reaches every stage.
                if let Some(area) = el.closest(".cv-scroll").ok().flatten() {
                    let (r, a) = (el.get_bounding_client_rect(), area.get_bounding_client_rect());
                    let names = document().query_selector(".cv-corner").ok().flatten().map_or(0.0, |c| c.get_bounding_client_rect().width());
                    let dx = if r.right() > a.right() - 4.0 {
                        r.right() - a.right() + 12.0
                    } else if r.left() < a.left() + names {
                        r.left() - a.left() - names - 12.0
                    } else {
                        0.0
                    };
                    if dx != 0.0 {
                        area.set_scroll_left(area.scroll_left() + dx.round() as i32);
                    }
                }
            }
        });
    }
}

impl Cv {
    /// Scrolls a touchpoint's column into the middle of the view when it is not drawn (a
    /// large map draws the columns near the view only), so that it can take the focus.
    fn bring_into_view(&self, id: &str) {
        let Some(i) = self.layout.with_untracked(|l| l.column_of(id)) else { return };
        let (start, end) = self.drawn.get_untracked();
        if (start..end).contains(&i) {
            return;
        }
        let Some(area) = document()
            .query_selector("[data-testid=\"map-canvas\"]")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        else {
            return;
        };
        let zoom = self.zoom.get_untracked();
        let centre = self.layout.with_untracked(|l| l.columns[i].center());
        let width = f64::from(area.client_width());
        let left = (centre * zoom - width / 2.0).max(0.0);
        area.set_scroll_left(left as i32);
        let left = f64::from(area.scroll_left());
        self.view_x.set((left / zoom, (left + width) / zoom));
    }
}

/// Ids are the app's own ("tp-7"), but a selector (or an element id list such as
/// `aria-labelledby`) is built from them: keep only safe characters so a crafted id in an
/// imported file cannot break the query.
pub fn css_escape(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}
