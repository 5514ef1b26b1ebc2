//! Deviation from the planned map: which activities match touchpoints, the share of steps
//! off the map's routes, the most frequent deviating steps, and rework.

use leptos::prelude::*;

use super::more_note::{more_note, Kind};
use super::Ctx;
use crate::i18n::analytics::analytics_texts;
use journey_core::locale::percent;
use crate::ui::state::AppState;

#[component]
pub fn DeviationView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<AppState>();
    move || {
        let lang = state.lang.get();
        let t = analytics_texts(lang);
        let d = ctx.deviation.get()?;
        let unmapped = d.unmapped_activities.iter().map(|u| view! {
            <tr><th scope="row">{u.activity.clone()}</th><td>{u.events}</td></tr>
        }).collect_view();
        let routes = d.top_deviating_routes.iter().map(|r| view! {
            <tr><td>{r.from_activity.clone()}</td><td>{r.to_activity.clone()}</td><td>{r.count}</td><td>{r.cases}</td></tr>
        }).collect_view();
        let rework = d.rework.iter().map(|r| view! {
            <tr><th scope="row">{r.activity.clone()}</th><td>{r.cases_with_repeat}</td><td>{r.repeats}</td></tr>
        }).collect_view();
        Some(view! {
            <section class="metrics" data-testid="deviation">
                <h2>{t.deviation}</h2>
                <p data-testid="mapped-count">{(t.mapped)(d.mapped_activities.len())}</p>
                {if d.unmapped_activities.is_empty() {
                    view! { <p>{t.all_mapped}</p> }.into_any()
                } else {
                    view! {
                        <h3>{t.unmapped}</h3>
                        <div class="table-scroll"><table data-testid="unmapped">
                            <thead><tr><th scope="col">{t.activity}</th><th scope="col">{t.events}</th></tr></thead>
                            <tbody>{unmapped}</tbody>
                        </table></div>
                        {more_note(d.more_unmapped, Kind::Activities, lang)}
                    }.into_any()
                }}
                <p data-testid="off-route">{(t.off_route)(&percent(d.off_route_share, 0, lang), d.transitions_off_route, d.transitions_checked)}</p>
                {if ctx.aggregate.with(Option::is_some) {
                    view! { <p class="muted">{crate::i18n::analytics::analytics_texts(lang).cases_deviating_needs_raw}</p> }.into_any()
                } else {
                    view! { <p>{(t.cases_deviating)(&percent(d.case_deviation_share, 0, lang))}</p> }.into_any()
                }}
                {(!d.top_deviating_routes.is_empty()).then(|| view! {
                    <h3>{t.deviating_routes}</h3>
                    <div class="table-scroll"><table>
                        <thead><tr><th scope="col">{t.from}</th><th scope="col">{t.to}</th><th scope="col">{t.count}</th><th scope="col">{t.cases}</th></tr></thead>
                        <tbody>{routes}</tbody>
                    </table></div>
                })}
                <h3>{t.rework}</h3>
                <p>{(t.rework_cases)(&percent(d.rework_case_share, 0, lang))}</p>
                {(!d.rework.is_empty()).then(|| view! {
                    <div class="table-scroll"><table>
                        <thead><tr><th scope="col">{t.activity}</th><th scope="col">{t.cases}</th><th scope="col">{t.repeats}</th></tr></thead>
                        <tbody>{rework}</tbody>
                    </table></div>
                })}
                {more_note(d.more_rework, Kind::Other, lang)}
            </section>
        })
    }
}
