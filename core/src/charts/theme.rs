//! The look shared by every chart: the Okabe–Ito palette (distinguishable with the common
//! kinds of colour blindness), font sizes that stay readable on a projector, and the fixed
//! geometry of the header (title and legend).

use plotters::style::{FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};

/// Okabe & Ito (2008), ordered so that the first colours are the most distinct on white.
/// Yellow comes last: it is weak on a white background.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

/// Text, axes and outlines.
pub const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Grid lines and quiet helper lines.
pub const GRID: RGBColor = RGBColor(0xD0, 0xD0, 0xD0);
/// Secondary text (notes, units).
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);

/// Font sizes in CSS pixels. On a projector, 16 px at 960 px width is the smallest that the
/// back row still reads.
pub const TITLE_PX: f64 = 26.0;
pub const LABEL_PX: f64 = 18.0;
pub const SMALL_PX: f64 = 16.0;

/// Height of the header band holding the title (and the legend below it).
pub const HEADER_PX: u32 = 96;
/// Outer margin around everything.
pub const MARGIN_PX: u32 = 20;

/// Font family as written into the SVG; the viewer's own sans-serif font is used.
pub const FONT_FAMILY: &str = "sans-serif";

/// The `index`-th series colour, repeating after the palette ends.
pub fn series_colour(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}

/// `#RRGGBB` for hand-written SVG, spelled like plotters spells it.
pub fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// A plotters text style of `px` CSS pixels. Plotters' SVG backend writes
/// `font-size = size / 1.24`, so the size is scaled up to land on `px` exactly.
pub fn font(px: f64) -> TextStyle<'static> {
    (FontFamily::Name(FONT_FAMILY), px * 1.24).into_font().color(&INK)
}

/// Like [`font`] in another colour, optionally bold.
pub fn font_with(px: f64, colour: RGBColor, bold: bool) -> TextStyle<'static> {
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    (FontFamily::Name(FONT_FAMILY), px * 1.24, style).into_font().color(&colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_colours_are_distinct_and_hex_is_css() {
        for (i, a) in PALETTE.iter().enumerate() {
            for b in &PALETTE[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(hex(PALETTE[0]), "#0072B2");
        assert_eq!(series_colour(PALETTE.len()), PALETTE[0]);
    }
}
