//! Small display helpers: dates in the user's language, emotions as words and faces.

use journey_core::model::Lang;
use wasm_bindgen::JsValue;

/// A timestamp (ms since epoch) as local date and time in the UI language.
pub fn date_time(ms: f64, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.to_locale_string(lang.code(), &JsValue::UNDEFINED).into()
}

/// An emotion −2..+2 as a signed number and a face, so colour is never the only cue.
pub fn emotion(e: Option<i8>) -> String {
    match e {
        Some(v) => {
            let face = match v {
                i8::MIN..=-2 => "😣",
                -1 => "🙁",
                0 => "😐",
                1 => "🙂",
                _ => "😀",
            };
            format!("{face} {v:+}")
        }
        None => "–".to_string(),
    }
}

/// A share 0..1 as a percentage.
pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}
