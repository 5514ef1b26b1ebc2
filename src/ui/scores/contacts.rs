//! Contact classification (volume per class and reason, the reduction potential, what it
//! is worth per month, a recommendation per class) and channel steering (the persona's
//! preferred channels next to the channel used).

use journey_core::score::{contact_class_key, contact_class_label, contact_reason_label};
use journey_core::locale::number;
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;

#[component]
pub fn Contacts() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let body = move || {
        let lang = ctx.state.lang.get();
        let t = scores_texts(lang);
        ctx.scores.with(|s| {
            let Some(c) = s.as_ref().map(|s| &s.contacts) else { return ().into_any() };
            if c.rows.is_empty() {
                return view! { <p class="empty">{t.no_contacts}</p> }.into_any();
            }
            // Which touchpoints make up each class, with their volume.
            let members = |class| {
                c.rows
                    .iter()
                    .filter(|r| r.class == class)
                    .map(|r| match r.volume {
                        Some(v) => format!("{} ({})", ctx.title_of(&r.touchpoint_id), number(v, 1, lang)),
                        None => ctx.title_of(&r.touchpoint_id),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let classes = c
                .by_class
                .iter()
                .map(|k| {
                    view! {
                        <tr data-testid="contact-class-row" data-class=contact_class_key(k.class)>
                            <th scope="row">{contact_class_label(k.class, lang)}</th>
                            <td>{members(k.class)}</td>
                            <td>{number(k.volume, 1, lang)}</td>
                            <td>{k.without_volume}</td>
                            <td>{k.recommendation.get(lang).to_string()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let reasons = c
                .by_reason
                .iter()
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{contact_reason_label(r.reason, lang)}</th>
                            <td>{r.touchpoints}</td>
                            <td>{number(r.volume, 1, lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let money = match c.monthly_savings {
                Some(m) => view! { <dd data-testid="monthly-savings">{(t.per_month)(&number(m, 2, lang))}</dd> }.into_any(),
                None => view! { <dd class="muted" data-testid="monthly-savings">{t.no_cost}</dd> }.into_any(),
            };
            let not_counted = (!c.reduction_without_volume.is_empty()).then(|| {
                let names: Vec<String> = c.reduction_without_volume.iter().map(|id| ctx.title_of(id)).collect();
                view! { <p class="muted">{(t.not_counted)(&names.join(", "))}</p> }
            });
            view! {
                <dl class="kpis">
                    <div class="kpi">
                        <dt>{t.reduction_potential}</dt>
                        <dd data-testid="reduction-potential">{(t.contacts_count)(&number(c.reduction_potential, 1, lang))}</dd>
                    </div>
                    <div class="kpi"><dt>{t.money_per_month}</dt>{money}</div>
                </dl>
                {not_counted}
                <h3>{t.by_class}</h3>
                <div class="table-scroll"><table>
                    <thead><tr>
                        <th scope="col">{t.contact_class}</th>
                        <th scope="col">{t.touchpoints}</th>
                        <th scope="col">{t.contacts_per_month}</th>
                        <th scope="col">{t.without_volume}</th>
                        <th scope="col">{t.recommendation}</th>
                    </tr></thead>
                    <tbody>{classes}</tbody>
                </table></div>
                <h3>{t.by_reason}</h3>
                <table>
                    <thead><tr>
                        <th scope="col">{t.contact_reason}</th>
                        <th scope="col">{t.touchpoints}</th>
                        <th scope="col">{t.contacts_per_month}</th>
                    </tr></thead>
                    <tbody>{reasons}</tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <section class="contacts" data-testid="contacts" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{move || t().contacts_title}</h2>
            {body}
        </section>
    }
}

#[component]
pub fn Steering() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let body = move || {
        let lang = ctx.state.lang.get();
        let t = scores_texts(lang);
        let rows = ctx.scores.with(|s| s.as_ref().map(|s| s.steering.clone()).unwrap_or_default());
        if rows.is_empty() {
            return view! { <p class="empty">{t.no_steering}</p> }.into_any();
        }
        let persona = |id: &str| {
            ctx.map.with(|m| m.as_ref().and_then(|m| m.personas.iter().find(|p| p.id == id)).map(|p| p.name.clone()).unwrap_or_default())
        };
        let rows = rows
            .iter()
            .map(|r| {
                let preferred: Vec<String> = r.preferred.iter().map(|c| c.label(lang)).collect();
                let (class, verdict) = match r.matches_preference {
                    Some(true) => ("match yes", t.yes),
                    Some(false) => ("match no", t.no),
                    None => ("match unknown", t.no_preference),
                };
                view! {
                    <tr data-testid="steering-row">
                        <th scope="row">{ctx.title_of(&r.touchpoint_id)}</th>
                        <td>{persona(&r.persona_id)}</td>
                        <td>{r.used.label(lang)}</td>
                        <td>{preferred.join(", ")}</td>
                        <td class=class>{verdict}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll"><table>
                <thead><tr>
                    <th scope="col">{t.touchpoint}</th>
                    <th scope="col">{t.persona}</th>
                    <th scope="col">{t.channel_used}</th>
                    <th scope="col">{t.preferred_channels}</th>
                    <th scope="col">{t.matches}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="steering" data-testid="steering" aria-labelledby="steering-title">
            <h2 id="steering-title">{move || t().steering_title}</h2>
            {body}
        </section>
    }
}
