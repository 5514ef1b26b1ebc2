//! The measured throughput time per journey that a map keeps for its histogram. A large
//! event log has far more journeys than local storage should hold, so the map keeps an
//! evenly spaced quantile sample of the sorted times: the histogram's shape and median stay
//! the same, the stored size stays bounded.

use super::JourneyMap;

/// The most throughput times a map stores (about 20 KB of JSON).
pub const MAX_JOURNEY_THROUGHPUTS: usize = 2000;

impl JourneyMap {
    /// Replaces the measured throughput times (seconds, one per journey). Values that are not
    /// finite or are negative are left out (a missing time is never a 0); more than
    /// [`MAX_JOURNEY_THROUGHPUTS`] are reduced to that many evenly spaced quantiles.
    pub fn set_journey_throughput(&mut self, durations_s: &[f64]) {
        let mut valid: Vec<f64> = durations_s.iter().copied().filter(|d| d.is_finite() && *d >= 0.0).collect();
        valid.sort_by(f64::total_cmp);
        self.journey_throughput_s = if valid.len() <= MAX_JOURNEY_THROUGHPUTS {
            valid
        } else {
            let last = (valid.len() - 1) as f64;
            let steps = (MAX_JOURNEY_THROUGHPUTS - 1) as f64;
            (0..MAX_JOURNEY_THROUGHPUTS).map(|i| valid[(i as f64 * last / steps).round() as usize]).collect()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::parse_map;
    use crate::model::Lang;

    #[test]
    fn invalid_times_are_left_out_and_the_rest_sorted() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        m.set_journey_throughput(&[30.0, f64::NAN, -1.0, 10.0, f64::INFINITY, 0.0]);
        assert_eq!(m.journey_throughput_s, vec![0.0, 10.0, 30.0]);
    }

    #[test]
    fn large_logs_keep_a_bounded_quantile_sample() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let many: Vec<f64> = (0..100_001).rev().map(f64::from).collect();
        m.set_journey_throughput(&many);
        let kept = &m.journey_throughput_s;
        assert_eq!(kept.len(), MAX_JOURNEY_THROUGHPUTS);
        assert_eq!((kept[0], kept[kept.len() - 1]), (0.0, 100_000.0), "minimum and maximum stay");
        let median = kept[kept.len() / 2];
        assert!((median - 50_000.0).abs() < 100.0, "median {median}");
    }

    #[test]
    fn maps_saved_before_the_field_existed_still_load_and_do_not_write_it_when_empty() {
        let old = r#"{"schema_version":1,"id":"m","name":"Old","created_at":0,"updated_at":0}"#;
        let m = parse_map(old).expect("old JSON loads");
        assert!(m.journey_throughput_s.is_empty());
        let json = serde_json::to_string(&m).unwrap();
        assert!(!json.contains("journey_throughput_s"));
        let mut with = m.clone();
        with.set_journey_throughput(&[60.0, 120.0]);
        let back = parse_map(&serde_json::to_string(&with).unwrap()).unwrap();
        assert_eq!(back.journey_throughput_s, vec![60.0, 120.0]);
    }
}
