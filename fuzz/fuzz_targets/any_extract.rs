//! Fuzz target `any_extract`: see `tests/fuzz_bodies/any_extract.rs` for what it checks.
#![no_main]

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::any_extract::run(data));
