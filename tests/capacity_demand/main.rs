//! Capacity and demand: NHSRwaitinglist parity, Erlang C, the pathway model and solver, waiting-list statistics.
//!
//! One test binary for the area (`cargo test --test capacity_demand`); each module
//! is one former test file, gated by the features it needs.

#[path = "../common/mod.rs"]
mod common;
mod erlang;
mod model;
mod nhsr;
mod stats;
