//! The map canvas: the journey map as a picture a team reads at a glance — stages as
//! columns, lanes as rows, one column per touchpoint inside its stage so every lane of a
//! touchpoint lines up under its card, and the emotion curve drawn across the stages through
//! those same columns.
//!
//! Everything here is plain geometry and text, tested natively; the Leptos canvas
//! (`src/ui/map_canvas/`) only renders it:
//! - [`layout`]: the columns (width from the content), the stage spans, the lanes shown;
//!   [`width_cache`] keeps measured widths between the canvas's layouts;
//! - [`curve`]: the emotion curve's points and its SVG (one line per shown persona, as-is
//!   solid, to-be dashed, faces at the points);
//! - [`fit`]: "fit to screen" and the zoom steps;
//! - [`drawn`]: which columns a large map draws (those in view and near it);
//! - [`nav`]: arrow-key selection between cards and stages, and moving a card along the row;
//! - [`syllables`]: soft hyphens at syllables for the meeting view;
//! - [`export_svg`]: the whole map as one SVG picture (image downloads, printed pages), with
//!   [`lane_text`] saying what each lane shows of a touchpoint.

pub mod curve;
pub mod drawn;
pub mod export_svg;
pub mod lane_text;
pub mod fit;
pub mod layout;
pub mod nav;
pub mod syllables;
pub mod width_cache;

pub use curve::{canvas_curve, curve_marker_paths, curve_paths, CurvePath, MarkerPath, render_curve_frame, render_curve_lines, render_curve_mark, render_curve_scale, render_curve_svg, curve_scale_fixed, curve_scale_labels, stage_separators_d, svg_open, mark_group, mark_transform, CanvasCurve, CurveLine, CurveMark};
pub use drawn::drawn_columns;
pub use export_svg::{map_pages, map_picture, MapPicture};
pub use fit::{fit_zoom, meeting_zoom, zoom_in, zoom_out, MAX_ZOOM, MIN_ZOOM};
pub use layout::{canvas_layout, shown_lanes, CanvasLayout, Column, Slot, StageSpan};
pub use nav::{navigate, Move, Selection};
pub use width_cache::{canvas_layout_cached, WidthCache};
