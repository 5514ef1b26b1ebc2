//! Which touchpoints a later state of a map added, removed or changed, and for changed ones
//! which fields, with their values before and after; plus added, removed and renamed stages.

use crate::model::{EvidenceKind, JourneyMap, Lang, Touchpoint, Visibility};
use crate::score::{contact_class_label, contact_reason_label};

use super::value::FieldValue;

/// A field of a touchpoint that the comparison looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TouchpointField {
    Title,
    Stage,
    Channel,
    CustomerAction,
    Thoughts,
    Emotion,
    PainPoints,
    Opportunities,
    Owner,
    Visibility,
    Evidence,
    Personas,
    Importance,
    Volume,
    DropOff,
    ThroughputTime,
    Csat,
    Ces,
    Nps,
    ContactClass,
    ContactReason,
    DataSource,
}

impl TouchpointField {
    pub fn label(self, lang: Lang) -> &'static str {
        use TouchpointField::*;
        let (en, de) = match self {
            Title => ("Title", "Titel"),
            Stage => ("Stage", "Phase"),
            Channel => ("Channel", "Kanal"),
            CustomerAction => ("Customer action", "Kundenaktion"),
            Thoughts => ("Thoughts", "Gedanken"),
            Emotion => ("Emotion", "Emotion"),
            PainPoints => ("Pain points", "Schmerzpunkte"),
            Opportunities => ("Opportunities", "Chancen"),
            Owner => ("Owner", "Verantwortlich"),
            Visibility => ("Frontstage / backstage", "Sichtbar / im Hintergrund"),
            Evidence => ("Evidence", "Beleg"),
            Personas => ("Personas", "Personas"),
            Importance => ("Importance", "Wichtigkeit"),
            Volume => ("Volume", "Volumen"),
            DropOff => ("Drop-off", "Abbruch"),
            ThroughputTime => ("Throughput time (s)", "Durchlaufzeit (s)"),
            Csat => ("CSAT", "CSAT"),
            Ces => ("CES", "CES"),
            Nps => ("NPS", "NPS"),
            ContactClass => ("Contact class", "Kontaktart"),
            ContactReason => ("Contact reason", "Kontaktgrund"),
            DataSource => ("Data source", "Datenquelle"),
        };
        lang.pick((en, de))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: TouchpointField,
    pub before: FieldValue,
    pub after: FieldValue,
}

/// A touchpoint named for the user: its title and stage name.
#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointRef {
    pub id: String,
    pub title: String,
    pub stage: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointChange {
    /// The touchpoint as it is afterwards.
    pub touchpoint: TouchpointRef,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapDiff {
    pub added: Vec<TouchpointRef>,
    pub removed: Vec<TouchpointRef>,
    pub changed: Vec<TouchpointChange>,
    pub stages_added: Vec<String>,
    pub stages_removed: Vec<String>,
    /// (before, after)
    pub stages_renamed: Vec<(String, String)>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.stages_added.is_empty()
            && self.stages_removed.is_empty()
            && self.stages_renamed.is_empty()
    }
}

fn reference(map: &JourneyMap, tp: &Touchpoint) -> TouchpointRef {
    TouchpointRef {
        id: tp.id.clone(),
        title: tp.title.clone(),
        stage: map.stage(&tp.stage_id).map(|s| s.name.clone()).unwrap_or_default(),
    }
}

/// Every field of a touchpoint as compared values, in display order.
fn fields(map: &JourneyMap, tp: &Touchpoint, lang: Lang) -> Vec<(TouchpointField, FieldValue)> {
    use FieldValue::*;
    use TouchpointField as F;
    let m = &tp.measurements;
    let personas = tp
        .persona_ids
        .iter()
        .map(|id| map.personas.iter().find(|p| &p.id == id).map_or(id.clone(), |p| p.name.clone()))
        .collect();
    let visibility = match (tp.visibility, lang) {
        (Visibility::Frontstage, Lang::En) => "Frontstage",
        (Visibility::Frontstage, Lang::De) => "Sichtbar",
        (Visibility::Backstage, Lang::En) => "Backstage",
        (Visibility::Backstage, Lang::De) => "Im Hintergrund",
    };
    let evidence = match (tp.evidence.kind, lang) {
        (EvidenceKind::Measured, Lang::En) => "measured",
        (EvidenceKind::Measured, Lang::De) => "gemessen",
        (EvidenceKind::Reported, Lang::En) => "reported",
        (EvidenceKind::Reported, Lang::De) => "berichtet",
        (EvidenceKind::Assumed, Lang::En) => "assumed",
        (EvidenceKind::Assumed, Lang::De) => "angenommen",
    };
    let evidence = if tp.evidence.source.is_empty() { evidence.to_string() } else { format!("{evidence} ({})", tp.evidence.source) };
    vec![
        (F::Title, Text(tp.title.clone())),
        (F::Stage, Text(map.stage(&tp.stage_id).map(|s| s.name.clone()).unwrap_or_default())),
        (F::Channel, Text(tp.channel.label(lang))),
        (F::CustomerAction, Text(tp.customer_action.clone())),
        (F::Thoughts, Text(tp.thoughts.clone())),
        (F::Emotion, Emotion(tp.emotion)),
        (F::PainPoints, List(tp.pain_points.clone())),
        (F::Opportunities, List(tp.opportunities.iter().map(|o| o.text.clone()).collect())),
        (F::Owner, Text(tp.owner.clone())),
        (F::Visibility, Text(visibility.into())),
        (F::Evidence, Text(evidence)),
        (F::Personas, List(personas)),
        (F::Importance, Number(tp.importance.map(f64::from))),
        (F::Volume, Number(m.volume)),
        (F::DropOff, Share(m.drop_off_rate)),
        (F::ThroughputTime, Number(m.throughput_time_s)),
        (F::Csat, Number(m.csat)),
        (F::Ces, Share(m.ces)),
        (F::Nps, Number(m.nps)),
        (F::ContactClass, Text(tp.contact_class.map(|c| contact_class_label(c, lang).to_string()).unwrap_or_default())),
        (F::ContactReason, Text(tp.contact_reason.map(|r| contact_reason_label(r, lang).to_string()).unwrap_or_default())),
        (F::DataSource, Text(tp.data_source.map(|s| s.label(lang).to_string()).unwrap_or_default())),
    ]
}

/// What changed from `before` to `after`. Touchpoints are listed in map order (added and
/// changed in `after`'s, removed in `before`'s).
pub fn diff_maps(before: &JourneyMap, after: &JourneyMap, lang: Lang) -> MapDiff {
    let mut diff = MapDiff::default();
    for tp in &after.touchpoints {
        match before.touchpoint(&tp.id) {
            None => diff.added.push(reference(after, tp)),
            Some(old) => {
                let changes: Vec<FieldChange> = fields(before, old, lang)
                    .into_iter()
                    .zip(fields(after, tp, lang))
                    .filter(|((_, a), (_, b))| a != b)
                    .map(|((field, a), (_, b))| FieldChange { field, before: a, after: b })
                    .collect();
                if !changes.is_empty() {
                    diff.changed.push(TouchpointChange { touchpoint: reference(after, tp), fields: changes });
                }
            }
        }
    }
    diff.removed = before
        .touchpoints
        .iter()
        .filter(|tp| after.touchpoint(&tp.id).is_none())
        .map(|tp| reference(before, tp))
        .collect();
    for stage in &after.stages {
        match before.stage(&stage.id) {
            None => diff.stages_added.push(stage.name.clone()),
            Some(old) if old.name != stage.name => diff.stages_renamed.push((old.name.clone(), stage.name.clone())),
            Some(_) => {}
        }
    }
    diff.stages_removed = before.stages.iter().filter(|s| after.stage(&s.id).is_none()).map(|s| s.name.clone()).collect();
    diff
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;

    fn base() -> (JourneyMap, String, String, String) {
        let mut m = JourneyMap::blank("m", "M", 0.0, Lang::En);
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let a = m.add_touchpoint(&s0, "Ad", Channel::SocialMedia).unwrap();
        let b = m.add_touchpoint(&s1, "Shop", Channel::Website).unwrap();
        let c = m.add_touchpoint(&s1, "Hotline", Channel::Phone).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(1));
        m.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.4);
        (m, a, b, c)
    }

    #[test]
    fn nothing_changed_is_an_empty_diff() {
        let (m, ..) = base();
        assert!(diff_maps(&m, &m.clone(), Lang::En).is_empty());
    }

    #[test]
    fn added_removed_and_changed_touchpoints_with_their_fields() {
        let (before, a, b, c) = base();
        let mut after = before.clone();
        after.remove_touchpoint(&c);
        let s4 = after.stages[4].id.clone();
        let d = after.add_touchpoint(&s4, "Newsletter", Channel::Email).unwrap();
        after.touchpoint_mut(&a).unwrap().set_emotion(Some(-1));
        after.touchpoint_mut(&b).unwrap().measurements.drop_off_rate = Some(0.2);
        after.touchpoint_mut(&b).unwrap().title = "Online shop".into();
        let diff = diff_maps(&before, &after, Lang::En);
        assert_eq!(diff.added.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), [d.as_str()]);
        assert_eq!(diff.added[0].stage, "Loyalty");
        assert_eq!(diff.removed.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["Hotline"]);
        assert_eq!(diff.changed.len(), 2);
        let ad = &diff.changed[0];
        assert_eq!(ad.touchpoint.id, a);
        assert_eq!(ad.fields, vec![FieldChange { field: TouchpointField::Emotion, before: FieldValue::Emotion(Some(1)), after: FieldValue::Emotion(Some(-1)) }]);
        let shop = &diff.changed[1];
        assert_eq!(shop.touchpoint.title, "Online shop");
        let fields: Vec<TouchpointField> = shop.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, [TouchpointField::Title, TouchpointField::DropOff]);
        assert_eq!(shop.fields[1].before.display(Lang::En), "40 %");
        assert_eq!(shop.fields[1].after.display(Lang::De), "20 %");
    }

    #[test]
    fn moving_a_touchpoint_and_stage_changes_are_reported() {
        let (before, a, ..) = base();
        let mut after = before.clone();
        let s2 = after.stages[2].id.clone();
        after.touchpoint_mut(&a).unwrap().stage_id = s2;
        after.stages[1].name = "Research".into();
        let s4 = after.stages[4].id.clone();
        after.remove_stage(&s4);
        after.add_stage("Win-back");
        let diff = diff_maps(&before, &after, Lang::En);
        let moved = &diff.changed[0].fields[0];
        assert_eq!((moved.field, moved.before.display(Lang::En), moved.after.display(Lang::En)),
            (TouchpointField::Stage, "Awareness".to_string(), "Purchase".to_string()));
        assert_eq!(diff.stages_renamed, [("Consideration".to_string(), "Research".to_string())]);
        assert_eq!(diff.stages_removed, ["Loyalty"]);
        assert_eq!(diff.stages_added, ["Win-back"]);
    }
}
