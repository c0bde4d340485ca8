//! Reconciliation: the soft checks that do not stop a plan being built but
//! tell its readers where its figures disagree, and by how much.

use rust_decimal::Decimal;
use serde::Serialize;

use super::finding::{Finding, FindingKind, FindingStatus, FindingUnit};
use super::{BudgetAllocation, Tolerance};
use crate::validate::FieldPath;
use crate::{money::Money, money::MoneyUnit, money::Rounding};

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
        self.findings
            .iter()
            .filter(|f| f.status() == FindingStatus::RealGap)
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
    /// A difference of zero is never a finding. A check whose arithmetic
    /// overflows (impossible for the budget of a built plan, whose amounts
    /// are capped) is reported as one [`Overflow`](super::FindingKind::Overflow)
    /// real-gap finding at that check's path, with zero figures, beside
    /// every other finding: the other checks still run.
    ///
    /// ```
    /// use cancer_plan::budget::{BudgetLine, SpendCategory, Term, Tolerance};
    /// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
    /// use cancer_plan::{Id, Money, Percent};
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
        Reconciliation {
            tolerance,
            findings: self.findings(tolerance),
        }
    }

    fn findings(&self, tolerance: Tolerance) -> Vec<Finding> {
        let mut out = Findings(Vec::new());
        let total = self.total();
        let hundred = Decimal::ONE_HUNDRED;
        let budget = FieldPath::root().field("budget");
        for (i, area) in self.areas().iter().enumerate() {
            let at = budget.field("areas").index(i);
            let id = Some(area.id().clone());
            let share = area.share().points();
            if let Some(guide) = area.guide_spend() {
                if !total.is_zero() {
                    let exact = guide
                        .to_decimal()
                        .checked_mul(hundred)
                        .and_then(|g| g.checked_div(total.to_decimal()));
                    out.check(
                        FindingKind::ShareVsExactShare,
                        at.field("share"),
                        id.clone(),
                        FindingUnit::PercentagePoints,
                        exact.map(|e| (e.normalize(), share)),
                        tolerance.for_share_points(total),
                    );
                }
                let expected =
                    total.checked_mul_ratio(share, hundred, MoneyUnit::Penny, Rounding::HalfUp);
                out.check(
                    FindingKind::GuideSpendVsShare,
                    at.field("guide_spend"),
                    id.clone(),
                    FindingUnit::Pounds,
                    expected.ok().map(|e| (e.to_decimal(), guide.to_decimal())),
                    tolerance.for_share_of(total),
                );
                if let Some(budget) = area.budget() {
                    out.check(
                        FindingKind::BudgetVsGuideSpend,
                        at.field("budget"),
                        id.clone(),
                        FindingUnit::Pounds,
                        Some((guide.to_decimal(), budget.to_decimal())),
                        tolerance.for_sum(1),
                    );
                }
            }
            if let (Some(budget), false) = (area.budget(), area.lines().is_empty()) {
                out.check(
                    FindingKind::LinesVsBudget,
                    at.field("lines"),
                    id,
                    FindingUnit::Pounds,
                    area.lines_total()
                        .ok()
                        .map(|lines| (budget.to_decimal(), lines.to_decimal())),
                    tolerance.for_sum(area.lines().len()),
                );
            }
        }
        let n = self.areas().len();
        if n == 0 {
            return out.0;
        }
        let covered = self.covered_total(MoneyUnit::Penny).ok();
        let sums = [
            (
                FindingKind::GuideSpendsVsTotal,
                budget.field("areas"),
                Money::checked_sum_if_all(self.areas().iter().map(|a| a.guide_spend())),
            ),
            (
                FindingKind::BudgetsVsTotal,
                budget.field("total"),
                Money::checked_sum_if_all(self.areas().iter().map(|a| a.budget())),
            ),
        ];
        for (kind, path, sum) in sums {
            // `Ok(None)`: some area does not state the figure; no check.
            let figures = match (covered, sum) {
                (_, Ok(None)) => continue,
                (Some(covered), Ok(Some(sum))) => Some((covered.to_decimal(), sum.to_decimal())),
                _ => None,
            };
            out.check(
                kind,
                path,
                None,
                FindingUnit::Pounds,
                figures,
                tolerance.for_sum(n),
            );
        }
        out.0
    }
}

/// The findings so far.
struct Findings(Vec<Finding>);

impl Findings {
    /// One check: `figures` is `(expected, actual)`, or `None` if computing
    /// them overflowed, which is reported at the check's own path as an
    /// [`FindingKind::Overflow`] real gap, beside every other finding.
    fn check(
        &mut self,
        kind: FindingKind,
        path: FieldPath,
        area: Option<crate::id::Id>,
        unit: FindingUnit,
        figures: Option<(Decimal, Decimal)>,
        allowance: Decimal,
    ) {
        match figures {
            Some((expected, actual)) if expected != actual => self.0.push(Finding::new(
                kind, path, area, unit, expected, actual, allowance,
            )),
            Some(_) => {}
            None => self.0.push(Finding::new(
                FindingKind::Overflow,
                path,
                area,
                unit,
                Decimal::ZERO,
                Decimal::ZERO,
                Decimal::ZERO,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::{AllocationArea, BudgetLine, SpendCategory, Term};
    use crate::{id::Id, percent::Percent};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap()
    }

    #[test]
    fn an_overflow_is_one_finding_beside_the_others() {
        // Any overflow used to discard every other finding and return one
        // zero-filled finding at `budget`.
        let huge = Money::new(Decimal::MAX).unwrap();
        let line = |name: &str| BudgetLine::new(id(name), id("c"), huge, Term::OneOff);
        let budget = BudgetAllocation::new(Money::from_pounds(1_000))
            .with_area(
                AllocationArea::new(id("a"), "A", Percent::from_points(50).unwrap())
                    .with_spend_category(SpendCategory::new(id("c"), "C"))
                    .with_budget(Money::from_pounds(500))
                    .with_line(line("l1"))
                    .with_line(line("l2")),
            )
            .with_area(
                AllocationArea::new(id("b"), "B", Percent::from_points(50).unwrap())
                    .with_guide_spend(Money::from_pounds(500))
                    .with_budget(Money::from_pounds(400)),
            );
        let rec = budget.reconcile(Tolerance::Exact);
        let found: Vec<(FindingKind, String)> = rec
            .findings()
            .iter()
            .map(|f| (f.kind(), f.path().to_string()))
            .collect();
        assert_eq!(
            found,
            [
                (FindingKind::Overflow, "budget.areas[0].lines".to_owned()),
                (
                    FindingKind::BudgetVsGuideSpend,
                    "budget.areas[1].budget".to_owned()
                ),
                (FindingKind::BudgetsVsTotal, "budget.total".to_owned()),
            ]
        );
        assert!(rec.findings()[0].status() == FindingStatus::RealGap);
        assert_eq!(rec.findings()[0].area(), Some(&id("a")));
    }
}
