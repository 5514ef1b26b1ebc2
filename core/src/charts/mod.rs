//! Charts for the meeting screen, rendered as standalone SVG strings with plotters' SVG
//! backend (no font crates: text stays SVG `<text>`, drawn by the viewer's own font).
//!
//! Every chart is a function taking a plain input struct (labels and numbers the UI
//! assembles from the map, the score module or the analytics module) plus [`ChartOptions`]
//! and returning a [`Chart`]: the SVG, or — when the input holds nothing to draw — a message
//! in the chosen language saying which data the chart needs. The builders in [`from_map`]
//! assemble inputs from a [`crate::model::JourneyMap`] where the model already holds the data.
//!
//! Every SVG has `role="img"`, `aria-labelledby`, an escaped `<title>` and a `<desc>` that
//! lists the numbers. User text is escaped: plotters escapes what it draws (labels handed to
//! it are only cleaned of characters XML forbids), and [`escape`] — the module's one escaping
//! function — covers everything written by hand. Colours are Okabe–Ito; text is at least
//! 16 px at the default 960 × 540. Plotters is never asked to lay out a caption or a
//! right-hand axis, the only places it measures text; on wasm32 that measuring goes through
//! the DOM, so avoiding it keeps rendering pure (it also works in a web worker).

mod document;
mod header;
mod plot;
mod svg_writer;
mod text;
mod theme;

mod channel_mix;
mod contact_mix;
mod emotion_curve;
mod funnel;
mod horizontal_bars;
mod measurement_trend;
mod route_flow;
mod route_layout;
mod score_ranking;
mod throughput;
mod value_effort;

pub mod dashboard;
pub mod from_map;

pub use channel_mix::{channel_mix, ChannelMixInput, ChannelRow, MAX_CHANNELS};
pub use contact_mix::{class_label, contact_mix, reason_label, ContactMixInput, ContactVolume};
pub use document::{Chart, ChartOptions};
pub use emotion_curve::{emotion_curve, emotion_curve_focus, EmotionCurveInput, EmotionSeries};
pub use measurement_trend::{measurement_trend, trend_input, TrendInput, TrendMarker, TrendPoint};
pub use funnel::{funnel, step_change, FunnelInput, FunnelStep};
pub use route_flow::{route_flow, RouteFlowInput};
pub use route_layout::{FlowLink, FlowNode};
pub use score_ranking::{score_ranking, ScoreRankingInput, ScoredItem, MAX_ROWS};
pub use text::escape;
pub use throughput::{bin_durations, throughput_histogram, Bins, ThroughputInput, TimeUnit};
pub use value_effort::{value_effort, OpportunityPoint, Quadrant, ValueEffortInput, EFFORT_MAX, VALUE_MAX};

#[cfg(test)]
mod escaping_props;
#[cfg(test)]
mod samples;
#[cfg(test)]
mod test_support;
