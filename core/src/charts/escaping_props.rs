//! Property test across all charts: whatever text users type into labels, names and the
//! subject, every chart stays well-formed XML with no element the input smuggled in.

use proptest::prelude::*;

use super::test_support::parse;
use super::*;
use crate::model::{ContactClass, Lang};

/// Every chart, fed the same label everywhere a label goes.
fn all_charts(label: &str) -> Vec<Chart> {
    let o = ChartOptions::new(Lang::En).about(label);
    let l = || label.to_string();
    vec![
        emotion_curve(&EmotionCurveInput { stages: vec![l(), l()], series: vec![EmotionSeries { name: l(), as_is: vec![Some(1.0), Some(-1.0)], to_be: Some(vec![Some(2.0), None]) }] }, &o),
        funnel(&FunnelInput { steps: vec![FunnelStep { label: l(), volume: 10.0, other_period: false }, FunnelStep { label: l(), volume: 4.0, other_period: true }] }, &o),
        score_ranking(&ScoreRankingInput { score_name: l(), items: vec![ScoredItem { label: l(), score: 3.0 }], range: None }, &o),
        channel_mix(&ChannelMixInput { rows: vec![ChannelRow { label: l(), touchpoints: 2, volume: Some(5.0) }] }, &o),
        contact_mix(&ContactMixInput { contacts: vec![ContactVolume { class: ContactClass::Disruptive, reason: None, volume: 3.0 }], without_volume: 0 }, &o),
        throughput_histogram(&ThroughputInput { durations_s: vec![60.0, 600.0] }, &o),
        route_flow(
            &RouteFlowInput {
                nodes: vec![FlowNode { id: l(), label: l(), column: Some(0) }, FlowNode { id: "b".into(), label: l(), column: Some(1) }],
                links: vec![FlowLink { from: l(), to: "b".into(), volume: 7.0 }],
                column_names: vec![l(), l()],
            },
            &o,
        ),
        value_effort(&ValueEffortInput { items: vec![OpportunityPoint { label: l(), value: 60.0, effort: 1.0 }] }, &o),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_label_keeps_every_chart_well_formed(label in "(\\PC|[<>&\"'\\x00-\\x1f]|</?[a-z]{1,6}( [a-z]+=\"[^\"]*\")?>){0,40}") {
        for chart in all_charts(&label) {
            let Chart::Svg(svg) = chart else { panic!("every chart has data here") };
            let doc = parse(&svg);
            let names: Vec<&str> = doc.descendants().filter(|n| n.is_element()).map(|n| n.tag_name().name()).collect();
            for name in names {
                prop_assert!(
                    ["svg", "title", "desc", "rect", "text", "line", "polyline", "path", "circle", "polygon", "g"].contains(&name),
                    "unexpected element <{}>", name
                );
            }
        }
    }
}
