//! Fuzz target: see `journey_core_fuzz::checks::event_log`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_core_fuzz::checks::event_log(data));
