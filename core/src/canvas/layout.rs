//! The canvas grid: a label column for the lane names, then per stage one column per shown
//! touchpoint — or, for a stage without touchpoints, one column holding its "+ touchpoint"
//! button (a stage with touchpoints has its "+" in the stage header, which saves a column
//! per stage on a projector) — and last the "+ stage" column. Every lane row uses the same columns, so a touchpoint's action,
//! thoughts, pain points … sit right under its card, and the emotion curve's points sit on
//! the column centres.
//!
//! A column is as wide as its content needs to read well: the title in at most three lines,
//! the longest word of the title and of the channel name never broken, the lane texts not
//! towering; within fixed bounds so one long text cannot push the map off the screen.

use crate::editor::{belongs_to, Lane};
use crate::model::{JourneyMap, Lang, Touchpoint};

use crate::text_metrics::{longest_word_px, text_px, Font};

/// The lane-name column.
pub const LABEL_W: f64 = 108.0;
/// The last column, after every stage: the "+ stage" button.
pub const ADD_STAGE_W: f64 = 84.0;
/// The column of a stage without (shown) touchpoints: room for "+ Touchpoint" and a hint.
pub const EMPTY_W: f64 = 150.0;
/// Bounds of a touchpoint column (the content may still force a wider one for one word).
pub const MIN_COL: f64 = 96.0;
pub const MAX_COL: f64 = 208.0;
/// The widest a single unbreakable word may make a column; beyond it the word wraps.
pub const WORD_CAP: f64 = 300.0;
/// Horizontal space a column spends on cell padding, card padding and border (style/canvas.css).
pub const COL_PAD: f64 = 20.0;
/// Font sizes of the card title (bold), the channel name and lane texts (style/canvas.css).
pub const TITLE_FONT: f64 = 13.0;
pub const SMALL_FONT: f64 = 11.0;
pub const BODY_FONT: f64 = 12.0;
/// Room the channel name needs beside the drag grip: the name wraps below the channel icon
/// rather than breaking (style/canvas.css, `.cv-card-channel`).
pub const CHANNEL_ICONS: f64 = 16.0;
/// Lane-text words up to this width never break; longer ones may.
pub const BODY_WORD_CAP: f64 = 100.0;
/// Font size of a stage name (bold) and the least width of a stage header: room for the
/// stage's score and its "+" button under the name (style/canvas.css).
pub const STAGE_FONT: f64 = 15.0;
pub const STAGE_MIN: f64 = 96.0;
/// Horizontal padding of a stage header.
const STAGE_PAD: f64 = 22.0;
/// Lane texts are wrapped to about this many lines over all lanes before a column widens
/// (ten with `text_metrics`' widths keeps the example maps as wide as they were approved).
const BODY_LINES: f64 = 10.0;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Touchpoint(String),
    /// The "+ touchpoint" button of a stage without (shown) touchpoints.
    Add,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Index into [`CanvasLayout::stages`] (and the map's stages).
    pub stage: usize,
    pub slot: Slot,
    /// Left edge in canvas pixels (the label column starts at 0).
    pub x: f64,
    pub width: f64,
}

impl Column {
    pub fn center(&self) -> f64 {
        self.x + self.width / 2.0
    }

    pub fn touchpoint(&self) -> Option<&str> {
        match &self.slot {
            Slot::Touchpoint(id) => Some(id),
            Slot::Add => None,
        }
    }

    /// A key that stays the same while the column shows the same thing in the same stage
    /// (for keyed lists). The stage is part of it: a card moved to another stage gets new
    /// cells, so no cell keeps the stage it was drawn for (drops and `data-stage-id` read it).
    pub fn key(&self, stage_id: &str) -> String {
        match &self.slot {
            Slot::Touchpoint(id) => format!("tp:{stage_id}:{id}"),
            Slot::Add => format!("add:{stage_id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageSpan {
    pub id: String,
    pub name: String,
    /// Index of its first column in [`CanvasLayout::columns`].
    pub first_column: usize,
    /// How many columns it spans (at least one).
    pub span: usize,
    /// How many touchpoints it shows.
    pub touchpoints: usize,
    pub x: f64,
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CanvasLayout {
    pub label_width: f64,
    pub columns: Vec<Column>,
    pub stages: Vec<StageSpan>,
    /// Label column plus every stage's columns (without the "+ stage" column).
    pub width: f64,
}

impl CanvasLayout {
    /// The CSS `grid-template-columns` value: the label column, every column, and the
    /// "+ stage" column.
    pub fn grid_template(&self) -> String {
        let mut s = format!("{}px", self.label_width);
        for c in &self.columns {
            s.push_str(&format!(" {}px", c.width));
        }
        s.push_str(&format!(" {ADD_STAGE_W}px"));
        s
    }

    /// The whole canvas width at zoom 1, the "+ stage" column included.
    pub fn total_width(&self) -> f64 {
        self.width + ADD_STAGE_W
    }

    /// The CSS grid line where column `i` starts (the label column is line 1).
    pub fn grid_line(i: usize) -> usize {
        i + 2
    }

    /// The touchpoints shown, left to right.
    pub fn touchpoint_ids(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().filter_map(Column::touchpoint)
    }

    pub fn column_of(&self, tp_id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.touchpoint() == Some(tp_id))
    }

    /// The shown touchpoints of stage `i`, left to right.
    pub fn touchpoints_of(&self, stage: usize) -> impl Iterator<Item = &str> {
        self.columns.iter().filter(move |c| c.stage == stage).filter_map(Column::touchpoint)
    }
}

/// How wide a touchpoint's column should be (see the module doc).
// Every field read here is listed in `width_cache::Measured`, which reuses a width only
// while they are all equal: a field added here must be added there.
pub fn column_width(tp: &Touchpoint, lang: Lang) -> f64 {
    let title_font = Font::bold(TITLE_FONT);
    let mut body: Vec<&str> = vec![&tp.customer_action, &tp.thoughts, &tp.owner];
    body.extend(tp.pain_points.iter().map(String::as_str));
    body.extend(tp.opportunities.iter().map(|o| o.text.as_str()));
    // Words of the title and the channel name (beside its icon and the drag grip) never
    // break; a very long word in a lane text (an owner like "Zahlungsdienstleister") may,
    // rather than widen the whole map. (A pain point's icon is inline: a long first word
    // moves below it instead of breaking, style/canvas.css.)
    let body_word = body.iter().map(|t| longest_word_px(t, BODY_FONT)).fold(0.0, f64::max).min(BODY_WORD_CAP);
    let word = longest_word_px(&tp.title, title_font)
        .max(longest_word_px(&tp.channel.label(lang), SMALL_FONT) + CHANNEL_ICONS)
        .max(body_word);
    let title_pref = text_px(&tp.title, title_font) / 3.0;
    let body_pref = body.iter().map(|t| text_px(t, BODY_FONT)).sum::<f64>() / BODY_LINES;
    let preferred = (title_pref.max(body_pref) + COL_PAD).clamp(MIN_COL, MAX_COL);
    preferred.max((word + COL_PAD).min(WORD_CAP)).ceil()
}

/// The canvas of `map`, showing only `persona`'s touchpoints when a persona is chosen.
pub fn canvas_layout(map: &JourneyMap, persona: Option<&str>, lang: Lang) -> CanvasLayout {
    layout_with(map, persona, |tp| column_width(tp, lang))
}

/// [`canvas_layout`] with each touchpoint's column width from `width` ([`column_width`] or
/// its remembered value, `width_cache`).
pub(crate) fn layout_with(map: &JourneyMap, persona: Option<&str>, mut width: impl FnMut(&Touchpoint) -> f64) -> CanvasLayout {
    let mut columns = Vec::new();
    let mut stages = Vec::new();
    let mut x = LABEL_W;
    for (i, stage) in map.stages.iter().enumerate() {
        let (first, start_x) = (columns.len(), x);
        let mut shown = 0;
        for tp in map.touchpoints_in(&stage.id).filter(|t| belongs_to(t, persona)) {
            let width = width(tp);
            columns.push(Column { stage: i, slot: Slot::Touchpoint(tp.id.clone()), x, width });
            x += width;
            shown += 1;
        }
        if shown == 0 {
            columns.push(Column { stage: i, slot: Slot::Add, x, width: EMPTY_W });
            x += EMPTY_W;
        }
        // The header must hold the name's longest word: widen the stage's columns evenly.
        let need = (longest_word_px(&stage.name, Font::bold(STAGE_FONT)) + STAGE_PAD).min(WORD_CAP).max(STAGE_MIN).ceil();
        let short = need - (x - start_x);
        if short > 0.0 {
            let cols = &mut columns[first..];
            let extra = (short / cols.len() as f64).ceil();
            let mut cx = start_x;
            for c in cols.iter_mut() {
                c.x = cx;
                c.width += extra;
                cx += c.width;
            }
            x = cx;
        }
        stages.push(StageSpan {
            id: stage.id.clone(),
            name: stage.name.clone(),
            first_column: first,
            span: columns.len() - first,
            touchpoints: shown,
            x: start_x,
            width: x - start_x,
        });
    }
    CanvasLayout { label_width: LABEL_W, columns, stages, width: x }
}

/// The lanes the map shows, top to bottom.
pub fn shown_lanes(map: &JourneyMap) -> Vec<Lane> {
    Lane::ALL.into_iter().filter(|l| !map.lane_hidden(*l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;
    use crate::templates::coffee_to_go;

    #[test]
    fn columns_tile_the_canvas_and_stages_span_their_columns() {
        let m = coffee_to_go("m", 0.0, Lang::En);
        let l = canvas_layout(&m, None, Lang::En);
        assert_eq!(l.touchpoint_ids().count(), m.touchpoints.len());
        assert_eq!(l.stages.len(), m.stages.len());
        let mut x = LABEL_W;
        for c in &l.columns {
            assert_eq!(c.x, x, "columns follow each other without gaps");
            x += c.width;
        }
        assert_eq!(l.width, x);
        for (i, s) in l.stages.iter().enumerate() {
            let cols = &l.columns[s.first_column..s.first_column + s.span];
            assert!(cols.iter().all(|c| c.stage == i && c.slot != Slot::Add), "stages with cards have no + column");
            assert_eq!(s.x, cols[0].x);
            assert!((s.width - cols.iter().map(|c| c.width).sum::<f64>()).abs() < 1e-9);
            // Touchpoints in the stage's order.
            let order: Vec<&str> = m.touchpoints_in(&s.id).map(|t| t.id.as_str()).collect();
            assert_eq!(l.touchpoints_of(i).collect::<Vec<_>>(), order);
        }
        let grid = l.grid_template();
        assert_eq!(grid.split(' ').count(), l.columns.len() + 2);
        assert!(grid.ends_with(" 84px"));
        assert!(grid.starts_with("108px "));
    }

    #[test]
    fn widths_follow_the_content_within_bounds() {
        let mut short = Touchpoint { title: "Pays".into(), channel: Channel::App, ..Touchpoint::default() };
        assert_eq!(column_width(&short, Lang::En), MIN_COL);
        short.title = "Asks the barista where the order is, because the train leaves in three minutes".into();
        let long = column_width(&short, Lang::En);
        assert!(long > MIN_COL && long <= MAX_COL, "{long}");
        // A single long word is never broken: the column is at least as wide as the word.
        let word = Touchpoint { title: "Kundenzufriedenheitsbefragungsergebnis".into(), ..Touchpoint::default() };
        let w = column_width(&word, Lang::De);
        assert!(w >= longest_word_px(&word.title, Font::bold(TITLE_FONT)) + COL_PAD || w == WORD_CAP, "{w}");
        // The German channel name "Bewertungsportal" fits on its line beside the icons.
        let review = Touchpoint { title: "x".into(), channel: Channel::ReviewPortal, ..Touchpoint::default() };
        assert!(column_width(&review, Lang::De) >= text_px("Bewertungsportal", SMALL_FONT) + CHANNEL_ICONS + COL_PAD);
        // A lane word like "Registrierung" does not break; a giant one may instead of widening the map.
        let pain = Touchpoint { title: "x".into(), pain_points: vec!["Registrierung".into()], ..Touchpoint::default() };
        assert!(column_width(&pain, Lang::De) >= text_px("Registrierung", BODY_FONT) + COL_PAD);
        let giant = Touchpoint { title: "x".into(), owner: "Zahlungsdienstleistungsabteilungsleitung".into(), ..Touchpoint::default() };
        assert!(column_width(&giant, Lang::De) <= BODY_WORD_CAP + COL_PAD + 1.0);
        // Lots of lane text widens the column, up to the maximum.
        let wordy = Touchpoint { thoughts: "word ".repeat(400), ..Touchpoint::default() };
        assert_eq!(column_width(&wordy, Lang::En), MAX_COL);
    }

    #[test]
    fn empty_stages_get_a_wide_add_column_and_the_persona_filter_hides_columns() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let l = canvas_layout(&m, None, Lang::En);
        assert_eq!(l.columns.len(), 5);
        assert!(l.columns.iter().all(|c| c.slot == Slot::Add && c.width == EMPTY_W));
        let s = m.stages[0].id.clone();
        let a = m.add_persona("A");
        let b = m.add_persona("B");
        let t1 = m.add_touchpoint(&s, "for A", Channel::App).unwrap();
        let t2 = m.add_touchpoint(&s, "for B", Channel::App).unwrap();
        let t3 = m.add_touchpoint(&s, "for all", Channel::App).unwrap();
        m.touchpoint_mut(&t1).unwrap().persona_ids = vec![a.clone()];
        m.touchpoint_mut(&t2).unwrap().persona_ids = vec![b];
        let only_a = canvas_layout(&m, Some(&a), Lang::En);
        assert_eq!(only_a.touchpoint_ids().collect::<Vec<_>>(), [t1.as_str(), t3.as_str()]);
        assert_eq!(only_a.stages[0].touchpoints, 2);
        assert_eq!((only_a.stages[0].span, only_a.stages[1].span), (2, 1));
        assert_eq!(only_a.columns.len(), 2 + 4, "two cards, four empty stages");
        assert_eq!(only_a.column_of(&t3), Some(1));
        assert_eq!(only_a.column_of(&t2), None);
    }

    #[test]
    fn coffee_to_go_is_about_as_wide_as_a_projector() {
        // 13 touchpoints in five stages: the canvas fits the 1318 px a 1366 px screen leaves
        // at a zoom of at least 0.75 (13 px titles stay near 10 px).
        for lang in [Lang::En, Lang::De] {
            let m = coffee_to_go("m", 0.0, lang);
            let l = canvas_layout(&m, None, lang);
            assert!(l.total_width() * 0.75 <= 1318.0, "{lang:?}: {}", l.total_width());
        }
    }

    #[test]
    fn a_stage_is_as_wide_as_its_name_needs() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        m.stages[0].name = "Recommendation".into();
        m.add_touchpoint(&s, "x", Channel::App).unwrap();
        let l = canvas_layout(&m, None, Lang::En);
        let need = longest_word_px("Recommendation", Font::bold(STAGE_FONT)) + STAGE_PAD;
        assert!(l.stages[0].width >= need, "{} < {need}", l.stages[0].width);
        assert_eq!(l.columns[0].width, l.stages[0].width, "its one column grew");
        assert_eq!(l.columns[1].x, l.stages[0].x + l.stages[0].width, "the next stage starts after it");
    }

    #[test]
    fn hidden_lanes_are_left_out() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        assert_eq!(shown_lanes(&m), Lane::ALL.to_vec());
        m.set_lane_hidden(Lane::Thoughts, true);
        let shown = shown_lanes(&m);
        assert_eq!(shown.len(), Lane::ALL.len() - 1);
        assert!(!shown.contains(&Lane::Thoughts));
    }
}
