//! Cancer Waiting Times: extracts (CSV and .xlsx), sub-ICB locations, Wilson intervals, patient pathways and their files.
//!
//! One test binary for the area (`cargo test --test cwt`); each module
//! is one former test file, gated by the features it needs.

#[path = "../common/mod.rs"]
mod common;
#[cfg(feature = "cwt-extract")]
mod extract;
#[cfg(feature = "cwt-extract")]
mod extract_lines;
#[cfg(all(feature = "cwt-extract", feature = "proptest"))]
mod extract_properties;
#[cfg(all(feature = "pathway-csv", feature = "pathway-parquet"))]
mod pathway_files;
mod pathways;
#[cfg(all(feature = "xlsx", feature = "json"))]
mod published;
#[cfg(all(feature = "cwt-extract", feature = "json"))]
mod sub_icb;
mod wilson;
