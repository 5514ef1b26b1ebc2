//! The browser's clock and time zone. Date logic lives in `journey_core::locale`; this
//! file only asks the browser what time it is and where.

use journey_core::locale::local_date_iso;
use journey_core::model::Lang;
use wasm_bindgen::JsValue;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today in the browser's time zone as `YYYY-MM-DD` (measurement dates, file names, the
/// evidence note of applied analytics).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    // `getTimezoneOffset` is minutes *behind* UTC (Berlin in winter: −60).
    local_date_iso(now.get_time(), -(now.get_timezone_offset() as i64))
}

/// A timestamp (ms since epoch) as local date and time in the UI language.
pub fn date_time(ms: f64, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.to_locale_string(lang.code(), &JsValue::UNDEFINED).into()
}
