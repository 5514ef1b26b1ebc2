//! Property: any map whose names use the characters Mermaid cannot carry (`:` `#` `;` `,`
//! `%` `{` `}`, keywords at the start) comes back from export → import with the same
//! stages, tasks, emotions and actors, and a second export gives the same text.

use journey_core::interop::{export_mermaid, import_mermaid, IssueKind};
use journey_core::model::{Channel, JourneyMap, Lang};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zäöß0-9:#;,%{}\"' ]{1,14}",
        "(title|section|journey|accTitle|accDescr|%%|Title|SECTION)[ :{]?[a-z:#]{0,6}",
    ]
    .prop_map(|s| s.trim().to_string())
    .prop_filter("names are non-empty after trimming", |s| !s.is_empty())
}

/// A task: title, emotion, and its actors (indices into the personas, or their names).
type Task<A> = (String, Option<i8>, Vec<A>);

#[derive(Debug, Clone)]
struct Shape {
    title: String,
    stages: Vec<(String, Vec<Task<usize>>)>,
    personas: Vec<String>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let personas = prop::collection::hash_set(name(), 0..4).prop_map(|s| s.into_iter().collect::<Vec<_>>());
    (name(), personas).prop_flat_map(|(title, personas)| {
        let n = personas.len();
        let task = (name(), prop::option::of(-2i8..=2), prop::sample::subsequence((0..n).collect::<Vec<_>>(), 0..=n));
        let stage = (name(), prop::collection::vec(task, 0..4));
        prop::collection::vec(stage, 1..4).prop_map(move |stages| Shape { title: title.clone(), stages, personas: personas.clone() })
    })
}

fn build(shape: &Shape) -> JourneyMap {
    let mut map = JourneyMap::empty("m", shape.title.clone(), 0.0);
    let persona_ids: Vec<String> = shape.personas.iter().map(|p| map.add_persona(p)).collect();
    for (stage_name, tasks) in &shape.stages {
        let stage = map.add_stage(stage_name);
        for (title, emotion, who) in tasks {
            let id = map.add_touchpoint(&stage, title, Channel::default()).unwrap();
            let tp = map.touchpoint_mut(&id).unwrap();
            tp.set_emotion(*emotion);
            tp.persona_ids = who.iter().map(|i| persona_ids[*i].clone()).collect();
        }
    }
    map
}

/// What Mermaid carries: stage names, and per task its title, emotion and actor names.
type Carried = (String, Vec<(String, Vec<Task<String>>)>);

fn carried(map: &JourneyMap) -> Carried {
    let persona = |id: &String| map.personas.iter().find(|p| &p.id == id).unwrap().name.clone();
    let stages = map
        .stages
        .iter()
        .map(|s| {
            let tasks = map.touchpoints_in(&s.id).map(|t| (t.title.clone(), t.emotion, t.persona_ids.iter().map(persona).collect())).collect();
            (s.name.clone(), tasks)
        })
        .collect();
    (map.name.clone(), stages)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn maps_survive_mermaid_export_and_import(shape in shape()) {
        let map = build(&shape);
        let first = export_mermaid(&map, Lang::En);
        let back = import_mermaid(&first.text, "m", 0.0, Lang::En).unwrap();
        // The only reports are the unknown emotions, written as score 0.
        for issue in &back.issues {
            prop_assert!(matches!(issue.kind, IssueKind::ScoreOutOfRange { score: 0, .. }), "{}\n{}", issue, first.text);
        }
        prop_assert_eq!(carried(&back.map), carried(&map), "text:\n{}", first.text);
        prop_assert_eq!(export_mermaid(&back.map, Lang::En).text, first.text);
    }
}
