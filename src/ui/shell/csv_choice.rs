//! The character encoding and the delimiter a CSV file was read with, each changeable:
//! shown by every CSV import (event log, survey, touchpoints). The core detects both
//! (`journey_core::text_file`); a choice here is kept in `choice` and the caller reads the
//! file again with it.

use journey_core::text_file::{delimiter_label, CsvOptions, TextEncoding, DELIMITERS};
use leptos::prelude::*;

use crate::i18n::texts;
use crate::ui::state::AppState;

/// `encoding` and `delimiter`: what the file was read with. `prefix` keeps ids and test
/// ids apart when a page has more than one import ("" for the event log, "survey-", "csv-").
#[component]
pub fn CsvChoice(
    encoding: TextEncoding,
    delimiter: u8,
    choice: RwSignal<CsvOptions>,
    #[prop(into)] on_change: Callback<()>,
    prefix: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || texts(state.lang.get());
    let lang = move || state.lang.get();
    let on_encoding = move |ev: leptos::ev::Event| {
        let chosen = TextEncoding::from_key(&event_target_value(&ev));
        choice.update(|c| c.encoding = chosen);
        on_change.run(());
    };
    let on_delimiter = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<u8>().ok();
        choice.update(|c| c.delimiter = chosen);
        on_change.run(());
    };
    let (enc_id, del_id) = (format!("{prefix}csv-encoding"), format!("{prefix}csv-delimiter"));
    view! {
        <p class="mapping-field csv-choice">
            <label for=enc_id.clone()>{move || t().csv_encoding}</label>
            <select id=enc_id data-testid=format!("{prefix}encoding") prop:value=encoding.key() on:change=on_encoding>
                {TextEncoding::ALL.into_iter().map(|e| view! {
                    <option value=e.key() selected=e == encoding>{move || e.label(lang())}</option>
                }).collect_view()}
            </select>
            <label for=del_id.clone()>{move || t().csv_delimiter}</label>
            <select id=del_id data-testid=format!("{prefix}delimiter-choice") prop:value=delimiter.to_string() on:change=on_delimiter>
                {DELIMITERS.into_iter().map(|d| view! {
                    <option value=d.to_string() selected=d == delimiter>{move || delimiter_label(d, lang())}</option>
                }).collect_view()}
            </select>
        </p>
    }
}
