//! Fuzz target `pathway_parquet`: see `tests/fuzz_bodies/pathway_parquet.rs` for what it checks.
//!
//! libFuzzer's panic hook aborts on every panic, even one the reader
//! catches. A panic inside the `parquet` or `arrow` crates is caught by
//! `read_pathways_parquet` and returned as `PathwayReadError::ParquetPanic`
//! (the contract), so the hook is wrapped to let those through; every
//! other panic (a broken invariant in the body, a panic in the crate)
//! still aborts.
#![no_main]

use std::sync::Once;

#[path = "../../tests/fuzz_bodies/mod.rs"]
mod fuzz_bodies;

static HOOK: Once = Once::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let file = info.location().map_or("", |l| l.file());
            if !(file.contains("/parquet-") || file.contains("/arrow-")) {
                abort(info);
            }
        }));
    });
    fuzz_bodies::pathway_parquet::run(data)
});
