//! The user's collection of maps and the operations of the map library (create, rename,
//! duplicate, delete). Plain data; the app persists it through its `store`.

use crate::model::{JourneyMap, Lang};
use crate::templates::coffee_to_go;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub maps: Vec<JourneyMap>,
}

impl Library {
    pub fn new(maps: Vec<JourneyMap>) -> Self {
        Library { maps }
    }

    /// Maps, most recently changed first (ties by name so the order is stable).
    pub fn sorted(&self) -> Vec<&JourneyMap> {
        let mut v: Vec<&JourneyMap> = self.maps.iter().collect();
        v.sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at).then_with(|| a.name.cmp(&b.name)));
        v
    }

    pub fn get(&self, id: &str) -> Option<&JourneyMap> {
        self.maps.iter().find(|m| m.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut JourneyMap> {
        self.maps.iter_mut().find(|m| m.id == id)
    }

    /// Adds a blank five-stage map; an empty name falls back to `default_name`.
    pub fn create_blank(&mut self, id: &str, name: &str, default_name: &str, now_ms: f64, lang: Lang) -> String {
        let name = if name.trim().is_empty() { default_name } else { name.trim() };
        self.maps.push(JourneyMap::blank(id, name, now_ms, lang));
        id.to_string()
    }

    /// Adds the Coffee-to-go example in `lang`.
    pub fn create_example(&mut self, id: &str, now_ms: f64, lang: Lang) -> String {
        self.maps.push(coffee_to_go(id, now_ms, lang));
        id.to_string()
    }

    /// Renames a map; an empty name is refused (returns false) so a map never loses its name.
    pub fn rename(&mut self, id: &str, name: &str, now_ms: f64) -> bool {
        if name.trim().is_empty() {
            return false;
        }
        match self.get_mut(id) {
            Some(m) => {
                m.rename(name);
                m.touch(now_ms);
                true
            }
            None => false,
        }
    }

    /// Copies a map under a new id, named "<name> <suffix>".
    pub fn duplicate(&mut self, id: &str, new_id: &str, suffix: &str, now_ms: f64) -> Option<String> {
        let source = self.get(id)?;
        let copy = source.duplicate(new_id, format!("{} {suffix}", source.name), now_ms);
        self.maps.push(copy);
        Some(new_id.to_string())
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.maps.len();
        self.maps.retain(|m| m.id != id);
        self.maps.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_operations() {
        let mut lib = Library::default();
        lib.create_blank("a", "  ", "Untitled", 1.0, Lang::En);
        lib.create_example("b", 2.0, Lang::De);
        assert_eq!(lib.get("a").unwrap().name, "Untitled");
        assert_eq!(lib.sorted()[0].id, "b");
        assert!(lib.rename("a", " Checkout ", 3.0));
        assert!(!lib.rename("a", "   ", 4.0));
        assert_eq!(lib.get("a").unwrap().name, "Checkout");
        assert_eq!(lib.sorted()[0].id, "a");
        lib.duplicate("b", "c", "(Kopie)", 5.0).unwrap();
        assert_eq!(lib.get("c").unwrap().name, "Kaffee zum Mitnehmen (Kopie)");
        assert_eq!(lib.get("c").unwrap().touchpoints, lib.get("b").unwrap().touchpoints);
        assert!(lib.delete("b"));
        assert!(!lib.delete("b"));
        assert_eq!(lib.maps.len(), 2);
    }
}
