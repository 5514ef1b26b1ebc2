//! Entry point of the first-load wasm module: the library page only (see
//! `ui::modules`); a map opens in the map module (`src/bin/map.rs`), any other page in
//! the whole app (`src/main.rs`).

fn main() {
    journey_studio::start_library();
}
