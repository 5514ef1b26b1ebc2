//! A fresh worker's first import runs in the browser's quick first-tier wasm code while the
//! optimised code for its hot functions is compiled beside it, so the first log a user
//! imports was read by slower code than the next. [`Session::warm_up`] imports and analyses
//! a small generated log (and forgets it) while the worker waits for the user: the hot
//! functions are then optimised before the real file arrives. Every worker alive at the
//! same time shares that code (`src/ui/analytics/worker.rs`).

use super::Session;
use crate::analytics::{generator, AnalysisOptions};
use crate::model::Lang;

/// Enough rows that every per-row function runs often enough to be optimised; few enough
/// that an import arriving meanwhile waits only milliseconds.
pub const WARM_UP_EVENTS: usize = 30_000;

impl Session {
    /// Imports and analyses a generated log, with a goal so drop-off runs too, then
    /// forgets it: the session is as before. A session that holds a log (an import came
    /// first) is warm already and keeps it.
    pub fn warm_up(&mut self) {
        if self.log.is_some() {
            return;
        }
        let csv = generator::generate_csv(WARM_UP_EVENTS, 1);
        let mut options = AnalysisOptions::default();
        options.drop_off.end_activities = vec![generator::TRUTH_GOAL.into()];
        let encoding = self.encoding.take();
        let _ = self.import(csv.into_bytes(), &generator::column_mapping(), &options, None, Lang::En, &|| 0.0, &mut |_| {});
        let _ = self.case_durations_s();
        self.log = None;
        self.encoding = encoding;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::session::{Reply, Request};
    use crate::model::JourneyMap;

    #[test]
    fn a_warm_up_leaves_no_log_behind_and_an_import_after_it_is_unchanged() {
        let mut s = Session::new();
        s.warm_up();
        let map = JourneyMap::blank("m", "M", 0.0, Lang::En);
        assert!(matches!(s.handle(Request::Deviation { map }), Reply::Failed { .. }), "no log after the warm-up");
        let csv = generator::generate_csv(5_000, 9);
        let import = |s: &mut Session| {
            match s.import(csv.clone().into_bytes(), &generator::column_mapping(), &AnalysisOptions::default(), None, Lang::En, &|| 0.0, &mut |_| {}) {
                Reply::Imported { report, summary, issues, .. } => (report, summary, issues),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(import(&mut s), import(&mut Session::new()), "same report as in a session never warmed");
        // A warm-up that comes after an import leaves its log alone.
        s.warm_up();
        let spec = crate::analytics::FunnelSpec { steps: vec![generator::START.into()], mode: Default::default(), window_s: None };
        let Reply::Funnel { report } = s.handle(Request::Funnel { spec }) else { panic!("the log was dropped") };
        assert_eq!(report.steps[0].cases, import(&mut Session::new()).0.cases);
    }
}
