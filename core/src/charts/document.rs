//! What every chart returns and the accessible wrapping of its SVG: `role="img"`,
//! `aria-labelledby`, and an escaped `<title>` and `<desc>` right after the opening `<svg>`
//! tag, so that screen readers announce the chart and its numbers.

use crate::model::Lang;

use super::text::escape;

/// The result of drawing a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// A complete, standalone SVG document.
    Svg(String),
    /// Nothing to draw yet: what data the chart needs, in the requested language. Shown
    /// instead of an empty frame.
    NeedsData(String),
}

impl Chart {
    /// The SVG, if the chart could be drawn.
    pub fn svg(&self) -> Option<&str> {
        match self {
            Chart::Svg(svg) => Some(svg),
            Chart::NeedsData(_) => None,
        }
    }
}

/// How a chart is drawn: language of its texts, pixel size, and optionally what it is about
/// (e.g. the map name), appended to the title.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub lang: Lang,
    pub width: u32,
    pub height: u32,
    pub subject: Option<String>,
}

impl ChartOptions {
    /// 960 × 540 (16:9): fills a projector and keeps 16 px text readable from the back.
    pub const DEFAULT_SIZE: (u32, u32) = (960, 540);
    /// Below this, labels of the default font sizes no longer fit.
    pub const MIN_SIZE: (u32, u32) = (640, 360);

    pub fn new(lang: Lang) -> Self {
        ChartOptions { lang, width: Self::DEFAULT_SIZE.0, height: Self::DEFAULT_SIZE.1, subject: None }
    }

    /// The same options with a subject, e.g. the map name.
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// The same options with another size; sizes below [`ChartOptions::MIN_SIZE`] are raised
    /// to it, and sizes above 4K are capped, so text never overlaps and no SVG is absurd.
    pub fn sized(mut self, width: u32, height: u32) -> Self {
        self.width = width.clamp(Self::MIN_SIZE.0, 3840);
        self.height = height.clamp(Self::MIN_SIZE.1, 2160);
        self
    }

    /// The title shown on the chart: the chart's name, plus the subject when given.
    pub fn title(&self, chart_name: &str) -> String {
        match self.subject.as_deref().map(str::trim) {
            Some(subject) if !subject.is_empty() => format!("{chart_name} – {subject}"),
            _ => chart_name.to_string(),
        }
    }

    /// Effective size (the fields are public, so they are clamped again here).
    pub fn size(&self) -> (u32, u32) {
        (
            self.width.clamp(Self::MIN_SIZE.0, 3840),
            self.height.clamp(Self::MIN_SIZE.1, 2160),
        )
    }
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions::new(Lang::En)
    }
}

/// The empty state: a message in `lang`.
pub fn needs_data(lang: Lang, en: &str, de: &str) -> Chart {
    Chart::NeedsData(lang.pick((en, de)).to_string())
}

/// A chart that could not be drawn although it had data. Plotters drawing into a string
/// does not fail in practice; this keeps the "never panic" promise if it ever does.
pub fn drawing_failed(lang: Lang, detail: &str) -> Chart {
    Chart::NeedsData(match lang {
        Lang::En => format!("The chart could not be drawn ({detail}). Please check the numbers entered."),
        Lang::De => format!("Das Diagramm konnte nicht gezeichnet werden ({detail}). Bitte die eingegebenen Zahlen prüfen."),
    })
}

/// Adds `role`, `aria-labelledby`, `<title>` and `<desc>` to a finished SVG document.
/// `kind` names the chart in the element ids; a short hash of title and description keeps
/// ids of several charts on one page apart.
pub fn make_accessible(svg: &str, kind: &str, title: &str, desc: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end_rel) = svg[start..].find('>') else {
        return svg.to_string();
    };
    let end = start + end_rel;
    let self_closing = svg[..end].ends_with('/');
    let open_end = if self_closing { end - 1 } else { end };
    let id = format!("chart-{kind}-{:08x}", fnv1a(&format!("{title}\u{1F}{desc}")));
    let mut out = String::with_capacity(svg.len() + title.len() + desc.len() + 200);
    out.push_str(&svg[..open_end]);
    out.push_str(&format!(r#" role="img" aria-labelledby="{id}-title {id}-desc">"#));
    out.push_str(&format!(r#"<title id="{id}-title">{}</title>"#, escape(title)));
    out.push_str(&format!(r#"<desc id="{id}-desc">{}</desc>"#, escape(desc)));
    if self_closing {
        out.push_str("</svg>");
        out.push_str(&svg[end + 1..]);
    } else {
        out.push_str(&svg[end + 1..]);
    }
    out
}

/// 32-bit FNV-1a: tiny, stable across platforms and builds (unlike std's hasher).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_desc_follow_the_opening_tag_escaped() {
        let svg = r#"<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#;
        let out = make_accessible(svg, "test", "A <b>", "x & y");
        let doc = roxmltree::Document::parse(&out).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let ids = root.attribute("aria-labelledby").unwrap();
        let kids: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(kids[0].tag_name().name(), "title");
        assert_eq!(kids[0].text(), Some("A <b>"));
        assert_eq!(kids[1].tag_name().name(), "desc");
        assert_eq!(kids[1].text(), Some("x & y"));
        for (id, el) in ids.split(' ').zip(&kids) {
            assert_eq!(el.attribute("id"), Some(id));
        }
    }

    #[test]
    fn options_clamp_sizes_and_build_titles() {
        let o = ChartOptions::new(Lang::En).sized(10, 100_000).about("  ");
        assert_eq!(o.size(), (640, 2160));
        assert_eq!(o.title("Funnel"), "Funnel");
        assert_eq!(ChartOptions::default().about("Coffee").title("Funnel"), "Funnel – Coffee");
    }
}
