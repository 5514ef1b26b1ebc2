//! The measures of a map: added, updated, removed and filtered with their drafts checked.
//! Apart from `measure.rs` (the measure types), so that the types depend on nothing above
//! them and `JourneyMap` imports them, not the other way round.

use std::collections::HashMap;

use super::measure::{set_status, MeasureDraft, MeasureError, MeasureFilter, MeasureStatus, Measure};
use super::tracking::is_iso_date;
use super::JourneyMap;

impl JourneyMap {
    fn check_draft(&self, draft: &MeasureDraft) -> Result<(), MeasureError> {
        if draft.title.trim().is_empty() {
            return Err(MeasureError::EmptyTitle);
        }
        if let Some(due) = &draft.due {
            if !is_iso_date(due) {
                return Err(MeasureError::BadDueDate(due.clone()));
            }
        }
        for link in &draft.links {
            if self.touchpoint(&link.touchpoint_id).is_none() {
                return Err(MeasureError::UnknownTouchpoint(link.touchpoint_id.clone()));
            }
        }
        Ok(())
    }

    /// Adds a measure; `today` (`YYYY-MM-DD`) is its done date when created as done.
    pub fn add_measure(&mut self, draft: MeasureDraft, today: &str) -> Result<String, MeasureError> {
        self.check_draft(&draft)?;
        let id = self.next_id("me");
        let done_on = (draft.status == MeasureStatus::Done).then(|| today.to_string());
        self.measures.push(Measure {
            id: id.clone(),
            title: draft.title.trim().to_string(),
            description: draft.description.trim().to_string(),
            owner: draft.owner.trim().to_string(),
            status: draft.status,
            due: draft.due.filter(|d| !d.is_empty()),
            done_on,
            links: draft.links,
            expected_effect: draft.expected_effect,
        });
        Ok(id)
    }

    /// Replaces what the user can edit of a measure; links to touchpoints that have been
    /// removed since may stay.
    pub fn update_measure(&mut self, id: &str, draft: MeasureDraft, today: &str) -> Result<(), MeasureError> {
        if draft.title.trim().is_empty() {
            return Err(MeasureError::EmptyTitle);
        }
        if let Some(due) = &draft.due {
            if !is_iso_date(due) {
                return Err(MeasureError::BadDueDate(due.clone()));
            }
        }
        let known: Vec<bool> = draft
            .links
            .iter()
            .map(|l| self.touchpoint(&l.touchpoint_id).is_some())
            .collect();
        let measure = self.measures.iter_mut().find(|m| m.id == id).ok_or_else(|| MeasureError::UnknownMeasure(id.into()))?;
        if let Some((link, _)) = draft.links.iter().zip(known).find(|(l, ok)| !ok && !measure.links.contains(l)) {
            return Err(MeasureError::UnknownTouchpoint(link.touchpoint_id.clone()));
        }
        measure.title = draft.title.trim().to_string();
        measure.description = draft.description.trim().to_string();
        measure.owner = draft.owner.trim().to_string();
        measure.due = draft.due.filter(|d| !d.is_empty());
        measure.links = draft.links;
        measure.expected_effect = draft.expected_effect;
        set_status(measure, draft.status, today);
        Ok(())
    }

    /// Moves a measure to another status; entering "done" records `today` as done date.
    pub fn set_measure_status(&mut self, id: &str, status: MeasureStatus, today: &str) -> bool {
        match self.measures.iter_mut().find(|m| m.id == id) {
            Some(m) => {
                set_status(m, status, today);
                true
            }
            None => false,
        }
    }

    pub fn remove_measure(&mut self, id: &str) {
        self.measures.retain(|m| m.id != id);
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// How many measures are linked to a touchpoint (shown on the map).
    pub fn measure_count(&self, tp_id: &str) -> usize {
        self.measures.iter().filter(|m| m.touches(tp_id)).count()
    }

    /// [`JourneyMap::measure_count`] of every touchpoint some measure touches, in one pass
    /// (the canvas shows it on every card): a measure counts once per touchpoint it touches.
    pub fn measure_counts(&self) -> HashMap<&str, usize> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for measure in &self.measures {
            let mut seen: Vec<&str> = Vec::new();
            for link in &measure.links {
                if !seen.contains(&link.touchpoint_id.as_str()) {
                    seen.push(&link.touchpoint_id);
                    *counts.entry(link.touchpoint_id.as_str()).or_default() += 1;
                }
            }
        }
        counts
    }

    /// The stages a measure belongs to, through its linked touchpoints.
    pub fn measure_stage_ids(&self, measure: &Measure) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for link in &measure.links {
            if let Some(tp) = self.touchpoint(&link.touchpoint_id) {
                if !ids.contains(&tp.stage_id) {
                    ids.push(tp.stage_id.clone());
                }
            }
        }
        ids
    }

    /// Measures passing the filter, in map order. Owner matching ignores case and spaces
    /// around.
    pub fn filtered_measures(&self, filter: &MeasureFilter) -> Vec<&Measure> {
        let owner = filter.owner.as_deref().map(|o| o.trim().to_lowercase()).filter(|o| !o.is_empty());
        self.measures
            .iter()
            .filter(|m| filter.status.is_none_or(|s| m.status == s))
            .filter(|m| owner.as_ref().is_none_or(|o| m.owner.trim().to_lowercase() == *o))
            .filter(|m| filter.stage_id.as_ref().is_none_or(|s| self.measure_stage_ids(m).contains(s)))
            .collect()
    }

    /// The distinct owners of all measures, sorted, for the owner filter.
    pub fn measure_owners(&self) -> Vec<String> {
        let mut owners: Vec<String> = self.measures.iter().map(|m| m.owner.trim().to_string()).filter(|o| !o.is_empty()).collect();
        owners.sort_by_key(|o| o.to_lowercase());
        owners.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        owners
    }
}
