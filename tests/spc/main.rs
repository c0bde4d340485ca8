//! Making Data Count SPC: NHSRplotthedots parity, rules, properties, SVG charts.
//!
//! One test binary for the area (`cargo test --test spc`); each module
//! is one former test file, gated by the features it needs.

#[path = "../common/mod.rs"]
mod common;
mod nhsrplotthedots;
mod properties;
mod rules;
#[cfg(feature = "svg")]
mod svg;
