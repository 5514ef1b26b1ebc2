//! The time zone in which timestamps without one are read: the browser's zone by default
//! (shown), any IANA name (`Europe/Berlin`) typed or picked instead, remembered per map.
//! The zone database lives in the worker (jiff's bundled copy); the page only passes the
//! name, and an unknown name comes back as the import's error message.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use crate::ui::state::AppState;

/// Zones offered in the list (any other IANA name can be typed).
const COMMON: [&str; 12] = [
    "UTC", "Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/London", "Europe/Paris", "Europe/Madrid",
    "Europe/Warsaw", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Tokyo",
];

/// The browser's zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), or UTC.
pub fn browser_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|z| !z.is_empty())
        .unwrap_or_else(|| "UTC".to_string())
}

/// The zone to start with: the one remembered for the map, else the browser's.
pub fn initial_zone(ctx: Ctx) -> String {
    ctx.map.with_untracked(|m| m.analytics.time_zone.clone()).flatten().unwrap_or_else(browser_zone)
}

/// Remembers the zone with the map when it differs from the browser's (the default
/// needs no entry), as part of starting an import.
pub fn remember_zone(ctx: Ctx, zone: &str) {
    let keep = (zone != browser_zone()).then(|| zone.to_string());
    ctx.map.edit(move |m| m.analytics.time_zone = keep);
}

#[component]
pub fn ZonePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        ctx.detection.with(Option::is_some).then(|| {
            let t = analytics_texts(state.lang.get());
            view! {
                <section class="zone-picker" data-testid="zone-picker">
                    <p class="mapping-field">
                        <label for="time-zone">{t.zone_label}</label>
                        <input id="time-zone" type="text" list="time-zones" autocomplete="off" data-testid="time-zone"
                            prop:value=move || ctx.zone.get()
                            on:change=move |ev| ctx.zone.set(event_target_value(&ev).trim().to_string())/>
                        <datalist id="time-zones">{COMMON.iter().map(|z| view! { <option value=*z></option> }).collect_view()}</datalist>
                    </p>
                    <p class="muted" data-testid="zone-hint">{move || (t.zone_hint)(&ctx.zone.get())}</p>
                </section>
            }
        })
    }
}
