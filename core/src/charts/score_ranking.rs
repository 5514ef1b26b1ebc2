//! Touchpoint scores ranked: one horizontal bar per touchpoint, best on top. The scores come
//! from the score module (or anywhere else); this chart only ranks and draws them.

use super::document::{needs_data, Chart, ChartOptions};
use super::horizontal_bars::{draw_bar_panel, BarPanel};
use super::plot::{render_plotted, Frame};
use super::text::clean;
use crate::locale::number;
use super::theme::PALETTE;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoredItem {
    pub label: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreRankingInput {
    /// What the score is, in the UI language, e.g. "Touchpoint score (0–100)".
    pub score_name: String,
    pub items: Vec<ScoredItem>,
    /// The score's scale, so that the axis shows it fully (e.g. (0, 100)); zero is always shown.
    pub range: Option<(f64, f64)>,
}

/// More rows than this do not stay readable at 16 px on 540 px.
pub const MAX_ROWS: usize = 12;

/// Draws the ranking (the best [`MAX_ROWS`] when there are more), or asks for scores.
pub fn score_ranking(input: &ScoreRankingInput, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    let mut items: Vec<&ScoredItem> = input.items.iter().filter(|i| i.score.is_finite()).collect();
    if items.is_empty() {
        return needs_data(
            lang,
            "The ranking needs scored touchpoints: enter measurements such as CSAT, CES or emotion on the touchpoints.",
            "Die Rangfolge braucht bewertete Touchpoints: Messwerte wie CSAT, CES oder Emotion an den Touchpoints eintragen.",
        );
    }
    // Stable sort: equal scores keep the map order.
    items.sort_by(|a, b| b.score.total_cmp(&a.score));
    let total = items.len();
    items.truncate(MAX_ROWS);
    let decimals = if items.iter().all(|i| i.score.fract() == 0.0) { 0 } else { 1 };
    let rows: Vec<(String, Option<f64>, String)> =
        items.iter().map(|i| (i.label.clone(), Some(i.score), number(i.score, decimals, lang))).collect();
    let score_name = if input.score_name.trim().is_empty() { lang.pick(("Score", "Score")).to_string() } else { input.score_name.clone() };
    let mut title = lang.pick(("Touchpoints ranked by score", "Touchpoints nach Score")).to_string();
    if total > MAX_ROWS {
        title.push_str(&match lang {
            crate::model::Lang::En => format!(" (best {MAX_ROWS} of {total})"),
            crate::model::Lang::De => format!(" (beste {MAX_ROWS} von {total})"),
        });
    }
    let listed: Vec<String> = rows.iter().enumerate().map(|(r, row)| format!("{}. {} {}", r + 1, clean(&row.0), row.2)).collect();
    let desc = format!("{}: {}.", clean(&score_name), listed.join("; "));
    let range = input.range.filter(|(a, b)| a.is_finite() && b.is_finite()).unwrap_or((0.0, 0.0));
    let frame = Frame { options, kind: "score-ranking", title: options.title(&title), desc, legend: vec![] };
    let (width, _) = options.size();
    render_plotted(frame, |area, _| {
        let positive = |v: f64| if v < 0.0 { PALETTE[3] } else { PALETTE[0] };
        draw_bar_panel(
            area,
            &BarPanel {
                rows: &rows,
                names_px: (width as f64 * 0.34) as u32,
                axis_desc: score_name.clone(),
                colour_of: &positive,
                tick_format: &|v| number(v, decimals, lang),
                range: (range.0.min(range.1), range.0.max(range.1)),
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::{assert_accessible, assert_escaped, parse, texts, with_attr, EVIL};
    use crate::charts::theme::hex;
    use crate::model::Lang;

    fn input(scores: &[f64]) -> ScoreRankingInput {
        ScoreRankingInput {
            score_name: "Touchpoint score (−100 … 100)".into(),
            items: scores.iter().enumerate().map(|(i, s)| ScoredItem { label: format!("Touchpoint {i}"), score: *s }).collect(),
            range: Some((-100.0, 100.0)),
        }
    }

    fn bars(svg: &str) -> usize {
        let doc = parse(svg);
        with_attr(&doc, "rect", "fill", &hex(PALETTE[0])).len() + with_attr(&doc, "rect", "fill", &hex(PALETTE[3])).len()
    }

    #[test]
    fn one_bar_per_score_ranked_best_first() {
        let Chart::Svg(svg) = score_ranking(&input(&[10.0, 80.0, -40.0, 55.5]), &ChartOptions::new(Lang::En)) else { panic!() };
        let doc = parse(&svg);
        assert_accessible(&doc);
        assert_eq!(bars(&svg), 4);
        assert_eq!(with_attr(&doc, "rect", "fill", &hex(PALETTE[3])).len(), 1, "the negative score is vermillion");
        let t = texts(&doc);
        // Names stand top to bottom in rank order: 80, 55.5, 10, −40.
        let y_of = |s: &str| -> f64 {
            let node = doc.descendants().find(|n| n.has_tag_name("text") && n.text().map(str::trim) == Some(s)).unwrap();
            node.attribute("y").unwrap().parse().unwrap()
        };
        let ys: Vec<f64> = ["Touchpoint 1", "Touchpoint 3", "Touchpoint 0", "Touchpoint 2"].iter().map(|s| y_of(s)).collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap().text().unwrap().to_string();
        assert!(desc.contains("1. Touchpoint 1 80; 2. Touchpoint 3 55.5; 3. Touchpoint 0 10; 4. Touchpoint 2 −40"), "{desc}");
        for expected in ["80", "−40", "55.5", "Touchpoint score (−100 … 100)", "100", "−100"] {
            assert!(t.iter().any(|x| x == expected), "missing {expected} in {t:?}");
        }
    }

    #[test]
    fn long_lists_show_the_best_twelve_and_say_so() {
        let scores: Vec<f64> = (0..20).map(f64::from).collect();
        let Chart::Svg(svg) = score_ranking(&input(&scores), &ChartOptions::new(Lang::De)) else { panic!() };
        assert_eq!(bars(&svg), MAX_ROWS);
        assert!(svg.contains("beste 12 von 20"));
    }

    #[test]
    fn no_scores_asks_for_measurements() {
        assert!(matches!(score_ranking(&input(&[f64::NAN]), &ChartOptions::new(Lang::En)), Chart::NeedsData(m) if m.contains("CSAT")));
    }

    #[test]
    fn labels_are_escaped() {
        let mut data = input(&[1.0, 2.0]);
        data.items[0].label = EVIL.into();
        data.score_name = EVIL.into();
        let Chart::Svg(svg) = score_ranking(&data, &ChartOptions::new(Lang::En)) else { panic!() };
        assert_escaped(&svg);
    }
}
