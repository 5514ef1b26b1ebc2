//! The map page's bar, under the map navigation: the map's name (renamed in place), undo and
//! redo (buttons and Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), the grid/flow switch, and one menu for
//! exports, share link, print and CSV import — so the map gets the screen, not the buttons.
//! The print sheet stays outside the menu: it is what paper shows.
//!
//! The menu's panel and the print sheet (and the flow view) come from the module that shows
//! the page ([`MapExtras`]): the whole app has them (`ui::modules::app::EXTRAS`); the map
//! module, which must stay small, has stand-ins that load the whole app with the menu open
//! (`ui::modules::shell::MAP_EXTRAS`).

use journey_core::icons::Tool;
use leptos::prelude::*;

use super::ctx::Ed;
use crate::ui::icons::tool_icon;

/// The parts of the map page that only the whole app carries — the menu's panel, the print
/// sheet and the flow view — chosen by the module that renders the page (function pointers,
/// so a module links only the parts it passes).
#[derive(Clone, Copy)]
pub struct MapExtras {
    /// The menu's panel, given whether the menu is open.
    pub panel: fn(RwSignal<bool>) -> AnyView,
    pub print_sheet: fn() -> AnyView,
    /// The flow view, or in the map module the switch to the whole app that shows it.
    pub flow: fn(Ed) -> AnyView,
    /// Whether the menu is open, or the flow view shown, at once: the map module asked for
    /// it before handing the page over (`modules::handover::take_intent`).
    pub menu_at_start: fn() -> bool,
    pub flow_at_start: fn() -> bool,
}

/// The paper size chosen in the menu (`ui::map::actions`), read by the print sheet beside it.
#[derive(Clone, Copy)]
pub struct PaperChoice(pub RwSignal<&'static str>);

#[component]
pub fn MapBar(ed: Ed, flow: RwSignal<bool>, parts: MapExtras) -> impl IntoView {
    // The menu's paper size reaches the print sheet beside it.
    provide_context(PaperChoice(RwSignal::new("a4")));
    let undo = move || {
        ed.problem.set(None);
        ed.map.undo();
    };
    let redo = move || {
        ed.problem.set(None);
        ed.map.redo();
    };
    // Ctrl+Z in a text field is the browser's own text undo; everywhere else it is ours.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                tag == "textarea" || (tag == "input" && el.get_attribute("type").as_deref() != Some("checkbox"))
            });
        if in_text {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => redo(),
            "z" => undo(),
            "y" => redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let name = Memo::new(move |_| ed.with_map(|m| m.name.clone()).unwrap_or_default());
    let renaming = RwSignal::new(false);
    let menu = RwSignal::new((parts.menu_at_start)());
    let rename = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if !v.trim().is_empty() {
            ed.edit(move |m| m.rename(&v));
        }
        renaming.set(false);
    };
    view! {
        <div class="map-bar" role="toolbar" aria-label=move || ed.t().view_label>
            <Show when=move || renaming.get()
                fallback=move || view! {
                    <h1 class="map-bar-name" data-testid="map-title" title=move || ed.t().map_name
                        on:dblclick=move |_| renaming.set(true)>{move || name.get()}</h1>
                    <button type="button" class="cv-quiet cv-icon-button" data-testid="rename-map" title=move || ed.t().map_name
                        aria-label=move || ed.t().map_name on:click=move |_| renaming.set(true)>{tool_icon(Tool::Edit)}</button>
                }>
                <input type="text" class="map-bar-name-input" data-testid="map-name" aria-label=move || ed.t().map_name
                    prop:value=move || name.get() autofocus
                    on:change=rename on:blur=move |_| renaming.set(false)
                    on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false) } />
            </Show>
            <span class="map-bar-group">
                <button type="button" data-testid="undo" title=move || ed.t().undo_hint
                    disabled=move || !ed.map.can_undo() on:click=move |_| undo()>{tool_icon(Tool::Undo)} " " {move || ed.t().undo}</button>
                <button type="button" data-testid="redo" title=move || ed.t().redo_hint
                    disabled=move || !ed.map.can_redo() on:click=move |_| redo()>{tool_icon(Tool::Redo)} " " {move || ed.t().redo}</button>
            </span>
            <span class="map-bar-group segmented" role="group" aria-label=move || ed.t().view_label>
                <button type="button" data-testid="view-grid" aria-pressed=move || (!flow.get()).to_string()
                    on:click=move |_| flow.set(false)>{tool_icon(Tool::Grid)} " " {move || ed.t().view_grid}</button>
                <button type="button" data-testid="view-flow" aria-pressed=move || flow.get().to_string()
                    on:click=move |_| flow.set(true)>{tool_icon(Tool::Flow)} " " {move || ed.t().view_flow}</button>
            </span>
            <span class="map-menu">
                <button type="button" data-testid="map-menu" aria-expanded=move || menu.get().to_string()
                    on:click=move |_| menu.update(|m| *m = !*m)>{tool_icon(Tool::More)} " " {move || ed.t().menu}</button>
            </span>
        </div>
        <div class="map-menu-panel" class:open=move || menu.get() data-testid="map-menu-panel">
            {(parts.panel)(menu)}
        </div>
        {(parts.print_sheet)()}
    }
}
