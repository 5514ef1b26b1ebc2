//! Entry point of the WASM binary that Trunk builds.

fn main() {
    journey_studio::start();
}
