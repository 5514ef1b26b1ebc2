//! Channel steering: for every frontstage touchpoint and each persona it belongs to, the
//! channel actually used next to the persona's preferred channels. The point is to meet
//! customers on the channels they favour, and to see where they are on a different one.

use serde::Serialize;

use crate::model::{Channel, ContactClass, JourneyMap, Visibility};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SteeringRow {
    pub touchpoint_id: String,
    pub persona_id: String,
    pub used: Channel,
    pub preferred: Vec<Channel>,
    /// Whether the used channel is among the preferred ones; `None` when the persona has no
    /// preferred channels.
    pub matches_preference: Option<bool>,
    /// Carried along so the UI can show contacts only.
    pub contact_class: Option<ContactClass>,
}

/// One row per frontstage touchpoint and persona (a touchpoint without personas belongs to
/// all of them), in map order.
pub fn channel_steering(map: &JourneyMap) -> Vec<SteeringRow> {
    let mut rows = Vec::new();
    for tp in map.touchpoints.iter().filter(|t| t.visibility == Visibility::Frontstage) {
        let personas = map
            .personas
            .iter()
            .filter(|p| tp.persona_ids.is_empty() || tp.persona_ids.contains(&p.id));
        for p in personas {
            rows.push(SteeringRow {
                touchpoint_id: tp.id.clone(),
                persona_id: p.id.clone(),
                used: tp.channel.clone(),
                preferred: p.preferred_channels.clone(),
                matches_preference: (!p.preferred_channels.is_empty())
                    .then(|| p.preferred_channels.contains(&tp.channel)),
                contact_class: tp.contact_class,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn rows_pair_used_and_preferred_channels_per_persona() {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let s = m.stages[0].id.clone();
        let lena = m.add_persona("Lena");
        let tom = m.add_persona("Tom");
        m.personas[0].preferred_channels = vec![Channel::App];
        let call = m.add_touchpoint(&s, "call", Channel::Phone).unwrap();
        let app = m.add_touchpoint(&s, "app", Channel::App).unwrap();
        m.touchpoint_mut(&app).unwrap().persona_ids = vec![lena.clone()];
        let back = m.add_touchpoint(&s, "backstage", Channel::App).unwrap();
        m.touchpoint_mut(&back).unwrap().visibility = Visibility::Backstage;
        let rows = channel_steering(&m);
        let view: Vec<(&str, &str, Option<bool>)> =
            rows.iter().map(|r| (r.touchpoint_id.as_str(), r.persona_id.as_str(), r.matches_preference)).collect();
        assert_eq!(
            view,
            vec![(call.as_str(), lena.as_str(), Some(false)), (call.as_str(), tom.as_str(), None), (app.as_str(), lena.as_str(), Some(true))]
        );
    }
}
