//! Reconciliation: the soft checks that do not stop a plan being built but
//! tell its readers where its figures disagree, and by how much.

use rust_decimal::Decimal;
use serde::Serialize;

use super::finding::{Finding, FindingKind, FindingUnit};
use super::{BudgetAllocation, Tolerance};
use crate::{Money, MoneyError, MoneyUnit, Rounding};

/// Every discrepancy found in a budget under one [`Tolerance`], in the order
/// checked (area by area, then the plan-level sums).
///
/// Written and read back as JSON (`{"tolerance": ..., "findings": [...]}`);
/// each finding read is checked against its own figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconciliation {
    tolerance: Tolerance,
    findings: Vec<Finding>,
}

impl Reconciliation {
    /// No findings, under `tolerance` (e.g. for a plan without a budget).
    pub fn empty(tolerance: Tolerance) -> Reconciliation {
        Reconciliation {
            tolerance,
            findings: Vec::new(),
        }
    }

    /// The tolerance applied.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// Every finding (rounding and real gaps).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings beyond tolerance.
    pub fn real_gaps(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_real_gap())
    }

    /// Whether no finding is beyond tolerance.
    pub fn is_clean(&self) -> bool {
        self.real_gaps().next().is_none()
    }
}

impl BudgetAllocation {
    /// Reconciles the budget's figures under `tolerance`. Checks, per area
    /// (skipping figures the plan does not state):
    /// - the printed share against the exact share its guide spend is of the
    ///   total (`budget.areas[i].share`, in percentage points);
    /// - the guide spend against share × total, to the penny
    ///   (`budget.areas[i].guide_spend`);
    /// - the budget against the guide spend, i.e. over- or under-spend
    ///   (`budget.areas[i].budget`);
    /// - the itemised lines against the budget, for an area with lines
    ///   (`budget.areas[i].lines`);
    ///
    /// then, if every area states them, the sums of the guide spends
    /// (`budget.areas`) and of the budgets (`budget.total`) against the part
    /// of the total the shares cover (the whole total when they add up to
    /// 100%).
    ///
    /// A difference of zero is never a finding. An overflow (impossible for
    /// the budget of a built plan) is reported as one real-gap finding.
    ///
    /// ```
    /// use cancer_plan::budget::{BudgetLine, SpendCategory, Term, Tolerance};
    /// use cancer_plan::{AllocationArea, BudgetAllocation, Id, Money, Percent};
    /// let budget = BudgetAllocation::new(Money::from_pounds(1_000)).with_area(
    ///     AllocationArea::new(Id::new("a")?, "A", Percent::HUNDRED)
    ///         .with_spend_category(SpendCategory::new(Id::new("c")?, "C"))
    ///         .with_guide_spend(Money::from_pounds(1_000))
    ///         .with_budget(Money::from_pounds(1_000))
    ///         .with_line(BudgetLine::new(Id::new("l1")?, Id::new("c")?, Money::from_pounds(999), Term::OneOff)),
    /// );
    /// let rec = budget.reconcile(Tolerance::Exact);
    /// assert_eq!(rec.findings().len(), 1);
    /// assert_eq!(rec.findings()[0].path(), "budget.areas[0].lines");
    /// assert!(!rec.is_clean());
    /// let lenient = budget.reconcile(Tolerance::Absolute { amount: Money::from_pounds(1) });
    /// assert!(lenient.is_clean());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reconcile(&self, tolerance: Tolerance) -> Reconciliation {
        let findings = match self.findings(tolerance) {
            Ok(findings) => findings,
            Err(_) => vec![Finding::new(
                FindingKind::Overflow,
                "budget".into(),
                None,
                FindingUnit::Pounds,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
            )],
        };
        Reconciliation {
            tolerance,
            findings,
        }
    }

    fn findings(&self, tolerance: Tolerance) -> Result<Vec<Finding>, MoneyError> {
        let mut out = Vec::new();
        let total = self.total();
        let hundred = Decimal::ONE_HUNDRED;
        let mut push =
            |kind, path: String, area, unit, expected: Decimal, actual: Decimal, allow| {
                if expected != actual {
                    out.push(Finding::new(
                        kind, path, area, unit, expected, actual, allow,
                    ));
                }
            };
        for (i, area) in self.areas().iter().enumerate() {
            let at = format!("budget.areas[{i}]");
            let id = Some(area.id().clone());
            let share = area.share().points();
            if let Some(guide) = area.guide_spend() {
                if !total.is_zero() {
                    let exact = guide
                        .to_decimal()
                        .checked_mul(hundred)
                        .and_then(|g| g.checked_div(total.to_decimal()))
                        .ok_or(MoneyError::Overflow)?;
                    push(
                        FindingKind::ShareVsExactShare,
                        format!("{at}.share"),
                        id.clone(),
                        FindingUnit::PercentagePoints,
                        exact.normalize(),
                        share,
                        tolerance.for_share_points(total),
                    );
                }
                let expected =
                    total.checked_mul_ratio(share, hundred, MoneyUnit::Penny, Rounding::HalfUp)?;
                push(
                    FindingKind::GuideSpendVsShare,
                    format!("{at}.guide_spend"),
                    id.clone(),
                    FindingUnit::Pounds,
                    expected.to_decimal(),
                    guide.to_decimal(),
                    tolerance.for_share_of(total),
                );
                if let Some(budget) = area.budget() {
                    push(
                        FindingKind::BudgetVsGuideSpend,
                        format!("{at}.budget"),
                        id.clone(),
                        FindingUnit::Pounds,
                        guide.to_decimal(),
                        budget.to_decimal(),
                        tolerance.for_sum(1),
                    );
                }
            }
            if let (Some(budget), false) = (area.budget(), area.lines().is_empty()) {
                push(
                    FindingKind::LinesVsBudget,
                    format!("{at}.lines"),
                    id,
                    FindingUnit::Pounds,
                    budget.to_decimal(),
                    area.lines_total()?.to_decimal(),
                    tolerance.for_sum(area.lines().len()),
                );
            }
        }
        let n = self.areas().len();
        if n == 0 {
            return Ok(out);
        }
        let covered = self.covered_total(MoneyUnit::Penny)?;
        let guides = Money::checked_sum_if_all(self.areas().iter().map(|a| a.guide_spend()))?;
        if let Some(guides) = guides {
            push(
                FindingKind::GuideSpendsVsTotal,
                "budget.areas".into(),
                None,
                FindingUnit::Pounds,
                covered.to_decimal(),
                guides.to_decimal(),
                tolerance.for_sum(n),
            );
        }
        let budgets = Money::checked_sum_if_all(self.areas().iter().map(|a| a.budget()))?;
        if let Some(budgets) = budgets {
            push(
                FindingKind::BudgetsVsTotal,
                "budget.total".into(),
                None,
                FindingUnit::Pounds,
                covered.to_decimal(),
                budgets.to_decimal(),
                tolerance.for_sum(n),
            );
        }
        Ok(out)
    }
}
