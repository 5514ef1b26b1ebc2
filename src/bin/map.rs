//! Entry point of the map module, loaded on demand when a map opens: the map page (see
//! `ui::modules`); the library is the library module's, any other page the whole app's
//! (`src/main.rs`).

fn main() {
    journey_studio::start_map();
}
