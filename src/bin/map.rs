//! Entry point of the map module, loaded on demand when a map opens: the map page and the
//! library page (see `ui::module_shell`); any other page loads the whole app (`src/main.rs`).

fn main() {
    journey_studio::start_map();
}
