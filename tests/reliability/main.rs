//! Reliability: the fuzz bodies on stable, bad input of every kind, no silent loss in the pathway readers.
//!
//! One test binary for the area (`cargo test --test reliability`); each module
//! is one former test file, gated by the features it needs.

#[path = "../common/mod.rs"]
mod common;
#[cfg(all(
    feature = "json",
    feature = "cwt-extract",
    feature = "pathway-csv",
    feature = "pathway-parquet"
))]
mod fuzz_harness;
#[cfg(all(feature = "pathway-csv", feature = "pathway-arrow"))]
mod pathway_reliability;
#[cfg(all(feature = "json", feature = "cwt-extract"))]
mod reliability;
