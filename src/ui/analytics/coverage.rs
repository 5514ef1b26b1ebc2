//! The preview's account of what the log does *not* measure: the log's period (counts are
//! "in this period"), the touchpoints and routes left as they are ("not measured by this
//! log", never set to 0), and — when the map would then mix periods — a warning with the
//! choice to clear those old values before Apply (the plan is made again with it).

use journey_core::analytics::{ApplyPlan, ChangeTarget};
use leptos::prelude::*;

use crate::i18n::analytics_trust::{trust_texts, TrustTexts};
use crate::ui::state::AppState;

/// The preview's choice for the next plan (clear old values), and how to plan again.
#[derive(Clone, Copy)]
pub struct ApplyChoices {
    /// Clear old values of places the log does not cover (`ApplyOptions::clear_other_periods`).
    pub clear_other: RwSignal<bool>,
    /// Makes the plan again with the current choices.
    pub replan: Callback<()>,
}

fn target_text(t: &ChangeTarget, tt: &TrustTexts) -> String {
    match t {
        ChangeTarget::Touchpoint { title, .. } => title.clone(),
        ChangeTarget::Route { from_title, to_title, .. } => (tt.route)(from_title, to_title),
        ChangeTarget::Map => String::new(),
    }
}

fn target_kind(t: &ChangeTarget) -> &'static str {
    match t {
        ChangeTarget::Touchpoint { .. } => "touchpoint",
        ChangeTarget::Route { .. } => "route",
        ChangeTarget::Map => "map",
    }
}

/// Period line, not-measured list and the mixed-period choice of a log's plan.
#[component]
pub fn CoverageView(plan: ApplyPlan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = use_context::<ApplyChoices>();
    move || {
        let lang = state.lang.get();
        let tt = trust_texts(lang);
        let period = plan.period.as_ref().map(|p| {
            view! { <p data-testid="preview-period">{(tt.preview_period)(&p.describe(lang))}</p> }
        });
        let cov = &plan.coverage;
        let items = cov
            .not_measured
            .iter()
            .map(|t| {
                let other = cov.other_period.contains(t);
                view! {
                    <li data-testid="not-measured" data-kind=target_kind(t) data-what=target_text(t, tt) data-other-period=other.to_string()>
                        {target_text(t, tt)}
                        {other.then(|| view! { " " <span class="muted">{format!("({})", tt.other_period)}</span> })}
                    </li>
                }
            })
            .collect_view();
        let list = (!cov.not_measured.is_empty()).then(|| {
            view! {
                <details class="not-measured" data-testid="not-measured-list" open=true>
                    <summary>{format!("{} ({})", tt.not_measured_title, journey_core::locale::number(cov.not_measured.len() as f64, 0, lang))}</summary>
                    <p class="muted">{tt.not_measured_hint}</p>
                    <ul>{items}</ul>
                </details>
            }
        });
        let mixed = (!cov.other_period.is_empty() || cov.cleared).then(|| {
            let clear = choices.map(|c| {
                view! {
                    <p><label><input type="checkbox" data-testid="clear-other-periods" prop:checked=move || c.clear_other.get()
                        on:change=move |ev| { c.clear_other.set(event_target_checked(&ev)); c.replan.run(()); }/>
                        " " {tt.clear_other_periods}</label></p>
                }
            });
            let note = if cov.cleared { tt.cleared_note.to_string() } else { (tt.mixed_periods)(cov.other_period.len()) };
            view! {
                <div class="mixed-periods" data-testid="mixed-periods">
                    <p class:analytics-error=!cov.cleared>{note}</p>
                    {clear}
                </div>
            }
        });
        view! { {period} {list} {mixed} }
    }
}
