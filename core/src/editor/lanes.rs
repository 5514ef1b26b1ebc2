//! The rows of the editor grid ("lanes") and hiding them per map.

use crate::model::{JourneyMap, Lang};

/// One row of the grid. The key is what `JourneyMap::hidden_lanes` stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    Actions,
    Touchpoints,
    Thoughts,
    Emotion,
    PainPoints,
    Opportunities,
    Stage,
    Measurements,
}

impl Lane {
    /// Top to bottom, as the grid shows them. `Stage` is the frontstage/backstage lane.
    pub const ALL: [Lane; 8] = [
        Lane::Actions,
        Lane::Touchpoints,
        Lane::Thoughts,
        Lane::Emotion,
        Lane::PainPoints,
        Lane::Opportunities,
        Lane::Stage,
        Lane::Measurements,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Lane::Actions => "actions",
            Lane::Touchpoints => "touchpoints",
            Lane::Thoughts => "thoughts",
            Lane::Emotion => "emotion",
            Lane::PainPoints => "pain_points",
            Lane::Opportunities => "opportunities",
            Lane::Stage => "frontstage_backstage",
            Lane::Measurements => "measurements",
        }
    }

    /// The lane's heading in the grid and in the lane switches.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Lane::Actions => ("Customer actions", "Kundenaktionen"),
            Lane::Touchpoints => ("Touchpoints", "Touchpoints"),
            Lane::Thoughts => ("Thoughts", "Gedanken"),
            Lane::Emotion => ("Emotion curve", "Emotionskurve"),
            Lane::PainPoints => ("Pain points", "Schmerzpunkte"),
            Lane::Opportunities => ("Opportunities", "Chancen"),
            Lane::Stage => ("Frontstage / backstage", "Sichtbar / im Hintergrund"),
            Lane::Measurements => ("Measurements", "Messpunkte"),
        })
    }
}

impl JourneyMap {
    pub fn lane_hidden(&self, lane: Lane) -> bool {
        self.hidden_lanes.iter().any(|k| k == lane.key())
    }

    /// Hides or shows a lane; stores each key at most once.
    pub fn set_lane_hidden(&mut self, lane: Lane, hidden: bool) {
        self.hidden_lanes.retain(|k| k != lane.key());
        if hidden {
            self.hidden_lanes.push(lane.key().to_string());
        }
    }
}

/// A text area's text as list items: one per non-empty line, trimmed.
pub fn lines_to_list(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// The inverse of [`lines_to_list`] for showing a list in a text area.
pub fn list_to_lines(items: &[String]) -> String {
    items.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn lanes_hide_and_show_once() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        m.set_lane_hidden(Lane::Thoughts, true);
        m.set_lane_hidden(Lane::Thoughts, true);
        assert_eq!(m.hidden_lanes, ["thoughts"]);
        assert!(m.lane_hidden(Lane::Thoughts));
        m.set_lane_hidden(Lane::Thoughts, false);
        assert!(!m.lane_hidden(Lane::Thoughts));
    }

    #[test]
    fn keys_are_unique() {
        let keys: std::collections::HashSet<_> = Lane::ALL.iter().map(|l| l.key()).collect();
        assert_eq!(keys.len(), Lane::ALL.len());
    }

    #[test]
    fn lines_round_trip_without_blank_lines() {
        let list = lines_to_list("  slow page \n\n  no guest order\n ");
        assert_eq!(list, ["slow page", "no guest order"]);
        assert_eq!(lines_to_list(&list_to_lines(&list)), list);
    }
}
