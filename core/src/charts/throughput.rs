//! Throughput-time histogram: how long journeys take from first to last event (computed by
//! the analytics module from an event log), binned into bars of a readable width and unit,
//! with the median marked.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::document::{needs_data, Chart, ChartOptions};
use super::plot::{err, render_plotted, Frame};
use crate::locale::number;
use super::theme::{font, font_with, GRID, LABEL_PX, PALETTE, SMALL_PX};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThroughputInput {
    /// One throughput time per journey (case), in seconds.
    pub durations_s: Vec<f64>,
}

/// The unit the axis is written in, picked so that numbers stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
}

impl TimeUnit {
    fn seconds(self) -> f64 {
        match self {
            TimeUnit::Minutes => 60.0,
            TimeUnit::Hours => 3600.0,
            TimeUnit::Days => 86_400.0,
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            TimeUnit::Minutes => lang.pick(("minutes", "Minuten")).to_string(),
            TimeUnit::Hours => lang.pick(("hours", "Stunden")).to_string(),
            TimeUnit::Days => lang.pick(("days", "Tage")).to_string(),
        }
    }

    fn for_max_seconds(max: f64) -> TimeUnit {
        if max < 2.0 * 3600.0 {
            TimeUnit::Minutes
        } else if max < 3.0 * 86_400.0 {
            TimeUnit::Hours
        } else {
            TimeUnit::Days
        }
    }
}

/// The histogram: bins of `width` starting at 0, in `unit`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bins {
    pub unit: TimeUnit,
    pub width: f64,
    pub counts: Vec<usize>,
    pub median: f64,
    pub total: usize,
}

/// A "nice" bin width (1, 2 or 5 × 10ⁿ) giving about `target` bins over `span`.
fn nice_width(span: f64, target: f64) -> f64 {
    let raw = (span / target).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|w| *w >= raw).unwrap_or(10.0 * magnitude)
}

/// Bins the valid (finite, non-negative) durations; `None` when there are none.
pub fn bin_durations(durations_s: &[f64]) -> Option<Bins> {
    let mut valid: Vec<f64> = durations_s.iter().copied().filter(|d| d.is_finite() && *d >= 0.0).collect();
    if valid.is_empty() {
        return None;
    }
    valid.sort_by(f64::total_cmp);
    let max = valid[valid.len() - 1];
    let unit = TimeUnit::for_max_seconds(max);
    let values: Vec<f64> = valid.iter().map(|d| d / unit.seconds()).collect();
    let n = values.len();
    let median = if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 };
    // About √n bins, between 5 and 20: enough shape, bars still wide enough to read.
    let target = (n as f64).sqrt().clamp(5.0, 20.0);
    let span = values[n - 1].max(1e-9);
    let width = nice_width(span, target);
    let bins = ((span / width).floor() as usize + 1).min(200);
    let mut counts = vec![0usize; bins];
    for v in &values {
        counts[((v / width).floor() as usize).min(bins - 1)] += 1;
    }
    Some(Bins { unit, width, counts, median, total: n })
}

/// Draws the histogram, or asks for an event log.
pub fn throughput_histogram(input: &ThroughputInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let Some(bins) = bin_durations(&input.durations_s) else {
        return needs_data(
            lang,
            "The throughput-time histogram needs an imported event log (analytics) with at least one complete journey.",
            "Das Durchlaufzeit-Histogramm braucht ein importiertes Ereignisprotokoll (Analytics) mit mindestens einer vollständigen Kundenreise.",
        );
    };
    let unit = bins.unit.name(lang);
    let decimals = if bins.width < 1.0 { 1 } else { 0 };
    let listed: Vec<String> = bins
        .counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| format!("{}–{}: {c}", number(i as f64 * bins.width, decimals, lang), number((i + 1) as f64 * bins.width, decimals, lang)))
        .collect();
    let desc = match lang {
        Lang::En => format!("Throughput time of {} journeys in {unit}; median {}. Journeys per bin: {}.", bins.total, number(bins.median, 1, lang), listed.join(", ")),
        Lang::De => format!("Durchlaufzeit von {} Kundenreisen in {unit}; Median {}. Kundenreisen je Klasse: {}.", bins.total, number(bins.median, 1, lang), listed.join(", ")),
    };
    let frame = Frame { options, kind: "throughput", title: options.title(&lang.pick(("Throughput time", "Durchlaufzeit")).to_string()), desc, legend: vec![] };
    let x_max = bins.counts.len() as f64 * bins.width;
    let y_max = bins.counts.iter().copied().max().unwrap_or(1) as f64 * 1.2;
    render_plotted(frame, |area, _| {
        let mut chart = ChartBuilder::on(area)
            .margin_right(32)
            .margin_top(8)
            .x_label_area_size(70)
            .y_label_area_size(90)
            .build_cartesian_2d(0.0..x_max, 0.0..y_max)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(10)
            .x_label_formatter(&|v| number(*v, decimals, lang))
            .x_label_style(font(SMALL_PX))
            .y_labels(5)
            .y_label_formatter(&|v| if v.fract() == 0.0 { number(*v, 0, lang) } else { String::new() })
            .y_label_style(font(SMALL_PX))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.stroke_width(1))
            .x_desc(format!("{} ({unit})", lang.pick(("Throughput time", "Durchlaufzeit")).to_string()))
            .y_desc(lang.pick(("Journeys", "Kundenreisen")).to_string())
            .axis_desc_style(font(SMALL_PX))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(bins.counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(i, c)| {
                let x0 = i as f64 * bins.width;
                let mut bar = Rectangle::new([(x0, 0.0), (x0 + bins.width, *c as f64)], PALETTE[0].filled());
                bar.set_margin(0, 0, 1, 1);
                bar
            }))
            .map_err(err)?;
        let marker = PALETTE[3];
        chart
            .draw_series(DashedLineSeries::new([(bins.median, 0.0), (bins.median, y_max)], 10, 6, marker.stroke_width(3)))
            .map_err(err)?;
        // The label goes right of the line unless the line is far right.
        let on_left = bins.median > x_max * 0.7;
        let h = if on_left { HPos::Right } else { HPos::Left };
        let label = format!("{} {} {unit}", lang.pick(("Median", "Median")).to_string(), number(bins.median, 1, lang));
        let x = bins.median + x_max * if on_left { -0.01 } else { 0.01 };
        chart
            .draw_series(std::iter::once(Text::new(label, (x, y_max * 0.95), font_with(LABEL_PX, marker, true).pos(Pos::new(h, VPos::Center)))))
            .map_err(err)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, parse, texts, with_attr};
    use crate::charts::theme::hex;

    #[test]
    fn bins_count_every_valid_duration_once() {
        // 10, 20, 25 and 95 minutes, plus junk that must be ignored.
        let d = [600.0, 1200.0, 1500.0, 5700.0, f64::NAN, -5.0];
        let b = bin_durations(&d).unwrap();
        assert_eq!(b.unit, TimeUnit::Minutes);
        assert_eq!(b.total, 4);
        assert_eq!(b.counts.iter().sum::<usize>(), 4);
        assert_eq!(b.width, 20.0, "95 min over 5 bins → 19 → nice 20");
        assert_eq!(b.counts, vec![1, 2, 0, 0, 1]);
        assert_eq!(b.median, 22.5);
        assert!(bin_durations(&[f64::INFINITY]).is_none());
    }

    #[test]
    fn the_unit_follows_the_longest_journey() {
        assert_eq!(bin_durations(&[3.0 * 3600.0]).unwrap().unit, TimeUnit::Hours);
        assert_eq!(bin_durations(&[10.0 * 86_400.0]).unwrap().unit, TimeUnit::Days);
        let zero = bin_durations(&[0.0, 0.0]).unwrap();
        assert_eq!(zero.counts.iter().sum::<usize>(), 2);
    }

    #[test]
    fn one_bar_per_non_empty_bin_and_the_median_named() {
        let d = [600.0, 1200.0, 1500.0, 5700.0];
        let Chart::Svg(svg) = throughput_histogram(&ThroughputInput { durations_s: d.to_vec() }, &ChartOptions::new(Lang::De)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(PALETTE[0])).len(), 3);
        let t = texts(&doc);
        for expected in ["Median 22,5 Minuten", "Durchlaufzeit (Minuten)", "Kundenreisen", "0", "20", "100"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        assert!(matches!(throughput_histogram(&ThroughputInput::default(), &ChartOptions::new(Lang::En)), Chart::NeedsData(m) if m.contains("event log")));
    }
}
