//! Opportunities as a table of value-vs-effort points with their quadrant (the dashboard
//! draws the matrix chart from the same `OpportunityMatrix`), and the ones that could not be
//! placed with the figure they miss.

use journey_core::score::OpportunityField;
use journey_core::locale::plain;
use leptos::prelude::*;

use crate::ui::shell::map_frame::MapHandle;
use crate::i18n::scores::scores_texts;

#[component]
pub fn Opportunities() -> impl IntoView {
    let ctx = MapHandle::current();
    let t = move || scores_texts(ctx.state.lang.get());
    let body = move || {
        let lang = ctx.state.lang.get();
        let t = scores_texts(lang);
        let matrix = ctx.scores.with(|s| s.as_ref().map(|s| s.opportunities.clone()));
        let Some(matrix) = matrix else { return ().into_any() };
        if matrix.points.is_empty() && matrix.incomplete.is_empty() {
            return view! { <p class="empty">{t.no_opportunities}</p> }.into_any();
        }
        let n = |v: f64| plain(v, 1, lang);
        let points = matrix
            .points
            .iter()
            .map(|p| {
                view! {
                    <tr data-testid="opportunity-point">
                        <th scope="row">{p.text.clone()}</th>
                        <td>{ctx.title_of(&p.touchpoint_id)}</td>
                        <td>{n(p.customer_value)}</td>
                        <td>{n(p.business_value)}</td>
                        <td><strong>{n(p.value)}</strong></td>
                        <td>{n(p.effort)}</td>
                        <td>{p.quadrant.label(lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let incomplete = (!matrix.incomplete.is_empty()).then(|| {
            let items = matrix
                .incomplete
                .iter()
                .map(|o| {
                    let missing: Vec<&str> = o.missing.iter().map(|f| f.label(lang)).collect();
                    view! {
                        <li>
                            {o.text.clone()} " (" {ctx.title_of(&o.touchpoint_id)} "): " {(t.missing)(&missing.join(", "))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{t.incomplete_title}</h3>
                <ul data-testid="opportunities-incomplete">{items}</ul>
            }
        });
        view! {
            <div class="table-scroll"><table>
                <thead><tr>
                    <th scope="col">{t.opportunity}</th>
                    <th scope="col">{t.touchpoint}</th>
                    <th scope="col">{OpportunityField::CustomerValue.label(lang)}</th>
                    <th scope="col">{OpportunityField::BusinessValue.label(lang)}</th>
                    <th scope="col">{t.value}</th>
                    <th scope="col">{OpportunityField::Effort.label(lang)}</th>
                    <th scope="col">{t.quadrant}</th>
                </tr></thead>
                <tbody>{points}</tbody>
            </table></div>
            {incomplete}
        }
        .into_any()
    };
    view! {
        <section class="opportunities" data-testid="opportunities" aria-labelledby="opportunities-title">
            <h2 id="opportunities-title">{move || t().opportunities_title}</h2>
            <p class="formula">{move || t().opportunities_formula}</p>
            {body}
        </section>
    }
}
