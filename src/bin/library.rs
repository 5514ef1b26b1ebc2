//! Entry point of the first-load wasm module: the library page only (see
//! `ui::library_shell`); the whole app (`src/main.rs`) is loaded when another page opens.

fn main() {
    journey_studio::start_library();
}
