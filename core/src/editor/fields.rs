//! Turning what the user typed into model values: the opportunity list edited as lines.
//! (Typed numbers are read by `crate::entry`, the same parser the scores page uses.)

use crate::model::{Opportunity, Touchpoint};

/// Sets the opportunities from one text per line; an opportunity whose text is unchanged
/// keeps its values and effort (so editing the list never loses scoring data).
pub fn set_opportunity_texts(tp: &mut Touchpoint, lines: Vec<String>) {
    let mut old = std::mem::take(&mut tp.opportunities);
    tp.opportunities = lines
        .into_iter()
        .map(|text| match old.iter().position(|o| o.text == text) {
            Some(i) => old.remove(i),
            None => Opportunity { text, ..Opportunity::default() },
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_opportunities_keep_their_values() {
        let mut tp = Touchpoint {
            opportunities: vec![Opportunity { text: "a".into(), effort: Some(2.0), ..Opportunity::default() }],
            ..Touchpoint::default()
        };
        set_opportunity_texts(&mut tp, vec!["b".into(), "a".into()]);
        assert_eq!(tp.opportunities.len(), 2);
        assert_eq!(tp.opportunities[1].effort, Some(2.0));
        assert_eq!(tp.opportunities[0].effort, None);
    }
}
