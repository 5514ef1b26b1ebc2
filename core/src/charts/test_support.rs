//! Helpers for the chart tests: parse an SVG as XML and look at what it contains.

use roxmltree::{Document, Node};

/// The label every escaping test feeds in.
pub const EVIL: &str = "<script>alert(1)</script>";

/// Parses the SVG, failing the test with the parser's message if it is not well-formed XML.
pub fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"))
}

/// Number of elements with this tag name.
pub fn count(doc: &Document<'_>, tag: &str) -> usize {
    doc.descendants().filter(|n| n.has_tag_name(tag)).count()
}

/// The trimmed content of every `<text>` element, in document order.
pub fn texts(doc: &Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Elements with this tag whose attribute has this value.
pub fn with_attr<'a>(doc: &'a Document<'a>, tag: &str, attr: &str, value: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && n.attribute(attr) == Some(value))
        .collect()
}

/// The accessibility contract: `role="img"`, `<title>` and `<desc>` first and referenced by
/// `aria-labelledby`, no text smaller than 16 px, the title at least 20 px.
pub fn assert_accessible(doc: &Document<'_>) {
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let kids: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(kids[0].tag_name().name(), "title");
    assert_eq!(kids[1].tag_name().name(), "desc");
    let ids: Vec<&str> = root.attribute("aria-labelledby").unwrap().split(' ').collect();
    assert_eq!(ids, vec![kids[0].attribute("id").unwrap(), kids[1].attribute("id").unwrap()]);
    assert!(!kids[0].text().unwrap_or("").trim().is_empty());
    assert!(!kids[1].text().unwrap_or("").trim().is_empty());
    let mut largest = 0.0_f64;
    for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let size: f64 = text.attribute("font-size").expect("font-size").parse().unwrap();
        assert!(size >= 16.0 - 1e-9, "text {:?} is {size}px", text.text());
        largest = largest.max(size);
    }
    assert!(largest >= 20.0, "title must be at least 20px");
}

/// The escaping contract: no `<script` element anywhere, and the label shows as text.
pub fn assert_escaped(svg: &str) {
    assert!(!svg.contains("<script"), "raw script tag in\n{svg}");
    assert!(svg.contains("&lt;script&gt;"), "escaped label missing in\n{svg}");
    let doc = parse(svg);
    assert_eq!(count(&doc, "script"), 0);
    let shown = doc
        .descendants()
        .filter(|n| n.is_text())
        .any(|n| n.text().unwrap_or("").contains(EVIL));
    assert!(shown, "the label must appear as text");
    assert_accessible(&doc);
}
