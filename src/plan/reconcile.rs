//! [`reconcile`]: the budget reconciliation of a whole plan.

use super::CancerPlan;
use crate::budget::{Reconciliation, Tolerance};

/// Reconciles the plan's budget under `tolerance` (see
/// [`BudgetAllocation::reconcile`](crate::BudgetAllocation::reconcile) for
/// the checks); a plan without a budget has no findings.
///
/// ```
/// use cancer_plan::budget::Tolerance;
/// use cancer_plan::{reconcile, Alliance, CancerPlan, Icb, Id};
/// let plan = CancerPlan::builder()
///     .title("t")
///     .financial_year("2024/25".parse()?)
///     .alliance(Alliance::new("A").with_icb(Icb::new(Id::new("i")?, "I")))
///     .build()?;
/// assert!(reconcile(&plan, Tolerance::Exact).findings().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reconcile(plan: &CancerPlan, tolerance: Tolerance) -> Reconciliation {
    match plan.budget() {
        Some(budget) => budget.reconcile(tolerance),
        None => Reconciliation::empty(tolerance),
    }
}
