//! The editor's pure side: which lanes a map shows, the persona filter, the evidence meter
//! and the flow-view layout. The Leptos editor only calls these.

mod evidence;
mod fields;
mod flow_legend;
mod flow_text;
pub mod flow_view;
mod lanes;
mod persona_filter;

pub use evidence::EvidenceMeter;
pub use fields::set_opportunity_texts;
/// A box in pixels or SVG units (also the canvas view's card boxes, `planned_actual_board`).
pub use flow_text::Rect;
pub use lanes::{lines_to_list, list_to_lines, Lane};
pub use persona_filter::belongs_to;
