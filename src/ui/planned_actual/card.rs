//! One card of planned vs actual on the canvas: the touchpoint's (or unplanned activity's)
//! title, a badge in words — "Reached", "Not reached", "Unplanned" — so the status never
//! rests on colour or border pattern alone, its cases in the data's period, and where its
//! volume is among the largest differences, both numbers (planned / measured).

use journey_core::analytics::planned_actual_board::{BoardCard, CardStatus, VolumeMark};
use journey_core::locale::number;
use journey_core::model::{volume_unit, Lang, MeasuredPeriod};
use leptos::prelude::*;

use crate::i18n::planned_actual::pva_canvas_texts;

/// A measured count's unit: the data's period ("in 20 days"); nothing when it is unknown
/// (never "per month": a count from a log is not a monthly figure).
pub fn measured_unit(period: Option<&MeasuredPeriod>, lang: Lang) -> String {
    period.map(|p| p.unit(lang)).unwrap_or_default()
}

/// "Planned 10,000 / month · measured 400 in 20 days".
pub fn both_numbers(m: &VolumeMark, period: Option<&MeasuredPeriod>, lang: Lang) -> String {
    let planned = format!("{} {}", number(m.planned, 0, lang), volume_unit(m.planned_period.as_ref(), lang));
    let measured = format!("{} {}", number(m.measured, 0, lang), measured_unit(period, lang));
    (pva_canvas_texts(lang).planned_measured)(planned.trim_end(), measured.trim_end())
}

pub fn status_class(s: CardStatus) -> &'static str {
    match s {
        CardStatus::Reached => "reached",
        CardStatus::NotReached => "not-reached",
        CardStatus::Unplanned => "unplanned",
    }
}

#[component]
pub fn PvaCard(card: BoardCard, period: Option<MeasuredPeriod>, lang: Lang) -> impl IntoView {
    let t = pva_canvas_texts(lang);
    let unit = measured_unit(period.as_ref(), lang);
    let badge = match card.status {
        CardStatus::Reached => t.reached,
        CardStatus::NotReached => t.not_reached,
        CardStatus::Unplanned => t.unplanned,
    };
    let cases = match (card.status, card.cases, card.case_share) {
        (CardStatus::NotReached, _, _) => t.no_case.to_string(),
        (_, Some(n), Some(s)) => (t.share_of_cases)(n, s, &unit, lang),
        (_, Some(n), None) => (t.cases_in)(n, &unit, lang).trim_end().to_string(),
        _ => String::new(),
    };
    let diff = card.difference.as_ref().map(|d| both_numbers(d, period.as_ref(), lang));
    let class = format!("pva-card pva-{}{}", status_class(card.status), if diff.is_some() { " pva-differs" } else { "" });
    view! {
        <li class=class data-testid="pva-card" data-key=card.key.clone()
            data-status=status_class(card.status)>
            <span class=format!("pva-badge pva-badge-{}", status_class(card.status))>{badge}</span>
            <span class="pva-card-title" data-testid="pva-card-title">{card.title.clone()}</span>
            <span class="pva-cases">{cases}</span>
            {diff.map(|d| view! {
                <span class="pva-diff" data-testid="pva-diff"><span class="pva-badge pva-badge-differs">{t.differs}</span> {d}</span>
            })}
        </li>
    }
}
