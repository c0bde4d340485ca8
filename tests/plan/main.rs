//! The plan model: builder, JSON document, schema, sections, budget, RDC, capacity, the Wessex examples, golden messages and the docs' samples.
//!
//! One test binary for the area (`cargo test --test plan`); each module
//! is one former test file, gated by the features it needs.

// The Wessex 2024/25 plan as its example builds it (`examples/wessex_2024_25/`,
// whose files name each other from the crate root), for `wessex_example` and
// `wessex_budget`.
#[path = "../../examples/wessex_2024_25/budget.rs"]
mod budget;
#[cfg(all(feature = "json", feature = "proptest"))]
mod budget_invariants;
mod builder;
mod capacity;
#[cfg(feature = "json")]
mod check_cli;
#[path = "../common/mod.rs"]
mod common;
#[cfg(feature = "json")]
mod doc_samples;
#[cfg(feature = "json")]
mod golden_messages;
#[cfg(feature = "json")]
mod json_document;
#[path = "../../examples/wessex_2024_25/plan.rs"]
mod plan;
#[path = "../../examples/wessex_2024_25/rdc.rs"]
mod rdc;
mod rdc_compliance;
#[cfg(all(feature = "schema", feature = "json"))]
mod schema;
#[cfg(feature = "json")]
mod sections;
#[cfg(feature = "json")]
mod sub_icb_membership;
mod wessex_budget;
#[cfg(feature = "json")]
mod wessex_example;
