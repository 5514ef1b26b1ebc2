//! Fuzz target: see `journey_core_fuzz::checks::backup_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_core_fuzz::checks::backup_json(data));
