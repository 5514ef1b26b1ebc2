//! Chart inputs built from a journey map, for the charts whose data the model already
//! holds. The other charts take their input from the score and analytics modules.

use crate::model::{Channel, JourneyMap, Lang, Touchpoint, Visibility};

use super::channel_mix::{ChannelMixInput, ChannelRow};
use super::contact_mix::{ContactMixInput, ContactVolume};
use super::emotion_curve::{EmotionCurveInput, EmotionSeries};
use super::funnel::{FunnelInput, FunnelStep};
use super::route_flow::RouteFlowInput;
use super::route_layout::{FlowLink, FlowNode};
use super::throughput::ThroughputInput;

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Mean emotion per stage of the touchpoints `belongs` accepts; unknown emotions are left
/// out (never counted as 0), so a stage without any known emotion stays a gap.
fn stage_means(map: &JourneyMap, belongs: impl Fn(&Touchpoint) -> bool) -> Vec<Option<f64>> {
    map.stages
        .iter()
        .map(|stage| mean(map.touchpoints_in(&stage.id).filter(|t| belongs(t)).filter_map(|t| t.emotion.map(f64::from))))
        .collect()
}

/// Stages as x, one as-is series per persona. A touchpoint belongs to a persona when it names
/// it or names no persona at all. Without personas there is one series for all touchpoints.
/// The to-be series stays empty: the model has no to-be emotion yet.
pub fn emotion_curve_input(map: &JourneyMap, lang: Lang) -> EmotionCurveInput {
    let stages = map.stages.iter().map(|s| s.name.clone()).collect();
    let series = if map.personas.is_empty() {
        vec![EmotionSeries { name: lang.pick(("All touchpoints", "Alle Touchpoints")).to_string(), as_is: stage_means(map, |_| true), to_be: None }]
    } else {
        map.personas
            .iter()
            .map(|p| EmotionSeries {
                name: p.name.clone(),
                as_is: stage_means(map, |t| t.persona_ids.is_empty() || t.persona_ids.contains(&p.id)),
                to_be: None,
            })
            .collect()
    };
    EmotionCurveInput { stages, series }
}

/// One step per stage: the largest volume among the stage's frontstage touchpoints, as the
/// number of customers who reached the stage. (Summing would count the same customers at
/// every touchpoint of the stage; backstage processes are not customers.) Stages without a
/// known volume are left out.
///
/// Volumes of different periods are not chained: the funnel's period is the map's
/// (`model::period_mix`: the latest one a log measured; none: all values are per month, as entered). A stage takes its largest
/// volume of that period; a stage without one shows its largest other volume, marked
/// `other_period`.
pub fn funnel_input(map: &JourneyMap) -> FunnelInput {
    use crate::model::MeasuredPeriod;
    let volumes = |stage: &crate::model::Stage| -> Vec<(f64, Option<&MeasuredPeriod>)> {
        map.touchpoints
            .iter()
            .filter(|t| t.stage_id == stage.id && t.visibility == Visibility::Frontstage)
            .filter_map(|t| t.measurements.volume.filter(|v| v.is_finite() && *v >= 0.0).map(|v| (v, t.measurements.period.as_ref())))
            .collect()
    };
    let mix = crate::model::period_mix(map);
    let of_funnel = |p: Option<&MeasuredPeriod>| mix.is_current(p);
    let max = |vs: &mut dyn Iterator<Item = f64>| vs.fold(None, |best: Option<f64>, v| Some(best.map_or(v, |b| b.max(v))));
    let steps = map
        .stages
        .iter()
        .filter_map(|stage| {
            let vs = volumes(stage);
            let own = max(&mut vs.iter().filter(|(_, p)| of_funnel(*p)).map(|(v, _)| *v));
            let (volume, other_period) = match own {
                Some(v) => (v, false),
                None => (max(&mut vs.iter().map(|(v, _)| *v))?, true),
            };
            Some(FunnelStep { label: stage.name.clone(), volume, other_period })
        })
        .collect();
    FunnelInput { steps }
}

/// Touchpoints and summed volume per channel, fixed channels in the UI's order, then custom
/// channels in map order. Only frontstage touchpoints: a backstage process is no channel
/// the customer uses.
pub fn channel_mix_input(map: &JourneyMap, lang: Lang) -> ChannelMixInput {
    let mut channels: Vec<Channel> = Channel::FIXED.to_vec();
    for t in &map.touchpoints {
        if !channels.contains(&t.channel) {
            channels.push(t.channel.clone());
        }
    }
    let rows = channels
        .into_iter()
        .filter_map(|channel| {
            let tps: Vec<&Touchpoint> =
                map.touchpoints.iter().filter(|t| t.channel == channel && t.visibility == Visibility::Frontstage).collect();
            if tps.is_empty() {
                return None;
            }
            let volumes: Vec<f64> = tps.iter().filter_map(|t| t.measurements.volume).filter(|v| v.is_finite() && *v >= 0.0).collect();
            let volume = (!volumes.is_empty()).then(|| volumes.iter().sum());
            Some(ChannelRow { label: channel.label(lang), touchpoints: tps.len(), volume })
        })
        .collect();
    ChannelMixInput { rows }
}

/// Volume per contact class and reason from classified touchpoints; classified touchpoints
/// without a volume are counted so the chart can mention them.
pub fn contact_mix_input(map: &JourneyMap) -> ContactMixInput {
    let mut input = ContactMixInput::default();
    for t in &map.touchpoints {
        let Some(class) = t.contact_class else { continue };
        match t.measurements.volume.filter(|v| v.is_finite() && *v >= 0.0) {
            Some(volume) => input.contacts.push(ContactVolume { class, reason: t.contact_reason, volume }),
            None => input.without_volume += 1,
        }
    }
    input
}

/// Touchpoints as nodes in their stage's column, routes with a volume as links.
pub fn route_flow_input(map: &JourneyMap) -> RouteFlowInput {
    let nodes = map
        .touchpoints
        .iter()
        .map(|t| FlowNode { id: t.id.clone(), label: t.title.clone(), column: map.stages.iter().position(|s| s.id == t.stage_id) })
        .collect();
    let links = map
        .routes
        .iter()
        .filter_map(|r| r.volume.map(|volume| FlowLink { from: r.from.clone(), to: r.to.clone(), volume }))
        .collect();
    RouteFlowInput { nodes, links, column_names: map.stages.iter().map(|s| s.name.clone()).collect() }
}

/// The measured throughput time per journey the map keeps from its last analysed event log
/// (empty until one is analysed: the chart then says what it needs).
pub fn throughput_input(map: &JourneyMap) -> ThroughputInput {
    ThroughputInput { durations_s: map.journey_throughput_s.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContactClass, ContactReason, RouteKind};
    use crate::templates::coffee_to_go;

    #[test]
    fn emotion_means_per_persona_skip_unknown_emotions() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let lena = m.add_persona("Lena");
        let tom = m.add_persona("Tom");
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        let b = m.add_touchpoint(&s0, "b", Channel::App).unwrap();
        let c = m.add_touchpoint(&s0, "c", Channel::App).unwrap();
        let d = m.add_touchpoint(&s1, "d", Channel::App).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(2)); // everyone
        m.touchpoint_mut(&b).unwrap().set_emotion(Some(-1));
        m.touchpoint_mut(&b).unwrap().persona_ids = vec![tom.clone()];
        m.touchpoint_mut(&c).unwrap().persona_ids = vec![lena.clone()]; // emotion unknown
        m.touchpoint_mut(&d).unwrap().persona_ids = vec![lena.clone()];
        let input = emotion_curve_input(&m, Lang::En);
        assert_eq!(input.stages.len(), 5);
        assert_eq!(input.series[0].name, "Lena");
        assert_eq!(input.series[0].as_is[..2], [Some(2.0), None], "c's unknown emotion is not a 0");
        assert_eq!(input.series[1].as_is[0], Some(0.5), "Tom: mean of 2 and −1");
        assert!(input.series.iter().all(|s| s.to_be.is_none()));
    }

    #[test]
    fn without_personas_there_is_one_series() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::De);
        let s0 = m.stages[0].id.clone();
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(-2));
        let input = emotion_curve_input(&m, Lang::De);
        assert_eq!(input.series.len(), 1);
        assert_eq!(input.series[0].name, "Alle Touchpoints");
        assert_eq!(input.series[0].as_is[0], Some(-2.0));
    }

    #[test]
    fn a_funnel_marks_volumes_of_another_period_instead_of_chaining_them() {
        use crate::model::MeasuredPeriod;
        let mut m = coffee_to_go("ex", 0.0, Lang::En);
        // A two-week log measured the second and fourth stages' first touchpoints only.
        let p = MeasuredPeriod::new(0.0, 13.0 * 86_400_000.0, "log.csv");
        for (stage, volume) in [(1usize, 900.0), (3, 300.0)] {
            let id = m.stages[stage].id.clone();
            let tp = m.touchpoints.iter_mut().find(|t| t.stage_id == id && t.visibility == Visibility::Frontstage).unwrap();
            tp.measurements.volume = Some(volume);
            tp.measurements.period = Some(p.clone());
        }
        let f = funnel_input(&m);
        let marks: Vec<bool> = f.steps.iter().map(|s| s.other_period).collect();
        assert_eq!(marks, vec![true, false, true, false, true]);
        assert_eq!((f.steps[1].volume, f.steps[3].volume), (900.0, 300.0));
        // The description compares the log's steps with each other only.
        let crate::charts::Chart::Svg(svg) = crate::charts::funnel(&f, &crate::charts::ChartOptions::new(Lang::En)) else { panic!() };
        assert!(svg.contains("other period"), "{svg}");
        assert!(svg.contains("(−67 %)"), "{svg}");
        assert!(!svg.contains("(+"), "nothing rises between chained steps: {svg}");
    }

    #[test]
    fn coffee_example_funnel_channels_and_contacts() {
        let m = coffee_to_go("ex", 0.0, Lang::En);
        let funnel = funnel_input(&m);
        let volumes: Vec<f64> = funnel.steps.iter().map(|s| s.volume).collect();
        assert_eq!(volumes, vec![12000.0, 2400.0, 1400.0, 1277.0, 1100.0]);
        let mix = channel_mix_input(&m, Lang::En);
        let app = mix.rows.iter().find(|r| r.label == "App").unwrap();
        assert_eq!(app.touchpoints, 6);
        assert_eq!(app.volume, Some(2400.0 + 1560.0 + 1400.0 + 1330.0 + 1100.0 + 700.0));
        let influencer = mix.rows.iter().find(|r| r.label == "Influencer").unwrap();
        assert_eq!(influencer.volume, None, "unknown stays unknown");
        let store = mix.rows.iter().find(|r| r.label == "Store").unwrap();
        assert_eq!(store.touchpoints, 1, "the backstage barista is no customer channel");
        let frontstage = m.touchpoints.iter().filter(|t| t.visibility == Visibility::Frontstage).count();
        assert_eq!(mix.rows.iter().map(|r| r.touchpoints).sum::<usize>(), frontstage);
        let contacts = contact_mix_input(&m);
        assert_eq!(contacts.contacts.len(), 2);
        assert!(contacts.contacts.contains(&ContactVolume { class: ContactClass::Disruptive, reason: Some(ContactReason::Service), volume: 190.0 }));
        assert_eq!(contacts.without_volume, 0);
    }

    #[test]
    fn route_flow_takes_routes_with_volume_and_stage_columns() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s2) = (m.stages[0].id.clone(), m.stages[2].id.clone());
        let a = m.add_touchpoint(&s0, "a", Channel::App).unwrap();
        let b = m.add_touchpoint(&s2, "b", Channel::Store).unwrap();
        let r = m.add_route(&a, &b, RouteKind::Planned).unwrap();
        m.add_route(&b, &a, RouteKind::LoopBack).unwrap();
        m.routes.iter_mut().find(|x| x.id == r).unwrap().volume = Some(40.0);
        let input = route_flow_input(&m);
        assert_eq!(input.links, vec![FlowLink { from: a, to: b, volume: 40.0 }]);
        assert_eq!(input.nodes[1].column, Some(2));
        assert_eq!(input.column_names[2], "Purchase");
    }
}
