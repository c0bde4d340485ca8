//! The value types (money, percent, periods, ids), and the crate's layering.
//!
//! One test binary for the area (`cargo test --test values`); each module
//! is one former test file, gated by the features it needs.

mod financial_year;
mod layering;
mod value_types;
