//! What each lane of the canvas says about one touchpoint, as plain text: the same words the
//! canvas cells show, for the map drawn as a picture (`export_svg`) and for the cells
//! themselves (measurement lines), so screen, image and paper never say different things.
//! Also the one line-wrapper of the picture, sized with the core's text table (`text_metrics`).

use crate::editor::Lane;
use crate::locale::{number, percent};
use crate::model::{Lang, Touchpoint, Visibility};

use super::syllables::{soft_hyphens, SOFT_HYPHEN};
use crate::text_metrics::{text_px, Font};

/// What one item of a lane is (the picture draws a marker of its own shape for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Text,
    Thought,
    PainPoint,
    Opportunity,
    Owner,
    Visibility,
    Measurement,
}

/// Measurement lines as a person reads them ("12,000 / month", "3,001 in 14 days" for a
/// count measured from a log, "drop-off 80 %", "CSAT 4.5").
pub fn measurement_lines(t: &Touchpoint, lang: Lang) -> Vec<String> {
    let m = &t.measurements;
    let drop_off = lang.pick(("drop-off", "Abbruch"));
    let mut out = Vec::new();
    if let Some(v) = m.volume {
        out.push(format!("{} {}", number(v, 0, lang), crate::model::volume_unit(m.period.as_ref(), lang)));
    }
    if let Some(r) = m.drop_off_rate {
        out.push(format!("{drop_off} {}", percent(r, 0, lang)));
    }
    if let Some(c) = m.csat {
        out.push(format!("CSAT {}", number(c, 1, lang)));
    }
    if let Some(c) = m.ces {
        out.push(format!("CES {}", percent(c, 0, lang)));
    }
    if let Some(n) = m.nps {
        out.push(format!("NPS {}", number(n, 0, lang)));
    }
    out
}

/// The word for frontstage / backstage, as the canvas writes it.
pub fn visibility_word(v: Visibility, lang: Lang) -> &'static str {
    match v {
        Visibility::Frontstage => lang.pick(("Frontstage", "Sichtbar")),
        Visibility::Backstage => lang.pick(("Backstage", "Im Hintergrund")),
    }
}

/// The items `lane` shows for `t`, top to bottom (empty texts left out). The touchpoints
/// and emotion lanes are drawn, not written: they give nothing here.
pub fn lane_items(t: &Touchpoint, lane: Lane, lang: Lang) -> Vec<(Item, String)> {
    let text = |kind: Item, s: &str| (!s.trim().is_empty()).then(|| (kind, s.trim().to_string()));
    match lane {
        Lane::Actions => text(Item::Text, &t.customer_action).into_iter().collect(),
        Lane::Thoughts => text(Item::Thought, &t.thoughts).into_iter().collect(),
        Lane::PainPoints => t.pain_points.iter().filter_map(|p| text(Item::PainPoint, p)).collect(),
        Lane::Opportunities => t.opportunities.iter().filter_map(|o| text(Item::Opportunity, &o.text)).collect(),
        Lane::Stage => text(Item::Owner, &t.owner)
            .into_iter()
            .chain([(Item::Visibility, visibility_word(t.visibility, lang).to_string())])
            .collect(),
        Lane::Measurements => measurement_lines(t, lang).into_iter().map(|l| (Item::Measurement, l)).collect(),
        Lane::Touchpoints | Lane::Emotion => Vec::new(),
    }
}

/// One wrapped line. `hyphen`: it ends inside a word (drawn with a trailing "‐"); `space`:
/// a space stood where it ends (the text reads whole again with the lines joined by a space
/// after such lines, without one after a break at a word's own "-").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub hyphen: bool,
    pub space: bool,
}

/// The drawn width of `s` in `font` (a bare px size is regular), erring wide.
pub fn line_px(s: &str, font: impl Into<Font>) -> f64 {
    text_px(s, font)
}

/// Word-wraps `text` into lines no wider than `width`: at spaces, else after a word's own
/// "-" ("running-|shoe"). Nothing is left out: a piece wider than a whole line is broken with
/// a hyphen at the end of the line, never silently.
pub fn wrap(text: &str, width: f64, font: impl Into<Font>) -> Vec<Line> {
    let font = font.into();
    let fits = |s: &str| line_px(s, font) <= width;
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        for (j, part) in word.split_inclusive('-').enumerate() {
            let glue = if j == 0 && !current.is_empty() { " " } else { "" };
            let candidate = format!("{current}{glue}{part}");
            if fits(&candidate) {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(Line { text: std::mem::take(&mut current), hyphen: false, space: j == 0 });
            }
            if fits(part) {
                current = part.to_string();
                continue;
            }
            // A piece wider than a line: broken with a hyphen at syllables (`syllables`),
            // inside a syllable only where one syllable alone is wider than the line.
            let mut piece = String::new();
            for syllable in soft_hyphens(part).split(SOFT_HYPHEN) {
                let next = format!("{piece}{syllable}‐");
                if piece.is_empty() || fits(&next) {
                    piece.push_str(syllable);
                } else {
                    lines.push(Line { text: std::mem::take(&mut piece), hyphen: true, space: false });
                    piece.push_str(syllable);
                }
                if fits(&piece) {
                    continue;
                }
                let mut chars = String::new();
                for c in std::mem::take(&mut piece).chars() {
                    let mut next = chars.clone();
                    next.push(c);
                    next.push('‐');
                    if !chars.is_empty() && !fits(&next) {
                        lines.push(Line { text: std::mem::take(&mut chars), hyphen: true, space: false });
                    }
                    chars.push(c);
                }
                piece = chars;
            }
            current = piece;
        }
    }
    if !current.is_empty() {
        lines.push(Line { text: current, hyphen: false, space: false });
    }
    lines
}

/// The lines joined back into the text they came from (hyphens of broken words taken out).
pub fn joined(lines: &[Line]) -> String {
    lines.iter().map(|l| if l.space { format!("{} ", l.text) } else { l.text.clone() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Opportunity;

    #[test]
    fn wrapping_keeps_every_word_and_breaks_only_giant_words_with_a_hyphen() {
        let text = "Orders a flat white at the counter while the queue grows";
        let lines = wrap(text, 90.0, 12.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| !l.hyphen && line_px(&l.text, 12.0) <= 90.0));
        assert_eq!(joined(&lines), text);
        // A word's own hyphen is a place to break, without a space after it.
        let shoe = wrap("Sees a running-shoe advertisement", 70.0, 12.0);
        assert!(shoe.iter().any(|l| l.text.ends_with('-') && !l.space && !l.hyphen), "{shoe:?}");
        assert_eq!(joined(&shoe), "Sees a running-shoe advertisement");
        let giant = wrap("Zahlungsdienstleistungsabteilungsleitung", 80.0, 12.0);
        assert!(giant.len() > 1);
        assert!(giant[..giant.len() - 1].iter().all(|l| l.hyphen));
        assert_eq!(joined(&giant), "Zahlungsdienstleistungsabteilungsleitung");
        // At syllables: "Zahlungs‐" is not cut as "Zahlungsd‐".
        let owner = wrap("Zahlungsdienstleister", 95.0, 12.0);
        assert!(owner.iter().all(|l| line_px(&format!("{}‐", l.text), 12.0) <= 95.0), "{owner:?}");
        assert_eq!(owner[0].text, "Zahlungs", "{owner:?}");
        assert!(wrap("  ", 80.0, 12.0).is_empty());
    }

    #[test]
    fn lanes_say_what_the_touchpoint_holds() {
        let mut t = Touchpoint { customer_action: "Orders".into(), owner: "Shop".into(), ..Touchpoint::default() };
        t.pain_points = vec!["Queue".into(), " ".into()];
        t.opportunities = vec![Opportunity { text: "Pre-order".into(), ..Opportunity::default() }];
        t.measurements.volume = Some(12000.0);
        t.measurements.drop_off_rate = Some(0.8);
        assert_eq!(lane_items(&t, Lane::Actions, Lang::En), [(Item::Text, "Orders".to_string())]);
        assert!(lane_items(&t, Lane::Thoughts, Lang::En).is_empty());
        assert_eq!(lane_items(&t, Lane::PainPoints, Lang::En), [(Item::PainPoint, "Queue".to_string())]);
        assert_eq!(lane_items(&t, Lane::Opportunities, Lang::En)[0].1, "Pre-order");
        assert_eq!(lane_items(&t, Lane::Stage, Lang::De), [(Item::Owner, "Shop".to_string()), (Item::Visibility, "Sichtbar".to_string())]);
        assert_eq!(measurement_lines(&t, Lang::En), ["12,000 / month", "drop-off 80 %"]);
        assert_eq!(measurement_lines(&t, Lang::De), ["12.000 / Monat", "Abbruch 80 %"]);
    }
}
