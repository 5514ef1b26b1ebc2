//! The emotion lane: the curve from `journey_core::canvas::curve`, spanning every column so
//! its points sit under their cards, and its legend (one line per shown persona with its
//! dash pattern and marker, to-be dashed) in the lane's label; under the map its values as a
//! table ([`CurveValues`], the drawing's text alternative). The core writes the SVG with every label escaped, so it is
//! inserted as markup; the legend's names are text nodes.
//!
//! The drawing is not one string: the scale is parsed once but for its stage separators (one
//! `<path>` whose data is set), each line is a `<path>` kept in the page whose path data is set, and each touchpoint's mark is its own
//! group, keyed by its place and moved by a `transform`. An edit then re-parses the one mark
//! that changed and sets the lines' path data; re-parsing every face (about six elements per
//! touchpoint) was the largest part of an edit on a 300-touchpoint map, and re-parsing the
//! lines as markup the largest left after that. Marks, and the lines' markers (one path of
//! shapes per line, not `<marker>`s: each of those painted as a drawing of its own), are drawn
//! for the drawn columns only (`Cv::drawn`): a marker at each of 300 points was repainted on
//! every edit.

use journey_core::canvas::curve::{curve_label, CURVE_H};
use journey_core::canvas::{canvas_curve, curve_marker_paths, curve_paths, curve_scale_fixed, curve_scale_labels, mark_transform, render_curve_mark, stage_separators_d, CanvasCurve, CurveMark, CurvePath, MarkerPath};
use leptos::prelude::*;

use super::ctx::Cv;

#[component]
pub fn CurveCell(cv: Cv, span: Signal<usize>) -> impl IntoView {
    let curve = Memo::new(move |_| {
        let persona = cv.persona.get();
        cv.layout.with(|l| cv.with_map(|m| canvas_curve(m, l, persona.as_deref())))
    });
    // Of the scale only the stage separators move with the columns (one path's data); the
    // level lines and labels are parsed once. Re-parsing the whole scale on every change of
    // a column's width was eleven elements re-made (benchmarks/README.md, "Editor, session
    // 5"). The lines change with any emotion.
    let separators = Memo::new(move |_| curve.with(|c| c.as_ref().map(|c| stage_separators_d(c, CURVE_H)).unwrap_or_default()));
    let lines = Memo::new(move |_| {
        let lang = cv.state.lang.get();
        curve.with(|c| c.as_ref().map(|c| curve_paths(c, CURVE_H, lang)).unwrap_or_default())
    });
    let width = Memo::new(move |_| curve.with(|c| c.as_ref().map_or(1.0, |c| c.width.max(1.0))));
    // The drawn columns (`Cv::drawn`) in the drawing's x: on a large map the faces and the
    // lines' markers far from the view are left out like the cards above them; the lines
    // stay whole.
    let drawn_x = Memo::new(move |_| {
        let (start, end) = cv.drawn.get();
        cv.layout.with(|l| {
            let label = l.label_width;
            let cols = &l.columns[start.min(l.columns.len())..end.min(l.columns.len())];
            (cols.first().map_or(0.0, |c| c.x - label), cols.last().map_or(0.0, |c| c.x + c.width - label))
        })
    });
    let markers = Memo::new(move |_| {
        let (from, to) = drawn_x.get();
        curve.with(|c| c.as_ref().map(|c| curve_marker_paths(c, CURVE_H, from, to)).unwrap_or_default())
    });
    let marks = Memo::new(move |_| {
        let (from, to) = drawn_x.get();
        curve.with(|c| {
            c.as_ref().map_or((0, 0), |c| {
                let first = c.marks.iter().position(|m| m.x >= from).unwrap_or(c.marks.len());
                let last = c.marks.iter().rposition(|m| m.x <= to).map_or(first, |i| i + 1).max(first);
                (first, last)
            })
        })
    });
    let name = move || curve_label(cv.state.lang.get());
    view! {
        <div class="cv-cell cv-curve" data-testid="emotion-curve" style=move || format!("grid-column: span {};", span.get())>
            <svg class="canvas-curve-svg" role="img" aria-label=name aria-describedby="curve-values"
                width=move || format!("{:.0}", width.get()) height=format!("{CURVE_H:.0}")
                viewBox=move || format!("0 0 {:.0} {CURVE_H:.0}", width.get())>
                <g inner_html=curve_scale_fixed(CURVE_H)></g>
                <path class="curve-stages" d=move || separators.get() fill="none" stroke="#d0d7de"></path>
                <g inner_html=curve_scale_labels(CURVE_H)></g>
                <g>
                    <For each=move || 0..lines.with(Vec::len) key=|i| *i let(i)>
                        <CurveLineView lines markers i/>
                    </For>
                </g>
                <For each=move || { let (first, last) = marks.get(); first..last } key=|i| *i let(i)>
                    <CurveMarkView cv curve i/>
                </For>
            </svg>
        </div>
    }
}

/// The line at place `i`: one `<path>` whose attributes follow the line, and after it the
/// path of its markers (`curve-markers`: the marker's shape beside each of its points in the
/// drawn columns, one path). The path data are memos of their own, so moved points set `d`
/// and nothing else.
#[component]
fn CurveLineView(lines: Memo<Vec<CurvePath>>, markers: Memo<Vec<MarkerPath>>, i: usize) -> impl IntoView {
    let d = Memo::new(move |_| lines.with(|l| l.get(i).map(|p| p.d.clone()).unwrap_or_default()));
    let marked = Memo::new(move |_| markers.with(|m| m.get(i).map(|m| m.d.clone()).unwrap_or_default()));
    // Colour, kind and dash pattern, the markers' colour and shape: they change only when the
    // lines themselves do.
    let look = Memo::new(move |_| lines.with(|l| l.get(i).map(|p| (p.color, p.kind(), p.dash()))));
    let mark_look = Memo::new(move |_| markers.with(|m| m.get(i).map(|m| (m.color, m.shape))));
    let title = Memo::new(move |_| lines.with(|l| l.get(i).map(CurvePath::title_markup).unwrap_or_default()));
    let kind = move || look.get().map(|(_, kind, _)| kind);
    view! {
        <path d=move || d.get() fill="none" stroke=move || look.get().map(|(color, _, _)| color) stroke-width="2.5" stroke-linejoin="round"
            stroke-dasharray=move || look.get().and_then(|(_, _, dash)| dash)
            class=move || format!("curve-line curve-{}", kind().unwrap_or_default()) data-kind=kind
            inner_html=move || title.get()></path>
        <path class="curve-markers" data-kind=kind data-shape=move || mark_look.get().map(|(_, shape)| shape) d=move || marked.get()
            fill=move || mark_look.get().map(|(color, _)| color) stroke="#fff" stroke-width="1"></path>
    }
}

/// The mark at place `i` of the curve; redrawn only when that mark changes.
#[component]
fn CurveMarkView(cv: Cv, curve: Memo<Option<CanvasCurve>>, i: usize) -> impl IntoView {
    let mark = Memo::new(move |_| curve.with(|c| c.as_ref().and_then(|c| c.marks.get(i).cloned())));
    let id = Memo::new(move |_| mark.with(|m| m.as_ref().map(|m| m.touchpoint.clone()).unwrap_or_default()));
    let at = Memo::new(move |_| mark.with(|m| m.as_ref().map(mark_transform).unwrap_or_default()));
    // The face is drawn at x = 0: a column that moves changes the transform only, and the
    // face is not even re-written (it follows what the mark shows, not where it is).
    let shows = Memo::new(move |_| mark.with(|m| m.as_ref().map(|m| CurveMark { x: 0.0, ..m.clone() })));
    let body = Memo::new(move |_| {
        let lang = cv.state.lang.get();
        shows.with(|m| m.as_ref().map(|m| render_curve_mark(m, CURVE_H, lang)).unwrap_or_default())
    });
    view! { <g class="curve-mark" data-tp-id=move || id.get() transform=move || at.get() inner_html=move || body.get()></g> }
}

#[component]
pub fn CurveLegend(cv: Cv) -> impl IntoView {
    // (name, colour, has a to-be line) per shown persona.
    let entries = Memo::new(move |_| {
        let persona = cv.persona.get();
        cv.with_map(|m| {
            let shown: Vec<_> = m.personas.iter().filter(|p| persona.as_deref().is_none_or(|f| f == p.id)).collect();
            let to_be = m.touchpoints.iter().any(|t| t.to_be_emotion.is_some());
            (shown.iter().enumerate().map(|(i, p)| (p.name.clone(), journey_core::canvas::curve::LINE_COLORS[i % 6])).collect::<Vec<_>>(), to_be)
        })
        .unwrap_or_default()
    });
    // Each persona's line as drawn: colour, dash pattern and marker (the core's), so the
    // legend tells the lines apart without colour too.
    let sample = |i: usize, color: &str| {
        let dash = journey_core::canvas::curve::line_dash(i).map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
        format!(
            r#"<path d="M1 6 H31" stroke="{color}" stroke-width="2.5"{dash}/>{}"#,
            journey_core::canvas::curve::marker_shape(i, 16.0, 6.0)
        )
    };
    view! {
        <ul class="cv-legend" data-testid="curve-legend">
            {move || entries.with(|(lines, _)| lines.iter().enumerate().map(|(i, (name, color))| view! {
                <li data-testid="legend-persona"><svg class="cv-swatch-line" width="32" height="12" viewBox="0 0 32 12" aria-hidden="true" inner_html=sample(i, color)></svg> {name.clone()}</li>
            }).collect_view())}
            {move || entries.with(|(_, to_be)| *to_be).then(|| view! {
                <li><span class="cv-swatch cv-swatch-dashed"></span> {move || cv.t().legend_to_be}</li>
            })}
        </ul>
    }
}

/// The curve's text alternative, under the map: per stage the curve's value for each persona
/// (the stage's mean emotion, as the presentation's curve and slides give it —
/// `charts::from_map::emotion_curve_input`), "unknown" where no emotion is known.
#[component]
pub fn CurveValues(cv: Cv) -> impl IntoView {
    let input = Memo::new(move |_| {
        let lang = cv.state.lang.get();
        cv.with_map(|m| journey_core::charts::from_map::emotion_curve_input(m, lang))
    });
    let table = move || {
        let lang = cv.state.lang.get();
        input.with(|i| {
            i.as_ref().map(|i| {
                let head = i.series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view();
                let rows = i.stages.iter().enumerate().map(|(k, stage)| {
                    let cells = i.series.iter().map(|s| {
                        let v = s.as_is.get(k).copied().flatten();
                        view! { <td>{v.map_or_else(|| cv.t().value_unknown.to_string(), |v| journey_core::locale::signed(v, 1, lang))}</td> }
                    }).collect_view();
                    view! { <tr><th scope="row">{stage.clone()}</th>{cells}</tr> }
                }).collect_view();
                view! {
                    <table class="cv-curve-table">
                        <caption>{cv.t().curve_values_caption}</caption>
                        <thead><tr><th scope="col">{cv.t().stage_column}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
        })
    };
    // The table is in the page while it is open only: closed, its rows are not shown nor read
    // (the drawing's description is then the summary), and rebuilding them on every emotion
    // edit was a third of that edit's changes to the page.
    let open = RwSignal::new(false);
    view! {
        <details class="cv-curve-values" id="curve-values" data-testid="curve-values"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{move || cv.t().curve_values}</summary>
            {move || open.get().then(table)}
        </details>
    }
}
