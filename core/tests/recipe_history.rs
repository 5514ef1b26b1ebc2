//! A map's import recipe and measurement history, end to end in the core: a generated
//! Shopify month is imported with a preset and applied; the recipe stored with the map
//! reads the next month's export alike; after both applies the history holds two dated
//! periods whose cases, completions, drop-offs and touchpoint volumes equal the generated
//! world's truth (counted from the world, never from the reader).

use std::collections::BTreeSet;

use journey_core::analytics::recipe::{from_source, read_with, RecipeRead};
use journey_core::analytics::sources::generator::{world, World};
use journey_core::analytics::sources::{import_source, CaseBy, Source, SourceOptions};
use journey_core::analytics::{attach_recipe, plan_apply, ApplyOptions};
use journey_core::model::{schema, Channel, ImportRecipe, JourneyMap, Lang, RouteKind};

const DAY: i64 = 86_400_000;
const TIMEOUT_MS: i64 = 7 * DAY; // the default drop-off timeout τ

/// A map whose main route ends at "Fulfilled" (the goal) and has a touchpoint per event.
fn shop_map() -> JourneyMap {
    let mut m = JourneyMap::blank("m", "Shop", 0.0, Lang::En);
    let s = m.stages[2].id.clone();
    let ids: Vec<String> = ["Order placed", "Paid", "Fulfilled"].iter().map(|t| m.add_touchpoint(&s, t, Channel::Website).unwrap()).collect();
    m.add_route(&ids[0], &ids[1], RouteKind::Planned);
    m.add_route(&ids[1], &ids[2], RouteKind::Planned);
    m
}

/// What one month of orders is, counted from the world: (cases, completed, dropped,
/// customers who paid).
fn truth(w: &World) -> (u64, u64, u64, u64) {
    // The Shopify export carries created, paid, fulfilled and cancelled dates.
    let events = |o: &journey_core::analytics::sources::generator::Order| {
        [Some(o.created), o.paid, o.fulfilled, o.cancelled].into_iter().flatten().collect::<Vec<i64>>()
    };
    let buyers: Vec<_> = w.customers.iter().filter(|c| !c.orders.is_empty()).collect();
    let log_end = buyers.iter().flat_map(|c| c.orders.iter().flat_map(events)).max().unwrap();
    let completed = buyers.iter().filter(|c| c.orders.iter().any(|o| o.fulfilled.is_some())).count() as u64;
    let dropped = buyers
        .iter()
        .filter(|c| c.orders.iter().all(|o| o.fulfilled.is_none()))
        .filter(|c| log_end - c.orders.iter().flat_map(events).max().unwrap() > TIMEOUT_MS)
        .count() as u64;
    let paid = buyers.iter().filter(|c| c.orders.iter().any(|o| o.paid.is_some())).count() as u64;
    (buyers.len() as u64, completed, dropped, paid)
}

fn apply(map: &JourneyMap, csv: String, options: &SourceOptions, file: &str, date: &str) -> JourneyMap {
    let (log, _) = import_source(csv.into_bytes(), options).unwrap();
    let opts = ApplyOptions { source_file: file.into(), date: date.into(), create_alternative_routes: false, drop_off: Default::default(), clear_other_periods: false };
    let mut plan = plan_apply(map, &log, &opts);
    let recipe = ImportRecipe { sources: vec![from_source(options, file, None)] };
    attach_recipe(&mut plan.map, plan.period.as_ref(), recipe);
    plan.map
}

#[test]
fn the_recipe_reads_the_next_month_and_the_history_keeps_both_periods_with_the_truth() {
    let key = Some("8f3a".repeat(8));
    let march = world(60, 11);
    let april = world(60, 12).shifted(35);
    let mut options = SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer);
    options.key = key.clone();
    let map = apply(&shop_map(), march.shopify_csv(), &options, "orders-march.csv", "2026-04-02");

    // Stored and read back as the app does, the recipe gives the same options back.
    let stored = schema::parse_map(&schema::to_json(&map)).unwrap();
    let recipe = stored.analytics.recipe().expect("the recipe is stored with the map");
    assert_eq!(recipe.sources[0].last_file, "orders-march.csv");
    let again = match read_with(&recipe.sources[0], key.clone(), Lang::En).unwrap() {
        RecipeRead::Source(o) => o,
        other => panic!("{other:?}"),
    };
    assert_eq!(again, options);
    let json = schema::to_json(&stored);
    assert!(!json.contains('@'), "no e-mail address in the map");
    assert!(!json.contains(&"8f3a".repeat(8)), "the pseudonym key stays with the library");

    let map = apply(&stored, april.shopify_csv(), &again, "orders-april.csv", "2026-05-07");
    let h = &map.analytics.history();
    assert_eq!(h.len(), 2, "two dated periods");
    for (period, w) in h.iter().zip([&march, &april]) {
        let (cases, completed, dropped, paid) = truth(w);
        assert!(completed > 0 && dropped > 0, "a month with both outcomes: {:?}", (cases, completed, dropped));
        assert_eq!(period.cases, cases);
        assert_eq!(period.completed, Some(completed));
        assert_eq!(period.dropped, Some(dropped));
        assert_eq!(period.goal, vec!["Fulfilled".to_string()]);
        assert_eq!(period.sources, vec!["shopify_orders".to_string()]);
        let paid_tp = map.touchpoints.iter().find(|t| t.title == "Paid").unwrap();
        assert_eq!(period.cases_at(&paid_tp.id), Some(paid));
    }
    assert!(h[0].period.end_ms < h[1].period.end_ms && h[0].period.start_ms < h[1].period.start_ms);
    assert!(h[0].period.source.starts_with("orders-march.csv") && h[1].period.source.starts_with("orders-april.csv"));
    // The map's current values are April's, with April's period: never a sum of both.
    let paid_tp = map.touchpoints.iter().find(|t| t.title == "Paid").unwrap();
    assert_eq!(paid_tp.measurements.volume, Some(truth(&april).3 as f64));
    assert_eq!(paid_tp.measurements.period.as_ref(), Some(&h[1].period));

    // April applied a second time is still one April.
    let map = apply(&map, april.shopify_csv(), &again, "orders-april.csv", "2026-05-08");
    assert_eq!(map.analytics.history().len(), 2);
    // … also on the same day (the same period, source text and all).
    let map = apply(&map, april.shopify_csv(), &again, "orders-april.csv", "2026-05-08");
    assert_eq!(map.analytics.history().len(), 2);
    assert_eq!(map.analytics.history()[1].sources, vec!["shopify_orders".to_string()]);
    let spans: BTreeSet<String> = map.analytics.history().iter().map(|p| p.period.dates().0).collect();
    assert_eq!(spans.len(), 2);
}

#[test]
fn a_map_without_a_goal_keeps_cases_but_no_completion() {
    let mut m = JourneyMap::blank("m", "No route", 0.0, Lang::En);
    let s = m.stages[0].id.clone();
    m.add_touchpoint(&s, "Paid", Channel::Website).unwrap();
    let w = world(30, 5);
    let options = SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer);
    let map = apply(&m, w.shopify_csv(), &options, "o.csv", "d");
    let p = &map.analytics.history()[0];
    assert_eq!(p.cases, truth(&w).0);
    assert_eq!((p.completed, p.dropped, p.completion()), (None, None, None), "not measured is not 0");
}

#[test]
fn a_drafted_map_starts_its_history_with_its_log_and_is_re_measured_from_the_next_month() {
    use journey_core::analytics::draft::DraftOptions;
    use journey_core::analytics::session::{Reply, Request, Session};
    use journey_core::analytics::sources::import_source_into;
    use journey_core::analytics::AnalysisOptions;
    let march = world(60, 21);
    let april = world(60, 22).shifted(35);
    let options = SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer);
    let mut s = Session::new();
    let reply = import_source_into(&mut s, march.shopify_csv().into_bytes(), &options, &AnalysisOptions::default(), None, Lang::En, &|| 0.0);
    assert!(matches!(reply, Reply::Imported { .. }), "{reply:?}");
    let draft_options = DraftOptions { source_name: "orders-march.csv".into(), goal_activities: vec!["Fulfilled".into()], ..DraftOptions::default() };
    let Reply::Drafted { draft } = s.handle(Request::Draft { options: draft_options, map_id: "d".into(), now_ms: 1_777_000_000_000.0, lang: Lang::En }) else {
        panic!()
    };
    let mut drafted = draft.map;
    let (cases, completed, dropped, paid) = truth(&march);
    let first = &drafted.analytics.history()[..];
    assert_eq!(first.len(), 1, "the drafted map's history starts with its log");
    assert_eq!((first[0].cases, first[0].completed, first[0].dropped), (cases, Some(completed), Some(dropped)));
    let paid_tp = drafted.touchpoints.iter().find(|t| t.title == "Paid").unwrap().id.clone();
    assert_eq!(first[0].cases_at(&paid_tp), Some(paid));
    assert_eq!(drafted.analytics.drafted_from.as_ref().unwrap().name, "orders-march.csv");
    // The page stores the recipe with the drafted map; next month re-measures it.
    drafted.analytics.set_recipe(&ImportRecipe { sources: vec![from_source(&options, "orders-march.csv", None)] });
    let again = match read_with(&drafted.analytics.recipe().unwrap().sources[0], None, Lang::En).unwrap() {
        RecipeRead::Source(o) => o,
        other => panic!("{other:?}"),
    };
    let remeasured = apply(&drafted, april.shopify_csv(), &again, "orders-april.csv", "2026-05-07");
    let h = &remeasured.analytics.history();
    assert_eq!(h.len(), 2);
    let (cases, completed, dropped, paid) = truth(&april);
    assert_eq!((h[1].cases, h[1].completed, h[1].dropped, h[1].cases_at(&paid_tp)), (cases, Some(completed), Some(dropped), Some(paid)));
}

#[test]
fn a_warehouse_aggregate_applied_keeps_the_same_period_figures_as_the_raw_log() {
    use journey_core::analytics::aggregate::{self, AggregateOptions};
    let w = world(60, 31);
    let (log, _) = import_source(w.shopify_csv().into_bytes(), &SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer)).unwrap();
    let agg = aggregate::aggregate(&log, &AggregateOptions { goal_activities: vec!["Fulfilled".into()], timeout_s: 7.0 * 86_400.0, top_k: 10 });
    let opts = ApplyOptions { source_file: "agg.json".into(), date: "d".into(), create_alternative_routes: false, drop_off: Default::default(), clear_other_periods: false };
    let (plan, _) = aggregate::plan(&shop_map(), &agg, &opts);
    let from_agg = plan.map.analytics.history();
    let from_log = apply(&shop_map(), w.shopify_csv(), &SourceOptions::new(Source::ShopifyOrders, CaseBy::Customer), "agg.json", "d").analytics.history();
    assert_eq!(from_agg.len(), 1);
    let (a, r) = (&from_agg[0], &from_log[0]);
    let (cases, completed, dropped, _) = truth(&w);
    assert_eq!((a.cases, a.completed, a.dropped), (cases, Some(completed), Some(dropped)));
    assert_eq!((a.cases, a.completed, a.dropped, &a.touchpoints, &a.period.start_ms), (r.cases, r.completed, r.dropped, &r.touchpoints, &r.period.start_ms));
    assert_eq!(a.sources, vec!["aggregate".to_string()]);
}
