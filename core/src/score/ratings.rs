//! Scores from raw survey ratings (used by the survey import): CSAT as mean and top-2-box
//! share on 1–5, CES as the share agreeing, NPS as % promoters − % detractors on 0–10.
//!
//! Ratings must be whole numbers on their scale; the first one that is not is reported by
//! position, so the import can point at the row.

use serde::Serialize;

use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum RatingError {
    /// No ratings at all: a mean of nothing is not 0.
    Empty,
    /// `index` is 0-based; messages count from 1.
    OutOfScale { index: usize, value: f64, min: u8, max: u8 },
    NotWhole { index: usize, value: f64 },
}

impl RatingError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RatingError::Empty, Lang::En) => "There are no ratings to compute a score from.".into(),
            (RatingError::Empty, Lang::De) => "Es gibt keine Bewertungen, aus denen ein Wert berechnet werden kann.".into(),
            (RatingError::OutOfScale { index, value, min, max }, Lang::En) => {
                format!("Rating no. {} is {value}, outside the scale {min}–{max}.", index + 1)
            }
            (RatingError::OutOfScale { index, value, min, max }, Lang::De) => {
                format!("Bewertung Nr. {} ist {value} und liegt außerhalb der Skala {min}–{max}.", index + 1)
            }
            (RatingError::NotWhole { index, value }, Lang::En) => {
                format!("Rating no. {} is {value}, but ratings must be whole numbers.", index + 1)
            }
            (RatingError::NotWhole { index, value }, Lang::De) => {
                format!("Bewertung Nr. {} ist {value}, Bewertungen müssen aber ganze Zahlen sein.", index + 1)
            }
        }
    }
}

impl std::fmt::Display for RatingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RatingError {}

/// Checks that every rating is a whole number within `min..=max`.
fn validate(ratings: &[f64], min: u8, max: u8) -> Result<(), RatingError> {
    if ratings.is_empty() {
        return Err(RatingError::Empty);
    }
    for (index, &value) in ratings.iter().enumerate() {
        if !value.is_finite() || value < f64::from(min) || value > f64::from(max) {
            return Err(RatingError::OutOfScale { index, value, min, max });
        }
        if value.fract() != 0.0 {
            return Err(RatingError::NotWhole { index, value });
        }
    }
    Ok(())
}

fn share(ratings: &[f64], pred: impl Fn(f64) -> bool) -> f64 {
    ratings.iter().filter(|r| pred(**r)).count() as f64 / ratings.len() as f64
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsatSummary {
    /// Mean on 1..=5 (what `Measurements::csat` stores).
    pub mean: f64,
    /// Share of 4s and 5s, 0..=1.
    pub top2_share: f64,
    pub count: usize,
}

/// CSAT from ratings on 1..=5.
pub fn csat(ratings: &[f64]) -> Result<CsatSummary, RatingError> {
    validate(ratings, 1, 5)?;
    Ok(CsatSummary {
        mean: ratings.iter().sum::<f64>() / ratings.len() as f64,
        top2_share: share(ratings, |r| r >= 4.0),
        count: ratings.len(),
    })
}

/// The agreement scale a CES question was asked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CesScale {
    /// 1..=5, agreeing = 4 or 5.
    FivePoint,
    /// 1..=7, agreeing = 5, 6 or 7.
    SevenPoint,
}

/// CES as the share agreeing that it was easy, 0..=1 (what `Measurements::ces` stores).
pub fn ces_share_agreeing(ratings: &[f64], scale: CesScale) -> Result<f64, RatingError> {
    let (max, agree_from) = match scale {
        CesScale::FivePoint => (5, 4.0),
        CesScale::SevenPoint => (7, 5.0),
    };
    validate(ratings, 1, max)?;
    Ok(share(ratings, |r| r >= agree_from))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsSummary {
    /// −100..=100.
    pub nps: f64,
    /// Share of 9s and 10s, 0..=1.
    pub promoters: f64,
    /// Share of 0..=6, 0..=1.
    pub detractors: f64,
    pub count: usize,
}

/// NPS from likelihood-to-recommend ratings on 0..=10.
pub fn nps(ratings: &[f64]) -> Result<NpsSummary, RatingError> {
    validate(ratings, 0, 10)?;
    let promoters = share(ratings, |r| r >= 9.0);
    let detractors = share(ratings, |r| r <= 6.0);
    Ok(NpsSummary { nps: (promoters - detractors) * 100.0, promoters, detractors, count: ratings.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_ratings_are_reported_by_position() {
        assert_eq!(csat(&[]), Err(RatingError::Empty));
        let err = csat(&[5.0, 4.0, 6.0]).unwrap_err();
        assert_eq!(err, RatingError::OutOfScale { index: 2, value: 6.0, min: 1, max: 5 });
        assert!(err.message(Lang::En).contains("no. 3"), "{}", err.message(Lang::En));
        assert!(err.message(Lang::De).contains("Nr. 3"));
        assert_eq!(nps(&[7.5]).unwrap_err(), RatingError::NotWhole { index: 0, value: 7.5 });
        assert!(matches!(ces_share_agreeing(&[f64::NAN], CesScale::FivePoint), Err(RatingError::OutOfScale { .. })));
        assert!(ces_share_agreeing(&[6.0], CesScale::FivePoint).is_err());
        assert!(ces_share_agreeing(&[6.0], CesScale::SevenPoint).is_ok());
    }

    #[test]
    fn extremes_of_each_scale() {
        assert_eq!(nps(&[10.0, 9.0]).unwrap().nps, 100.0);
        assert_eq!(nps(&[0.0, 6.0]).unwrap().nps, -100.0);
        assert_eq!(nps(&[7.0, 8.0]).unwrap().nps, 0.0);
        let c = csat(&[1.0, 1.0]).unwrap();
        assert_eq!((c.mean, c.top2_share), (1.0, 0.0));
        assert_eq!(ces_share_agreeing(&[4.0, 3.0], CesScale::FivePoint).unwrap(), 0.5);
    }
}
