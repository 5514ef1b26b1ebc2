//! Channel mix: per channel, how many touchpoints it carries (left panel) and how much
//! volume flows through it (right panel). Two panels because the two numbers have
//! different scales; the rows line up so each channel reads across.

use plotters::prelude::*;

use super::document::{needs_data, Chart, ChartOptions};
use super::header::{LegendEntry, Swatch};
use super::horizontal_bars::{draw_bar_panel, BarPanel};
use super::plot::{render_plotted, Frame};
use super::text::{clean, whole_tick};
use crate::locale::number;
use super::theme::PALETTE;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelRow {
    pub label: String,
    pub touchpoints: usize,
    /// Summed volume of the channel's touchpoints; `None` when none of them has one.
    pub volume: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelMixInput {
    pub rows: Vec<ChannelRow>,
}

/// Rows beyond this are cut (the UI lists 14 fixed channels; most maps use far fewer).
pub const MAX_CHANNELS: usize = 12;

const COUNT_COLOUR: RGBColor = PALETTE[0];
const VOLUME_COLOUR: RGBColor = PALETTE[1];

/// Draws the channel mix, or asks for touchpoints.
pub fn channel_mix(input: &ChannelMixInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let mut rows: Vec<ChannelRow> = input
        .rows
        .iter()
        .filter(|r| r.touchpoints > 0 || r.volume.is_some_and(|v| v.is_finite() && v > 0.0))
        .cloned()
        .collect();
    if rows.is_empty() {
        return needs_data(
            lang,
            "The channel mix needs touchpoints with a channel; volumes per touchpoint add the second panel.",
            "Der Kanal-Mix braucht Touchpoints mit einem Kanal; Volumen je Touchpoint ergänzen die zweite Hälfte.",
        );
    }
    rows.truncate(MAX_CHANNELS);
    for r in &mut rows {
        r.volume = r.volume.filter(|v| v.is_finite() && *v >= 0.0);
    }
    let (tp_name, vol_name) = (lang.pick(("Touchpoints", "Touchpoints")).to_string(), lang.pick(("Volume per period", "Volumen pro Zeitraum")).to_string());
    let listed: Vec<String> = rows
        .iter()
        .map(|r| {
            let volume = r.volume.map(|v| number(v, 0, lang)).unwrap_or_else(|| lang.pick(("unknown", "unbekannt")).to_string());
            format!("{}: {} {}, {} {}", clean(&r.label), r.touchpoints, tp_name, vol_name, volume)
        })
        .collect();
    let desc = format!("{} {}.", lang.pick(("Touchpoints and volume per channel.", "Touchpoints und Volumen je Kanal.")).to_string(), listed.join("; "));
    let frame = Frame {
        options,
        kind: "channel-mix",
        title: options.title(&lang.pick(("Channel mix", "Kanal-Mix")).to_string()),
        desc,
        legend: vec![
            LegendEntry::new(tp_name.clone(), COUNT_COLOUR, Swatch::Block),
            LegendEntry::new(vol_name.clone(), VOLUME_COLOUR, Swatch::Block),
        ],
    };
    let (width, _) = options.size();
    let counts: Vec<(String, Option<f64>, String)> =
        rows.iter().map(|r| (r.label.clone(), Some(r.touchpoints as f64), r.touchpoints.to_string())).collect();
    let volumes: Vec<(String, Option<f64>, String)> =
        rows.iter().map(|r| (r.label.clone(), r.volume, r.volume.map(|v| number(v, 0, lang)).unwrap_or_default())).collect();
    render_plotted(frame, |area, _| {
        let (left, right) = area.split_horizontally((f64::from(width) * 0.52) as u32);
        draw_bar_panel(
            &left,
            &BarPanel {
                rows: &counts,
                names_px: (f64::from(width) * 0.22) as u32,
                axis_desc: tp_name.clone(),
                colour_of: &|_| COUNT_COLOUR,
                // Counts are whole numbers: hide fractional ticks.
                tick_format: &|v| whole_tick(v, lang),
                range: (0.0, 1.0),
            },
        )?;
        draw_bar_panel(
            &right,
            &BarPanel {
                rows: &volumes,
                names_px: 0,
                axis_desc: vol_name.clone(),
                colour_of: &|_| VOLUME_COLOUR,
                tick_format: &|v| whole_tick(v, lang),
                range: (0.0, 1.0),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, parse, texts, with_attr, EVIL};
    use crate::charts::theme::hex;
    use crate::model::Lang;

    fn input() -> ChannelMixInput {
        ChannelMixInput {
            rows: vec![
                ChannelRow { label: "App".into(), touchpoints: 6, volume: Some(8490.0) },
                ChannelRow { label: "Store".into(), touchpoints: 2, volume: Some(1277.0) },
                ChannelRow { label: "Influencer".into(), touchpoints: 1, volume: None },
                ChannelRow { label: "Letter".into(), touchpoints: 0, volume: None },
            ],
        }
    }

    #[test]
    fn a_count_bar_per_channel_and_a_volume_bar_where_volume_is_known() {
        let Chart::Svg(svg) = channel_mix(&input(), &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        // The legend swatches are rects of the same colours: one each.
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(COUNT_COLOUR)).len(), 3 + 1);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(VOLUME_COLOUR)).len(), 2 + 1);
        let t = texts(&doc);
        for expected in ["App", "Store", "Influencer", "8,490", "1,277", "6", "Touchpoints", "Volume per period"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        assert!(!t.iter().any(|x| x == "Letter"), "channels without touchpoints or volume are left out");
    }

    #[test]
    fn empty_mix_asks_for_touchpoints() {
        let data = ChannelMixInput { rows: vec![ChannelRow { label: "App".into(), touchpoints: 0, volume: None }] };
        assert!(matches!(channel_mix(&data, &ChartOptions::new(Lang::De)), Chart::NeedsData(m) if m.contains("Touchpoints")));
    }

    /// Every `rect` and bar `path` has a non-negative size: one channel used to give bars
    /// of negative height (and an error in the browser console).
    fn sizes_are_non_negative(svg: &str) {
        let doc = parse(svg);
        for node in doc.descendants().filter(|n| n.has_tag_name("rect")) {
            for attr in ["width", "height"] {
                if let Some(v) = node.attribute(attr) {
                    let v: f64 = v.parse().unwrap_or(0.0);
                    assert!(v >= 0.0 && v.is_finite(), "{attr}={v} in {svg}");
                }
            }
        }
    }

    #[test]
    fn one_channel_draws_its_bars() {
        let data = ChannelMixInput { rows: vec![ChannelRow { label: "Website".into(), touchpoints: 5, volume: Some(2000.0) }] };
        let Chart::Svg(svg) = channel_mix(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        sizes_are_non_negative(&svg);
        let doc = parse(&svg);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(COUNT_COLOUR)).len(), 1 + 1);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(VOLUME_COLOUR)).len(), 1 + 1);
        assert!(texts(&doc).iter().any(|x| x == "Website"));
    }

    #[test]
    fn an_axis_without_data_has_no_repeated_ticks() {
        // No volumes at all: the volume axis has no data and must not read "0 0 1".
        let data = ChannelMixInput { rows: vec![
            ChannelRow { label: "Website".into(), touchpoints: 2, volume: None },
            ChannelRow { label: "App".into(), touchpoints: 1, volume: None },
        ] };
        let Chart::Svg(svg) = channel_mix(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        sizes_are_non_negative(&svg);
        let t = texts(&parse(&svg));
        // One "0" per panel's axis; the old formatter printed the volume axis as 0 0 0 1 1.
        assert_eq!(t.iter().filter(|x| *x == "0").count(), 2, "{t:?}");
        assert!(t.iter().filter(|x| *x == "1").count() <= 3, "{t:?}");
    }

    #[test]
    fn labels_are_escaped() {
        let mut data = input();
        data.rows[0].label = EVIL.into();
        let Chart::Svg(svg) = channel_mix(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        assert_escaped(&svg);
    }
}
