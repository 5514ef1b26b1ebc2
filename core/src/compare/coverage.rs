//! Data inventory and measurement coverage: per touchpoint, which system records it; for
//! the map, the share of touchpoints and of customer volume that has a measurement point,
//! and the touchpoints nobody measures.
//!
//! A touchpoint has a measurement point when a source is named for it. When no source is
//! stated yet, measured values (current measurements or a history) count as a measurement
//! point of unknown source; an explicit "none" always means unmeasured.

use crate::model::{DataSource, JourneyMap, Touchpoint};

use super::diff::TouchpointRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasurementPoint {
    /// A named source records it.
    Source(DataSource),
    /// No source stated, but values were measured.
    UnstatedSource,
    /// Nothing records it (stated "none", or nothing stated and no values).
    Unmeasured,
}

impl MeasurementPoint {
    pub fn is_measured(self) -> bool {
        !matches!(self, MeasurementPoint::Unmeasured)
    }
}

fn has_values(tp: &Touchpoint) -> bool {
    let m = &tp.measurements;
    !tp.history.is_empty()
        || [m.volume, m.drop_off_rate, m.throughput_time_s, m.csat, m.ces, m.nps].iter().any(Option::is_some)
}

pub fn measurement_point(tp: &Touchpoint) -> MeasurementPoint {
    match tp.data_source {
        Some(DataSource::NoSource) => MeasurementPoint::Unmeasured,
        Some(source) => MeasurementPoint::Source(source),
        None if has_values(tp) => MeasurementPoint::UnstatedSource,
        None => MeasurementPoint::Unmeasured,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnmeasuredTouchpoint {
    pub touchpoint: TouchpointRef,
    pub volume: Option<f64>,
}

/// How many touchpoints a source records; `None` = source not stated.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCount {
    pub source: Option<DataSource>,
    pub touchpoints: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub touchpoints: usize,
    pub measured: usize,
    /// measured / touchpoints; `None` for a map without touchpoints.
    pub touchpoint_share: Option<f64>,
    /// Sum of the known volumes.
    pub volume_total: f64,
    /// Sum of the known volumes of measured touchpoints.
    pub volume_measured: f64,
    /// volume_measured / volume_total; `None` when no volume is known.
    pub volume_share: Option<f64>,
    /// Touchpoints whose volume is unknown (left out of the volume share).
    pub volume_unknown: usize,
    /// Unmeasured touchpoints, the largest known volume first.
    pub unmeasured: Vec<UnmeasuredTouchpoint>,
    /// Every source in [`DataSource::ALL`] order, then "not stated"; only non-zero counts.
    pub by_source: Vec<SourceCount>,
}

pub fn coverage(map: &JourneyMap) -> Coverage {
    let mut c = Coverage {
        touchpoints: map.touchpoints.len(),
        measured: 0,
        touchpoint_share: None,
        volume_total: 0.0,
        volume_measured: 0.0,
        volume_share: None,
        volume_unknown: 0,
        unmeasured: Vec::new(),
        by_source: Vec::new(),
    };
    for tp in &map.touchpoints {
        let point = measurement_point(tp);
        let volume = tp.measurements.volume.filter(|v| v.is_finite() && *v >= 0.0);
        match volume {
            Some(v) => c.volume_total += v,
            None => c.volume_unknown += 1,
        }
        if point.is_measured() {
            c.measured += 1;
            c.volume_measured += volume.unwrap_or(0.0);
        } else {
            c.unmeasured.push(UnmeasuredTouchpoint {
                touchpoint: TouchpointRef {
                    id: tp.id.clone(),
                    title: tp.title.clone(),
                    stage: map.stage(&tp.stage_id).map(|s| s.name.clone()).unwrap_or_default(),
                },
                volume,
            });
        }
    }
    c.touchpoint_share = (c.touchpoints > 0).then(|| c.measured as f64 / c.touchpoints as f64);
    c.volume_share = (c.volume_total > 0.0).then(|| c.volume_measured / c.volume_total);
    // Stable sort: equal volumes keep map order.
    c.unmeasured.sort_by(|a, b| b.volume.unwrap_or(-1.0).total_cmp(&a.volume.unwrap_or(-1.0)));
    let sources = DataSource::ALL.into_iter().map(Some).chain([None]);
    c.by_source = sources
        .map(|source| SourceCount { source, touchpoints: map.touchpoints.iter().filter(|t| t.data_source == source).count() })
        .filter(|s| s.touchpoints > 0)
        .collect();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};

    #[test]
    fn shares_of_touchpoints_and_volume_with_a_measurement_point() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let ids: Vec<String> = ["web", "store", "hotline", "flyer"].iter().map(|t| m.add_touchpoint(&s, t, Channel::Website).unwrap()).collect();
        m.set_data_source(&ids[0], Some(DataSource::WebAnalytics));
        m.touchpoint_mut(&ids[0]).unwrap().measurements.volume = Some(600.0);
        // Measured values without a stated source still count.
        m.touchpoint_mut(&ids[1]).unwrap().measurements.volume = Some(200.0);
        // Stated "none" wins over values.
        m.set_data_source(&ids[2], Some(DataSource::NoSource));
        m.touchpoint_mut(&ids[2]).unwrap().measurements.volume = Some(200.0);
        let c = coverage(&m);
        assert_eq!((c.touchpoints, c.measured), (4, 2));
        assert_eq!(c.touchpoint_share, Some(0.5));
        assert_eq!((c.volume_total, c.volume_measured), (1000.0, 800.0));
        assert_eq!(c.volume_share, Some(0.8));
        assert_eq!(c.volume_unknown, 1);
        let titles: Vec<&str> = c.unmeasured.iter().map(|u| u.touchpoint.title.as_str()).collect();
        assert_eq!(titles, ["hotline", "flyer"], "largest volume first");
        assert_eq!(measurement_point(m.touchpoint(&ids[1]).unwrap()), MeasurementPoint::UnstatedSource);
        assert_eq!(
            c.by_source,
            vec![
                SourceCount { source: Some(DataSource::WebAnalytics), touchpoints: 1 },
                SourceCount { source: Some(DataSource::NoSource), touchpoints: 1 },
                SourceCount { source: None, touchpoints: 2 },
            ]
        );
    }

    #[test]
    fn an_empty_map_has_no_shares() {
        let c = coverage(&JourneyMap::blank("m", "M", 0.0, Lang::En));
        assert_eq!((c.touchpoint_share, c.volume_share), (None, None));
    }
}
