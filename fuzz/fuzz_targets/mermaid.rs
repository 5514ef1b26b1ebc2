//! Fuzz target: see `journey_core_fuzz::checks::mermaid`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_core_fuzz::checks::mermaid(data));
