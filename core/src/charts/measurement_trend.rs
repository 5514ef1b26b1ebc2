//! Measurement trend: one touchpoint's measurements of one kind over time, with the
//! measures linked to the touchpoint as vertical markers (solid when done, on the day they
//! were done; dashed at the due date while still open), so the effect of a measure shows.
//! Written by hand (dates are a numeric x axis; plotters would want a date type).

use plotters::style::RGBColor;

use super::document::{needs_data, Chart, ChartOptions};
use super::header::{LegendEntry, Swatch};
use super::plot::{render_by_hand, Frame};
use super::svg_writer::{coord, Anchor, TextLook};
use super::text::shorten;
use crate::locale::number;
use super::theme::{series_colour, GRID, INK, MUTED, SMALL_PX};
use crate::model::{day_number, JourneyMap, Lang, MeasureStatus, MeasurementKind};

#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// `YYYY-MM-DD`
    pub date: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrendMarker {
    /// `YYYY-MM-DD`
    pub date: String,
    pub label: String,
    /// Done (solid, on the done day) or still due (dashed, at the due date).
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendInput {
    /// What is measured, e.g. "Drop-off" or "New loyalty cards per weekday".
    pub label: String,
    /// Values are shares 0..=1, drawn in percent.
    pub percent: bool,
    pub points: Vec<TrendPoint>,
    pub markers: Vec<TrendMarker>,
}

/// The trend of `kind` at touchpoint `tp_id`, with that touchpoint's measures as markers.
pub fn trend_input(map: &JourneyMap, tp_id: &str, kind: &MeasurementKind, lang: Lang) -> TrendInput {
    let points = map
        .touchpoint(tp_id)
        .map(|tp| tp.records_of(kind).into_iter().map(|r| TrendPoint { date: r.date.clone(), value: r.value }).collect())
        .unwrap_or_default();
    let markers = map
        .measures
        .iter()
        .filter(|m| m.touches(tp_id))
        .filter_map(|m| match (&m.done_on, &m.due) {
            (Some(done), _) if m.status == MeasureStatus::Done => Some(TrendMarker { date: done.clone(), label: m.title.clone(), done: true }),
            (_, Some(due)) if m.status != MeasureStatus::Done => Some(TrendMarker { date: due.clone(), label: m.title.clone(), done: false }),
            _ => None,
        })
        .collect();
    TrendInput { label: kind.label(lang), percent: kind.is_share(), points, markers }
}

const DONE: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const DUE: RGBColor = RGBColor(0xD5, 0x5E, 0x00);

fn shown(value: f64, percent: bool, lang: Lang) -> String {
    if percent {
        format!("{} %", number(value * 100.0, 1, lang))
    } else {
        number(value, 2, lang)
    }
}

pub fn measurement_trend(input: &TrendInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let mut points: Vec<(i64, f64, &str)> = input
        .points
        .iter()
        .filter(|p| p.value.is_finite())
        .filter_map(|p| day_number(&p.date).map(|d| (d, p.value, p.date.as_str())))
        .collect();
    points.sort_by_key(|p| p.0);
    if points.is_empty() {
        return needs_data(
            lang,
            "The trend needs at least one recorded measurement (date and value).",
            "Der Verlauf braucht mindestens einen erfassten Messwert (Datum und Wert).",
        );
    }
    let markers: Vec<(i64, &TrendMarker)> = input.markers.iter().filter_map(|m| day_number(&m.date).map(|d| (d, m))).collect();
    let days = points.iter().map(|p| p.0).chain(markers.iter().map(|m| m.0));
    let (mut x0, mut x1) = days.clone().fold((i64::MAX, i64::MIN), |(a, b), d| (a.min(d), b.max(d)));
    if x0 == x1 {
        x0 -= 1;
        x1 += 1;
    }
    let (mut y0, mut y1) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let pad = if (y1 - y0).abs() < 1e-12 { y0.abs().max(1.0) * 0.1 } else { (y1 - y0) * 0.1 };
    y0 -= pad;
    y1 += pad;
    if input.percent {
        y0 = y0.max(0.0);
        y1 = y1.min(1.0).max(y0 + 0.01);
    }
    let mut legend = vec![LegendEntry::new(input.label.clone(), series_colour(0), Swatch::Line)];
    if markers.iter().any(|m| m.1.done) {
        legend.push(LegendEntry::new(lang.pick(("Measure done", "Maßnahme erledigt")).to_string(), DONE, Swatch::Line));
    }
    if markers.iter().any(|m| !m.1.done) {
        legend.push(LegendEntry::new(lang.pick(("Measure due", "Maßnahme fällig")).to_string(), DUE, Swatch::DashedLine));
    }
    let mut desc = lang.pick(("Measured values over time: ", "Messwerte im Zeitverlauf: ")).to_string();
    desc.push_str(&points.iter().map(|p| format!("{} {}", p.2, shown(p.1, input.percent, lang))).collect::<Vec<_>>().join(", "));
    desc.push('.');
    for (_, m) in &markers {
        let what = if m.done { lang.pick(("done", "erledigt")).to_string() } else { lang.pick(("due", "fällig")).to_string() };
        desc.push_str(&format!(" {} {what} {}.", m.label, m.date));
    }
    let frame = Frame {
        options,
        kind: "measurement-trend",
        title: options.title(&format!("{} – {}", lang.pick(("Trend", "Verlauf")).to_string(), input.label)),
        desc,
        legend,
    };
    render_by_hand(frame, |w, body| {
        // Room on the right for the last date label, centred on its point.
        let (left, right) = (body.x + 90.0, body.x + body.w - 56.0);
        let (top, bottom) = (body.y + 16.0 + markers.len().min(4) as f64 * (SMALL_PX + 4.0), body.y + body.h - 48.0);
        let x = |d: i64| left + (d - x0) as f64 / (x1 - x0) as f64 * (right - left);
        let y = |v: f64| bottom - (v - y0) / (y1 - y0) * (bottom - top);
        let small = |colour, anchor| TextLook { px: SMALL_PX, colour, anchor, bold: false, halo: false };
        for i in 0..=4 {
            let v = y0 + (y1 - y0) * f64::from(i) / 4.0;
            w.line((left, y(v)), (right, y(v)), GRID, 1.0, false);
            w.text((left - 8.0, y(v) + SMALL_PX * 0.35), &shown(v, input.percent, lang), small(INK, Anchor::End));
        }
        w.line((left, bottom), (right, bottom), INK, 1.0, false);
        // Date labels: first, last and up to four between, from the measured days.
        let step = (points.len() / 5).max(1);
        let mut labelled: Vec<(i64, &str)> = points.iter().step_by(step).map(|p| (p.0, p.2)).collect();
        if let Some(last) = points.last() {
            if labelled.last().map(|l| l.0) != Some(last.0) {
                labelled.push((last.0, last.2));
            }
        }
        let mut last_x = f64::MIN;
        for (d, label) in labelled {
            if x(d) - last_x > 110.0 {
                w.text((x(d), bottom + SMALL_PX + 8.0), label, small(INK, Anchor::Middle));
                last_x = x(d);
            }
        }
        for (i, (d, m)) in markers.iter().enumerate() {
            let colour = if m.done { DONE } else { DUE };
            w.line((x(*d), top - 4.0), (x(*d), bottom), colour, 3.0, !m.done);
            let row = (i % 4) as f64;
            let anchor = if x(*d) > (left + right) / 2.0 { Anchor::End } else { Anchor::Start };
            let dx = if anchor == Anchor::End { -6.0 } else { 6.0 };
            w.text((x(*d) + dx, body.y + SMALL_PX + row * (SMALL_PX + 4.0)), &shorten(&m.label, 380.0, SMALL_PX), small(colour, anchor));
        }
        let path: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}{} {}", if i == 0 { "M" } else { "L" }, coord(x(p.0)), coord(y(p.1))))
            .collect();
        if points.len() > 1 {
            w.path(&path.join(" "), &[("fill", "none".into()), ("stroke", super::theme::hex(series_colour(0))), ("stroke-width", "4".into())], &input.label);
        }
        for p in &points {
            w.circle((x(p.0), y(p.1)), 7.0, series_colour(0), MUTED);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, count, parse, EVIL};
    use crate::model::{Channel, MeasureDraft, MeasureLink, MeasurementRecord};

    fn input() -> TrendInput {
        TrendInput {
            label: "Drop-off".into(),
            percent: true,
            points: vec![
                TrendPoint { date: "2026-03-01".into(), value: 0.4 },
                TrendPoint { date: "2026-01-01".into(), value: 0.5 },
                TrendPoint { date: "not a date".into(), value: 0.1 },
            ],
            markers: vec![
                TrendMarker { date: "2026-02-01".into(), label: "New checkout".into(), done: true },
                TrendMarker { date: "2026-04-01".into(), label: "Guest order".into(), done: false },
            ],
        }
    }

    #[test]
    fn points_markers_and_description() {
        let Chart::Svg(svg) = measurement_trend(&input(), &ChartOptions::new(Lang::En)) else { panic!("expected svg") };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(count(&doc, "circle"), 2, "the undated value is left out");
        assert!(svg.contains("stroke-dasharray"), "the open measure is dashed");
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
        assert!(desc.contains("2026-01-01 50 %, 2026-03-01 40 %"), "{desc}");
        assert!(desc.contains("New checkout done 2026-02-01"), "{desc}");
    }

    #[test]
    fn labels_are_escaped_and_no_points_ask_for_data() {
        let mut data = input();
        data.label = EVIL.into();
        data.markers[0].label = EVIL.into();
        let Chart::Svg(svg) = measurement_trend(&data, &ChartOptions::new(Lang::De).about(EVIL)) else { panic!() };
        assert_escaped(&svg);
        data.points.clear();
        assert!(matches!(measurement_trend(&data, &ChartOptions::new(Lang::De)), Chart::NeedsData(m) if m.contains("Messwert")));
    }

    #[test]
    fn built_from_a_touchpoint_and_its_measures() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s, "Store", Channel::Store).unwrap();
        let kind = MeasurementKind::Custom("Loyalty cards".into());
        m.add_record(&a, MeasurementRecord { date: "2026-01-05".into(), kind: kind.clone(), value: 3.0, source: String::new() }).unwrap();
        let link = vec![MeasureLink { touchpoint_id: a.clone(), pain_point: None }];
        let id = m.add_measure(MeasureDraft { title: "Counter display".into(), links: link.clone(), ..Default::default() }, "2026-01-01").unwrap();
        m.set_measure_status(&id, MeasureStatus::Done, "2026-01-10");
        m.add_measure(MeasureDraft { title: "Idea only".into(), links: link, ..Default::default() }, "2026-01-01").unwrap();
        let t = trend_input(&m, &a, &kind, Lang::En);
        assert_eq!(t.label, "Loyalty cards");
        assert_eq!(t.points, vec![TrendPoint { date: "2026-01-05".into(), value: 3.0 }]);
        assert_eq!(t.markers, vec![TrendMarker { date: "2026-01-10".into(), label: "Counter display".into(), done: true }]);
        assert!(measurement_trend(&t, &ChartOptions::new(Lang::En)).svg().is_some());
    }
}
