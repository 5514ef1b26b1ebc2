//! Which touchpoint of a journey map each log activity stands for, and the journey's goal.
//!
//! Resolution of one activity, first rule that applies:
//! 1. the user's stored choice (`map.analytics.activity_matches`): a touchpoint, or
//!    "unmatched" on purpose (a choice naming a deleted touchpoint counts as unmatched);
//! 2. the touchpoint whose `event_key` equals the activity name;
//! 3. the touchpoint whose title equals it — exactly first, then ignoring case and
//!    surrounding spaces.
//!
//! Similar names ("View product" ~ "Product page") are only *suggested* by
//! [`suggest_matches`]; they count once the user picks them. Deviation, funnel, the goal
//! default and apply all use [`ActivityMapping`], so they agree.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::JourneyMap;
use crate::score::{main_route, RouteBasis};

use super::event_log::EventLog;

/// Lowest similarity (0..=1) for a name to be suggested.
pub const SIMILARITY_THRESHOLD: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityMapping {
    /// Per activity id, the index into `map.touchpoints`, if any.
    pub touchpoint_of: Vec<Option<usize>>,
}

impl ActivityMapping {
    pub fn new(log: &EventLog, map: &JourneyMap) -> ActivityMapping {
        Self::for_names(&log.activity_names, map)
    }

    /// The mapping for activity names (index = activity id).
    pub fn for_names(names: &[String], map: &JourneyMap) -> ActivityMapping {
        let r = Resolver::new(map);
        ActivityMapping { touchpoint_of: names.iter().map(|a| r.resolve(a).touchpoint).collect() }
    }

    #[inline]
    pub fn of(&self, activity: u32) -> Option<usize> {
        self.touchpoint_of.get(activity as usize).copied().flatten()
    }
}

/// How an activity came to its touchpoint (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Picked by the user in the matching step.
    Chosen,
    /// Left unmatched by the user on purpose.
    ChosenUnmatched,
    EventKey,
    ExactTitle,
    /// Title equal ignoring case and surrounding spaces.
    CaseInsensitiveTitle,
    /// Nothing matched.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub touchpoint: Option<usize>,
    pub kind: MatchKind,
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The touchpoint an activity stands for, by the rules in the module doc.
pub fn resolve(activity: &str, map: &JourneyMap) -> Resolved {
    Resolver::new(map).resolve(activity)
}

/// The rules of [`resolve`] with the map's choices, event keys and titles looked up in
/// hash maps built once: resolving every activity of a log with 200,000 distinct names
/// against a map of thousands of touchpoints stays linear (a scan per activity was not).
/// Where several touchpoints share a key, the first in map order wins, as a scan would.
pub struct Resolver<'m> {
    map: &'m JourneyMap,
    choices: HashMap<&'m str, Option<&'m str>>,
    event_keys: HashMap<String, usize>,
    titles: HashMap<&'m str, usize>,
    norm_titles: HashMap<String, usize>,
}

impl<'m> Resolver<'m> {
    pub fn new(map: &'m JourneyMap) -> Resolver<'m> {
        let mut r = Resolver { map, choices: HashMap::new(), event_keys: HashMap::new(), titles: HashMap::new(), norm_titles: HashMap::new() };
        for m in &map.analytics.activity_matches {
            r.choices.entry(m.activity.as_str()).or_insert(m.touchpoint_id.as_deref());
        }
        for (i, t) in map.touchpoints.iter().enumerate() {
            if let Some(k) = &t.event_key {
                r.event_keys.entry(norm(k)).or_insert(i);
            }
            r.titles.entry(t.title.as_str()).or_insert(i);
            r.norm_titles.entry(norm(&t.title)).or_insert(i);
        }
        r
    }

    pub fn resolve(&self, activity: &str) -> Resolved {
        if let Some(choice) = self.choices.get(activity) {
            let tp = choice.and_then(|id| self.map.touchpoints.iter().position(|t| t.id == id));
            let kind = if tp.is_some() { MatchKind::Chosen } else { MatchKind::ChosenUnmatched };
            return Resolved { touchpoint: tp, kind };
        }
        let a = norm(activity);
        if let Some(&i) = self.event_keys.get(&a) {
            return Resolved { touchpoint: Some(i), kind: MatchKind::EventKey };
        }
        if let Some(&i) = self.titles.get(activity) {
            return Resolved { touchpoint: Some(i), kind: MatchKind::ExactTitle };
        }
        if let Some(&i) = self.norm_titles.get(&a) {
            return Resolved { touchpoint: Some(i), kind: MatchKind::CaseInsensitiveTitle };
        }
        Resolved { touchpoint: None, kind: MatchKind::None }
    }
}

/// Similarity of two names in 0..=1: the larger of the Dice coefficient of their
/// character bigrams and the share of the shorter name's words found in the other.
/// Case and punctuation are ignored.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared_words = wa.iter().filter(|w| wb.contains(w)).count().min(wb.iter().filter(|w| wa.contains(w)).count());
    let word_score = shared_words as f64 / wa.len().min(wb.len()) as f64;
    let bigrams = |ws: &[String]| -> Vec<(char, char)> {
        let joined: Vec<char> = ws.join(" ").chars().collect();
        joined.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ba, mut bb) = (bigrams(&wa), bigrams(&wb));
    let total = ba.len() + bb.len();
    let mut shared = 0;
    for g in &ba {
        if let Some(p) = bb.iter().position(|h| h == g) {
            bb.swap_remove(p);
            shared += 1;
        }
    }
    let dice = if total == 0 { 0.0 } else { 2.0 * shared as f64 / total as f64 };
    word_score.max(dice)
}

/// One row of the matching step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchRow {
    pub activity: String,
    /// The touchpoint the activity counts for now (by the resolution rules).
    pub touchpoint_id: Option<String>,
    pub kind: MatchKind,
    /// Touchpoints with a similar title, most similar first (at most three), offered to
    /// pick; empty when the activity is matched by a rule above.
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub touchpoint_id: String,
    pub title: String,
    pub similarity: f64,
}

/// The matching step's table: every activity with its current touchpoint and, for
/// unmatched ones, similar touchpoints to pick from.
pub fn suggest_matches(activities: &[String], map: &JourneyMap) -> Vec<MatchRow> {
    let resolver = Resolver::new(map);
    activities
        .iter()
        .map(|a| {
            let r = resolver.resolve(a);
            let suggestions = if r.touchpoint.is_none() { similar_touchpoints(a, map) } else { Vec::new() };
            MatchRow {
                activity: a.clone(),
                touchpoint_id: r.touchpoint.map(|i| map.touchpoints[i].id.clone()),
                kind: r.kind,
                suggestions,
            }
        })
        .collect()
}

/// How similar an activity name is to a touchpoint (its title or event key).
fn similarity_to(activity: &str, t: &crate::model::Touchpoint) -> f64 {
    let key = t.event_key.as_deref().map_or(0.0, |k| name_similarity(activity, k));
    name_similarity(activity, &t.title).max(key)
}

/// The three most similar (index, similarity) at or above the threshold; most similar
/// first, lower index on a tie, so the list is stable.
fn top_similar(scored: impl Iterator<Item = (usize, f64)>) -> Vec<(usize, f64)> {
    let mut s: Vec<(usize, f64)> = scored.filter(|(_, v)| *v >= SIMILARITY_THRESHOLD).collect();
    s.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    s.truncate(3);
    s
}

fn similar_touchpoints(activity: &str, map: &JourneyMap) -> Vec<Suggestion> {
    top_similar(map.touchpoints.iter().enumerate().map(|(i, t)| (i, similarity_to(activity, t))))
        .into_iter()
        .map(|(i, v)| Suggestion { touchpoint_id: map.touchpoints[i].id.clone(), title: map.touchpoints[i].title.clone(), similarity: v })
        .collect()
}

/// Where the goal activities come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalSource {
    /// Chosen by the user (stored in `map.analytics.goal_activities`).
    Chosen,
    /// The activities matched to the last touchpoint of the map's planned main route.
    MainRouteEnd,
    /// The map has a planned main route, but no activity of the log is matched to its
    /// last touchpoint (`Goal::main_route_end`): the page says so, offers the matching
    /// for that touchpoint, and asks for the goal. Never replaced by a guess.
    EndNotMatched,
    /// The map has no planned route: the page must ask for the goal.
    NoMainRoute,
}

impl GoalSource {
    /// True when there is no goal yet (drop-off cannot be measured).
    pub fn is_missing(self) -> bool {
        matches!(self, GoalSource::EndNotMatched | GoalSource::NoMainRoute)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub activities: Vec<String>,
    pub source: GoalSource,
    /// The main route's last touchpoint, when the map has planned routes.
    pub main_route_end: Option<String>,
}

/// The journey's goal activities for a log with these activity names: the user's choice
/// if any, else the activities matched to the end of the planned main route. When that
/// end has no matched activity (or the map has no planned route) the goal is missing,
/// with the reason as its source.
pub fn goal_activities(activities: &[String], map: &JourneyMap) -> Goal {
    let route = main_route(map);
    let end = (route.basis == RouteBasis::PlannedRoutes).then(|| route.touchpoint_ids.last().cloned()).flatten();
    let known: std::collections::HashSet<&str> = activities.iter().map(String::as_str).collect();
    let chosen: Vec<String> = map.analytics.goal_activities.iter().filter(|g| known.contains(g.as_str())).cloned().collect();
    if !chosen.is_empty() {
        return Goal { activities: chosen, source: GoalSource::Chosen, main_route_end: end };
    }
    let Some(id) = &end else {
        return Goal { activities: Vec::new(), source: GoalSource::NoMainRoute, main_route_end: None };
    };
    let resolver = Resolver::new(map);
    let at_end: Vec<String> = activities
        .iter()
        .filter(|a| resolver.resolve(a).touchpoint.map(|i| &map.touchpoints[i].id) == Some(id))
        .cloned()
        .collect();
    let source = if at_end.is_empty() { GoalSource::EndNotMatched } else { GoalSource::MainRouteEnd };
    Goal { activities: at_end, source, main_route_end: end }
}

/// Activities of the log with a name similar to the touchpoint's title or event key,
/// most similar first (at most three), not matched to another touchpoint by a rule or a
/// choice: what the goal step offers to match to the main route's end.
pub fn similar_activities(touchpoint_id: &str, activities: &[String], map: &JourneyMap) -> Vec<String> {
    let Some(t) = map.touchpoints.iter().find(|t| t.id == touchpoint_id) else { return Vec::new() };
    let resolver = Resolver::new(map);
    let unmatched = activities.iter().enumerate().filter(|(_, a)| resolver.resolve(a).kind == MatchKind::None);
    top_similar(unmatched.map(|(i, a)| (i, similarity_to(a, t)))).into_iter().map(|(i, _)| activities[i].clone()).collect()
}

/// The activities in journey order: those matched to a touchpoint first, in the order of
/// the touchpoints along the stages (map order), then the unmatched ones in the order
/// given (for a log: most frequent first). What the page lists activities in.
pub fn journey_order(activities: &[String], map: &JourneyMap) -> Vec<String> {
    let m = ActivityMapping::for_names(activities, map);
    let stage_pos = |stage: &str| map.stages.iter().position(|s| s.id == stage).unwrap_or(usize::MAX);
    let mut keyed: Vec<(usize, usize, usize)> = (0..activities.len())
        .map(|a| match m.of(a as u32) {
            Some(t) => (0, stage_pos(&map.touchpoints[t].stage_id) * 100_000 + t, a),
            None => (1, 0, a),
        })
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, _, a)| activities[a].clone()).collect()
}

/// Activities along the main route, one per touchpoint that has a matched activity (the
/// first in `activities` order): the default funnel steps.
pub fn main_route_activities(activities: &[String], map: &JourneyMap) -> Vec<String> {
    let m = ActivityMapping::for_names(activities, map);
    main_route(map)
        .touchpoint_ids
        .iter()
        .filter_map(|id| {
            let t = map.touchpoints.iter().position(|t| &t.id == id)?;
            (0..activities.len()).find(|&a| m.of(a as u32) == Some(t)).map(|a| activities[a].clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang, RouteKind};

    fn shop() -> JourneyMap {
        let mut m = JourneyMap::blank("m", "Shop", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let ids: Vec<String> = ["Visit shop", "Product page", "Cart", "Checkout", "Pay"]
            .iter()
            .map(|t| m.add_touchpoint(&s, t, Channel::Website).unwrap())
            .collect();
        for w in ids.windows(2) {
            m.add_route(&w[0], &w[1], RouteKind::Planned);
        }
        m
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn exact_then_case_insensitive_then_only_suggested() {
        let mut m = shop();
        m.touchpoints[2].event_key = Some("add_to_cart".into());
        let acts = names(&["Visit shop", "checkout", "add_to_cart", "View product", "Newsletter"]);
        let rows = suggest_matches(&acts, &m);
        let kinds: Vec<MatchKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [MatchKind::ExactTitle, MatchKind::CaseInsensitiveTitle, MatchKind::EventKey, MatchKind::None, MatchKind::None]);
        // "View product" is not matched silently, but "Product page" is offered first.
        assert_eq!(rows[3].touchpoint_id, None);
        assert_eq!(rows[3].suggestions[0].title, "Product page");
        assert!(rows[4].suggestions.is_empty());
        // Once picked, it counts, and survives the JSON round trip of the map.
        let pp = m.touchpoints[1].id.clone();
        m.analytics.set_choice("View product", Some(pp.clone()));
        m.analytics.set_choice("Visit shop", None);
        let m = crate::model::schema::parse_map(&crate::model::schema::to_json(&m)).unwrap();
        let map = ActivityMapping::for_names(&acts, &m);
        assert_eq!(map.of(3), Some(1));
        assert_eq!(map.of(0), None, "left unmatched on purpose");
        assert_eq!(suggest_matches(&acts, &m)[3].kind, MatchKind::Chosen);
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        assert_eq!(name_similarity("Pay", "pay"), 1.0);
        assert!(name_similarity("View product", "Product page") >= SIMILARITY_THRESHOLD);
        assert!(name_similarity("Newsletter", "Cart") < SIMILARITY_THRESHOLD);
        assert_eq!(name_similarity("", "x"), 0.0);
        let (a, b) = ("Add to cart", "Cart (add)");
        assert_eq!(name_similarity(a, b), name_similarity(b, a));
    }

    #[test]
    fn goal_defaults_to_the_main_route_end_and_a_choice_wins() {
        let mut m = shop();
        let acts = names(&["Visit shop", "View product", "Pay", "Review"]);
        let g = goal_activities(&acts, &m);
        assert_eq!((g.activities.clone(), g.source), (names(&["Pay"]), GoalSource::MainRouteEnd));
        assert_eq!(main_route_activities(&acts, &m), names(&["Visit shop", "Pay"]));
        m.analytics.goal_activities = names(&["Review", "Gone"]);
        let g = goal_activities(&acts, &m);
        assert_eq!((g.activities, g.source), (names(&["Review"]), GoalSource::Chosen));
        // Without planned routes there is no end to default to: the page must ask.
        let mut m = shop();
        m.routes.clear();
        assert_eq!(goal_activities(&acts, &m).source, GoalSource::NoMainRoute);
    }

    #[test]
    fn an_unmatched_main_route_end_is_named_not_called_a_missing_route() {
        // The log never names "Pay" exactly: the map has a main route, but its end has
        // no matched activity. The reason says so, and nothing is guessed.
        let m = shop();
        let acts = names(&["Visit shop", "View product", "Pay now", "Review"]);
        let g = goal_activities(&acts, &m);
        assert_eq!(g.source, GoalSource::EndNotMatched);
        assert!(g.activities.is_empty() && g.source.is_missing());
        let pay = m.touchpoints[4].id.clone();
        assert_eq!(g.main_route_end.as_deref(), Some(pay.as_str()));
        // The goal step offers "Pay now" for "Pay"; once matched, it is the goal.
        assert_eq!(similar_activities(&pay, &acts, &m), names(&["Pay now"]));
        let mut m = m;
        m.analytics.set_choice("Pay now", Some(pay));
        let g = goal_activities(&acts, &m);
        assert_eq!((g.activities, g.source), (names(&["Pay now"]), GoalSource::MainRouteEnd));
    }

    #[test]
    fn activities_are_listed_in_journey_order() {
        let m = shop();
        let acts = names(&["Pay", "Newsletter", "Visit shop", "Checkout", "Other"]);
        assert_eq!(journey_order(&acts, &m), names(&["Visit shop", "Checkout", "Pay", "Newsletter", "Other"]));
    }
}
