//! Emotion curve: the mean emotion (−2 … +2) per stage, one line per persona; an optional
//! "to-be" series per persona is drawn dashed next to the "as-is" line.

use plotters::prelude::*;

use super::document::{needs_data, Chart, ChartOptions};
use super::header::{LegendEntry, Swatch};
use super::plot::{err, render_plotted, write_category_labels, Frame, CATEGORY_AXIS_PX};
use super::text::clean;
use super::theme::{font, series_colour, GRID, MUTED, SMALL_PX};
use crate::model::Lang;

/// One persona's curve: a value per stage (same order as the stages), `None` where nobody
/// knows the emotion yet — a gap, never a zero.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmotionSeries {
    pub name: String,
    pub as_is: Vec<Option<f64>>,
    /// The designed journey, when the UI has one; drawn dashed.
    pub to_be: Option<Vec<Option<f64>>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmotionCurveInput {
    pub stages: Vec<String>,
    pub series: Vec<EmotionSeries>,
}

/// Shade of the focused stage's column (Okabe–Ito orange, drawn translucent).
const FOCUS: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

const MIN: f64 = -2.0;
const MAX: f64 = 2.0;

/// Values per stage, padded/cut to the stage count, clamped to −2..=2, non-numbers dropped.
fn normalise(values: &[Option<f64>], stages: usize) -> Vec<Option<f64>> {
    (0..stages)
        .map(|i| values.get(i).copied().flatten().filter(|v| v.is_finite()).map(|v| v.clamp(MIN, MAX)))
        .collect()
}

/// Runs of consecutive known values, as (stage index, value) points.
fn segments(values: &[Option<f64>]) -> Vec<Vec<(i32, f64)>> {
    let mut runs: Vec<Vec<(i32, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i as i32, *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// The curve's values as its description (and the presentation's slides) write them.
fn signed(v: f64, lang: Lang) -> String {
    crate::locale::signed(v, 1, lang)
}

fn describe(stages: &[String], lines: &[(String, Vec<Option<f64>>)], lang: Lang) -> String {
    let mut desc = lang.pick(("Mean emotion per stage, from −2 (very negative) to +2 (very positive).", "Mittlere Emotion je Phase, von −2 (sehr negativ) bis +2 (sehr positiv).")).to_string();
    for (name, values) in lines {
        let points: Vec<String> = stages
            .iter()
            .zip(values)
            .map(|(stage, v)| match v {
                Some(v) => format!("{} {}", clean(stage), signed(*v, lang)),
                None => format!("{} {}", clean(stage), lang.pick(("unknown", "unbekannt")).to_string()),
            })
            .collect();
        desc.push_str(&format!(" {}: {}.", clean(name), points.join(", ")));
    }
    desc
}

/// Draws the emotion curve, or says that stages and emotions are missing.
pub fn emotion_curve(input: &EmotionCurveInput, options: &ChartOptions) -> Chart {
    draw(input, options, None)
}

/// The emotion curve with the column of one stage (index into `input.stages`) shaded, for
/// the presentation mode's "where are we" cue. An index past the last stage shades nothing.
pub fn emotion_curve_focus(input: &EmotionCurveInput, options: &ChartOptions, stage: usize) -> Chart {
    draw(input, options, Some(stage))
}

fn draw(input: &EmotionCurveInput, options: &ChartOptions, focus: Option<usize>) -> Chart {
    let lang = options.lang;
    let n = input.stages.len();
    let (as_is, to_be) = (lang.pick(("as-is", "Ist")).to_string(), lang.pick(("to-be", "Soll")).to_string());
    let has_to_be = input.series.iter().any(|s| s.to_be.is_some());
    // (label, values, colour index, dashed)
    let mut lines: Vec<(String, Vec<Option<f64>>, usize, bool)> = Vec::new();
    for (i, s) in input.series.iter().enumerate() {
        let name = if s.name.trim().is_empty() { format!("{} {}", lang.pick(("Persona", "Persona")).to_string(), i + 1) } else { s.name.clone() };
        let label = |kind: &str| if has_to_be { format!("{name} ({kind})") } else { name.clone() };
        // Without to-be lines, every second series is dashed so that two series (two
        // personas, or a snapshot and now) differ by more than their colour.
        lines.push((label(&as_is), normalise(&s.as_is, n), i, !has_to_be && i % 2 == 1));
        if let Some(values) = &s.to_be {
            lines.push((label(&to_be), normalise(values, n), i, true));
        }
    }
    if n == 0 || lines.iter().all(|(_, v, _, _)| v.iter().all(Option::is_none)) {
        return needs_data(
            lang,
            "The emotion curve needs stages and at least one touchpoint with an emotion (−2 … +2).",
            "Die Emotionskurve braucht Phasen und mindestens einen Touchpoint mit einer Emotion (−2 … +2).",
        );
    }
    let legend = lines
        .iter()
        .map(|(label, _, c, dashed)| {
            LegendEntry::new(label.clone(), series_colour(*c), if *dashed { Swatch::DashedLine } else { Swatch::Line })
        })
        .collect();
    let described: Vec<(String, Vec<Option<f64>>)> = lines.iter().map(|(l, v, _, _)| (l.clone(), v.clone())).collect();
    let frame = Frame {
        options,
        kind: "emotion-curve",
        title: options.title(&lang.pick(("Emotion curve", "Emotionskurve")).to_string()),
        desc: describe(&input.stages, &described, lang),
        legend,
    };
    render_plotted(frame, |area, overlay| {
        let mut chart = ChartBuilder::on(area)
            .margin_right(24)
            .margin_top(8)
            .x_label_area_size(CATEGORY_AXIS_PX)
            .y_label_area_size(80)
            .build_cartesian_2d((0..n as i32 - 1).into_segmented(), (MIN - 0.3)..(MAX + 0.3))
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|_| String::new())
            .y_labels(5)
            .y_label_formatter(&|v| signed(v.round(), lang))
            .y_label_style(font(SMALL_PX))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.stroke_width(1))
            .y_desc(lang.pick(("Emotion (−2 … +2)", "Emotion (−2 … +2)")).to_string())
            .x_desc(lang.pick(("Stage", "Phase")).to_string())
            .axis_desc_style(font(SMALL_PX))
            .draw()
            .map_err(err)?;
        let at = |i: i32| SegmentValue::CenterOf(i);
        if let Some(i) = focus.filter(|i| *i < n).map(|i| i as i32) {
            // Drawn first so the lines stay on top; the page names the stage in text too.
            let end = if i + 1 < n as i32 { SegmentValue::Exact(i + 1) } else { SegmentValue::Last };
            let band = Rectangle::new([(SegmentValue::Exact(i), MIN - 0.3), (end, MAX + 0.3)], FOCUS.mix(0.18).filled());
            chart.draw_series(std::iter::once(band)).map_err(err)?;
        }
        chart
            .draw_series(LineSeries::new([(SegmentValue::Exact(0), 0.0), (SegmentValue::Last, 0.0)], MUTED.stroke_width(1)))
            .map_err(err)?;
        for (_, values, c, dashed) in &lines {
            let colour = series_colour(*c);
            for run in segments(values) {
                let points = run.iter().map(|(i, v)| (at(*i), *v));
                if *dashed {
                    chart.draw_series(DashedLineSeries::new(points, 12, 8, colour.stroke_width(3))).map_err(err)?;
                } else {
                    chart.draw_series(LineSeries::new(points, colour.stroke_width(4))).map_err(err)?;
                }
            }
            let known = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (at(i as i32), v)));
            if *dashed {
                chart
                    .draw_series(known.map(|p| TriangleMarker::new(p, 9, colour.filled())))
                    .map_err(err)?;
            } else {
                chart.draw_series(known.map(|p| Circle::new(p, 7, colour.filled()))).map_err(err)?;
            }
        }
        let (x_range, y_range) = chart.plotting_area().get_pixel_range();
        let slot = f64::from(x_range.end - x_range.start) / n as f64;
        let centres: Vec<(f64, &str)> = input
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (f64::from(chart.backend_coord(&(at(i as i32), 0.0)).0), s.as_str()))
            .collect();
        write_category_labels(overlay, &centres, f64::from(y_range.end), slot);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, count, parse, texts, EVIL};

    fn input() -> EmotionCurveInput {
        EmotionCurveInput {
            stages: vec!["Awareness".into(), "Purchase".into(), "Loyalty".into()],
            series: vec![
                EmotionSeries { name: "Lena".into(), as_is: vec![Some(1.0), None, Some(-2.0)], to_be: Some(vec![Some(2.0), Some(1.0), Some(1.5)]) },
                EmotionSeries { name: "Tom".into(), as_is: vec![Some(0.5), Some(-1.0), Some(9.0)], to_be: None },
            ],
        }
    }

    #[test]
    fn two_series_without_to_be_differ_by_line_style_not_only_colour() {
        let mut two = input();
        for s in &mut two.series {
            s.to_be = None;
        }
        let Chart::Svg(svg) = emotion_curve(&two, &ChartOptions::new(Lang::En)) else { panic!("expected svg") };
        assert_eq!(svg.matches("stroke-dasharray").count(), 1, "the second legend swatch is dashed");
        two.series.truncate(1);
        let Chart::Svg(svg) = emotion_curve(&two, &ChartOptions::new(Lang::En)) else { panic!("expected svg") };
        assert_eq!(svg.matches("stroke-dasharray").count(), 0);
    }

    #[test]
    fn one_circle_per_known_as_is_value_and_one_triangle_per_to_be_value() {
        let Chart::Svg(svg) = emotion_curve(&input(), &ChartOptions::new(Lang::En)) else { panic!("expected svg") };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(count(&doc, "circle"), 5, "2 known for Lena + 3 for Tom");
        assert_eq!(count(&doc, "polygon"), 3);
        let t = texts(&doc);
        for expected in ["Awareness", "Purchase", "Loyalty", "Emotion (−2 … +2)", "Stage", "+2", "−2", "Lena (as-is)", "Lena (to-be)", "Tom (as-is)"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
        assert!(desc.contains("Lena (as-is): Awareness +1, Purchase unknown, Loyalty −2"), "{desc}");
        assert!(desc.contains("Loyalty +2"), "9 is clamped to +2: {desc}");
    }

    #[test]
    fn focus_shades_one_column_and_keeps_the_data() {
        let plain = emotion_curve(&input(), &ChartOptions::new(Lang::En));
        let Chart::Svg(focused) = emotion_curve_focus(&input(), &ChartOptions::new(Lang::En), 1) else { panic!("expected svg") };
        let doc = parse(&focused);
        assert_accessible(&doc);
        assert_eq!(count(&doc, "circle"), 5);
        assert!(focused.to_ascii_uppercase().contains("#E69F00"), "no shaded column in {focused}");
        assert_ne!(Chart::Svg(focused.clone()), plain);
        // Past the end: same as no focus.
        assert_eq!(emotion_curve_focus(&input(), &ChartOptions::new(Lang::En), 9), plain);
    }

    #[test]
    fn labels_are_escaped() {
        let mut data = input();
        data.stages[0] = EVIL.into();
        data.series[0].name = EVIL.into();
        let options = ChartOptions::new(Lang::De).about(EVIL);
        let Chart::Svg(svg) = emotion_curve(&data, &options) else { panic!("expected svg") };
        assert_escaped(&svg);
    }

    #[test]
    fn without_emotions_it_asks_for_them_in_both_languages() {
        let mut data = input();
        for s in &mut data.series {
            s.as_is = vec![None; 3];
            s.to_be = None;
        }
        match emotion_curve(&data, &ChartOptions::new(Lang::De)) {
            Chart::NeedsData(msg) => assert!(msg.contains("Emotion"), "{msg}"),
            other => panic!("unexpected {other:?}"),
        }
        let none = EmotionCurveInput::default();
        assert!(matches!(emotion_curve(&none, &ChartOptions::new(Lang::En)), Chart::NeedsData(m) if m.contains("stages")));
    }

    #[test]
    fn a_single_stage_still_draws_its_point() {
        let data = EmotionCurveInput {
            stages: vec!["Only".into()],
            series: vec![EmotionSeries { name: "P".into(), as_is: vec![Some(-1.0)], to_be: None }],
        };
        let Chart::Svg(svg) = emotion_curve(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_eq!(count(&doc, "circle"), 1);
        assert!(texts(&doc).iter().any(|t| t == "Only"));
    }

    #[test]
    fn gaps_split_the_line_instead_of_dropping_to_zero() {
        assert_eq!(segments(&[Some(1.0), None, Some(2.0), Some(0.0)]), vec![vec![(0, 1.0)], vec![(2, 2.0), (3, 0.0)]]);
        assert_eq!(normalise(&[Some(f64::NAN), Some(-5.0)], 3), vec![None, Some(-2.0), None]);
    }
}
