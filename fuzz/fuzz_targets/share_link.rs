//! Fuzz target: see `journey_core_fuzz::checks::share_link`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| journey_core_fuzz::checks::share_link(data));
