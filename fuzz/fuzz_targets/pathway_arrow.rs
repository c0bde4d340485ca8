//! Fuzz target `pathway_arrow`: see `tests/fuzz_bodies/pathway_arrow.rs` for what it checks.
#![no_main]

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::pathway_arrow::run(data));
