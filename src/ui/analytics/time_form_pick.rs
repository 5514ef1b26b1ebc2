//! The date form of the time column for a plain event log: detected from the whole
//! column of the file's start (journey_core::analytics::detect_form) and changeable here.
//! When no value shows whether the day or the month comes first, the page says so and
//! the user chooses — a row never decides its own reading.

use journey_core::analytics::sources::Source;
use journey_core::analytics::TimeForm;
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::sources::sources_texts;
use crate::ui::state::AppState;

const FORMS: [(TimeForm, &str); 4] =
    [(TimeForm::Auto, "auto"), (TimeForm::DayFirst, "day_first"), (TimeForm::MonthFirst, "month_first"), (TimeForm::ExcelSerial, "excel")];

#[component]
pub fn TimeFormPick() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let current = move || ctx.mapping.with(|m| m.as_ref().map(|m| m.time_form).unwrap_or_default());
    move || {
        let d = ctx.detection.get()?;
        if ctx.source.get() != Source::Generic {
            return None;
        }
        let t = sources_texts(state.lang.get());
        let label = |f: TimeForm| match f {
            TimeForm::Auto => t.form_auto,
            TimeForm::DayFirst => t.form_day_first,
            TimeForm::MonthFirst => t.form_month_first,
            TimeForm::ExcelSerial => t.form_excel,
        };
        let options = FORMS
            .iter()
            .map(|&(f, key)| view! { <option value=key selected=move || current() == f>{label(f)}</option> })
            .collect_view();
        let unknown = move || d.guess.time_form.order_unknown && current() == TimeForm::Auto;
        Some(view! {
            <section class="time-form" data-testid="time-form">
                <p class="mapping-field">
                    <label for="time-form-pick">{t.time_form_label}</label>
                    <select id="time-form-pick" data-testid="time-form-pick" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let form = FORMS.iter().find(|(_, k)| *k == key).map_or(TimeForm::Auto, |(f, _)| *f);
                        ctx.mapping.update(|m| if let Some(m) = m { m.time_form = form });
                    }>{options}</select>
                </p>
                {move || unknown().then(|| view! { <p class="analytics-error" role="alert" data-testid="order-unknown">{t.order_unknown}</p> })}
            </section>
        })
    }
}
