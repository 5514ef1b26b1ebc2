//! One card of planned vs actual on the canvas: the touchpoint's (or unplanned activity's)
//! title, a badge in words — "Reached", "Not reached", "Unplanned" — so the status never
//! rests on colour or border pattern alone, its cases in the data's period, and where its
//! volume is among the largest differences, both numbers (planned / measured). Placed at the
//! box the core computed from these same texts (`card_text`, `planned_actual_layout`).

use journey_core::analytics::planned_actual_board::{BoardCard, CardStatus, Rect, VolumeMark};
use journey_core::analytics::planned_actual_layout::CardText;
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

/// The card's texts in `lang`: what it shows, and what the core lays it out by.
pub fn card_text(card: &BoardCard, period: Option<&MeasuredPeriod>, lang: Lang) -> CardText {
    let t = pva_canvas_texts(lang);
    let unit = measured_unit(period, lang);
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
    let diff = card.difference.as_ref().map(|d| (t.differs.to_string(), both_numbers(d, period, lang)));
    CardText { badge: badge.to_string(), title: card.title.clone(), cases, diff }
}

#[component]
pub fn PvaCard(card: BoardCard, text: CardText, rect: Rect) -> impl IntoView {
    let status = status_class(card.status);
    let class = format!("pva-card pva-{status}{}", if text.diff.is_some() { " pva-differs" } else { "" });
    let style = format!("left:{:.0}px;top:{:.0}px;width:{:.0}px;height:{:.0}px", rect.x, rect.y, rect.w, rect.h);
    let CardText { badge, title, cases, diff } = text;
    view! {
        <li class=class style=style data-testid="pva-card" data-key=card.key data-status=status>
            <span class=format!("pva-badge pva-badge-{status}")>{badge}</span>
            <span class="pva-card-title" data-testid="pva-card-title">{title}</span>
            {(!cases.is_empty()).then(|| view! { <span class="pva-cases">{cases}</span> })}
            {diff.map(|(word, d)| view! {
                <span class="pva-diff" data-testid="pva-diff"><span class="pva-badge pva-badge-differs">{word}</span> {d}</span>
            })}
        </li>
    }
}
