//! Zoom: "fit to screen" (the default when a map opens) and the steps of zoom in/out.
//!
//! Fit shows the whole canvas in the viewport when that keeps text readable; a map too big
//! for that stops at [`MIN_ZOOM`] and scrolls. A small map is enlarged up to [`FIT_MAX`] so a
//! map with few touchpoints reads well on a projector.

/// The smallest zoom: text of 13 px is still about 8 px on screen.
pub const MIN_ZOOM: f64 = 0.6;
/// The largest zoom the buttons reach.
pub const MAX_ZOOM: f64 = 2.0;
/// The largest zoom "fit to screen" picks.
pub const FIT_MAX: f64 = 1.5;
/// Zoom in/out walk these steps.
pub const STEPS: [f64; 11] = [0.6, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// The zoom at which a canvas of `content` size (width, height at zoom 1) fits `viewport`
/// (both in CSS pixels), within [`MIN_ZOOM`]..=[`FIT_MAX`], rounded down to hundredths so
/// the fitted canvas never overflows by a rounding error. Sizes that are zero, negative or
/// not finite (nothing measured yet) give 1.
pub fn fit_zoom(content: (f64, f64), viewport: (f64, f64)) -> f64 {
    let ok = |v: f64| v.is_finite() && v > 0.0;
    if !(ok(content.0) && ok(content.1) && ok(viewport.0) && ok(viewport.1)) {
        return 1.0;
    }
    let z = (viewport.0 / content.0).min(viewport.1 / content.1);
    ((z * 100.0).floor() / 100.0).clamp(MIN_ZOOM, FIT_MAX)
}

/// The least zoom of the meeting view: 13 px card titles are drawn at 14.3 px and 12 px lane
/// text at 13.2 px, legible from the back of a room on a 1366 px projector.
pub const MEETING_MIN: f64 = 1.1;

/// The meeting view's zoom: the stages fill the width of the viewport (`viewport_w`), never
/// below [`MEETING_MIN`] (a wider map scrolls sideways, its lanes scroll down) and never
/// above [`FIT_MAX`]. A width not measured yet gives [`MEETING_MIN`].
pub fn meeting_zoom(content_w: f64, viewport_w: f64) -> f64 {
    if !(content_w.is_finite() && content_w > 0.0 && viewport_w.is_finite() && viewport_w > 0.0) {
        return MEETING_MIN;
    }
    ((viewport_w / content_w * 100.0).floor() / 100.0).clamp(MEETING_MIN, FIT_MAX)
}

/// The next step above `zoom` (stays at [`MAX_ZOOM`]).
pub fn zoom_in(zoom: f64) -> f64 {
    STEPS.iter().copied().find(|s| *s > zoom + 1e-6).unwrap_or(MAX_ZOOM)
}

/// The next step below `zoom` (stays at [`MIN_ZOOM`]).
pub fn zoom_out(zoom: f64) -> f64 {
    STEPS.iter().rev().copied().find(|s| *s < zoom - 1e-6).unwrap_or(MIN_ZOOM)
}

/// A zoom as a percentage for the zoom button ("85 %").
pub fn percent(zoom: f64) -> u32 {
    (zoom * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meeting_view_fills_the_width_but_keeps_titles_at_14_px() {
        // A wide map: the least zoom, titles 13 × 1.1 = 14.3 px.
        assert_eq!(meeting_zoom(1700.0, 1300.0), MEETING_MIN);
        assert!(13.0 * MEETING_MIN >= 14.0 && 12.0 * MEETING_MIN >= 12.0);
        // A narrow one fills the width, up to FIT_MAX.
        assert_eq!(meeting_zoom(1000.0, 1300.0), 1.3);
        assert!(1000.0 * meeting_zoom(1000.0, 1300.0) <= 1300.0);
        assert_eq!(meeting_zoom(300.0, 1300.0), FIT_MAX);
        assert_eq!(meeting_zoom(0.0, 1300.0), MEETING_MIN);
    }

    #[test]
    fn fit_uses_the_tighter_dimension_and_never_overflows() {
        // 1600 × 600 into 1300 × 640: the width decides.
        let z = fit_zoom((1600.0, 600.0), (1300.0, 640.0));
        assert_eq!(z, 0.81);
        assert!(1600.0 * z <= 1300.0 && 600.0 * z <= 640.0);
        // The height decides.
        assert_eq!(fit_zoom((1000.0, 800.0), (1300.0, 640.0)), 0.8);
        // A small map is enlarged, but not beyond FIT_MAX; a huge one stops at MIN_ZOOM.
        assert_eq!(fit_zoom((300.0, 200.0), (1300.0, 640.0)), FIT_MAX);
        assert_eq!(fit_zoom((20000.0, 4000.0), (1300.0, 640.0)), MIN_ZOOM);
        // Nothing measured yet.
        assert_eq!(fit_zoom((0.0, 100.0), (1300.0, 640.0)), 1.0);
        assert_eq!(fit_zoom((f64::NAN, 100.0), (1300.0, 640.0)), 1.0);
    }

    #[test]
    fn zoom_steps_walk_up_and_down_and_stop_at_the_ends() {
        assert_eq!(zoom_in(1.0), 1.1);
        assert_eq!(zoom_out(1.0), 0.9);
        // From a fitted zoom between steps, the next step in each direction.
        assert_eq!(zoom_in(0.83), 0.9);
        assert_eq!(zoom_out(0.83), 0.8);
        assert_eq!(zoom_in(MAX_ZOOM), MAX_ZOOM);
        assert_eq!(zoom_out(MIN_ZOOM), MIN_ZOOM);
        assert_eq!(percent(0.834), 83);
    }
}
