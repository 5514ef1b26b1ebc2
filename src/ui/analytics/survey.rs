//! Survey CSV (touchpoint or stage, rating, scale): CSAT, CES and NPS per touchpoint and
//! stage, computed on the page by the core (survey files are small). Shown, and written
//! into the map's touchpoints through the same preview as the event log (`plan_survey`).
//! The encoding and delimiter the file was read with are shown and can be changed.

use journey_core::analytics::plan_survey;
use journey_core::analytics::survey::{survey_with, SurveyReport, SurveyScores};
use journey_core::text_file::CsvOptions;
use leptos::prelude::*;

use super::{read_bytes, Ctx};
use crate::i18n::analytics::{analytics_texts, AnalyticsTexts};
use journey_core::locale::{fixed, nps, percent};
use crate::ui::shell::csv_choice::CsvChoice;
use crate::ui::state::AppState;

#[component]
pub fn SurveyView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    let report = RwSignal::new(None::<Result<SurveyReport, String>>);
    // The picked file's bytes and the user's choice of encoding and delimiter.
    let bytes = StoredValue::new(Vec::<u8>::new());
    let choice = RwSignal::new(CsvOptions::default());
    let reread = move || {
        let lang = state.lang.get_untracked();
        let Some(map) = ctx.map.get_untracked() else { return };
        let options = choice.get_untracked();
        report.set(Some(bytes.with_value(|b| survey_with(b, &map, &options)).map_err(|e| e.message(lang))));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let lang = state.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(buf) = read_bytes(&file, None).await else {
                return report.set(Some(Err(analytics_texts(lang).read_failed.to_string())));
            };
            bytes.set_value(js_sys::Uint8Array::new(&buf).to_vec());
            choice.set(CsvOptions::default());
            reread();
        });
    };
    view! {
        <section class="metrics survey" data-testid="survey">
            <h2>{move || t().survey_title}</h2>
            <p class="muted">{move || t().survey_hint}</p>
            <p class="file-picker">
                <label for="survey-file">{move || t().survey_file}</label>
                <input id="survey-file" type="file" accept=".csv,.tsv,.txt,text/csv" data-testid="survey-file" on:change=on_change/>
            </p>
            {move || report.get().map(|r| match r {
                Err(e) => view! { <p class="analytics-error" role="alert">{e}</p> }.into_any(),
                Ok(r) => {
                    let for_plan = r.clone();
                    let preview = move |_| {
                        if let Some(map) = ctx.map.get_untracked() {
                            ctx.plan_from_survey.set(true);
                            ctx.plan.set(Some(plan_survey(&map, &for_plan)));
                        }
                    };
                    view! {
                        <CsvChoice encoding=r.encoding delimiter=r.delimiter choice on_change=move |_| reread() prefix="survey-"/>
                        {survey_tables(&r, t(), state.lang.get())}
                        <button type="button" class="primary" on:click=preview data-testid="preview-survey">
                            {analytics_texts(state.lang.get()).survey_preview}</button>
                    }.into_any()
                }
            })}
            <super::apply::PlanPreview survey=true/>
        </section>
    }
}

fn survey_tables(r: &SurveyReport, t: &'static AnalyticsTexts, lang: journey_core::model::Lang) -> impl IntoView {
    let issues = r.first_issues.iter().map(|i| view! { <li>{i.message(lang)}</li> }).collect_view();
    view! {
        <p data-testid="survey-summary">{(t.survey_skipped)(r.rows, r.skipped_rows)}</p>
        {(!r.first_issues.is_empty()).then(|| view! { <ul>{issues}</ul> })}
        <h3>{t.touchpoints}</h3>
        {table(&r.touchpoints, t, lang)}
        <h3>{t.stages}</h3>
        {table(&r.stages, t, lang)}
    }
}

fn table(rows: &[SurveyScores], t: &'static AnalyticsTexts, lang: journey_core::model::Lang) -> impl IntoView {
    let body = rows.iter().map(|s| view! {
        <tr><th scope="row">{s.name.clone()}</th>
            <td>{s.csat.as_ref().map(|c| format!("{} (n = {})", fixed(c.mean, 2, lang), c.count)).unwrap_or_else(|| "–".into())}</td>
            <td>{s.ces.map(|c| format!("{} (n = {})", percent(c, 0, lang), s.ces_answers)).unwrap_or_else(|| "–".into())}</td>
            <td>{s.nps.as_ref().map(|n| format!("{} (n = {})", nps(n.nps, lang), n.count)).unwrap_or_else(|| "–".into())}</td></tr>
    }).collect_view();
    view! {
        <div class="table-scroll"><table>
            <thead><tr><th scope="col">{t.target}</th><th scope="col">{t.csat}</th><th scope="col">{t.ces}</th><th scope="col">{t.nps}</th></tr></thead>
            <tbody>{body}</tbody>
        </table></div>
    }
}
