//! The plan's budget: the total envelope, the areas it is split into, and
//! each area's itemised [`BudgetLine`]s.
//!
//! - [`BudgetAllocation`], [`AllocationArea`], [`BudgetLine`] model tables
//!   2-4 of a plan (areas, shares, guide spends, budgets, lines with their
//!   funding, scope, term and exit strategy);
//! - [`FundingSource`], [`LineScope`], [`Term`], [`ExitRisk`] type each
//!   line's dimensions;
//! - [`apportion`] splits an amount exactly by weights (largest remainder);
//!   [`BudgetAllocation::guide_spends_from_shares`] gives the guide spends
//!   the shares imply;
//! - [`BudgetAllocation::reconcile`] (the one entry point; for a plan,
//!   `plan.budget().map(|b| b.reconcile(tolerance))`) lists every
//!   discrepancy under a named [`Tolerance`];
//! - [`BudgetAllocation::roll_up`] groups the lines by any [`Dimension`],
//!   conserving the total exactly; [`BudgetAllocation::variance`] reports
//!   budget vs guide spend; [`BudgetAllocation::continuing_commitments`]
//!   lists what runs into next year.

mod allocation;
mod apportion;
mod area;
mod check;
mod commitments;
mod exit_risk;
mod finding;
mod finding_form;
mod funding;
mod line;
mod reconcile;
mod rollup;
mod targeted;
mod term;
mod tolerance;
mod variance;

pub use allocation::BudgetAllocation;
pub use apportion::{apportion, ApportionError};
pub use area::{AllocationArea, SpendCategory};
pub use commitments::Commitment;
pub use exit_risk::{ExitRisk, Hosts};
pub use finding::{Finding, FindingKind, FindingStatus, FindingUnit};
pub use funding::FundingSource;
pub use line::{BudgetLine, LineScope};
pub use reconcile::Reconciliation;
pub use rollup::{CommitmentEnd, Dimension, GroupKey, RollUp, RollUpGroup};
pub use targeted::TargetedFunding;
pub use term::Term;
pub use tolerance::Tolerance;
pub use variance::{VarianceReport, VarianceRow};

/// The largest amount, in whole pounds, a line, an area's figures or the
/// total may hold: £10^15. Far above any NHS budget, and low enough that sums
/// of as many lines as a machine can hold never overflow the decimal range.
pub const MAX_AMOUNT_POUNDS: i64 = 1_000_000_000_000_000;
