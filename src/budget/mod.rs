//! The plan's budget: the total envelope, the areas it is split into, and
//! each area's itemised [`BudgetLine`]s.
//!
//! - [`BudgetAllocation`], [`AllocationArea`], [`BudgetLine`] model tables
//!   2-4 of a plan (areas, shares, guide spends, budgets, lines with their
//!   funding, scope, term and exit strategy);
//! - [`FundingSource`], [`LineScope`], [`Term`], [`ExitRisk`] type each
//!   line's dimensions;
//! - [`apportion`] splits an amount exactly by weights (largest remainder).

mod allocation;
mod apportion;
mod exit_risk;
mod funding;
mod line;
mod term;

pub use allocation::{AllocationArea, BudgetAllocation};
pub use apportion::{apportion, ApportionError};
pub use exit_risk::ExitRisk;
pub use funding::FundingSource;
pub use line::{BudgetLine, LineScope};
pub use term::Term;

/// The largest amount, in whole pounds, a line, an area's figures or the
/// total may hold: £10^15. Far above any NHS budget, and low enough that sums
/// of as many lines as a machine can hold never overflow the decimal range.
pub const MAX_AMOUNT_POUNDS: i64 = 1_000_000_000_000_000;
