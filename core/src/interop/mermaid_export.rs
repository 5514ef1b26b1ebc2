//! A journey map → Mermaid `journey` text, plus the list of what Mermaid cannot carry.
//!
//! Written: `title` and `accTitle` (the map name), `accDescr` (the description; as a
//! `{ … }` block when it has several lines), one `section` per stage, one task per
//! touchpoint: `Name: score: persona, persona`. A first stage named
//! [`UNSORTED_STAGE`] (either language) is written
//! without a `section` line, so tasks that had no section come back the same way.
//! An unknown emotion is written as score [`UNKNOWN_SCORE`] (outside 1..5, so it is
//! neither guessed nor lost) and listed in [`NotCarried::UnknownEmotions`].

use super::mermaid_import::UNSORTED_STAGE;
use super::mermaid_text::{emotion_to_score, escape, TextSlot, UNKNOWN_SCORE};
use crate::model::{EvidenceKind, JourneyMap, Lang, Measurements, Persona, Stage, Visibility};

#[derive(Debug, Clone, PartialEq)]
pub struct MermaidExport {
    pub text: String,
    /// What the map has but the text does not, for the UI to list before export.
    pub not_carried: Vec<NotCarried>,
}

/// Parts of a map that a Mermaid journey has no place for. Counts are of touchpoints
/// (or of routes, personas, stages) that have the thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCarried {
    Channels(usize),
    CustomerActions(usize),
    Thoughts(usize),
    PainPoints(usize),
    Opportunities(usize),
    Owners(usize),
    Backstage(usize),
    Evidence(usize),
    Measurements(usize),
    Importance(usize),
    ContactDetails(usize),
    EventKeys(usize),
    Routes(usize),
    PersonaDetails(usize),
    StageDescriptions(usize),
    /// Titles of touchpoints without an emotion (written as score 0).
    UnknownEmotions(Vec<String>),
    /// Texts whose line breaks became spaces.
    LineBreaks(usize),
    /// Empty names that were replaced by a placeholder (Mermaid needs a text).
    EmptyNames(usize),
    /// The map's own scoring settings (differ from the defaults).
    ScoringSettings,
}

impl NotCarried {
    pub fn message(&self, lang: Lang) -> String {
        use NotCarried::*;
        let en = lang == Lang::En;
        let (n, en_text, de_text) = match self {
            Channels(n) => (*n, "channels", "Kanäle"),
            CustomerActions(n) => (*n, "customer actions", "Kundenaktionen"),
            Thoughts(n) => (*n, "thoughts", "Gedanken"),
            PainPoints(n) => (*n, "pain points, on touchpoints", "Schmerzpunkte, auf Touchpoints"),
            Opportunities(n) => (*n, "opportunities, on touchpoints", "Verbesserungspotenziale, auf Touchpoints"),
            Owners(n) => (*n, "owners", "Verantwortliche"),
            Backstage(n) => (*n, "backstage marks (written like frontstage touchpoints)", "Backstage-Markierungen (wie sichtbare Touchpoints geschrieben)"),
            Evidence(n) => (*n, "evidence notes", "Belege"),
            Measurements(n) => (*n, "measurements, on touchpoints", "Messwerte, auf Touchpoints"),
            Importance(n) => (*n, "importance ratings", "Wichtigkeits-Bewertungen"),
            ContactDetails(n) => (*n, "contact reasons and classes", "Kontaktgründe und -arten"),
            EventKeys(n) => (*n, "event-log names", "Eventlog-Namen"),
            Routes(n) => (*n, "routes", "Routen"),
            PersonaDetails(n) => (*n, "persona profiles (only names are written)", "Persona-Profile (nur Namen werden geschrieben)"),
            StageDescriptions(n) => (*n, "stage descriptions", "Phasenbeschreibungen"),
            LineBreaks(n) => (*n, "line breaks (written as spaces)", "Zeilenumbrüche (als Leerzeichen geschrieben)"),
            EmptyNames(n) => (*n, "empty names (written as a placeholder)", "leere Namen (als Platzhalter geschrieben)"),
            ScoringSettings => {
                return if en {
                    "Not in Mermaid: this map's own scoring settings".into()
                } else {
                    "Nicht in Mermaid: die eigenen Bewertungseinstellungen dieser Karte".into()
                };
            }
            UnknownEmotions(titles) => {
                let list = titles.join(", ");
                return if en {
                    format!("Unknown emotion, written as score {UNKNOWN_SCORE} (outside 1–5): {list}")
                } else {
                    format!("Unbekannte Emotion, als Bewertung {UNKNOWN_SCORE} geschrieben (außerhalb 1–5): {list}")
                };
            }
        };
        if en {
            format!("Not in Mermaid: {en_text} ({n})")
        } else {
            format!("Nicht in Mermaid: {de_text} ({n})")
        }
    }
}

/// Writes `map` as Mermaid; `lang` only names placeholders for empty texts.
pub fn export_mermaid(map: &JourneyMap, lang: Lang) -> MermaidExport {
    let mut w = Writer { out: String::from("journey\n"), line_breaks: 0, empty_names: 0, lang };
    let name = w.text(&map.name, TextSlot::Title);
    if !map.name.trim().is_empty() {
        w.line(2, &format!("title {name}"));
        w.line(2, &format!("accTitle: {name}"));
    }
    let description = map.description.trim();
    if description.contains('\n') {
        w.line(2, "accDescr {");
        for part in description.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let part = escape(part, TextSlot::DescriptionBlock);
            w.line(4, &part);
        }
        w.line(2, "}");
    } else if !description.is_empty() {
        let text = w.text(description, TextSlot::Title);
        w.line(2, &format!("accDescr: {text}"));
    }

    let mut unknown = Vec::new();
    for (i, stage) in map.stages.iter().enumerate() {
        let mut tasks = map.touchpoints_in(&stage.id).peekable();
        let unsorted = i == 0 && is_unsorted(stage) && tasks.peek().is_some();
        if !unsorted {
            let section = w.name(&stage.name, TextSlot::Section);
            w.line(2, &format!("section {section}"));
        }
        for tp in tasks {
            let title = w.name(&tp.title, TextSlot::TaskName);
            let score = match tp.emotion {
                Some(e) => emotion_to_score(e),
                None => {
                    unknown.push(tp.title.clone());
                    UNKNOWN_SCORE
                }
            };
            let actors: Vec<String> = tp
                .persona_ids
                .iter()
                .filter_map(|id| map.personas.iter().find(|p| &p.id == id))
                .map(|p| w.name(&p.name, TextSlot::Actor))
                .collect();
            let task = if actors.is_empty() {
                format!("{title}: {score}")
            } else {
                format!("{title}: {score}: {}", actors.join(", "))
            };
            w.line(4, &task);
        }
    }

    let mut not_carried = lost_details(map);
    if map.scoring != crate::score::ScoringSettings::default() {
        not_carried.push(NotCarried::ScoringSettings);
    }
    if !unknown.is_empty() {
        not_carried.push(NotCarried::UnknownEmotions(unknown));
    }
    if w.line_breaks > 0 {
        not_carried.push(NotCarried::LineBreaks(w.line_breaks));
    }
    if w.empty_names > 0 {
        not_carried.push(NotCarried::EmptyNames(w.empty_names));
    }
    MermaidExport { text: w.out, not_carried }
}

struct Writer {
    out: String,
    line_breaks: usize,
    empty_names: usize,
    lang: Lang,
}

impl Writer {
    fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&" ".repeat(indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Escaped text, counting flattened line breaks.
    fn text(&mut self, text: &str, slot: TextSlot) -> String {
        if text.trim().contains(['\n', '\r']) {
            self.line_breaks += 1;
        }
        escape(text, slot)
    }

    /// Like [`Writer::text`], but never empty: Mermaid needs a name there.
    fn name(&mut self, text: &str, slot: TextSlot) -> String {
        if text.trim().is_empty() {
            self.empty_names += 1;
            let placeholder = self.lang.pick(("(untitled)", "(ohne Titel)"));
            return escape(placeholder, slot);
        }
        self.text(text, slot)
    }
}

fn is_unsorted(stage: &Stage) -> bool {
    stage.name == UNSORTED_STAGE.0 || stage.name == UNSORTED_STAGE.1
}

/// Counts what the text leaves out, in a fixed order; zero counts are not listed.
fn lost_details(map: &JourneyMap) -> Vec<NotCarried> {
    let count = |f: &dyn Fn(&crate::model::Touchpoint) -> bool| map.touchpoints.iter().filter(|t| f(t)).count();
    let candidates = [
        NotCarried::Channels(map.touchpoints.len()),
        NotCarried::CustomerActions(count(&|t| !t.customer_action.trim().is_empty())),
        NotCarried::Thoughts(count(&|t| !t.thoughts.trim().is_empty())),
        NotCarried::PainPoints(count(&|t| !t.pain_points.is_empty())),
        NotCarried::Opportunities(count(&|t| !t.opportunities.is_empty())),
        NotCarried::Owners(count(&|t| !t.owner.trim().is_empty())),
        NotCarried::Backstage(count(&|t| t.visibility == Visibility::Backstage)),
        NotCarried::Evidence(count(&|t| t.evidence.kind != EvidenceKind::Assumed || !t.evidence.source.is_empty())),
        NotCarried::Measurements(count(&|t| t.measurements != Measurements::default())),
        NotCarried::Importance(count(&|t| t.importance.is_some())),
        NotCarried::ContactDetails(count(&|t| t.contact_class.is_some() || t.contact_reason.is_some())),
        NotCarried::EventKeys(count(&|t| t.event_key.is_some())),
        NotCarried::Routes(map.routes.len()),
        NotCarried::PersonaDetails(map.personas.iter().filter(|p| has_profile(p)).count()),
        NotCarried::StageDescriptions(map.stages.iter().filter(|s| !s.description.trim().is_empty()).count()),
    ];
    candidates.into_iter().filter(|c| !matches!(count_of(c), Some(0))).collect()
}

fn has_profile(p: &Persona) -> bool {
    *p != Persona { id: p.id.clone(), name: p.name.clone(), ..Persona::default() }
}

fn count_of(item: &NotCarried) -> Option<usize> {
    use NotCarried::*;
    match item {
        Channels(n) | CustomerActions(n) | Thoughts(n) | PainPoints(n) | Opportunities(n) | Owners(n)
        | Backstage(n) | Evidence(n) | Measurements(n) | Importance(n) | ContactDetails(n) | EventKeys(n)
        | Routes(n) | PersonaDetails(n) | StageDescriptions(n) | LineBreaks(n) | EmptyNames(n) => Some(*n),
        UnknownEmotions(_) | ScoringSettings => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;
    use crate::templates::coffee_to_go;

    #[test]
    fn a_small_map_is_written_canonically() {
        let mut m = JourneyMap::empty("m", "Day: one", 0.0);
        m.description = "About #1".into();
        let s = m.add_stage("Morning");
        let me = m.add_persona("Me");
        let cat = m.add_persona("Cat, the");
        let a = m.add_touchpoint(&s, "Tea; hot", Channel::App).unwrap();
        let b = m.add_touchpoint(&s, "Title page", Channel::App).unwrap();
        m.touchpoint_mut(&a).unwrap().set_emotion(Some(2));
        m.touchpoint_mut(&a).unwrap().persona_ids = vec![me, cat];
        m.touchpoint_mut(&b).unwrap().set_emotion(Some(-1));
        let out = export_mermaid(&m, Lang::En);
        assert_eq!(
            out.text,
            "journey\n  title Day: one\n  accTitle: Day: one\n  accDescr: About #35;1\n  section Morning\n    Tea#59; hot: 5: Me, Cat#44; the\n    #84;itle page: 2\n"
        );
        assert_eq!(out.not_carried, [NotCarried::Channels(2)]);
    }

    #[test]
    fn unknown_emotions_are_written_off_scale_and_listed() {
        let mut m = JourneyMap::empty("m", "M", 0.0);
        let s = m.add_stage("S");
        m.add_touchpoint(&s, "No idea", Channel::Phone).unwrap();
        let out = export_mermaid(&m, Lang::De);
        assert!(out.text.contains("    No idea: 0\n"), "{}", out.text);
        let unknown = out.not_carried.iter().find(|n| matches!(n, NotCarried::UnknownEmotions(_))).unwrap();
        assert!(unknown.message(Lang::De).contains("No idea"));
    }

    #[test]
    fn the_example_lists_everything_mermaid_loses() {
        let m = coffee_to_go("ex", 0.0, Lang::En);
        let out = export_mermaid(&m, Lang::En);
        let has = |f: fn(&NotCarried) -> bool| out.not_carried.iter().any(f);
        assert!(has(|n| matches!(n, NotCarried::PainPoints(n) if *n > 0)));
        assert!(has(|n| matches!(n, NotCarried::Routes(13))));
        assert!(has(|n| matches!(n, NotCarried::Backstage(1))));
        assert!(has(|n| matches!(n, NotCarried::PersonaDetails(2))));
        // The backstage touchpoint has no emotion.
        assert!(has(|n| matches!(n, NotCarried::UnknownEmotions(t) if t == &["Barista prepares the order"])));
        assert!(out.text.contains("section Awareness\n"));
        assert!(out.text.contains("Sees a latte-art post: 4: Lena#44; commuter"));
        for item in &out.not_carried {
            assert_ne!(item.message(Lang::En), item.message(Lang::De));
        }
    }

    #[test]
    fn custom_scoring_settings_are_listed_only_when_changed() {
        let mut m = JourneyMap::empty("m", "M", 0.0);
        assert!(!export_mermaid(&m, Lang::En).not_carried.contains(&NotCarried::ScoringSettings));
        m.scoring.cost_per_contact = Some(4.5);
        assert!(export_mermaid(&m, Lang::En).not_carried.contains(&NotCarried::ScoringSettings));
    }

    #[test]
    fn multi_line_descriptions_use_a_block_and_empty_names_a_placeholder() {
        let mut m = JourneyMap::empty("m", "", 0.0);
        m.description = "one\ntwo }".into();
        m.add_stage("");
        let out = export_mermaid(&m, Lang::De);
        assert_eq!(out.text, "journey\n  accDescr {\n    one\n    two #125;\n  }\n  section (ohne Titel)\n");
        assert_eq!(out.not_carried, [NotCarried::EmptyNames(1)]);
    }
}
