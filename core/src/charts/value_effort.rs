//! Opportunity matrix: value (0–100) against effort (0–5), split into four quadrants (quick
//! wins, big bets, fill-ins, money pits). Points are numbered; the key beside the matrix
//! names them, because opportunity texts are sentences that would cover each other.

use plotters::style::RGBColor;

use super::document::{needs_data, Chart, ChartOptions};
use super::plot::{render_by_hand, BodyBox, Frame};
use super::svg_writer::{Anchor, SvgWriter, TextLook};
use super::text::{clean, shorten};
use crate::locale::number;
use super::theme::{hex, GRID, INK, LABEL_PX, MUTED, PALETTE, SMALL_PX};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpportunityPoint {
    pub label: String,
    /// 0..=100 (customer and business value combined by the score module).
    pub value: f64,
    /// 0..=5
    pub effort: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValueEffortInput {
    pub items: Vec<OpportunityPoint>,
}

pub const VALUE_MAX: f64 = 100.0;
pub const EFFORT_MAX: f64 = 5.0;
/// Key lines that fit next to the matrix at 540 px.
const KEY_LINES: usize = 13;

/// The four quadrants, split at half value and half effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    QuickWin,
    BigBet,
    FillIn,
    MoneyPit,
}

impl Quadrant {
    pub fn of(value: f64, effort: f64) -> Quadrant {
        match (value >= VALUE_MAX / 2.0, effort < EFFORT_MAX / 2.0) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::BigBet,
            (false, true) => Quadrant::FillIn,
            (false, false) => Quadrant::MoneyPit,
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Quadrant::QuickWin => lang.pick(("Quick wins", "Schnelle Erfolge")).to_string(),
            Quadrant::BigBet => lang.pick(("Big bets", "Große Vorhaben")).to_string(),
            Quadrant::FillIn => lang.pick(("Fill-ins", "Lückenfüller")).to_string(),
            Quadrant::MoneyPit => lang.pick(("Money pits", "Zeitfresser")).to_string(),
        }
    }
}

/// Items with numbers for value and effort, clamped into the scales, with their number.
fn valid(items: &[OpportunityPoint]) -> Vec<(usize, &OpportunityPoint, f64, f64)> {
    items
        .iter()
        .filter(|i| i.value.is_finite() && i.effort.is_finite())
        .enumerate()
        .map(|(n, i)| (n + 1, i, i.value.clamp(0.0, VALUE_MAX), i.effort.clamp(0.0, EFFORT_MAX)))
        .collect()
}

/// Draws the matrix, or asks for opportunities with value and effort.
pub fn value_effort(input: &ValueEffortInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let points = valid(&input.items);
    if points.is_empty() {
        return needs_data(
            lang,
            "The opportunity matrix needs opportunities with a value (0–100) and an effort (0–5).",
            "Die Chancen-Matrix braucht Verbesserungspotenziale mit Nutzen (0–100) und Aufwand (0–5).",
        );
    }
    let listed: Vec<String> = points
        .iter()
        .map(|(n, item, v, e)| {
            format!(
                "{n}. {}: {} {}, {} {} ({})",
                clean(&item.label),
                lang.pick(("value", "Nutzen")).to_string(),
                number(*v, 0, lang),
                lang.pick(("effort", "Aufwand")).to_string(),
                number(*e, 1, lang),
                Quadrant::of(*v, *e).label(lang)
            )
        })
        .collect();
    let desc = format!("{} {}.", lang.pick(("Value against effort per opportunity.", "Nutzen gegen Aufwand je Verbesserungspotenzial.")).to_string(), listed.join("; "));
    let title = options.title(&lang.pick(("Opportunities: value vs. effort", "Chancen: Nutzen und Aufwand")).to_string());
    let frame = Frame { options, kind: "value-effort", title, desc, legend: vec![] };
    render_by_hand(frame, |w, body| draw(w, body, &points, lang))
}

fn draw(w: &mut SvgWriter, body: BodyBox, points: &[(usize, &OpportunityPoint, f64, f64)], lang: Lang) {
    let key_w = (body.w * 0.36).max(200.0);
    let (left, right) = (body.x + 64.0, body.x + body.w - key_w - 24.0);
    let (top, bottom) = (body.y + 8.0, body.y + body.h - 56.0);
    let px = |effort: f64| left + effort / EFFORT_MAX * (right - left);
    let py = |value: f64| bottom - value / VALUE_MAX * (bottom - top);
    let (mid_x, mid_y) = (px(EFFORT_MAX / 2.0), py(VALUE_MAX / 2.0));
    // Quick wins get a tint of bluish green; the rest stay white.
    w.rect(left, top, mid_x - left, mid_y - top, "#E3F4EE", &[]);
    w.rect(left, top, right - left, bottom - top, "none", &[("stroke", &hex(INK)), ("stroke-width", "1.5")]);
    w.line((mid_x, top), (mid_x, bottom), GRID, 2.0, true);
    w.line((left, mid_y), (right, mid_y), GRID, 2.0, true);
    let corner = TextLook { px: SMALL_PX, colour: MUTED, anchor: Anchor::Start, bold: true, halo: false };
    let pad = 8.0;
    w.text((left + pad, top + SMALL_PX + pad / 2.0), &Quadrant::QuickWin.label(lang), corner);
    w.text((right - pad, top + SMALL_PX + pad / 2.0), &Quadrant::BigBet.label(lang), TextLook { anchor: Anchor::End, ..corner });
    w.text((left + pad, bottom - pad), &Quadrant::FillIn.label(lang), corner);
    w.text((right - pad, bottom - pad), &Quadrant::MoneyPit.label(lang), TextLook { anchor: Anchor::End, ..corner });
    let tick = TextLook { px: SMALL_PX, colour: INK, anchor: Anchor::Middle, bold: false, halo: false };
    for e in 0..=EFFORT_MAX as usize {
        w.text((px(e as f64), bottom + SMALL_PX + 6.0), &e.to_string(), tick);
    }
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        w.text((left - 8.0, py(v) + SMALL_PX * 0.35), &number(v, 0, lang), TextLook { anchor: Anchor::End, ..tick });
    }
    w.text(((left + right) / 2.0, bottom + 2.0 * SMALL_PX + 14.0), &lang.pick(("Effort (0–5)", "Aufwand (0–5)")).to_string(), tick);
    // The value axis title stands rotated along the axis, as in the plotted charts.
    let (vx, vy) = (body.x + SMALL_PX, (top + bottom) / 2.0);
    w.rotated_text((vx, vy), &lang.pick(("Value (0–100)", "Nutzen (0–100)")).to_string(), tick, -90.0);

    // Points at the same spot are fanned out sideways so each number stays visible.
    let mut placed: Vec<(f64, f64)> = Vec::new();
    let number_look = TextLook { px: SMALL_PX, colour: RGBColor(255, 255, 255), anchor: Anchor::Middle, bold: true, halo: false };
    for (n, _, v, e) in points {
        let (mut x, y) = (px(*e), py(*v));
        while placed.iter().any(|(a, b)| (a - x).abs() < 20.0 && (b - y).abs() < 20.0) {
            x += 22.0;
        }
        placed.push((x, y));
        let colour = if Quadrant::of(*v, *e) == Quadrant::QuickWin { PALETTE[2] } else { PALETTE[0] };
        w.circle((x, y), 13.0, colour, RGBColor(255, 255, 255));
        w.text((x, y + SMALL_PX * 0.35), &n.to_string(), number_look);
    }

    let key_x = right + 24.0;
    let key_w = body.x + body.w - key_x;
    let key = TextLook { px: SMALL_PX, colour: INK, anchor: Anchor::Start, bold: false, halo: false };
    w.text((key_x, top + LABEL_PX), &lang.pick(("Opportunities", "Verbesserungspotenziale")).to_string(), TextLook { px: LABEL_PX, bold: true, ..key });
    let shown = if points.len() > KEY_LINES { KEY_LINES - 1 } else { points.len() };
    for (row, (n, item, _, _)) in points.iter().take(shown).enumerate() {
        let y = top + LABEL_PX + 30.0 + row as f64 * 26.0;
        w.text((key_x, y), &shorten(&format!("{n}. {}", item.label), key_w, SMALL_PX), key);
    }
    if shown < points.len() {
        let y = top + LABEL_PX + 30.0 + shown as f64 * 26.0;
        let more = match lang {
            Lang::En => format!("+ {} more (see description)", points.len() - shown),
            Lang::De => format!("+ {} weitere (siehe Beschreibung)", points.len() - shown),
        };
        w.text((key_x, y), &more, TextLook { colour: MUTED, ..key });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, count, parse, texts, EVIL};

    fn item(label: &str, value: f64, effort: f64) -> OpportunityPoint {
        OpportunityPoint { label: label.into(), value, effort }
    }

    #[test]
    fn one_numbered_point_per_opportunity_and_the_quadrants_named() {
        let data = ValueEffortInput {
            items: vec![item("Order as guest", 80.0, 1.0), item("PayPal", 70.0, 4.0), item("Same spot", 80.0, 1.0), item("Junk", f64::NAN, 1.0), item("Low", 10.0, 4.5)],
        };
        let Chart::Svg(svg) = value_effort(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(count(&doc, "circle"), 4);
        let t = texts(&doc);
        for expected in ["Quick wins", "Big bets", "Fill-ins", "Money pits", "Effort (0–5)", "Value (0–100)", "1. Order as guest", "4. Low", "1", "4"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        let circles: Vec<(f64, f64)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .map(|n| (n.attribute("cx").unwrap().parse().unwrap(), n.attribute("cy").unwrap().parse().unwrap()))
            .collect();
        assert_eq!(circles[0].1, circles[2].1);
        assert!(circles[2].0 > circles[0].0, "a point on the same spot moves aside: {circles:?}");
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
        assert!(desc.contains("1. Order as guest: value 80, effort 1 (Quick wins)"), "{desc}");
    }

    #[test]
    fn quadrants_split_at_half_value_and_half_effort() {
        assert_eq!(Quadrant::of(50.0, 2.4), Quadrant::QuickWin);
        assert_eq!(Quadrant::of(49.9, 2.5), Quadrant::MoneyPit);
        assert_eq!(Quadrant::of(100.0, 5.0), Quadrant::BigBet);
        assert_eq!(Quadrant::of(0.0, 0.0), Quadrant::FillIn);
    }

    #[test]
    fn long_lists_keep_every_point_and_shorten_the_key() {
        let data = ValueEffortInput { items: (0..20).map(|i| item(&format!("Idea {i}"), f64::from(i) * 5.0, f64::from(i % 6))).collect() };
        let Chart::Svg(svg) = value_effort(&data, &ChartOptions::new(Lang::De)) else { panic!() };
        let doc = parse(&svg);
        assert_eq!(count(&doc, "circle"), 20);
        assert!(texts(&doc).iter().any(|t| t == "+ 8 weitere (siehe Beschreibung)"));
    }

    #[test]
    fn empty_matrix_asks_for_value_and_effort_and_labels_are_escaped() {
        assert!(matches!(value_effort(&ValueEffortInput::default(), &ChartOptions::new(Lang::En)), Chart::NeedsData(m) if m.contains("effort")));
        let data = ValueEffortInput { items: vec![item(EVIL, 60.0, 2.0)] };
        let Chart::Svg(svg) = value_effort(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        assert_escaped(&svg);
    }
}
