//! Charts for the meeting screen, rendered as standalone SVG strings with plotters' SVG
//! backend (no font crates: text stays SVG `<text>`, drawn by the viewer's own font).
//!
//! Every chart takes a plain input struct (labels and numbers the UI assembles from the map,
//! the score module or the analytics module) plus [`ChartOptions`], and returns a [`Chart`]:
//! either the SVG or, when the input holds nothing to draw, a message saying which data the
//! chart needs. The convenience builders in [`from_map`] assemble inputs from a
//! [`crate::model::JourneyMap`] where the model already holds the data.
//!
//! Every SVG has `role="img"`, `aria-labelledby`, an escaped `<title>` and a `<desc>` that
//! lists the numbers; user text is escaped (plotters escapes what it draws, the module's
//! [`text::escape`] covers everything written by hand). Colours are Okabe–Ito; text is at
//! least 16 px at the default 960 × 540.

mod channel_mix;
mod contact_mix;
mod document;
pub mod from_map;
mod emotion_curve;
mod funnel;
mod header;
mod horizontal_bars;
mod plot;
mod route_flow;
mod route_layout;
mod score_ranking;
mod svg_writer;
mod text;
mod theme;
mod throughput;
mod value_effort;

#[cfg(test)]
mod test_support;

pub use channel_mix::{channel_mix, ChannelMixInput, ChannelRow, MAX_CHANNELS};
pub use contact_mix::{class_label, contact_mix, reason_label, ContactMixInput, ContactVolume};
pub use document::{Chart, ChartOptions};
pub use emotion_curve::{emotion_curve, EmotionCurveInput, EmotionSeries};
pub use funnel::{funnel, step_change, FunnelInput, FunnelStep};
pub use route_flow::{route_flow, FlowLink, FlowNode, RouteFlowInput};
pub use score_ranking::{score_ranking, ScoreRankingInput, ScoredItem, MAX_ROWS};
pub use header::{LegendEntry, Swatch};
pub use text::escape;
pub use value_effort::{value_effort, OpportunityPoint, Quadrant, ValueEffortInput, EFFORT_MAX, VALUE_MAX};
pub use throughput::{bin_durations, throughput_histogram, Bins, ThroughputInput, TimeUnit};
#[cfg(test)]
mod escaping_props;
#[cfg(test)]
mod samples;
