//! Contact classification: contact volume per class (value-adding, disruptive, self-service
//! candidate), each bar stacked by contact reason (service, information, order).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::document::{needs_data, Chart, ChartOptions};
use super::header::{LegendEntry, Swatch};
use super::plot::{err, render_plotted, write_category_labels, Frame, CATEGORY_AXIS_PX};
use super::text::whole_tick;
use crate::locale::number;
use super::theme::{font, font_with, GRID, LABEL_PX, PALETTE, SMALL_PX};
use crate::model::{ContactClass, ContactReason, Lang};

/// Volume of one kind of contact; several entries of the same kind add up.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactVolume {
    pub class: ContactClass,
    /// `None`: the reason is not recorded yet.
    pub reason: Option<ContactReason>,
    pub volume: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactMixInput {
    pub contacts: Vec<ContactVolume>,
    /// Classified contacts whose volume is unknown: not drawn, but mentioned.
    pub without_volume: usize,
}

const CLASSES: [ContactClass; 3] = [ContactClass::ValueAdding, ContactClass::Disruptive, ContactClass::SelfServiceCandidate];
const REASONS: [Option<ContactReason>; 4] =
    [Some(ContactReason::Service), Some(ContactReason::Information), Some(ContactReason::Order), None];

/// Names as in the glossary.
pub fn class_label(class: ContactClass, lang: Lang) -> String {
    match class {
        ContactClass::ValueAdding => lang.pick(("Value-adding", "Wertschöpfend")).to_string(),
        ContactClass::Disruptive => lang.pick(("Disruptive (avoidable)", "Störend (vermeidbar)")).to_string(),
        ContactClass::SelfServiceCandidate => lang.pick(("Self-service candidate", "Selfservice-Kandidat")).to_string(),
    }
}

pub fn reason_label(reason: Option<ContactReason>, lang: Lang) -> String {
    match reason {
        Some(ContactReason::Service) => lang.pick(("Service", "Service")).to_string(),
        Some(ContactReason::Information) => lang.pick(("Information", "Information")).to_string(),
        Some(ContactReason::Order) => lang.pick(("Order", "Auftrag")).to_string(),
        None => lang.pick(("Reason not recorded", "Grund nicht erfasst")).to_string(),
    }
}

fn reason_colour(reason: Option<ContactReason>) -> RGBColor {
    match reason {
        Some(ContactReason::Service) => PALETTE[0],
        Some(ContactReason::Information) => PALETTE[1],
        Some(ContactReason::Order) => PALETTE[2],
        None => RGBColor(0x99, 0x99, 0x99),
    }
}

/// Volume per class (rows, in [`CLASSES`] order) and reason (columns, in [`REASONS`] order).
fn matrix(contacts: &[ContactVolume]) -> [[f64; 4]; 3] {
    let mut m = [[0.0; 4]; 3];
    for c in contacts.iter().filter(|c| c.volume.is_finite() && c.volume > 0.0) {
        let row = CLASSES.iter().position(|k| *k == c.class).unwrap_or(0);
        let col = REASONS.iter().position(|r| *r == c.reason).unwrap_or(3);
        m[row][col] += c.volume;
    }
    m
}

/// Draws the stacked bars, or asks for classified contacts with volumes.
pub fn contact_mix(input: &ContactMixInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let m = matrix(&input.contacts);
    let totals: Vec<f64> = m.iter().map(|row| row.iter().sum()).collect();
    let grand: f64 = totals.iter().sum();
    if grand <= 0.0 {
        return needs_data(
            lang,
            "The contact classification needs contacts with a class (value-adding, disruptive, self-service candidate) and a volume.",
            "Die Kontaktklassifizierung braucht Kontakte mit einer Klasse (wertschöpfend, störend, Selfservice-Kandidat) und einem Volumen.",
        );
    }
    let used: Vec<usize> = (0..4).filter(|&c| m.iter().any(|row| row[c] > 0.0)).collect();
    let mut desc = lang.pick(("Contact volume per class and reason.", "Kontaktvolumen je Klasse und Grund.")).to_string();
    for (row, class) in CLASSES.iter().enumerate() {
        let parts: Vec<String> =
            used.iter().filter(|&&c| m[row][c] > 0.0).map(|&c| format!("{} {}", reason_label(REASONS[c], lang), number(m[row][c], 0, lang))).collect();
        desc.push_str(&format!(" {}: {}", class_label(*class, lang), number(totals[row], 0, lang)));
        if !parts.is_empty() {
            desc.push_str(&format!(" ({})", parts.join(", ")));
        }
        desc.push('.');
    }
    if input.without_volume > 0 {
        desc.push_str(&match lang {
            Lang::En => format!(" {} classified contacts have no volume yet and are not shown.", input.without_volume),
            Lang::De => format!(" {} klassifizierte Kontakte haben noch kein Volumen und fehlen hier.", input.without_volume),
        });
    }
    let legend = used.iter().map(|&c| LegendEntry::new(reason_label(REASONS[c], lang), reason_colour(REASONS[c]), Swatch::Block)).collect();
    let frame = Frame { options, kind: "contact-mix", title: options.title(&lang.pick(("Contact classification", "Kontaktklassifizierung")).to_string()), desc, legend };
    let top = totals.iter().copied().fold(0.0, f64::max) * 1.18;
    render_plotted(frame, |area, overlay| {
        let mut chart = ChartBuilder::on(area)
            .margin_right(24)
            .margin_top(8)
            .x_label_area_size(CATEGORY_AXIS_PX)
            .y_label_area_size(100)
            .build_cartesian_2d((0..2).into_segmented(), 0.0..top)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(3)
            .x_label_formatter(&|_| String::new())
            .y_labels(5)
            .y_label_formatter(&|v| whole_tick(*v, lang))
            .y_label_style(font(SMALL_PX))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID.stroke_width(1))
            .y_desc(lang.pick(("Contacts per period", "Kontakte pro Zeitraum")).to_string())
            .x_desc(lang.pick(("Contact class", "Kontaktklasse")).to_string())
            .axis_desc_style(font(SMALL_PX))
            .draw()
            .map_err(err)?;
        let plot_h = f64::from(chart.plotting_area().get_pixel_range().1.len() as u32);
        for (row, values) in m.iter().enumerate() {
            let x = row as i32;
            let mut base = 0.0;
            for &c in &used {
                let v = values[c];
                if v <= 0.0 {
                    continue;
                }
                let mut bar = Rectangle::new([(SegmentValue::Exact(x), base), (SegmentValue::Exact(x + 1), base + v)], reason_colour(REASONS[c]).filled());
                bar.set_margin(0, 0, 40, 40);
                chart.draw_series(std::iter::once(bar)).map_err(err)?;
                // Segment values only where there are several segments (one would repeat the
                // total) and the segment is tall enough for the text.
                let segments = used.iter().filter(|&&c| values[c] > 0.0).count();
                if segments > 1 && v / top * plot_h >= LABEL_PX + 6.0 {
                    let style = font_with(SMALL_PX, WHITE, true).pos(Pos::new(HPos::Center, VPos::Center));
                    chart.draw_series(std::iter::once(Text::new(number(v, 0, lang), (SegmentValue::CenterOf(x), base + v / 2.0), style))).map_err(err)?;
                }
                base += v;
            }
            let above = font(LABEL_PX).pos(Pos::new(HPos::Center, VPos::Bottom));
            chart.draw_series(std::iter::once(Text::new(number(totals[row], 0, lang), (SegmentValue::CenterOf(x), totals[row]), above))).map_err(err)?;
        }
        let (x_range, y_range) = chart.plotting_area().get_pixel_range();
        let slot = f64::from(x_range.end - x_range.start) / 3.0;
        let names: Vec<String> = CLASSES.iter().map(|c| class_label(*c, lang)).collect();
        let centres: Vec<(f64, &str)> =
            names.iter().enumerate().map(|(i, n)| (f64::from(chart.backend_coord(&(SegmentValue::CenterOf(i as i32), 0.0)).0), n.as_str())).collect();
        write_category_labels(overlay, &centres, f64::from(y_range.end), slot);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, parse, texts, with_attr};
    use crate::charts::theme::hex;

    fn cv(class: ContactClass, reason: Option<ContactReason>, volume: f64) -> ContactVolume {
        ContactVolume { class, reason, volume }
    }

    #[test]
    fn one_segment_per_class_and_reason_with_volume() {
        let data = ContactMixInput {
            contacts: vec![
                cv(ContactClass::Disruptive, Some(ContactReason::Service), 190.0),
                cv(ContactClass::Disruptive, Some(ContactReason::Service), 10.0),
                cv(ContactClass::Disruptive, Some(ContactReason::Information), 120.0),
                cv(ContactClass::ValueAdding, Some(ContactReason::Order), 1400.0),
                cv(ContactClass::SelfServiceCandidate, None, 60.0),
                cv(ContactClass::SelfServiceCandidate, Some(ContactReason::Order), f64::NAN),
            ],
            without_volume: 2,
        };
        let Chart::Svg(svg) = contact_mix(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        // Each colour: its segments plus one legend swatch.
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(reason_colour(Some(ContactReason::Service)))).len(), 1 + 1);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(reason_colour(Some(ContactReason::Information)))).len(), 1 + 1);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(reason_colour(Some(ContactReason::Order)))).len(), 1 + 1);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(reason_colour(None))).len(), 1 + 1);
        let t = texts(&doc);
        for expected in ["Value-adding", "Disruptive (avoidable)", "Self-service candidate", "320", "1,400", "Contacts per period", "Contact class", "Reason not recorded"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
        assert!(desc.contains("Disruptive (avoidable): 320 (Service 200, Information 120)"), "{desc}");
        assert!(desc.contains("2 classified contacts have no volume"), "{desc}");
    }

    #[test]
    fn a_bar_of_one_reason_shows_its_total_once() {
        let data = ContactMixInput { contacts: vec![cv(ContactClass::ValueAdding, Some(ContactReason::Order), 1400.0)], without_volume: 0 };
        let Chart::Svg(svg) = contact_mix(&data, &ChartOptions::new(Lang::En).about(crate::charts::test_support::EVIL)) else { panic!() };
        crate::charts::test_support::assert_escaped(&svg);
        assert_eq!(texts(&parse(&svg)).iter().filter(|t| *t == "1,400").count(), 1);
    }

    #[test]
    fn without_volumes_it_asks_for_classified_contacts() {
        let data = ContactMixInput { contacts: vec![cv(ContactClass::Disruptive, None, 0.0)], without_volume: 3 };
        assert!(matches!(contact_mix(&data, &ChartOptions::new(Lang::De)), Chart::NeedsData(m) if m.contains("Klasse")));
    }
}
