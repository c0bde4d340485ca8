//! The plan's budget: the total envelope and the areas it is split into.
//!
//! This is the minimal typed area list of the crate foundation: each area's
//! share of the total. Lines, guide spends, reconciliation and roll-ups build
//! on it.

mod allocation;

pub use allocation::{AllocationArea, BudgetAllocation};
