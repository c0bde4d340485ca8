//! Plan delivery assurance and the board report built on it.
//!
//! One test binary for the area (`cargo test --test assurance`); each module
//! is one former test file, gated by the features it needs.

#[cfg(all(feature = "json", feature = "cwt-extract"))]
mod assurance;
#[cfg(all(feature = "json", feature = "cwt-extract", feature = "svg"))]
mod board_report;
#[path = "../common/mod.rs"]
mod common;

// The board report example's modules (they name each other from the crate
// root), for `board_report`.
#[cfg(all(feature = "json", feature = "cwt-extract", feature = "svg"))]
#[path = "../../examples/board_report/funnel.rs"]
mod funnel;
#[cfg(all(feature = "json", feature = "cwt-extract", feature = "svg"))]
#[path = "../../examples/board_report/gather.rs"]
mod gather;
#[cfg(all(feature = "json", feature = "cwt-extract", feature = "svg"))]
#[path = "../../examples/board_report/model.rs"]
mod model;
#[cfg(all(feature = "json", feature = "cwt-extract", feature = "svg"))]
#[path = "../../examples/board_report/page.rs"]
mod page;
