//! Column widths remembered between layouts: the canvas lays the map out again on every edit,
//! and measuring every touchpoint's texts ([`column_width`]) was most of that on a
//! 300-touchpoint map (benchmarks/README.md, "Editor, session 5") while an edit changes one
//! touchpoint's texts at most. A width is kept with the texts it was measured from and reused
//! only while they are equal, so [`canvas_layout_cached`] is [`canvas_layout`] exactly (the
//! layout stays a function of the map).
//!
//! [`canvas_layout`]: super::layout::canvas_layout

use crate::model::{Channel, JourneyMap, Lang, Touchpoint};

use super::layout::{column_width, layout_with, CanvasLayout};

/// The widths measured by the last layout, in the order it laid the touchpoints out, for one
/// language. By place, not by id (the width follows from the texts alone, whichever
/// touchpoint has them): an edit leaves every other touchpoint in its place, a move
/// re-measures the places whose texts changed, and no hash map is needed (the map module's
/// size, benchmarks/README.md).
#[derive(Debug, Default)]
pub struct WidthCache {
    lang: Option<Lang>,
    laid_out: Vec<(Measured, f64)>,
}

/// What [`column_width`] reads of a touchpoint.
#[derive(Debug)]
struct Measured {
    title: String,
    channel: Channel,
    customer_action: String,
    thoughts: String,
    owner: String,
    pain_points: Vec<String>,
    opportunities: Vec<String>,
}

impl Measured {
    fn of(tp: &Touchpoint) -> Measured {
        Measured {
            title: tp.title.clone(),
            channel: tp.channel.clone(),
            customer_action: tp.customer_action.clone(),
            thoughts: tp.thoughts.clone(),
            owner: tp.owner.clone(),
            pain_points: tp.pain_points.clone(),
            opportunities: tp.opportunities.iter().map(|o| o.text.clone()).collect(),
        }
    }

    fn matches(&self, tp: &Touchpoint) -> bool {
        self.title == tp.title
            && self.channel == tp.channel
            && self.customer_action == tp.customer_action
            && self.thoughts == tp.thoughts
            && self.owner == tp.owner
            && self.pain_points == tp.pain_points
            && self.opportunities.len() == tp.opportunities.len()
            && self.opportunities.iter().zip(&tp.opportunities).all(|(a, b)| *a == b.text)
    }
}

/// [`canvas_layout`](super::layout::canvas_layout), measuring only the touchpoints whose
/// texts (or place) changed since `cache`'s last layout.
pub fn canvas_layout_cached(map: &JourneyMap, persona: Option<&str>, lang: Lang, cache: &mut WidthCache) -> CanvasLayout {
    if cache.lang != Some(lang) {
        cache.laid_out.clear();
        cache.lang = Some(lang);
    }
    let mut place = 0;
    let layout = layout_with(map, persona, |tp| {
        let kept = cache.laid_out.get(place).filter(|(m, _)| m.matches(tp)).map(|(_, w)| *w);
        let width = kept.unwrap_or_else(|| {
            let width = column_width(tp, lang);
            let entry = (Measured::of(tp), width);
            match cache.laid_out.get_mut(place) {
                Some(old) => *old = entry,
                None => cache.laid_out.push(entry),
            }
            width
        });
        place += 1;
        width
    });
    // Places past the last touchpoint laid out (deleted ones, a persona filter) are dropped.
    cache.laid_out.truncate(place);
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canvas::canvas_layout;
    use crate::model::Opportunity;
    use crate::templates::coffee_to_go;

    #[test]
    fn the_cached_layout_is_the_layout_after_every_kind_of_edit() {
        let mut m = coffee_to_go("m", 0.0, Lang::En);
        let mut cache = WidthCache::default();
        let check = |m: &JourneyMap, persona: Option<&str>, lang: Lang, cache: &mut WidthCache| {
            assert_eq!(canvas_layout_cached(m, persona, lang, cache), canvas_layout(m, persona, lang));
        };
        check(&m, None, Lang::En, &mut cache);
        let id = m.touchpoints[0].id.clone();
        let long = "Zahlungsdienstleisterverzeichnis und noch viel mehr Text in dieser Spalte hier";
        // Each text column_width reads, made short and then long: the column's width changes
        // each time, so a width kept from before the edit would show.
        let edits: Vec<(&str, Box<dyn Fn(&mut Touchpoint, bool)>)> = vec![
            ("title", Box::new(move |t, on| t.title = if on { long } else { "X" }.into())),
            ("channel", Box::new(|t, on| t.channel = if on { Channel::Custom("Bewertungsportalverzeichnis".into()) } else { Channel::App })),
            ("action", Box::new(move |t, on| t.customer_action = if on { long } else { "" }.into())),
            ("thoughts", Box::new(move |t, on| t.thoughts = if on { long } else { "" }.into())),
            ("owner", Box::new(move |t, on| t.owner = if on { long } else { "" }.into())),
            ("pain", Box::new(move |t, on| t.pain_points = if on { vec![long.into()] } else { vec![] })),
            ("opportunity", Box::new(move |t, on| t.opportunities = vec![Opportunity { text: if on { long } else { "" }.into(), ..Default::default() }])),
        ];
        let short = |t: &mut Touchpoint| edits.iter().for_each(|(_, e)| e(t, false));
        short(m.touchpoint_mut(&id).unwrap());
        check(&m, None, Lang::En, &mut cache);
        let col = |m: &JourneyMap| { let l = canvas_layout(m, None, Lang::En); l.columns[l.column_of(&id).unwrap()].width };
        let narrow = col(&m);
        for (what, edit) in &edits {
            edit(m.touchpoint_mut(&id).unwrap(), true);
            assert_ne!(col(&m), narrow, "{what}");
            check(&m, None, Lang::En, &mut cache);
            edit(m.touchpoint_mut(&id).unwrap(), false);
            check(&m, None, Lang::En, &mut cache);
        }
        // A move: the wide touchpoint changes places with its neighbour (same texts, other place).
        edits[0].1(m.touchpoint_mut(&id).unwrap(), true);
        check(&m, None, Lang::En, &mut cache);
        m.touchpoints.swap(0, 1);
        assert_ne!(canvas_layout(&m, None, Lang::En).columns[0].width, canvas_layout(&m, None, Lang::En).columns[1].width);
        check(&m, None, Lang::En, &mut cache);
        // Another language (channel names differ), a persona filter, a deleted touchpoint.
        check(&m, None, Lang::De, &mut cache);
        let persona = m.personas[0].id.clone();
        check(&m, Some(&persona), Lang::De, &mut cache);
        m.touchpoints.remove(0);
        check(&m, None, Lang::De, &mut cache);
        check(&m, None, Lang::En, &mut cache);
    }

    #[test]
    fn widths_of_touchpoints_gone_are_forgotten() {
        let mut m = coffee_to_go("m", 0.0, Lang::En);
        let mut cache = WidthCache::default();
        canvas_layout_cached(&m, None, Lang::En, &mut cache);
        assert_eq!(cache.laid_out.len(), m.touchpoints.len());
        m.touchpoints.truncate(3);
        assert_eq!(canvas_layout_cached(&m, None, Lang::En, &mut cache), canvas_layout(&m, None, Lang::En));
        assert_eq!(cache.laid_out.len(), 3);
    }
}
