//! The measurement history's entry for one import applied to a map
//! ([`crate::model::HistoryPeriod`]): the log's period, its cases and events, the cases that
//! reached the goal or dropped off (by [`super::dropoff::case_outcomes`], the one drop-off
//! definition) and the cases per measured touchpoint — the same counts the apply writes.

use crate::model::{record_period, HistoryPeriod, ImportRecipe, JourneyMap, MeasuredPeriod, PeriodVolume};

use super::dropoff::CaseOutcome;
use super::event_log::EventLog;

/// The period of `log` as the apply measured it: `visits[t]` cases reached the map's
/// touchpoint `t` (0 with `measured[t]` false: not measured, left out).
pub(crate) fn period_entry(
    map: &JourneyMap,
    log: &EventLog,
    period: &MeasuredPeriod,
    outcome: &[CaseOutcome],
    goal: Vec<String>,
    visits: &[u64],
    measured: &[bool],
) -> HistoryPeriod {
    let has_goal = !goal.is_empty();
    let count = |want: fn(&CaseOutcome) -> bool| has_goal.then(|| outcome.iter().filter(|o| want(o)).count() as u64);
    let touchpoints = map
        .touchpoints
        .iter()
        .enumerate()
        .filter(|&(t, _)| measured[t] && visits[t] > 0)
        .map(|(t, tp)| PeriodVolume { touchpoint_id: tp.id.clone(), title: tp.title.clone(), cases: visits[t] })
        .collect();
    HistoryPeriod {
        period: period.clone(),
        sources: Vec::new(),
        cases: log.case_count() as u64,
        events: log.event_count() as u64,
        goal,
        completed: count(|o| *o == CaseOutcome::Completed),
        dropped: count(|o| matches!(o, CaseOutcome::DroppedAt(_))),
        touchpoints,
    }
}

/// Stores the recipe the import was read with in the plan's map, and names its sources on
/// the period the plan adds to the history (the page knows how it read the files; the
/// worker's plan does not).
pub fn attach_recipe(map: &mut JourneyMap, period: Option<&MeasuredPeriod>, recipe: ImportRecipe) {
    let mut history = map.analytics.history();
    // The plan's own entry: its period, no sources named yet (an earlier import of the same
    // file on the same day has the same period, but its sources).
    if let Some(at) = period.and_then(|p| history.iter().rposition(|h| h.period == *p && h.sources.is_empty())) {
        let mut entry = history.remove(at);
        entry.sources = recipe.sources.iter().map(|s| s.source.clone()).collect();
        // Recorded again: an earlier period of the same span and sources is replaced.
        record_period(&mut history, entry);
        map.analytics.set_history(&history);
    }
    map.analytics.set_recipe(&recipe);
}
