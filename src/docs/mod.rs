//! Guides: the long-form documentation, one page per topic.
//!
//! These pages hold no code; they are the crate's user guide, rendered by
//! rustdoc (so their examples are doctests, run by `cargo test`) and readable
//! as Markdown in the repository under `src/docs/`.
//!
//! - [`design`]: the design decisions, the API conventions (`Option` or
//!   `Result`, what the root re-exports), where the budget's analyses live,
//!   the dependencies and the supported Rust versions;
//! - [`json`]: the JSON interchange format, the validation rules and the
//!   `plan_check` example;
//! - [`budget`]: the budget model, reconciliation with named tolerances, exact
//!   apportionment, roll-ups, and the Wessex 2024/25 budget;
//! - [`cwt`]: Cancer Waiting Times standards, targets and counting rules;
//! - [`rdc_capacity`]: RDC pathway assessments, the compliance matrix and its
//!   roll-up rule, improvement capacity and its costs;
//! - [`spc`]: Making Data Count SPC charts and the differences from
//!   NHSRplotthedots;
//! - [`messages`]: the error messages of a table of bad inputs (a golden file,
//!   checked by a test).

#[doc = include_str!("design.md")]
pub mod design {}

#[doc = include_str!("json.md")]
pub mod json {}

#[doc = include_str!("budget.md")]
pub mod budget {}

#[doc = include_str!("cwt.md")]
pub mod cwt {}

#[doc = include_str!("rdc_capacity.md")]
pub mod rdc_capacity {}

#[doc = include_str!("spc.md")]
pub mod spc {}

#[doc = include_str!("messages.md")]
pub mod messages {}
