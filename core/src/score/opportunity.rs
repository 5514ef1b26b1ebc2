//! Opportunities on a value-vs-effort matrix. Opportunity value = (customer value +
//! business value) / 2 on 0..=100; effort on 0..=5. Quadrants split at value 50 and effort
//! 2.5: high value and low effort is a quick win. An opportunity missing a figure (or with
//! one outside its scale) is listed as incomplete rather than placed with a made-up value.

use serde::Serialize;

use crate::model::{JourneyMap, Lang, Opportunity};

/// Values at or above this count as high value.
pub const VALUE_SPLIT: f64 = 50.0;
/// Efforts at or below this count as low effort.
pub const EFFORT_SPLIT: f64 = 2.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High value, low effort: do it now.
    QuickWin,
    /// High value, high effort: plan it.
    MajorProject,
    /// Low value, low effort: do it on the side.
    FillIn,
    /// Low value, high effort: leave it.
    NotWorthIt,
}

impl Quadrant {
    pub fn of(value: f64, effort: f64) -> Quadrant {
        match (value >= VALUE_SPLIT, effort <= EFFORT_SPLIT) {
            (true, true) => Quadrant::QuickWin,
            (true, false) => Quadrant::MajorProject,
            (false, true) => Quadrant::FillIn,
            (false, false) => Quadrant::NotWorthIt,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(
            match self {
                Quadrant::QuickWin => ("Quick win", "Schneller Erfolg"),
                Quadrant::MajorProject => ("Major project", "Großprojekt"),
                Quadrant::FillIn => ("Fill-in", "Nebenbei erledigen"),
                Quadrant::NotWorthIt => ("Not worth it", "Lohnt sich nicht"),
            },
        )
    }
}

/// A figure of an opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityField {
    CustomerValue,
    BusinessValue,
    Effort,
}

impl OpportunityField {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(
            match self {
                OpportunityField::CustomerValue => ("Customer value (0–100)", "Kundennutzen (0–100)"),
                OpportunityField::BusinessValue => ("Business value (0–100)", "Unternehmensnutzen (0–100)"),
                OpportunityField::Effort => ("Effort (0–5)", "Aufwand (0–5)"),
            },
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpportunityPoint {
    pub touchpoint_id: String,
    /// Position in the touchpoint's opportunity list.
    pub index: usize,
    pub text: String,
    pub customer_value: f64,
    pub business_value: f64,
    /// Opportunity value, 0..=100.
    pub value: f64,
    pub effort: f64,
    pub quadrant: Quadrant,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncompleteOpportunity {
    pub touchpoint_id: String,
    pub index: usize,
    pub text: String,
    /// Figures missing or outside their scale.
    pub missing: Vec<OpportunityField>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpportunityMatrix {
    pub points: Vec<OpportunityPoint>,
    pub incomplete: Vec<IncompleteOpportunity>,
}

fn within(v: Option<f64>, hi: f64) -> Option<f64> {
    v.filter(|v| v.is_finite() && (0.0..=hi).contains(v))
}

/// Places one opportunity, or names the figures it lacks.
pub fn place(tp_id: &str, index: usize, o: &Opportunity) -> Result<OpportunityPoint, IncompleteOpportunity> {
    let (c, b, e) = (within(o.customer_value, 100.0), within(o.business_value, 100.0), within(o.effort, 5.0));
    match (c, b, e) {
        (Some(c), Some(b), Some(e)) => {
            let value = (c + b) / 2.0;
            Ok(OpportunityPoint {
                touchpoint_id: tp_id.to_string(),
                index,
                text: o.text.clone(),
                customer_value: c,
                business_value: b,
                value,
                effort: e,
                quadrant: Quadrant::of(value, e),
            })
        }
        _ => {
            let missing = [
                (c.is_none(), OpportunityField::CustomerValue),
                (b.is_none(), OpportunityField::BusinessValue),
                (e.is_none(), OpportunityField::Effort),
            ]
            .into_iter()
            .filter_map(|(gone, f)| gone.then_some(f))
            .collect();
            Err(IncompleteOpportunity { touchpoint_id: tp_id.to_string(), index, text: o.text.clone(), missing })
        }
    }
}

/// Every opportunity of the map, placed or listed as incomplete, in map order.
pub fn opportunity_matrix(map: &JourneyMap) -> OpportunityMatrix {
    let mut matrix = OpportunityMatrix { points: Vec::new(), incomplete: Vec::new() };
    for tp in &map.touchpoints {
        for (i, o) in tp.opportunities.iter().enumerate() {
            match place(&tp.id, i, o) {
                Ok(p) => matrix.points.push(p),
                Err(inc) => matrix.incomplete.push(inc),
            }
        }
    }
    matrix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opp(c: Option<f64>, b: Option<f64>, e: Option<f64>) -> Opportunity {
        Opportunity { text: "x".into(), customer_value: c, business_value: b, effort: e }
    }

    #[test]
    fn value_is_the_mean_and_the_quadrant_follows_the_splits() {
        let p = place("t", 0, &opp(Some(80.0), Some(60.0), Some(2.0))).unwrap();
        assert_eq!((p.value, p.quadrant), (70.0, Quadrant::QuickWin));
        assert_eq!(place("t", 0, &opp(Some(50.0), Some(50.0), Some(2.6))).unwrap().quadrant, Quadrant::MajorProject);
        assert_eq!(place("t", 0, &opp(Some(40.0), Some(59.0), Some(2.5))).unwrap().quadrant, Quadrant::FillIn);
        assert_eq!(place("t", 0, &opp(Some(0.0), Some(0.0), Some(5.0))).unwrap().quadrant, Quadrant::NotWorthIt);
    }

    #[test]
    fn missing_or_out_of_scale_figures_are_named() {
        let inc = place("t", 3, &opp(None, Some(120.0), Some(1.0))).unwrap_err();
        assert_eq!(inc.missing, vec![OpportunityField::CustomerValue, OpportunityField::BusinessValue]);
        assert_eq!(inc.index, 3);
        assert_eq!(Quadrant::QuickWin.label(Lang::De), "Schneller Erfolg");
    }
}
