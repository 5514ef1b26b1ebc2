//! Renders every chart of the Coffee-to-go example in both languages, checks each is an
//! accessible SVG or a clear empty state, and writes the pictures to
//! `target/chart-samples/` for a human to look at. Data the example lacks (route volumes,
//! opportunity values, an event log) is added here, visibly, as test fixtures.

use super::from_map::{channel_mix_input, contact_mix_input, emotion_curve_input, funnel_input, route_flow_input};
use super::test_support::{assert_accessible, parse};
use super::*;
use crate::model::{JourneyMap, Lang};
use crate::templates::coffee_to_go;

fn write(name: &str, lang: Lang, chart: &Chart) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/chart-samples");
    let _ = std::fs::create_dir_all(dir);
    if let Chart::Svg(svg) = chart {
        let _ = std::fs::write(format!("{dir}/{name}-{}.svg", lang.code()), svg);
    }
}

fn drawn(name: &str, lang: Lang, chart: Chart) {
    match &chart {
        Chart::Svg(svg) => assert_accessible(&parse(svg)),
        Chart::NeedsData(m) => panic!("{name} ({lang:?}) should draw, says: {m}"),
    }
    write(name, lang, &chart);
}

/// Route volumes for the example: most customers follow the planned route.
fn with_route_volumes(mut map: JourneyMap) -> JourneyMap {
    let volumes = [2400.0, 1560.0, 1400.0, 1330.0, 1277.0, 1100.0, 700.0, 600.0, 400.0, 190.0, 170.0, 85.0, 650.0];
    for (route, volume) in map.routes.iter_mut().zip(volumes) {
        route.volume = Some(volume);
    }
    map
}

/// Throughput time (first to last event) per patient of the shared event log.
fn patient_throughput_s() -> Vec<f64> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/patients.csv");
    let Ok(mut reader) = csv::Reader::from_path(path) else { return Vec::new() };
    let mut span: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
    for record in reader.records().flatten() {
        let (Some(patient), Some(time)) = (record.get(1), record.get(5)) else { continue };
        let Ok(ts) = time.parse::<jiff::Timestamp>() else { continue };
        let s = ts.as_second();
        let e = span.entry(patient.to_string()).or_insert((s, s));
        *e = (e.0.min(s), e.1.max(s));
    }
    span.values().map(|(a, b)| (b - a) as f64).collect()
}

#[test]
fn every_chart_of_the_coffee_example_renders_in_both_languages() {
    for lang in Lang::ALL {
        let map = coffee_to_go("ex", 0.0, lang);
        let o = ChartOptions::new(lang).about(map.name.clone());
        drawn("emotion-curve", lang, emotion_curve(&emotion_curve_input(&map, lang), &o));
        drawn("funnel", lang, funnel(&funnel_input(&map), &o));
        drawn("channel-mix", lang, channel_mix(&channel_mix_input(&map, lang), &o));
        drawn("contact-mix", lang, contact_mix(&contact_mix_input(&map), &o));
        let csat = ScoreRankingInput {
            score_name: "CSAT (1–5)".into(),
            items: map.touchpoints.iter().filter_map(|t| t.measurements.csat.map(|s| ScoredItem { label: t.title.clone(), score: s })).collect(),
            range: Some((0.0, 5.0)),
        };
        drawn("score-ranking", lang, score_ranking(&csat, &o));

        // The example has no route volumes, no opportunity values and no event log: the
        // charts say so, then draw with the fixtures.
        assert!(matches!(route_flow(&route_flow_input(&map), &o), Chart::NeedsData(_)));
        drawn("route-flow", lang, route_flow(&route_flow_input(&with_route_volumes(map.clone())), &o));
        let opportunities: Vec<String> = map.touchpoints.iter().flat_map(|t| t.opportunities.iter().map(|o| o.text.clone())).collect();
        assert!(!opportunities.is_empty());
        assert!(matches!(value_effort(&ValueEffortInput::default(), &o), Chart::NeedsData(_)));
        let items = opportunities
            .iter()
            .enumerate()
            .map(|(i, text)| OpportunityPoint { label: text.clone(), value: [85.0, 40.0, 75.0, 60.0, 30.0, 90.0, 55.0, 20.0][i % 8], effort: [1.0, 0.5, 2.0, 4.0, 3.5, 1.5, 3.0, 4.5][i % 8] })
            .collect();
        drawn("value-effort", lang, value_effort(&ValueEffortInput { items }, &o));
        let durations = patient_throughput_s();
        if !durations.is_empty() {
            let o = ChartOptions::new(lang).about("patients.csv");
            drawn("throughput", lang, throughput_histogram(&ThroughputInput { durations_s: durations }, &o));
        }
    }
}

#[test]
fn a_blank_map_gets_an_empty_state_from_every_map_chart() {
    for lang in Lang::ALL {
        let map = JourneyMap::blank("m", "M", 0.0, lang);
        let o = ChartOptions::new(lang);
        let charts = [
            emotion_curve(&emotion_curve_input(&map, lang), &o),
            funnel(&funnel_input(&map), &o),
            channel_mix(&channel_mix_input(&map, lang), &o),
            contact_mix(&contact_mix_input(&map), &o),
            route_flow(&route_flow_input(&map), &o),
            score_ranking(&ScoreRankingInput::default(), &o),
            throughput_histogram(&ThroughputInput::default(), &o),
            value_effort(&ValueEffortInput::default(), &o),
        ];
        let messages: Vec<String> = charts
            .into_iter()
            .map(|c| match c {
                Chart::NeedsData(m) => m,
                Chart::Svg(_) => panic!("a blank map has nothing to draw"),
            })
            .collect();
        let mut distinct = messages.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), messages.len(), "each chart says what it needs: {messages:?}");
    }
}
