//! The column-mapping step: the detected delimiter, a preview of the first rows, and one
//! labelled select per role (case, activity, timestamp required; channel, rating, resource,
//! lifecycle optional, each with one sentence on what it is for), pre-filled with the
//! core's guess.

use journey_core::analytics::ColumnMapping;
use leptos::prelude::*;

use super::{start_import, Ctx};
use crate::i18n::analytics::analytics_texts;
use crate::ui::shell::csv_choice::CsvChoice;
use crate::ui::state::AppState;

/// Columns the mapping step offers (and previews): a file split into thousands of
/// columns (a wrong delimiter, one 50 MB line) would otherwise build a select of thousands
/// of options per role. Columns the guess picked further right are offered too.
const MAX_COLUMNS: usize = 300;

#[derive(Clone, Copy)]
enum Role {
    Case,
    Activity,
    Time,
    Channel,
    Rating,
    Resource,
    Lifecycle,
}

impl Role {
    fn get(self, m: &ColumnMapping) -> String {
        match self {
            Role::Case => m.case.clone(),
            Role::Activity => m.activity.clone(),
            Role::Time => m.time.clone(),
            Role::Channel => m.channel.clone().unwrap_or_default(),
            Role::Rating => m.rating.clone().unwrap_or_default(),
            Role::Resource => m.resource.clone().unwrap_or_default(),
            Role::Lifecycle => m.lifecycle.as_ref().map(|l| l.0.clone()).unwrap_or_default(),
        }
    }

    fn set(self, m: &mut ColumnMapping, v: String) {
        let opt = (!v.is_empty()).then(|| v.clone());
        match self {
            Role::Case => m.case = v,
            Role::Activity => m.activity = v,
            Role::Time => m.time = v,
            Role::Channel => m.channel = opt,
            Role::Rating => m.rating = opt,
            Role::Resource => m.resource = opt,
            Role::Lifecycle => {
                let keep = m.lifecycle.take().map(|l| l.1).unwrap_or_else(|| "complete".into());
                m.lifecycle = opt.map(|c| (c, keep));
            }
        }
    }

    fn optional(self) -> bool {
        !matches!(self, Role::Case | Role::Activity | Role::Time)
    }

    fn key(self) -> &'static str {
        match self {
            Role::Case => "case",
            Role::Activity => "activity",
            Role::Time => "time",
            Role::Channel => "channel",
            Role::Rating => "rating",
            Role::Resource => "resource",
            Role::Lifecycle => "lifecycle",
        }
    }
}

#[component]
pub fn MappingStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || analytics_texts(state.lang.get());
    move || {
        let d = ctx.detection.get()?;
        let all = d.headers.len();
        let mut headers: Vec<String> = d.headers.iter().take(MAX_COLUMNS).cloned().collect();
        if all > MAX_COLUMNS {
            let guessed = ctx.mapping.with_untracked(|m| m.as_ref().map(|m| [m.case.clone(), m.activity.clone(), m.time.clone()]));
            for g in guessed.into_iter().flatten() {
                if !g.is_empty() && !headers.contains(&g) {
                    headers.push(g);
                }
            }
        }
        let left_out = (all > MAX_COLUMNS).then(|| {
            let text = (crate::i18n::analytics_bounds::bounds_texts(state.lang.get()).columns_left_out)(all as u64, MAX_COLUMNS as u64);
            view! { <p class="muted" data-testid="columns-left-out">{text}</p> }
        });
        let delimiter = match d.delimiter {
            b',' => ",".to_string(),
            b';' => ";".to_string(),
            b'\t' => "Tab".to_string(),
            other => (other as char).to_string(),
        };
        let tt = crate::i18n::analytics_trust::trust_texts(state.lang.get());
        let selects = [
            (Role::Case, t().case_col, None),
            (Role::Activity, t().activity_col, None),
            (Role::Time, t().time_col, None),
            (Role::Channel, t().channel_col, Some(tt.channel_for)),
            (Role::Rating, t().rating_col, Some(tt.rating_for)),
            (Role::Resource, t().resource_col, Some(tt.resource_for)),
            (Role::Lifecycle, t().lifecycle_col, Some(tt.lifecycle_for)),
        ]
        .into_iter()
        .map(|(role, label, hint)| column_select(ctx, role, label, hint, headers.clone(), t().none))
        .collect_view();
        let head = d.headers.iter().take(MAX_COLUMNS).map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
        let rows = d
            .preview
            .iter()
            .map(|r| view! { <tr>{r.iter().take(MAX_COLUMNS).map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
            .collect_view();
        let complete = move || {
            ctx.mapping.with(|m| m.as_ref().is_some_and(|m| !m.case.is_empty() && !m.activity.is_empty() && !m.time.is_empty()))
        };
        let go = move |_| {
            if let Some(m) = ctx.mapping.get_untracked() {
                start_import(ctx, m);
            }
        };
        Some(view! {
            <section class="mapping-step" data-testid="mapping-step">
                <h2>{t().mapping_title}</h2>
                <p>{t().delimiter} ": " <code data-testid="delimiter">{delimiter}</code></p>
                <CsvChoice encoding=d.encoding delimiter=d.delimiter choice=ctx.csv_choice
                    on_change=move |_| super::redetect(ctx) prefix=""/>
                {left_out}
                <div class="mapping-grid">{selects}</div>
                <super::time_form_pick::TimeFormPick/>
                {move || ctx.mapping.with(|m| m.as_ref().and_then(|m| m.lifecycle.clone())).map(|(_, keep)| view! {
                    <p class="mapping-field">
                        <label for="map-lifecycle-value">{t().lifecycle_value}</label>
                        <input id="map-lifecycle-value" type="text" prop:value=keep on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.mapping.update(|m| if let Some(m) = m { if let Some(l) = m.lifecycle.as_mut() { l.1 = v.trim().to_string(); } });
                        }/>
                    </p>
                })}
                <details>
                    <summary>{t().preview}</summary>
                    <div class="table-scroll"><table class="preview"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                </details>
                {move || (!complete()).then(|| view! { <p class="analytics-error" role="alert">{t().mapping_incomplete}</p> })}
                <button type="button" class="primary" on:click=go disabled=move || !complete() || ctx.progress.get().is_some()
                    data-testid="start-import">{t().start_import}</button>
            </section>
        })
    }
}

fn column_select(ctx: Ctx, role: Role, label: &'static str, hint: Option<&'static str>, headers: Vec<String>, none: &'static str) -> impl IntoView {
    let id = format!("map-{}", role.key());
    let current = move || ctx.mapping.with(|m| m.as_ref().map(|m| role.get(m)).unwrap_or_default());
    let options = headers
        .into_iter()
        .map(|h| {
            let (value, attr) = (h.clone(), h.clone());
            view! { <option value=attr selected=move || current() == value>{h}</option> }
        })
        .collect_view();
    let blank = move || current().is_empty();
    view! {
        <p class="mapping-field">
            <label for=id.clone()>{label}</label>
            <select id=id data-testid=format!("map-{}", role.key()) on:change=move |ev| {
                let v = event_target_value(&ev);
                ctx.mapping.update(|m| if let Some(m) = m { role.set(m, v) });
            }>
                // Required roles offer an empty choice only while nothing is chosen.
                {move || (role.optional() || blank()).then(|| view! { <option value="" selected=blank>{none}</option> })}
                {options}
            </select>
            {hint.map(|h| view! { <small class="muted column-hint">{h}</small> })}
        </p>
    }
}

