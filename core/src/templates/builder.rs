//! A small builder for the template gallery: each template lists its stages, personas,
//! touchpoints and routes as text pairs (English, German) and this turns them into a map
//! in one language. Keeping both languages side by side in one table means a template
//! cannot gain a touchpoint in one language only.

use crate::model::{
    Channel, ContactClass, ContactReason, Evidence, EvidenceKind, JourneyMap, Lang, Opportunity, RouteKind, Visibility,
};

/// Text in both languages: (English, German).
pub type Tr = (&'static str, &'static str);

pub fn t(lang: Lang, text: Tr) -> String {
    lang.pick(text).to_string()
}

pub struct PersonaSpec {
    pub name: Tr,
    pub background: Tr,
    pub goals: &'static [Tr],
    pub needs: &'static [Tr],
    pub pains: &'static [Tr],
    pub channels: &'static [Channel],
    pub segment: Tr,
}

pub struct TpSpec {
    pub stage: usize,
    pub title: Tr,
    pub channel: Channel,
    pub action: Tr,
    pub thoughts: Tr,
    pub emotion: i8,
    pub to_be: Option<(i8, Tr)>,
    pub pains: &'static [Tr],
    pub opportunities: &'static [Tr],
    pub owner: Tr,
    pub backstage: bool,
    pub evidence: EvidenceKind,
    pub source: Tr,
    /// Indexes into the template's personas.
    pub personas: &'static [usize],
    pub volume: Option<f64>,
    pub drop_off: Option<f64>,
    pub csat: Option<f64>,
    pub ces: Option<f64>,
    pub importance: u8,
    pub contact: Option<(ContactClass, ContactReason)>,
    /// Opportunities with customer value, business value (0–100) and effort (0–5), after
    /// the plain `opportunities`.
    pub valued: &'static [(Tr, f64, f64, f64)],
    /// The name of a `Channel::Custom` channel.
    pub custom_channel: Tr,
    /// False for a step nobody has rated yet: emotion, importance and evidence stay unset.
    pub rated: bool,
}

pub struct TemplateSpec {
    pub name: Tr,
    pub description: Tr,
    pub stages: &'static [Tr],
    pub personas: &'static [PersonaSpec],
    pub touchpoints: &'static [TpSpec],
    /// Routes by touchpoint index.
    pub routes: &'static [(usize, usize, RouteKind)],
    pub cost_per_contact: Option<f64>,
}

/// A default for the fields most touchpoints leave empty.
pub const TP: TpSpec = TpSpec {
    stage: 0,
    title: ("", ""),
    channel: Channel::Website,
    action: ("", ""),
    thoughts: ("", ""),
    emotion: 0,
    to_be: None,
    pains: &[],
    opportunities: &[],
    owner: ("", ""),
    backstage: false,
    evidence: EvidenceKind::Assumed,
    source: ("Team workshop", "Team-Workshop"),
    personas: &[],
    volume: None,
    drop_off: None,
    csat: None,
    ces: None,
    importance: 3,
    contact: None,
    valued: &[],
    custom_channel: ("", ""),
    rated: true,
};

/// Builds the template in `lang`.
pub fn build(spec: &TemplateSpec, id: impl Into<String>, now_ms: f64, lang: Lang) -> JourneyMap {
    let mut map = JourneyMap::empty(id, t(lang, spec.name), now_ms);
    map.description = t(lang, spec.description);
    let stages: Vec<String> = spec.stages.iter().map(|s| map.add_stage(&t(lang, *s))).collect();
    let mut personas = Vec::new();
    for p in spec.personas {
        let id = map.add_persona(&t(lang, p.name));
        if let Some(persona) = map.personas.iter_mut().find(|x| x.id == id) {
            persona.background = t(lang, p.background);
            persona.goals = p.goals.iter().map(|x| t(lang, *x)).collect();
            persona.needs = p.needs.iter().map(|x| t(lang, *x)).collect();
            persona.pains = p.pains.iter().map(|x| t(lang, *x)).collect();
            persona.preferred_channels = p.channels.to_vec();
            persona.segment = t(lang, p.segment);
        }
        personas.push(id);
    }
    let mut ids = Vec::new();
    for spec_tp in spec.touchpoints {
        let Some(stage) = stages.get(spec_tp.stage) else { continue };
        let channel = match &spec_tp.channel {
            Channel::Custom(_) => Channel::Custom(t(lang, spec_tp.custom_channel)),
            other => other.clone(),
        };
        let Some(id) = map.add_touchpoint(stage, &t(lang, spec_tp.title), channel) else { continue };
        if let Some(tp) = map.touchpoint_mut(&id) {
            tp.customer_action = t(lang, spec_tp.action);
            tp.thoughts = t(lang, spec_tp.thoughts);
            if spec_tp.rated {
                tp.set_emotion(Some(spec_tp.emotion));
            }
            if let Some((e, note)) = spec_tp.to_be {
                tp.set_to_be_emotion(Some(e));
                tp.to_be_note = t(lang, note);
            }
            tp.pain_points = spec_tp.pains.iter().map(|x| t(lang, *x)).collect();
            tp.opportunities =
                spec_tp.opportunities.iter().map(|x| Opportunity { text: t(lang, *x), ..Opportunity::default() }).collect();
            tp.opportunities.extend(spec_tp.valued.iter().map(|(text, customer, business, effort)| Opportunity {
                text: t(lang, *text),
                customer_value: Some(*customer),
                business_value: Some(*business),
                effort: Some(*effort),
            }));
            tp.owner = t(lang, spec_tp.owner);
            tp.visibility = if spec_tp.backstage { Visibility::Backstage } else { Visibility::Frontstage };
            if spec_tp.rated {
                tp.evidence = Evidence { kind: spec_tp.evidence, source: t(lang, spec_tp.source) };
                tp.importance = Some(spec_tp.importance);
            }
            tp.persona_ids = spec_tp.personas.iter().filter_map(|i| personas.get(*i).cloned()).collect();
            tp.measurements.volume = spec_tp.volume;
            tp.measurements.drop_off_rate = spec_tp.drop_off;
            tp.measurements.csat = spec_tp.csat;
            tp.measurements.ces = spec_tp.ces;
            if let Some((class, reason)) = spec_tp.contact {
                tp.contact_class = Some(class);
                tp.contact_reason = Some(reason);
            }
        }
        ids.push(id);
    }
    for (a, b, kind) in spec.routes {
        if let (Some(a), Some(b)) = (ids.get(*a), ids.get(*b)) {
            map.add_route(a, b, *kind);
        }
    }
    map.scoring.cost_per_contact = spec.cost_per_contact;
    map
}
