//! Fuzz target `pathway_csv`: see `tests/fuzz_bodies/pathway_csv.rs` for what it checks.
#![no_main]

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::pathway_csv::run(data));
