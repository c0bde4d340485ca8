//! Fuzz target `plan_json`: see `tests/fuzz_bodies/plan_json.rs` for what it checks.
#![no_main]

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_bodies::plan_json::run(data));
