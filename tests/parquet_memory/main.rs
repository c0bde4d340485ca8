//! Corrupt Parquet under a capped allocator: a binary of its own, since the allocator measures the whole process.
//!
//! One test binary for the area (`cargo test --test parquet_memory`); each module
//! is one former test file, gated by the features it needs.

#[cfg(all(feature = "pathway-csv", feature = "pathway-parquet"))]
mod parquet_corpus;
