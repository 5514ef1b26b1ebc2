//! Helpdesk contacts into the map: after a Zendesk or Freshdesk import, each contact reason
//! with its ticket count, a classification (value-adding, disruptive, self-service
//! candidate) and the kind of reason (service, information, order) to choose, and the stage
//! for new contact touchpoints; "Preview" builds the plan in the core
//! (`analytics::contacts_plan`) and shows it in the page's one preview, with the
//! contact-reduction potential before → after. Nothing is stored until Apply.

use journey_core::analytics::contacts_plan::{contact_title, plan_contacts, ContactChoice};
use journey_core::locale::number;
use journey_core::model::MeasuredPeriod;
use journey_core::score::{contact_class_label, contact_reason_label, CLASSES, REASONS};
use leptos::prelude::*;

use super::Ctx;
use crate::i18n::analytics_contacts::contacts_texts;
use crate::ui::state::AppState;

#[component]
pub fn ContactsStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    // (reason, class, kind) as chosen; filled from the map's contact touchpoints.
    let choices = RwSignal::new(Vec::<ContactChoice>::new());
    let stage = RwSignal::new(String::new());
    let counts = Memo::new(move |_| {
        ctx.result.with(|r| r.as_ref().and_then(|r| r.summary.source.as_ref()).map(|s| s.contacts.clone()).filter(|c| !c.by_reason.is_empty()))
    });
    // A new import starts from what the map already says about each reason.
    Effect::new(move |_| {
        let Some(c) = counts.get() else { return };
        let lang = state.lang.get_untracked();
        let map = ctx.map.get_untracked();
        let existing = |reason: &str| {
            let title = contact_title(reason, lang);
            map.as_ref().and_then(|m| m.touchpoints.iter().find(|t| t.title.eq_ignore_ascii_case(&title)).cloned())
        };
        choices.set(
            c.by_reason
                .iter()
                .map(|(r, _)| {
                    let tp = existing(r);
                    ContactChoice { reason: r.clone(), class: tp.as_ref().and_then(|t| t.contact_class), kind: tp.and_then(|t| t.contact_reason) }
                })
                .collect(),
        );
        stage.set(map.and_then(|m| m.stages.last().map(|s| s.id.clone())).unwrap_or_default());
    });
    let preview = move |_| {
        let (Some(map), Some(c)) = (ctx.map.get_untracked(), counts.get_untracked()) else { return };
        let Some(period) = period(ctx) else { return };
        let cp = plan_contacts(&map, &c, &period, &stage.get_untracked(), &choices.get_untracked(), state.lang.get_untracked());
        ctx.plan_from_survey.set(false);
        ctx.contacts_potential.set(Some((cp.potential_before, cp.potential_after)));
        ctx.plan.set(Some(cp.plan));
    };
    move || {
        let c = counts.get()?;
        let lang = state.lang.get();
        let t = contacts_texts(lang);
        let rows = c
            .by_reason
            .iter()
            .enumerate()
            .map(|(i, (reason, n))| {
                let class_options = CLASSES
                    .iter()
                    .map(|&k| view! { <option value=k.key() selected=move || choices.with(|c| c.get(i).and_then(|c| c.class)) == Some(k)>{contact_class_label(k, lang)}</option> })
                    .collect_view();
                let kind_options = REASONS
                    .iter()
                    .map(|&k| view! { <option value=k.key() selected=move || choices.with(|c| c.get(i).and_then(|c| c.kind)) == Some(k)>{contact_reason_label(k, lang)}</option> })
                    .collect_view();
                let set_class = move |ev: leptos::ev::Event| {
                    let key = event_target_value(&ev);
                    choices.update(|c| if let Some(c) = c.get_mut(i) { c.class = CLASSES.into_iter().find(|k| k.key() == key) });
                };
                let set_kind = move |ev: leptos::ev::Event| {
                    let key = event_target_value(&ev);
                    choices.update(|c| if let Some(c) = c.get_mut(i) { c.kind = REASONS.into_iter().find(|k| k.key() == key) });
                };
                let label_class = format!("{} — {reason}", t.class_col);
                let label_kind = format!("{} — {reason}", t.kind_col);
                view! {
                    <tr data-testid="contact-reason" data-reason=reason.clone()>
                        <th scope="row">{reason.clone()}</th>
                        <td class="num">{number(*n as f64, 0, lang)}</td>
                        <td><select aria-label=label_class data-testid="contact-class" on:change=set_class>
                            <option value="">{t.unclassified}</option>{class_options}</select></td>
                        <td><select aria-label=label_kind data-testid="contact-kind" on:change=set_kind>
                            <option value="">{t.no_kind}</option>{kind_options}</select></td>
                    </tr>
                }
            })
            .collect_view();
        let stages = ctx.map.with(|m| m.stages.clone()).unwrap_or_default();
        let stage_options = stages
            .into_iter()
            .map(|s| {
                let id = s.id.clone();
                view! { <option value=s.id.clone() selected=move || stage.get() == id>{s.name}</option> }
            })
            .collect_view();
        Some(view! {
            <section class="metrics contacts-step" data-testid="contacts-step">
                <h2>{t.title}</h2>
                <p class="muted">{t.intro}</p>
                <div class="table-scroll"><table data-testid="contact-reasons">
                    <thead><tr><th scope="col">{t.reason_col}</th><th scope="col" class="num">{t.tickets_col}</th>
                        <th scope="col">{t.class_col}</th><th scope="col">{t.kind_col}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
                <p class="mapping-field">
                    <label for="contact-stage">{t.stage_label}</label>
                    <select id="contact-stage" data-testid="contact-stage" on:change=move |ev| stage.set(event_target_value(&ev))>{stage_options}</select>
                </p>
                <button type="button" class="primary" data-testid="contacts-preview" on:click=preview>{t.preview}</button>
            </section>
        })
    }
}

/// The imported export's period (first to last event) and source, as the apply writes it.
fn period(ctx: Ctx) -> Option<MeasuredPeriod> {
    let (a, b) = ctx.result.with_untracked(|r| r.as_ref().map(|r| (r.report.first_event_ms, r.report.last_event_ms)))?;
    let source = format!("{} ({})", ctx.file_name.get_untracked(), crate::ui::browser::time::today());
    Some(MeasuredPeriod::new(a as f64, b as f64, source))
}

/// The line the preview shows for a contacts plan.
pub fn potential_line(ctx: Ctx, lang: journey_core::model::Lang) -> Option<impl IntoView> {
    let (before, after) = ctx.contacts_potential.get()?;
    Some(view! { <p data-testid="preview-contacts" data-after=after.to_string()>{(contacts_texts(lang).potential)(before, after, lang)}</p> })
}
