//! Funnel: customers per step (usually per stage) as bars, with the drop-off from one step
//! to the next written between the bars. A step whose volume is from another period than
//! the first step's (a log's two weeks beside a monthly estimate) is drawn but marked
//! "other period", and no change is written to or from it: counts of different periods
//! are not chained as if they were one.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::document::{needs_data, Chart, ChartOptions};
use super::plot::{err, render_plotted, write_category_labels, Frame, CATEGORY_AXIS_PX};
use super::text::{clean, whole_tick};
use crate::locale::{number, percent};
use super::theme::{font, font_with, GRID, LABEL_PX, PALETTE, SMALL_PX};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FunnelStep {
    pub label: String,
    /// Customers reaching this step per period.
    pub volume: f64,
    /// The volume is from another period than the first step's: not compared with it.
    pub other_period: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FunnelInput {
    pub steps: Vec<FunnelStep>,
}

const BAR: RGBColor = PALETTE[0];
const DROP: RGBColor = PALETTE[3];

/// Change from one step to the next as a share of the earlier one (−0.35 = 35 % fewer);
/// `None` when the earlier step is zero.
pub fn step_change(from: f64, to: f64) -> Option<f64> {
    (from > 0.0).then(|| (to - from) / from)
}

fn signed_percent(change: f64, lang: Lang) -> String {
    let p = percent(change.abs(), 0, lang);
    if p.starts_with("0 ") {
        format!("±{p}")
    } else if change < 0.0 {
        format!("−{p}")
    } else {
        format!("+{p}")
    }
}

/// The change between two steps, only when both are of the funnel's period.
fn comparable_change(a: &FunnelStep, b: &FunnelStep) -> Option<f64> {
    (!a.other_period && !b.other_period).then(|| step_change(a.volume, b.volume)).flatten()
}

/// The mark on a step of another period (the same word the scores page and dashboard use).
pub use crate::model::other_period_mark;

fn describe(steps: &[FunnelStep], lang: Lang) -> String {
    let mut parts = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        let mut part = format!("{} {}", clean(&s.label), number(s.volume, 0, lang));
        // A step of the funnel's period is compared with the previous step of that period.
        let previous = steps[..i].iter().rev().find(|p| !p.other_period);
        if s.other_period {
            part.push_str(&format!(" ({})", other_period_mark(lang)));
        } else if let Some(c) = previous.and_then(|p| comparable_change(p, s)) {
            part.push_str(&format!(" ({})", signed_percent(c, lang)));
        }
        parts.push(part);
    }
    format!(
        "{} {}.",
        lang.pick(("Customers per step, with the change from the step before:", "Kunden je Schritt, mit der Veränderung zum Schritt davor:")).to_string(),
        parts.join("; ")
    )
}

/// Draws the funnel, or says that volumes of at least two steps are missing. Steps whose
/// volume is not a non-negative number are left out (unknown is not zero).
pub fn funnel(input: &FunnelInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let steps: Vec<FunnelStep> = input.steps.iter().filter(|s| s.volume.is_finite() && s.volume >= 0.0).cloned().collect();
    if steps.len() < 2 {
        return needs_data(
            lang,
            "The funnel needs the volume (customers per period) of at least two stages.",
            "Der Trichter braucht das Volumen (Kunden pro Zeitraum) von mindestens zwei Phasen.",
        );
    }
    let n = steps.len() as i32;
    let top = steps.iter().map(|s| s.volume).fold(0.0, f64::max).max(1.0) * 1.25;
    let frame = Frame {
        options,
        kind: "funnel",
        title: options.title(&lang.pick(("Funnel and drop-off", "Trichter und Abbruch")).to_string()),
        desc: describe(&steps, lang),
        legend: vec![],
    };
    render_plotted(frame, |area, overlay| {
        let mut chart = ChartBuilder::on(area)
            .margin_right(24)
            .margin_top(8)
            .x_label_area_size(CATEGORY_AXIS_PX)
            .y_label_area_size(100)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(steps.len())
            .x_label_formatter(&|_| String::new())
            .y_labels(5)
            .y_label_formatter(&|v| whole_tick(*v, lang))
            .y_label_style(font(SMALL_PX))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.stroke_width(1))
            .y_desc(lang.pick(("Customers per period", "Kunden pro Zeitraum")).to_string())
            .x_desc(lang.pick(("Stage", "Phase")).to_string())
            .axis_desc_style(font(SMALL_PX))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(steps.iter().enumerate().map(|(i, s)| {
                let i = i as i32;
                let mut bar = Rectangle::new([(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), s.volume)], BAR.filled());
                bar.set_margin(0, 0, 18, 18);
                bar
            }))
            .map_err(err)?;
        let above = Pos::new(HPos::Center, VPos::Bottom);
        chart
            .draw_series(steps.iter().enumerate().map(|(i, s)| {
                Text::new(number(s.volume, 0, lang), (SegmentValue::CenterOf(i as i32), s.volume), font(LABEL_PX).pos(above))
            }))
            .map_err(err)?;
        // Steps of another period: marked in the middle of their bar, instead of a change.
        chart
            .draw_series(steps.iter().enumerate().filter(|(_, s)| s.other_period).map(|(i, s)| {
                let style = font_with(SMALL_PX, DROP, true).pos(Pos::new(HPos::Center, VPos::Top));
                Text::new(format!("({})", other_period_mark(lang)), (SegmentValue::CenterOf(i as i32), s.volume * 0.5 + top * 0.04), style)
            }))
            .map_err(err)?;
        // Drop-off between bars, on one row near the top so it never collides with values.
        let row = top * 0.96;
        let centre = Pos::new(HPos::Center, VPos::Center);
        chart
            .draw_series(steps.windows(2).enumerate().filter_map(|(i, pair)| {
                let change = comparable_change(&pair[0], &pair[1])?;
                let style = font_with(LABEL_PX, DROP, true).pos(centre);
                Some(Text::new(signed_percent(change, lang), (SegmentValue::Exact(i as i32 + 1), row), style))
            }))
            .map_err(err)?;
        let (x_range, y_range) = chart.plotting_area().get_pixel_range();
        let slot = f64::from(x_range.end - x_range.start) / f64::from(n);
        let centres: Vec<(f64, &str)> = steps
            .iter()
            .enumerate()
            .map(|(i, s)| (f64::from(chart.backend_coord(&(SegmentValue::CenterOf(i as i32), 0.0)).0), s.label.as_str()))
            .collect();
        write_category_labels(overlay, &centres, f64::from(y_range.end), slot);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, parse, texts, with_attr, EVIL};
    use crate::charts::theme::hex;

    fn input(volumes: &[f64]) -> FunnelInput {
        let names = ["Awareness", "Consideration", "Purchase", "Delivery & service", "Loyalty"];
        FunnelInput { steps: volumes.iter().zip(names).map(|(v, l)| FunnelStep { label: l.into(), volume: *v, other_period: false }).collect() }
    }

    #[test]
    fn one_bar_per_step_and_the_drop_off_between_them() {
        let Chart::Svg(svg) = funnel(&input(&[12000.0, 2400.0, 1400.0, 1400.0]), &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(BAR)).len(), 4);
        let t = texts(&doc);
        for expected in ["12,000", "2,400", "−80 %", "−42 %", "±0 %", "Customers per period", "Stage", "Awareness", "Delivery & service"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
    }

    #[test]
    fn unknown_volumes_are_left_out_and_one_step_is_not_a_funnel() {
        let Chart::Svg(svg) = funnel(&input(&[100.0, f64::NAN, -3.0, 50.0]), &ChartOptions::new(Lang::De)) else { panic!() };
        let doc = parse(&svg);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(BAR)).len(), 2);
        assert!(texts(&doc).iter().any(|t| t == "−50 %"));
        assert!(matches!(funnel(&input(&[5.0]), &ChartOptions::new(Lang::De)), Chart::NeedsData(m) if m.contains("Volumen")));
    }

    #[test]
    fn change_is_relative_to_the_earlier_step() {
        assert_eq!(step_change(200.0, 50.0), Some(-0.75));
        assert_eq!(step_change(0.0, 50.0), None);
    }

    #[test]
    fn labels_are_escaped() {
        let mut data = input(&[10.0, 5.0]);
        data.steps[1].label = EVIL.into();
        let Chart::Svg(svg) = funnel(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        assert_escaped(&svg);
    }
}
