//! [`BudgetSummary`]: the plan's budget reconciliation and exit risks,
//! beside the performance.

use serde::Serialize;

use crate::budget::{ExitRisk, Reconciliation, Tolerance};
use crate::{id::Id, money::Money, plan::CancerPlan};

/// A budget line whose exit carries a risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitRiskLine {
    area: Id,
    line: Id,
    amount: Money,
    risk: ExitRisk,
}

impl ExitRiskLine {
    /// The area's id.
    pub fn area(&self) -> &Id {
        &self.area
    }

    /// The line's id.
    pub fn line(&self) -> &Id {
        &self.line
    }

    /// The line's amount.
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The risk.
    pub fn risk(&self) -> &ExitRisk {
        &self.risk
    }
}

/// The reconciliation (every finding, with those beyond tolerance
/// counted) and every line whose exit carries a risk, in plan order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetSummary {
    has_budget: bool,
    reconciliation: Reconciliation,
    real_gaps: usize,
    exit_risks: Vec<ExitRiskLine>,
}

impl BudgetSummary {
    /// The summary of `plan`'s budget under `tolerance` (built by
    /// [`PlanAssurance::build_with`](super::PlanAssurance::build_with)).
    pub(crate) fn new(plan: &CancerPlan, tolerance: Tolerance) -> BudgetSummary {
        let reconciliation = plan.budget().map_or_else(
            || Reconciliation::empty(tolerance),
            |b| b.reconcile(tolerance),
        );
        let exit_risks = plan
            .budget()
            .into_iter()
            .flat_map(|b| b.lines())
            .filter(|(_, l)| l.exit_risk().is_risk())
            .map(|(area, l)| ExitRiskLine {
                area: area.clone(),
                line: l.id().clone(),
                amount: l.amount(),
                risk: l.exit_risk().clone(),
            })
            .collect();
        BudgetSummary {
            has_budget: plan.budget().is_some(),
            real_gaps: reconciliation.real_gaps().count(),
            reconciliation,
            exit_risks,
        }
    }

    /// Whether the plan has a budget.
    pub fn has_budget(&self) -> bool {
        self.has_budget
    }

    /// The reconciliation (its [`real_gaps`](Reconciliation::real_gaps)
    /// are the findings beyond tolerance).
    pub fn reconciliation(&self) -> &Reconciliation {
        &self.reconciliation
    }

    /// The lines whose exit carries a risk.
    pub fn exit_risks(&self) -> &[ExitRiskLine] {
        &self.exit_risks
    }
}
