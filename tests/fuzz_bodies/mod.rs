//! The bodies of the fuzz targets, as plain functions of a byte slice.
//!
//! Each fuzz target in `fuzz/fuzz_targets/` is one line that calls a body
//! here (included there with `#[path]`), and `tests/reliability/fuzz_harness.rs` runs
//! the same bodies on stable through proptest, so that a body that stops
//! compiling, or an invariant that stops holding, fails CI even where no
//! nightly toolchain (and so no libFuzzer) is installed.
//!
//! A body panics exactly when it finds a defect: a panic inside the crate
//! on some input, or a broken invariant (`assert!`). Errors the crate
//! returns for bad input are the expected outcome, not a defect.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod any_extract;
pub mod assessment_json;
pub mod cwt_extract;
pub mod pathway_arrow;
pub mod pathway_csv;
pub mod pathway_parquet;
pub mod plan_json;
pub mod structured;
pub mod value_types;
