//! A small builder for the template gallery: each template lists its stages, personas,
//! touchpoints and routes as text pairs (English, German) and this turns them into a map
//! in one language. Keeping both languages side by side in one table means a template
//! cannot gain a touchpoint in one language only.

use crate::model::{Channel, Evidence, EvidenceKind, JourneyMap, Lang, Opportunity, RouteKind, Visibility};

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
    /// Indexes into the template's personas; empty means all.
    pub personas: &'static [usize],
    pub volume: Option<f64>,
}

pub struct TemplateSpec {
    pub name: Tr,
    pub description: Tr,
    pub stages: &'static [Tr],
    pub personas: &'static [PersonaSpec],
    pub touchpoints: &'static [TpSpec],
    /// Routes by touchpoint index.
    pub routes: &'static [(usize, usize, RouteKind)],
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
        let Some(id) = map.add_touchpoint(stage, &t(lang, spec_tp.title), spec_tp.channel.clone()) else { continue };
        if let Some(tp) = map.touchpoint_mut(&id) {
            tp.customer_action = t(lang, spec_tp.action);
            tp.thoughts = t(lang, spec_tp.thoughts);
            tp.set_emotion(Some(spec_tp.emotion));
            if let Some((e, note)) = spec_tp.to_be {
                tp.set_to_be_emotion(Some(e));
                tp.to_be_note = t(lang, note);
            }
            tp.pain_points = spec_tp.pains.iter().map(|x| t(lang, *x)).collect();
            tp.opportunities =
                spec_tp.opportunities.iter().map(|x| Opportunity { text: t(lang, *x), ..Opportunity::default() }).collect();
            tp.owner = t(lang, spec_tp.owner);
            tp.visibility = if spec_tp.backstage { Visibility::Backstage } else { Visibility::Frontstage };
            tp.evidence = Evidence { kind: spec_tp.evidence, source: t(lang, spec_tp.source) };
            tp.persona_ids = spec_tp.personas.iter().filter_map(|i| personas.get(*i).cloned()).collect();
            tp.measurements.volume = spec_tp.volume;
            tp.importance = Some(3);
        }
        ids.push(id);
    }
    for (a, b, kind) in spec.routes {
        if let (Some(a), Some(b)) = (ids.get(*a), ids.get(*b)) {
            map.add_route(a, b, *kind);
        }
    }
    map
}
