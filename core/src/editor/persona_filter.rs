//! Which touchpoints belong to a persona's journey.

use crate::model::Touchpoint;

/// A touchpoint belongs to a persona when it names it or names no persona (it is then
/// everyone's). `None` (no filter) accepts every touchpoint.
pub fn belongs_to(tp: &Touchpoint, persona: Option<&str>) -> bool {
    match persona {
        None => true,
        Some(p) => tp.persona_ids.is_empty() || tp.persona_ids.iter().any(|id| id == p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unassigned_touchpoints_belong_to_everyone() {
        let mut tp = Touchpoint::default();
        assert!(belongs_to(&tp, Some("pe-1")));
        tp.persona_ids = vec!["pe-2".into()];
        assert!(!belongs_to(&tp, Some("pe-1")));
        assert!(belongs_to(&tp, Some("pe-2")));
        assert!(belongs_to(&tp, None));
    }
}
