//! The charts dashboard of one map: which charts there are (in the order they are shown),
//! how each is drawn from the map and its scores, and the file names of their downloads.
//! The UI only loops over [`ChartKind::ALL`] and calls [`draw`]; everything it shows comes
//! from here, so the whole dashboard can be tested natively.

use crate::model::{JourneyMap, Lang};
use crate::score::MapScores;

use super::from_map::{channel_mix_input, contact_mix_input, emotion_curve_input, funnel_input, route_flow_input, throughput_input};
use super::{
    channel_mix, contact_mix, emotion_curve, funnel, route_flow, score_ranking, throughput_histogram, value_effort, Chart,
    ChartOptions, OpportunityPoint, ScoreRankingInput, ScoredItem, ValueEffortInput,
};

/// Every chart of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    EmotionCurve,
    Funnel,
    ScoreRanking,
    ChannelMix,
    ContactMix,
    Throughput,
    RouteFlow,
    ValueEffort,
}

impl ChartKind {
    /// In the order of the dashboard: the customer's view first, then volumes, then what to do.
    pub const ALL: [ChartKind; 8] = [
        ChartKind::EmotionCurve,
        ChartKind::Funnel,
        ChartKind::ScoreRanking,
        ChartKind::ChannelMix,
        ChartKind::ContactMix,
        ChartKind::Throughput,
        ChartKind::RouteFlow,
        ChartKind::ValueEffort,
    ];

    /// A stable key for element ids, test ids and file names.
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::EmotionCurve => "emotion-curve",
            ChartKind::Funnel => "funnel",
            ChartKind::ScoreRanking => "score-ranking",
            ChartKind::ChannelMix => "channel-mix",
            ChartKind::ContactMix => "contact-mix",
            ChartKind::Throughput => "throughput",
            ChartKind::RouteFlow => "route-flow",
            ChartKind::ValueEffort => "value-effort",
        }
    }
}

/// The touchpoint scores (0–100) of the score module, labelled with the touchpoint titles.
/// Touchpoints without a score are left out (no inputs, no score — never a 0).
pub fn score_ranking_input(map: &JourneyMap, scores: &MapScores, lang: Lang) -> ScoreRankingInput {
    let items = scores
        .touchpoints
        .iter()
        .filter_map(|r| {
            let score = r.score.as_ref()?.value;
            let title = map.touchpoint(&r.touchpoint_id)?.title.clone();
            Some(ScoredItem { label: title, score })
        })
        .collect();
    ScoreRankingInput { score_name: lang.pick(("Touchpoint score (0–100)", "Touchpoint-Score (0–100)")).to_string(), items, range: Some((0.0, 100.0)) }
}

/// The opportunities the score module could place (value = mean of customer and business
/// value); incomplete ones are not drawn.
pub fn value_effort_input(scores: &MapScores) -> ValueEffortInput {
    let items = scores
        .opportunities
        .points
        .iter()
        .map(|p| OpportunityPoint { label: p.text.clone(), value: p.value, effort: p.effort })
        .collect();
    ValueEffortInput { items }
}

/// Draws one chart of the dashboard. `scores` must be `score_map(map)`; it is passed in so
/// that a dashboard scores the map once, not once per chart.
pub fn draw(kind: ChartKind, map: &JourneyMap, scores: &MapScores, options: &ChartOptions) -> Chart {
    let lang = options.lang;
    match kind {
        ChartKind::EmotionCurve => emotion_curve(&emotion_curve_input(map, lang), options),
        ChartKind::Funnel => funnel(&funnel_input(map), options),
        ChartKind::ScoreRanking => score_ranking(&score_ranking_input(map, scores, lang), options),
        ChartKind::ChannelMix => channel_mix(&channel_mix_input(map, lang), options),
        ChartKind::ContactMix => contact_mix(&contact_mix_input(map), options),
        ChartKind::Throughput => throughput_histogram(&throughput_input(map), options),
        ChartKind::RouteFlow => route_flow(&route_flow_input(map), options),
        ChartKind::ValueEffort => value_effort(&value_effort_input(scores), options),
    }
}

/// The download file name: the map name as a slug, the chart key and the extension, e.g.
/// `coffee-to-go-funnel.svg`. German umlauts are spelled out; other characters outside
/// a–z and 0–9 become single hyphens, so the name is safe on every file system.
pub fn file_name(map_name: &str, kind: ChartKind, extension: &str) -> String {
    let mut slug = String::new();
    for c in map_name.to_lowercase().chars() {
        let spelled = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !spelled.is_empty() {
            slug.push_str(spelled);
        } else if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    let stem = if slug.is_empty() { kind.key().to_string() } else { format!("{slug}-{}", kind.key()) };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Opportunity;
    use crate::score::score_map;
    use crate::templates::coffee_to_go;

    #[test]
    fn the_example_draws_all_but_the_charts_it_has_no_data_for() {
        for lang in Lang::ALL {
            let map = coffee_to_go("ex", 0.0, lang);
            let scores = score_map(&map);
            let o = ChartOptions::new(lang).about(map.name.clone());
            for kind in ChartKind::ALL {
                let chart = draw(kind, &map, &scores, &o);
                let needs_data = matches!(kind, ChartKind::Throughput | ChartKind::RouteFlow | ChartKind::ValueEffort);
                assert_eq!(chart.svg().is_none(), needs_data, "{kind:?} ({lang:?}): {chart:?}");
            }
        }
    }

    #[test]
    fn with_route_volumes_opportunity_figures_and_throughput_every_chart_draws() {
        let mut map = coffee_to_go("ex", 0.0, Lang::En);
        for r in &mut map.routes {
            r.volume = Some(100.0);
        }
        map.touchpoints[0].opportunities = vec![Opportunity { text: "Pre-order".into(), customer_value: Some(80.0), business_value: Some(60.0), effort: Some(2.0) }];
        map.set_journey_throughput(&[60.0, 300.0, 900.0]);
        let scores = score_map(&map);
        for kind in ChartKind::ALL {
            let chart = draw(kind, &map, &scores, &ChartOptions::new(Lang::En));
            assert!(chart.svg().is_some_and(|s| s.contains("<title")), "{kind:?}: {chart:?}");
        }
        assert_eq!(value_effort_input(&scores).items, vec![OpportunityPoint { label: "Pre-order".into(), value: 70.0, effort: 2.0 }]);
    }

    #[test]
    fn ranking_uses_the_score_module_and_skips_unscored_touchpoints() {
        let map = coffee_to_go("ex", 0.0, Lang::De);
        let scores = score_map(&map);
        let input = score_ranking_input(&map, &scores, Lang::De);
        let scored = scores.touchpoints.iter().filter(|r| r.score.is_some()).count();
        assert_eq!(input.items.len(), scored);
        assert!(input.items.iter().all(|i| (0.0..=100.0).contains(&i.score)));
        assert_eq!(input.score_name, "Touchpoint-Score (0–100)");
    }

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(file_name("Coffee to go", ChartKind::Funnel, "svg"), "coffee-to-go-funnel.svg");
        assert_eq!(file_name("Kaffee zum Mitnehmen: Größe!", ChartKind::RouteFlow, "png"), "kaffee-zum-mitnehmen-groesse-route-flow.png");
        assert_eq!(file_name("../<script>", ChartKind::ValueEffort, "svg"), "script-value-effort.svg");
        assert_eq!(file_name("  ", ChartKind::Throughput, "png"), "throughput.png");
        assert_eq!(file_name("日本", ChartKind::Throughput, "png"), "throughput.png");
    }

    #[test]
    fn keys_are_distinct() {
        let mut keys: Vec<&str> = ChartKind::ALL.iter().map(|k| k.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), ChartKind::ALL.len());
    }
}
