//! Where the maps live when the browser refuses local storage (a locked-down profile,
//! storage disabled): in the page's memory, shared by every wasm module of the app.
//!
//! Each module (library, map, whole app) has its own wasm memory, and a module hands the
//! page to the next by what is stored (see `ui::module_shell`). A Rust `MemoryStorage` per
//! module would start the next module empty — "this map does not exist" for every map. So
//! the entries are kept on one JavaScript `Map` under a window property: every module reads
//! and writes the same one, for as long as the tab lives (nothing survives closing it, as
//! the notice says).

use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, SetError};

/// The window property that holds the entries.
const PROPERTY: &str = "__journeyStudioMemory";

/// Storage in the page's memory, shared by the app's modules.
pub struct PageMemory(js_sys::Map);

impl PageMemory {
    /// The page's one store (made by the first module that needs it).
    pub fn shared() -> PageMemory {
        let global = js_sys::global();
        let existing = js_sys::Reflect::get(&global, &PROPERTY.into()).ok().and_then(|v| v.dyn_into::<js_sys::Map>().ok());
        let map = existing.unwrap_or_else(|| {
            let map = js_sys::Map::new();
            let _ = js_sys::Reflect::set(&global, &PROPERTY.into(), &map);
            map
        });
        PageMemory(map)
    }
}

impl KeyValue for PageMemory {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(&JsValue::from_str(key)).as_string()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SetError> {
        self.0.set(&JsValue::from_str(key), &JsValue::from_str(value));
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.0.delete(&JsValue::from_str(key));
    }

    fn keys(&self) -> Vec<String> {
        self.0.keys().into_iter().filter_map(|k| k.ok().and_then(|k| k.as_string())).collect()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
