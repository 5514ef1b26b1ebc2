//! Turning what the user typed into model values: numbers (with a decimal comma as Germans
//! type them) and the opportunity list edited as lines.

use crate::model::{Opportunity, Touchpoint};

/// The text of a number field was not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// An optional number from a text field: empty means unknown (`Ok(None)`), anything that is
/// not a finite number is refused (`Err`) so the caller keeps the old value and says why.
pub fn parse_number(text: &str) -> Result<Option<f64>, NotANumber> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let normalised = if t.contains(',') && !t.contains('.') { t.replace(',', ".") } else { t.replace(',', "") };
    match normalised.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NotANumber),
    }
}

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
    fn numbers_accept_both_decimal_marks_and_refuse_words() {
        assert_eq!(parse_number(" 4,5 "), Ok(Some(4.5)));
        assert_eq!(parse_number("4.5"), Ok(Some(4.5)));
        assert_eq!(parse_number("12,000.5"), Ok(Some(12000.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("lots"), Err(NotANumber));
        assert_eq!(parse_number("NaN"), Err(NotANumber));
        assert_eq!(parse_number("inf"), Err(NotANumber));
    }

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
