//! The app's own icons as inline SVG: channels, emotion faces, evidence, route kinds, the
//! lanes and the map's tools. Drawn here (simple strokes on a 24 × 24 grid, in
//! `currentColor`) so their meaning never depends on an emoji font, and so charts and the UI
//! share them. No icon carries text; the UI always puts a word or an accessible name beside.

use crate::model::{Channel, EvidenceKind, RouteKind};

/// The icon's body inside the standard frame, marked decorative (the label is elsewhere).
pub fn svg(body: &str) -> String {
    format!(
        r#"<svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{body}</svg>"#
    )
}

/// The drawing of a channel.
pub fn channel(c: &Channel) -> &'static str {
    match c {
        Channel::Website => r#"<circle cx="12" cy="12" r="9"/><ellipse cx="12" cy="12" rx="4" ry="9"/><path d="M3 12h18M4.5 7.5h15M4.5 16.5h15"/>"#,
        Channel::OnlineShop => r#"<path d="M2.5 4h3l2.3 10.5h10.4L21 7.5H6.6"/><circle cx="9.5" cy="19" r="1.6"/><circle cx="17" cy="19" r="1.6"/>"#,
        Channel::App => r#"<rect x="6.5" y="2.5" width="11" height="19" rx="2.2"/><path d="M10.5 18.5h3"/>"#,
        Channel::Email => r#"<rect x="3" y="5.5" width="18" height="13" rx="1.5"/><path d="M3.5 6.5 12 13l8.5-6.5"/>"#,
        Channel::Phone => r#"<path d="M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"/>"#,
        Channel::Chat => r#"<path d="M4 4.5h16v11.5h-9.5L6 20v-4H4z"/><path d="M8 9h8M8 12.5h5"/>"#,
        Channel::SocialMedia => r#"<circle cx="6" cy="12" r="2.6"/><circle cx="17.5" cy="6" r="2.6"/><circle cx="17.5" cy="18" r="2.6"/><path d="M8.3 10.8l6.9-3.6M8.3 13.2l6.9 3.6"/>"#,
        Channel::ReviewPortal => r#"<path d="M12 3l2.7 5.6 6.1.8-4.5 4.2 1.2 6.1L12 16.7l-5.5 3 1.2-6.1-4.5-4.2 6.1-.8z"/>"#,
        Channel::Influencer => r#"<rect x="9" y="2.5" width="6" height="11.5" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7"/>"#,
        Channel::SearchEngine => r#"<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.3 15.3 21 21"/>"#,
        Channel::Advertising => r#"<path d="M3.5 9.5v5h3.5l8.5 5V4.5l-8.5 5z"/><path d="M18.5 9a4 4 0 0 1 0 6M8 14.5l1.5 5.5"/>"#,
        Channel::Store => r#"<path d="M4.5 10v10h15V10"/><path d="M3 10l2-5.5h14L21 10c0 1.4-1.3 2.3-2.6 2.3S16 11.4 16 10c0 1.4-1.3 2.3-2.6 2.3S11 11.4 11 10c0 1.4-1.3 2.3-2.6 2.3S6 11.4 6 10c0 1.4-1.3 2.3-3 0z"/><path d="M10 20v-4.5h4V20"/>"#,
        Channel::ServiceDesk => r#"<path d="M5 13.5v-1.5a7 7 0 0 1 14 0v1.5"/><rect x="3" y="13" width="4" height="5.5" rx="1.2"/><rect x="17" y="13" width="4" height="5.5" rx="1.2"/><path d="M19 18.5c0 1.6-2.2 2.6-5.5 2.6"/>"#,
        Channel::Letter => r#"<path d="M3.5 7.5 12 3.5l8.5 4v9L12 20.5l-8.5-4z"/><path d="M3.5 7.5 12 11.5l8.5-4M12 11.5v9M7.8 5.5l8.5 4"/>"#,
        Channel::Custom(_) => r#"<circle cx="12" cy="12" r="8.5" stroke-dasharray="3 2.4"/><circle cx="12" cy="12" r="2.2" fill="currentColor"/>"#,
    }
}

/// A face for an emotion −2..=2 (`None`: a question mark): the mouth tells the emotion, so
/// the face reads without colour.
pub fn face(emotion: Option<i8>) -> &'static str {
    match emotion {
        None => r#"<circle cx="12" cy="12" r="9" stroke-dasharray="3 2.4"/><path d="M9.6 9.6a2.4 2.4 0 1 1 3.4 2.2c-.6.3-1 .9-1 1.6v.6"/><circle cx="12" cy="17" r=".6" fill="currentColor"/>"#,
        Some(i8::MIN..=-2) => r#"<circle cx="12" cy="12" r="9"/><path d="M8 9.5l2 1M16 9.5l-2 1M7.8 17.2Q12 12 16.2 17.2"/>"#,
        Some(-1) => r#"<circle cx="12" cy="12" r="9"/><circle cx="9" cy="10" r=".9" fill="currentColor"/><circle cx="15" cy="10" r=".9" fill="currentColor"/><path d="M8.5 16.5Q12 14 15.5 16.5"/>"#,
        Some(0) => r#"<circle cx="12" cy="12" r="9"/><circle cx="9" cy="10" r=".9" fill="currentColor"/><circle cx="15" cy="10" r=".9" fill="currentColor"/><path d="M8.5 15.5h7"/>"#,
        Some(1) => r#"<circle cx="12" cy="12" r="9"/><circle cx="9" cy="10" r=".9" fill="currentColor"/><circle cx="15" cy="10" r=".9" fill="currentColor"/><path d="M8.5 14.5Q12 17.5 15.5 14.5"/>"#,
        Some(_) => r#"<circle cx="12" cy="12" r="9"/><path d="M7.8 10q1.2-1.6 2.4 0M13.8 10q1.2-1.6 2.4 0"/><path d="M7.5 13.5h9Q16 18.5 12 18.5T7.5 13.5z" fill="currentColor" fill-opacity=".25"/>"#,
    }
}

/// How sure we are: measured a full disc, reported a half, assumed a dashed ring — the
/// same shapes as the evidence words' ●◐○.
pub fn evidence(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Measured => r#"<circle cx="12" cy="12" r="7" fill="currentColor"/>"#,
        EvidenceKind::Reported => r#"<circle cx="12" cy="12" r="7"/><path d="M12 5a7 7 0 0 1 0 14z" fill="currentColor"/>"#,
        EvidenceKind::Assumed => r#"<circle cx="12" cy="12" r="7" stroke-dasharray="2.6 2.2"/>"#,
    }
}

/// A route kind as the flow view draws it: solid, dashed, and a loop back.
pub fn route(kind: RouteKind) -> &'static str {
    match kind {
        RouteKind::Planned => r#"<path d="M3 12h16M14 7l5 5-5 5"/>"#,
        RouteKind::Alternative => r#"<path d="M3 12h16" stroke-dasharray="3 2.6"/><path d="M14 7l5 5-5 5"/>"#,
        RouteKind::LoopBack => r#"<path d="M19 5v5a4.5 4.5 0 0 1-4.5 4.5H5" stroke-dasharray="1.5 2.6"/><path d="M9 10.5 5 14.5l4 4"/>"#,
    }
}

/// The map's tools and the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Plus,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    Fit,
    More,
    Close,
    Eye,
    EyeOff,
    Trash,
    Grip,
    Grid,
    Flow,
    Warning,
    Info,
    Action,
    Thought,
    PainPoint,
    Opportunity,
    Frontstage,
    Backstage,
    Measurement,
    Person,
    Edit,
}

pub fn tool(t: Tool) -> &'static str {
    match t {
        Tool::Plus => r#"<path d="M12 5v14M5 12h14"/>"#,
        Tool::Undo => r#"<path d="M9 7 4.5 11.5 9 16"/><path d="M5 11.5h9.5a5 5 0 0 1 0 10H11"/>"#,
        Tool::Redo => r#"<path d="M15 7l4.5 4.5L15 16"/><path d="M19 11.5H9.5a5 5 0 0 0 0 10H13"/>"#,
        Tool::ZoomIn => r#"<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.3 15.3 21 21M10.5 7.5v6M7.5 10.5h6"/>"#,
        Tool::ZoomOut => r#"<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.3 15.3 21 21M7.5 10.5h6"/>"#,
        Tool::Fit => r#"<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/><rect x="8" y="8" width="8" height="8" rx="1"/>"#,
        Tool::More => r#"<circle cx="5.5" cy="12" r="1.3" fill="currentColor"/><circle cx="12" cy="12" r="1.3" fill="currentColor"/><circle cx="18.5" cy="12" r="1.3" fill="currentColor"/>"#,
        Tool::Close => r#"<path d="M6 6l12 12M18 6 6 18"/>"#,
        Tool::Eye => r#"<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><circle cx="12" cy="12" r="3"/>"#,
        Tool::EyeOff => r#"<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><path d="M4 4l16 16"/>"#,
        Tool::Trash => r#"<path d="M4.5 6.5h15M9.5 6.5V4h5v2.5M6.5 6.5l1 13.5h9l1-13.5M10 10v6.5M14 10v6.5"/>"#,
        Tool::Grip => r#"<g fill="currentColor" stroke="none"><circle cx="9" cy="6" r="1.5"/><circle cx="15" cy="6" r="1.5"/><circle cx="9" cy="12" r="1.5"/><circle cx="15" cy="12" r="1.5"/><circle cx="9" cy="18" r="1.5"/><circle cx="15" cy="18" r="1.5"/></g>"#,
        Tool::Grid => r#"<rect x="3.5" y="4" width="17" height="16" rx="1.5"/><path d="M3.5 9h17M9.5 4v16M15 4v16"/>"#,
        Tool::Flow => r#"<rect x="2.5" y="9" width="6" height="6" rx="1"/><rect x="15.5" y="3.5" width="6" height="6" rx="1"/><rect x="15.5" y="14.5" width="6" height="6" rx="1"/><path d="M8.5 12h3.5v-5.5h3.5M12 12v5.5h3.5"/>"#,
        Tool::Warning => r#"<path d="M12 3.5 21.5 20h-19z"/><path d="M12 9.5v5M12 17.3v.2"/>"#,
        Tool::Info => r#"<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.2"/>"#,
        Tool::Action => r#"<path d="M6 3.5l12 7-5.2 1.4 3.1 6-2.6 1.3-3.1-6L6 17z"/>"#,
        Tool::Thought => r#"<path d="M7 16.5a4.5 4.5 0 0 1-.6-8.9 5.5 5.5 0 0 1 10.4-.5 4.2 4.2 0 0 1 .7 8.4z"/><circle cx="6.5" cy="19.5" r="1.2"/><circle cx="4" cy="21.5" r=".6"/>"#,
        Tool::PainPoint => r#"<path d="M13.5 2.5 5 13.5h6.5l-1.5 8 9-11.5h-6.5z"/>"#,
        Tool::Opportunity => r#"<path d="M9 17.5h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.4 1.1 2.2v1.5h5V16c0-.8.4-1.6 1.1-2.2A6 6 0 0 0 12 3z"/>"#,
        Tool::Frontstage => r#"<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><circle cx="12" cy="12" r="3" fill="currentColor"/>"#,
        Tool::Backstage => r#"<circle cx="12" cy="12" r="3.2"/><path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"/>"#,
        Tool::Measurement => r#"<path d="M3.5 20.5h17M6.5 20.5V12M11.5 20.5V5.5M16.5 20.5v-5"/>"#,
        Tool::Person => r#"<circle cx="12" cy="8" r="4"/><path d="M4.5 21a7.5 7.5 0 0 1 15 0"/>"#,
        Tool::Edit => r#"<path d="M4 20h4L19.5 8.5a2.8 2.8 0 0 0-4-4L4 16z"/><path d="M13.5 6.5l4 4"/>"#,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    fn bodies() -> Vec<&'static str> {
        let mut all: Vec<&str> = Channel::FIXED.iter().map(channel).collect();
        all.push(channel(&Channel::Custom("x".into())));
        all.extend([None, Some(-2), Some(-1), Some(0), Some(1), Some(2)].map(face));
        all.extend([EvidenceKind::Measured, EvidenceKind::Reported, EvidenceKind::Assumed].map(evidence));
        all.extend([RouteKind::Planned, RouteKind::Alternative, RouteKind::LoopBack].map(route));
        use Tool::*;
        let tools = [
            Plus, Undo, Redo, ZoomIn, ZoomOut, Fit, More, Close, Eye, EyeOff, Trash, Grip, Grid, Flow, Warning, Info,
            Action, Thought, PainPoint, Opportunity, Frontstage, Backstage, Measurement, Person, Edit,
        ];
        all.extend(tools.map(tool));
        all
    }

    #[test]
    fn every_icon_is_well_formed_svg_without_text() {
        for body in bodies() {
            let doc = svg(body);
            let parsed = roxmltree::Document::parse(&doc).unwrap_or_else(|e| panic!("{e}: {body}"));
            assert_eq!(parsed.root_element().attribute("viewBox"), Some("0 0 24 24"));
            assert_eq!(parsed.root_element().attribute("aria-hidden"), Some("true"));
            assert!(parsed.descendants().all(|n| !n.has_tag_name("text")), "icons carry no text");
        }
    }

    #[test]
    fn distinct_things_get_distinct_drawings() {
        let mut channels: Vec<&str> = Channel::FIXED.iter().map(channel).collect();
        channels.sort();
        channels.dedup();
        assert_eq!(channels.len(), Channel::FIXED.len());
        let mut faces: Vec<&str> = [None, Some(-2), Some(-1), Some(0), Some(1), Some(2)].into_iter().map(face).collect();
        faces.sort();
        faces.dedup();
        assert_eq!(faces.len(), 6);
        assert_eq!(face(Some(-7)), face(Some(-2)), "out of range reads as the nearest end");
    }
}
