//! A small SVG writer for what plotters does not draw well (Sankey bands, matrix quadrants,
//! the shared header, wrapped category labels). Every attribute value and every text goes
//! through [`escape`], so user text can never become markup.

use plotters::style::RGBColor;

use super::text::escape;
use super::theme::{hex, FONT_FAMILY};

/// How text is anchored horizontally at its x position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn css(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Text appearance for [`SvgWriter::text`].
#[derive(Debug, Clone, Copy)]
pub struct TextLook {
    pub px: f64,
    pub colour: RGBColor,
    pub anchor: Anchor,
    pub bold: bool,
    /// A white outline behind the letters, for labels drawn over coloured bands.
    pub halo: bool,
}

/// Collects SVG markup: either a whole document ([`SvgWriter::document`]) or a fragment
/// to be inserted into one ([`SvgWriter::fragment`]).
#[derive(Debug, Default)]
pub struct SvgWriter {
    out: String,
    is_document: bool,
}

/// Numbers in coordinates: two decimals are far below a pixel, and keep the SVG small.
fn n(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

impl SvgWriter {
    /// A standalone SVG document of the given size, with a white background.
    pub fn document(width: u32, height: u32) -> Self {
        let mut w = SvgWriter { out: String::new(), is_document: true };
        w.out.push_str(&format!(
            r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">"#
        ));
        w.out.push('\n');
        w.rect(0.0, 0.0, f64::from(width), f64::from(height), "#ffffff", &[]);
        w
    }

    /// Markup to be inserted into another document.
    pub fn fragment() -> Self {
        SvgWriter::default()
    }

    fn element(&mut self, name: &str, attrs: &[(&str, String)], content: Option<&str>) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push_str(&format!(r#" {key}="{}""#, escape(value)));
        }
        match content {
            Some(text) => self.out.push_str(&format!(">{}</{name}>\n", escape(text))),
            None => self.out.push_str("/>\n"),
        }
    }

    /// A rectangle; `extra` adds attributes such as `stroke` (values are escaped).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &[(&str, &str)]) {
        let mut attrs = vec![
            ("x", n(x)),
            ("y", n(y)),
            ("width", n(w.max(0.0))),
            ("height", n(h.max(0.0))),
            ("fill", fill.to_string()),
        ];
        attrs.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        self.element("rect", &attrs, None);
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), colour: RGBColor, width: f64, dashed: bool) {
        let mut attrs = vec![
            ("x1", n(x1)),
            ("y1", n(y1)),
            ("x2", n(x2)),
            ("y2", n(y2)),
            ("stroke", hex(colour)),
            ("stroke-width", n(width)),
        ];
        if dashed {
            attrs.push(("stroke-dasharray", "8 5".to_string()));
        }
        self.element("line", &attrs, None);
    }

    pub fn circle(&mut self, (cx, cy): (f64, f64), r: f64, fill: RGBColor, stroke: RGBColor) {
        self.element(
            "circle",
            &[("cx", n(cx)), ("cy", n(cy)), ("r", n(r)), ("fill", hex(fill)), ("stroke", hex(stroke)), ("stroke-width", "2".into())],
            None,
        );
    }

    /// A path with a tooltip: `<path …><title>tooltip</title></path>`.
    pub fn path(&mut self, d: &str, attrs: &[(&str, String)], tooltip: &str) {
        let mut all = vec![("d", d.to_string())];
        all.extend(attrs.iter().cloned());
        self.out.push_str("<path");
        for (key, value) in &all {
            self.out.push_str(&format!(r#" {key}="{}""#, escape(value)));
        }
        self.out.push_str(&format!("><title>{}</title></path>\n", escape(tooltip)));
    }

    /// One line of text.
    pub fn text(&mut self, (x, y): (f64, f64), text: &str, look: TextLook) {
        let mut attrs = vec![
            ("x", n(x)),
            ("y", n(y)),
            ("font-family", FONT_FAMILY.to_string()),
            ("font-size", n(look.px)),
            ("fill", hex(look.colour)),
            ("text-anchor", look.anchor.css().to_string()),
        ];
        if look.bold {
            attrs.push(("font-weight", "bold".into()));
        }
        if look.halo {
            attrs.extend([
                ("stroke", "#ffffff".to_string()),
                ("stroke-width", "4".to_string()),
                ("stroke-linejoin", "round".to_string()),
                ("paint-order", "stroke".to_string()),
            ]);
        }
        self.element("text", &attrs, Some(text));
    }

    /// One line of text turned by `degrees` around its anchor point (axis titles).
    pub fn rotated_text(&mut self, (x, y): (f64, f64), text: &str, look: TextLook, degrees: f64) {
        let start = self.out.len();
        self.text((x, y), text, look);
        let rotate = format!(r#"<text transform="rotate({}, {}, {})""#, n(degrees), n(x), n(y));
        self.out.replace_range(start..start + "<text".len(), &rotate);
    }

    /// The markup written so far; a document is closed with `</svg>`.
    pub fn finish(mut self) -> String {
        if self.is_document {
            self.out.push_str("</svg>\n");
        }
        self.out
    }
}

/// Inserts a fragment just before the closing `</svg>` of a document (so it is drawn on top).
pub fn insert_before_close(svg: &str, fragment: &str) -> String {
    match svg.rfind("</svg>") {
        Some(i) => format!("{}{}{}", &svg[..i], fragment, &svg[i..]),
        None => format!("{svg}{fragment}"),
    }
}

/// Coordinates formatted like the writer does, for building path data.
pub fn coord(v: f64) -> String {
    n(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::theme::INK;

    #[test]
    fn every_text_and_attribute_is_escaped() {
        let mut w = SvgWriter::document(100, 50);
        let look = TextLook { px: 16.0, colour: INK, anchor: Anchor::Start, bold: false, halo: true };
        w.text((1.0, 2.0), "<script>alert(1)</script>", look);
        w.path("M0 0", &[("fill", "red\" onload=\"x".into())], "<b>tip</b>");
        let svg = w.finish();
        assert!(!svg.contains("<script"), "{svg}");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let text = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
        assert_eq!(text.text(), Some("<script>alert(1)</script>"));
        let path = doc.descendants().find(|n| n.has_tag_name("path")).unwrap();
        assert_eq!(path.attribute("fill"), Some("red\" onload=\"x"));
        assert!(path.attribute("onload").is_none());
    }

    #[test]
    fn numbers_are_short_and_never_nan() {
        assert_eq!(coord(1.0), "1");
        assert_eq!(coord(2.345), "2.35");
        assert_eq!(coord(-0.001), "0");
        assert_eq!(coord(f64::NAN), "0");
    }

    #[test]
    fn fragments_go_before_the_closing_tag() {
        assert_eq!(insert_before_close("<svg></svg>", "<g/>"), "<svg><g/></svg>");
    }
}
