//! The source picker of the import step: which tool the file comes from. A known export
//! (recognised by its header) is chosen for the user and says so; a preset shows the
//! columns it reads and what each becomes, how cases are formed (per customer, per
//! order/ticket/session, or sessions after a pause) and which activities to leave out,
//! then imports through the worker (`Request::ImportSource`). "Event log" keeps the
//! column mapping below.

use journey_core::analytics::session::Request;
use journey_core::analytics::sources::{CaseBy, Source, SourceOptions};
use journey_core::analytics::AnalysisOptions;
use leptos::prelude::*;

use super::hub::HubFiles;
use super::{send_file, Ctx};
use crate::i18n::sources::sources_texts;
use crate::ui::state::AppState;

/// How the user chose to form cases (the idle minutes kept while another choice is shown).
#[derive(Clone, Copy, PartialEq)]
enum CaseChoice {
    Customer,
    Record,
    Idle,
}

#[component]
pub fn SourceStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    let t = move || sources_texts(state.lang.get());
    let case_choice = RwSignal::new(CaseChoice::Customer);
    let idle = RwSignal::new(30u32);
    let drop = RwSignal::new(String::new());
    let recognised = Memo::new(move |_| ctx.detection.with(|d| d.as_ref().and_then(|d| Source::recognise(&d.headers))));
    // The source options as the step shows them.
    let options = move || {
        let lang = state.lang.get_untracked();
        let case_by = match case_choice.get_untracked() {
            CaseChoice::Customer => CaseBy::Customer,
            CaseChoice::Record => CaseBy::Record,
            CaseChoice::Idle => CaseBy::Idle { minutes: idle.get_untracked().max(1) },
        };
        let mut source = SourceOptions::new(ctx.source.get_untracked(), case_by);
        source.lang = lang;
        source.filters.drop = drop.get_untracked().split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        let zone = ctx.zone.get_untracked();
        source.time_zone = (!zone.is_empty()).then_some(zone);
        // E-mail addresses become keyed hashes in the worker, before anything is kept.
        source.key = ctx.state.customer_key();
        source
    };
    let go = move |_| {
        let source = options();
        let file = ctx.file_name.get_untracked();
        super::recipe_step::remember(ctx, vec![journey_core::analytics::recipe::from_source(&source, &file, super::recipe_step::sheet(ctx))]);
        send_file(ctx, move |lang, map, _| Request::ImportSource { source, options: AnalysisOptions::default(), lang, map });
    };
    let hub = expect_context::<HubFiles>();
    let add = move |_| hub.add(ctx, options());
    move || {
        ctx.detection.with(Option::is_some).then(|| {
            let lang = state.lang.get();
            let options = Source::ALL
                .into_iter()
                .map(|s| view! { <option value=s.key() selected=move || ctx.source.get() == s>{s.label(lang)}</option> })
                .collect_view();
            view! {
                <section class="source-step" data-testid="source-step">
                    <p class="mapping-field">
                        <label for="source-pick">{t().source_label}</label>
                        <select id="source-pick" data-testid="source-pick" on:change=move |ev| {
                            let key = event_target_value(&ev);
                            ctx.source.set(Source::from_key(&key).unwrap_or(Source::Generic));
                        }>{options}</select>
                    </p>
                    <p class="muted">{t().source_hint}</p>
                    {move || recognised.get().filter(|s| s.layout().is_some()).map(|s| view! {
                        <p class="analytics-notice" data-testid="source-recognised">{(t().recognised)(s.export_name(state.lang.get()))}</p>
                    })}
                    {move || (ctx.source.get() != Source::Generic).then(|| preset_view(ctx, lang, case_choice, idle, drop, go, add))}
                </section>
            }
        })
    }
}

/// What the chosen preset reads, the case choice, the activities to leave out, Import.
fn preset_view(
    ctx: Ctx,
    lang: journey_core::model::Lang,
    case_choice: RwSignal<CaseChoice>,
    idle: RwSignal<u32>,
    drop: RwSignal<String>,
    go: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    add: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> impl IntoView {
    let t = sources_texts(lang);
    let source = ctx.source.get();
    let rows = source
        .expected_columns(lang)
        .into_iter()
        .map(|(column, becomes)| view! { <tr><td><code>{column}</code></td><td>{becomes}</td></tr> })
        .collect_view();
    let radio = move |value: CaseChoice, label: String, testid: &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="case-by" data-testid=testid prop:checked=move || case_choice.get() == value
                    on:change=move |_| case_choice.set(value)/>
                {label}
            </label>
        }
    };
    view! {
        <h3>{t.expects}</h3>
        <div class="table-scroll">
            <table class="preview" data-testid="source-columns">
                <thead><tr><th scope="col">{t.column}</th><th scope="col">{t.becomes}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <fieldset class="case-by">
            <legend>{t.case_label}</legend>
            {radio(CaseChoice::Customer, t.per_customer.to_string(), "case-customer")}
            {radio(CaseChoice::Record, lang.pick(source.per_record()).to_string(), "case-record")}
            <label class="radio">
                <input type="radio" name="case-by" data-testid="case-idle" prop:checked=move || case_choice.get() == CaseChoice::Idle
                    on:change=move |_| case_choice.set(CaseChoice::Idle)/>
                {t.sessions_idle} " "
                <input type="number" min="1" class="idle-minutes" aria-label=t.idle_minutes data-testid="idle-minutes"
                    prop:value=move || idle.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            idle.set(n.max(1));
                            case_choice.set(CaseChoice::Idle);
                        }
                    }/>
                " " {t.idle_minutes}
            </label>
        </fieldset>
        <p class="mapping-field">
            <label for="drop-activities">{t.drop_label}</label>
            <input id="drop-activities" type="text" data-testid="drop-activities" placeholder=t.drop_hint
                prop:value=move || drop.get() on:change=move |ev| drop.set(event_target_value(&ev))/>
        </p>
        <button type="button" class="primary" on:click=go disabled=move || ctx.progress.get().is_some()
            data-testid="import-source">{t.import_with_source}</button>
        " "
        <button type="button" on:click=add data-testid="hub-add">{t.hub_add}</button>
    }
}
