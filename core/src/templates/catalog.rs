//! The list the library offers under "New map from template": every template with its name
//! in both languages and how to build it.

use super::builder::{build, t, TemplateSpec};
use super::{loyal_customers, product_test, reactivation, welcome_journey};
use crate::model::{JourneyMap, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    ProductTest,
    Welcome,
    Reactivation,
    LoyalCustomers,
    Blank,
}

impl Template {
    pub const ALL: [Template; 5] =
        [Template::ProductTest, Template::Welcome, Template::Reactivation, Template::LoyalCustomers, Template::Blank];

    /// A stable key for the UI (option values, test ids).
    pub fn key(self) -> &'static str {
        match self {
            Template::ProductTest => "product_test",
            Template::Welcome => "welcome",
            Template::Reactivation => "reactivation",
            Template::LoyalCustomers => "loyal_customers",
            Template::Blank => "blank",
        }
    }

    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    fn spec(self) -> Option<&'static TemplateSpec> {
        match self {
            Template::ProductTest => Some(&product_test::SPEC),
            Template::Welcome => Some(&welcome_journey::SPEC),
            Template::Reactivation => Some(&reactivation::SPEC),
            Template::LoyalCustomers => Some(&loyal_customers::SPEC),
            Template::Blank => None,
        }
    }

    /// The template's name in `lang` (also the new map's name).
    pub fn name(self, lang: Lang) -> String {
        match self.spec() {
            Some(spec) => t(lang, spec.name),
            None => t(lang, ("Blank map with five phases", "Leere Karte mit fünf Phasen")),
        }
    }

    /// A new map from this template in `lang`.
    pub fn build(self, id: impl Into<String>, now_ms: f64, lang: Lang) -> JourneyMap {
        match self.spec() {
            Some(spec) => build(spec, id, now_ms, lang),
            None => JourneyMap::blank(id, self.name(lang), now_ms, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{parse_map, to_json};
    use crate::model::RouteKind;

    /// Every user-visible string of a map, in a fixed order, labelled by where it sits.
    fn strings(m: &JourneyMap) -> Vec<(String, String)> {
        let mut v = vec![("name".to_string(), m.name.clone()), ("description".into(), m.description.clone())];
        for s in &m.stages {
            v.push((format!("stage {}", s.id), s.name.clone()));
        }
        for p in &m.personas {
            v.push((format!("persona {} name", p.id), p.name.clone()));
            v.push((format!("persona {} background", p.id), p.background.clone()));
            v.push((format!("persona {} segment", p.id), p.segment.clone()));
            for (i, x) in p.goals.iter().chain(&p.needs).chain(&p.pains).enumerate() {
                v.push((format!("persona {} list {i}", p.id), x.clone()));
            }
        }
        for tp in &m.touchpoints {
            let k = |f: &str| format!("touchpoint {} {f}", tp.id);
            v.push((k("title"), tp.title.clone()));
            v.push((k("action"), tp.customer_action.clone()));
            v.push((k("thoughts"), tp.thoughts.clone()));
            v.push((k("owner"), tp.owner.clone()));
            v.push((k("evidence source"), tp.evidence.source.clone()));
            v.push((k("to-be note"), tp.to_be_note.clone()));
            v.push((k("channel"), tp.channel.label(Lang::En)));
            for (i, p) in tp.pain_points.iter().enumerate() {
                v.push((k(&format!("pain {i}")), p.clone()));
            }
            for (i, o) in tp.opportunities.iter().enumerate() {
                v.push((k(&format!("opportunity {i}")), o.text.clone()));
            }
        }
        v
    }

    /// Words that are the same in both languages (names of departments, loan words).
    const SAME_IN_BOTH: [&str; 7] = ["Marketing", "CRM", "IT", "Upselling", "Cross-Selling", "Website", "App"];

    #[test]
    fn every_template_exists_in_both_languages_field_by_field() {
        for template in Template::ALL {
            let en = template.build("x", 0.0, Lang::En);
            let de = template.build("x", 0.0, Lang::De);
            let (se, sd) = (strings(&en), strings(&de));
            assert_eq!(se.len(), sd.len(), "{template:?}: same shape");
            for ((where_en, a), (where_de, b)) in se.iter().zip(&sd) {
                assert_eq!(where_en, where_de, "{template:?}");
                if where_en.ends_with("channel") {
                    continue;
                }
                assert_eq!(a.is_empty(), b.is_empty(), "{template:?} {where_en}: {a:?} vs {b:?}");
                if !a.is_empty() && a == b {
                    assert!(
                        SAME_IN_BOTH.contains(&a.as_str()) || where_en.starts_with("stage") && a.len() < 14,
                        "{template:?} {where_en}: {a:?} is not translated"
                    );
                }
            }
            assert_eq!(en.routes, de.routes, "{template:?}: routes match");
            assert_ne!(template.name(Lang::En), template.name(Lang::De));
        }
    }

    #[test]
    fn templates_are_complete_and_valid() {
        for template in Template::ALL {
            let m = template.build("x", 0.0, Lang::En);
            assert!(m.stages.len() >= 5, "{template:?}");
            assert_eq!(parse_map(&to_json(&m)).unwrap(), m);
            if template == Template::Blank {
                assert!(m.touchpoints.is_empty());
                continue;
            }
            assert!(m.touchpoints.len() >= 10, "{template:?} has {}", m.touchpoints.len());
            assert!(!m.personas.is_empty());
            assert!(m.routes.iter().any(|r| r.kind == RouteKind::LoopBack), "{template:?} loops back");
            assert!(m.touchpoints.iter().any(|t| t.to_be_emotion.is_some()), "{template:?} has a to-be");
            assert!(m.stages.iter().all(|s| m.touchpoints_in(&s.id).next().is_some()), "{template:?}: no empty stage");
            assert_eq!(m.routes.len(), template.spec().unwrap().routes.len(), "{template:?}: every route valid");
        }
        assert_eq!(Template::from_key("welcome"), Some(Template::Welcome));
        assert_eq!(Template::from_key("nope"), None);
    }
}
