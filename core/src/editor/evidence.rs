//! The map-level evidence meter: how much of the map rests on assumptions.

use crate::model::{EvidenceKind, JourneyMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EvidenceMeter {
    pub measured: usize,
    pub reported: usize,
    pub assumed: usize,
}

impl EvidenceMeter {
    pub fn of(map: &JourneyMap) -> EvidenceMeter {
        let mut m = EvidenceMeter::default();
        for tp in &map.touchpoints {
            match tp.evidence.kind {
                EvidenceKind::Measured => m.measured += 1,
                EvidenceKind::Reported => m.reported += 1,
                EvidenceKind::Assumed => m.assumed += 1,
            }
        }
        m
    }

    pub fn total(&self) -> usize {
        self.measured + self.reported + self.assumed
    }

    /// Share of touchpoints resting on assumptions, 0..=1; `None` for a map without any.
    pub fn assumed_share(&self) -> Option<f64> {
        (self.total() > 0).then(|| self.assumed as f64 / self.total() as f64)
    }

    /// The same share as a whole percentage, for the meter's text and value.
    pub fn assumed_percent(&self) -> Option<u32> {
        self.assumed_share().map(|s| (s * 100.0).round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Lang};

    #[test]
    fn counts_each_kind_and_the_assumed_share() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        assert_eq!(EvidenceMeter::of(&m).assumed_share(), None);
        let s = m.stages[0].id.clone();
        for kind in [EvidenceKind::Measured, EvidenceKind::Assumed, EvidenceKind::Assumed] {
            let id = m.add_touchpoint(&s, "x", Channel::App).unwrap();
            m.touchpoint_mut(&id).unwrap().evidence.kind = kind;
        }
        let meter = EvidenceMeter::of(&m);
        assert_eq!((meter.measured, meter.reported, meter.assumed), (1, 0, 2));
        assert_eq!(meter.assumed_percent(), Some(67));
    }
}
