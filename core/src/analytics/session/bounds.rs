//! The page's copy of a reply: every long list cut to [`SHOWN_ACTIVITIES`] entries with
//! a summary of the rest (`analytics/shown.rs`). The worker keeps the whole log and
//! answers follow-up requests from it; only what crosses to the page is bounded, so a log
//! with 200,000 distinct activities sends kilobytes, not a 78 MB report the page cannot
//! parse. (`session::bounded` applies these per reply.)

use crate::analytics::draft::Draft;
use crate::analytics::shown::{cut, SHOWN_ACTIVITIES};
use crate::analytics::{ApplyPlan, DeviationReport, OmittedLists, PlannedVsActual, Report};

const N: usize = SHOWN_ACTIVITIES;

/// The report with its activity lists cut (most events first, as `volumes` sorts them).
pub fn bounded_report(mut r: Report) -> Report {
    let activities = cut(&mut r.volumes.activities, N, |a| a.events);
    let edges = cut(&mut r.dfg.edges, N, |e| e.count);
    let drop_off_rows = cut(&mut r.drop_off.by_activity, N, |d| d.dropped);
    r.dfg.start_activities.truncate(N);
    r.dfg.end_activities.truncate(N);
    r.dfg.activity_timing.truncate(N);
    let omitted = OmittedLists { activities, edges, drop_off_rows };
    r.omitted = (omitted != OmittedLists::default()).then_some(omitted);
    r
}

pub fn bound_deviation(report: &mut DeviationReport) {
    report.more_unmapped = cut(&mut report.unmapped_activities, N, |u| u.events);
    report.more_rework = cut(&mut report.rework, N, |r| r.repeats);
    report.mapped_activities.truncate(N);
}

pub fn bound_planned_actual(report: &mut PlannedVsActual) {
    report.more_unplanned = cut(&mut report.unplanned_activities, N, |u| u.events);
    report.unplanned_routes.truncate(N);
}

pub fn bound_plan(plan: &mut ApplyPlan) {
    plan.more_unmatched = cut(&mut plan.unmatched_activities, N, |u| u.events);
}

pub fn bound_draft(draft: &mut Draft) {
    draft.more_dropped = cut(&mut draft.dropped_activities, N, |d| d.cases);
    draft.more_dropped_paths = cut(&mut draft.dropped_paths, N, |d| d.cases);
}
