//! "Apply to map": the worker writes measured volume, drop-off and throughput into a copy
//! of the map; the page stores it through `AppState::edit_map` (one undo step) and offers
//! Undo right here.

use journey_core::analytics::session::Request;
use journey_core::analytics::{ApplyOptions, DropOffOptions};
use journey_core::model::JourneyMap;
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use crate::ui::state::AppState;

#[component]
pub fn ApplyView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    let create_routes = RwSignal::new(false);
    let apply = move |_| {
        let Some(map) = ctx.map.map.get_untracked() else { return };
        let options = ApplyOptions {
            source_file: ctx.file_name.get_untracked(),
            date: crate::ui::browser::time::today(),
            create_alternative_routes: create_routes.get_untracked(),
            drop_off: DropOffOptions::default(),
        };
        ctx.send(&Request::Apply { map, options }, None);
    };
    let undo = move |_| {
        if state.undo(&ctx.map.id()) {
            ctx.notice.set(Some(t().undone.to_string()));
            ctx.request_deviation();
        }
    };
    // Undo stays offered after leaving and coming back: the history lives in AppState.
    let undo_button = move || {
        state.can_undo(&ctx.map.id()).then(|| view! {
            <button type="button" on:click=undo data-testid="undo-apply">{t().undo}</button>
        })
    };
    view! {
        <section class="metrics apply" data-testid="apply">
            {move || ctx.result.with(Option::is_some).then(|| view! {
                <h2>{t().apply_title}</h2>
                <p>{t().apply_hint}</p>
                <p><label><input type="checkbox" prop:checked=move || create_routes.get()
                    on:change=move |ev| create_routes.set(event_target_checked(&ev))/> " " {t().create_routes}</label></p>
                <button type="button" class="primary" on:click=apply data-testid="apply-to-map">{t().apply}</button>
                " "
            })}
            {undo_button}
        </section>
    }
}

/// Stores the map the worker returned as one undoable edit.
pub fn store_applied(ctx: Ctx, new_map: JourneyMap) {
    if new_map.id != ctx.map.id() {
        return;
    }
    ctx.map.edit(|m| *m = new_map);
    ctx.notice.set(Some(analytics_texts(ctx.map.state.lang.get_untracked()).applied.to_string()));
    ctx.request_deviation();
}
