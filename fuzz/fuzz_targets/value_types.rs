//! Fuzz target `value_types`: see `tests/fuzz_bodies/value_types.rs` for what it checks.
#![no_main]

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::value_types::run(data));
