//! [`BudgetAllocation`]: the total envelope, its areas and the targeted
//! funding outside the split.

use serde::{Deserialize, Serialize};

use super::{apportion, AllocationArea, ApportionError, BudgetLine, TargetedFunding};
use crate::validate::FieldPath;
use crate::{id::Id, money::Money, money::MoneyUnit, org::Alliance, validate::ValidationErrors};

/// The plan's budget envelope, its split into [`AllocationArea`]s, and the
/// [`TargetedFunding`] that sits outside the split.
///
/// Setters never fail: the plan builder checks the whole allocation (see
/// [`BudgetAllocation::validate`] for the list of invariants), so a budget
/// inside a built [`CancerPlan`](crate::plan::CancerPlan) holds them.
///
/// ```
/// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
/// use cancer_plan::{Id, Money, Percent};
/// let budget = BudgetAllocation::new(Money::from_pounds(12_191_000))
///     .with_area(AllocationArea::new(Id::new("cross-cutting")?, "Cross-cutting", Percent::from_points(7)?));
/// assert_eq!(budget.areas().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetAllocation {
    total: Money,
    areas: Vec<AllocationArea>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    targeted_funding: Option<TargetedFunding>,
}

impl BudgetAllocation {
    /// An allocation of `total` with, as yet, no areas.
    pub fn new(total: Money) -> BudgetAllocation {
        BudgetAllocation {
            total,
            areas: Vec::new(),
            targeted_funding: None,
        }
    }

    /// The same allocation with one more area.
    pub fn with_area(mut self, area: AllocationArea) -> BudgetAllocation {
        self.areas.push(area);
        self
    }

    /// The same allocation with its targeted funding outside the split.
    pub fn with_targeted_funding(mut self, targeted: TargetedFunding) -> BudgetAllocation {
        self.targeted_funding = Some(targeted);
        self
    }

    /// The total envelope the shares are of.
    pub fn total(&self) -> Money {
        self.total
    }

    /// The areas, in plan order.
    pub fn areas(&self) -> &[AllocationArea] {
        &self.areas
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&AllocationArea> {
        self.areas.iter().find(|a| a.id().as_str() == id)
    }

    /// The targeted funding outside the split, if any.
    pub fn targeted_funding(&self) -> Option<&TargetedFunding> {
        self.targeted_funding.as_ref()
    }

    /// Every line with the id of its area, in plan order.
    pub fn lines(&self) -> impl Iterator<Item = (&Id, &BudgetLine)> + '_ {
        self.areas
            .iter()
            .flat_map(|a| a.lines().iter().map(move |l| (a.id(), l)))
    }

    /// The line with this id, with the id of its area.
    pub fn line(&self, id: &str) -> Option<(&Id, &BudgetLine)> {
        self.lines().find(|(_, l)| l.id().as_str() == id)
    }

    /// The sum of every line's amount; an error only on overflow
    /// (impossible in a built plan, whose amounts are capped).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`](crate::money::MoneyError::Overflow) if the sum leaves the decimal range
    /// (impossible in a built plan, whose amounts are capped).
    pub fn lines_total(&self) -> Result<Money, crate::money::MoneyError> {
        self.lines().map(|(_, l)| l.amount()).sum()
    }

    /// The guide spends the shares give: the total apportioned by the areas'
    /// shares with [`apportion`] (largest remainder), to `unit`. Unlike a
    /// spreadsheet rounding each share separately, these add up to the total
    /// exactly whenever the shares add up to 100%; if they add up to less,
    /// the total is first reduced to the shares' sum (rounded down to
    /// `unit`), leaving the rest unallocated.
    ///
    /// ```
    /// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
    /// use cancer_plan::{Id, Money, MoneyUnit, Percent};
    /// let budget = BudgetAllocation::new(Money::from_pounds(100))
    ///     .with_area(AllocationArea::new(Id::new("a")?, "A", Percent::from_points(33)?))
    ///     .with_area(AllocationArea::new(Id::new("b")?, "B", Percent::from_points(33)?))
    ///     .with_area(AllocationArea::new(Id::new("c")?, "C", Percent::from_points(34)?));
    /// let guides = budget.guide_spends_from_shares(MoneyUnit::Pound)?;
    /// assert_eq!(guides, [33, 33, 34].map(Money::from_pounds));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An [`ApportionError`] if the shares are all zero or the total is not a
    /// whole number of `unit`s, or on overflow.
    pub fn guide_spends_from_shares(&self, unit: MoneyUnit) -> Result<Vec<Money>, ApportionError> {
        let weights: Vec<_> = self.areas.iter().map(|a| a.share().points()).collect();
        if self.shares_total().is_some_and(|sum| sum.is_zero()) {
            // Let apportion report the all-zero weights.
            return apportion(self.total, &weights, unit);
        }
        // Shares below 100% leave the unallocated remainder out.
        let covered = self
            .covered_total(unit)
            .map_err(|_| ApportionError::Overflow)?;
        apportion(covered, &weights, unit)
    }

    /// The sum of the areas' shares, in percentage points; `None` on
    /// overflow (which would take more areas than memory holds).
    pub(crate) fn shares_total(&self) -> Option<rust_decimal::Decimal> {
        self.areas
            .iter()
            .try_fold(rust_decimal::Decimal::ZERO, |sum, area| {
                sum.checked_add(area.share().points())
            })
    }

    /// The part of the total the shares cover: the total itself when they
    /// add up to 100% or more, else total x shares / 100 rounded half up to
    /// `unit`. What the guide spends (and the budgets) should add up to.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`](crate::money::MoneyError::Overflow) if the shares or
    /// the product leave the decimal range.
    pub(crate) fn covered_total(&self, unit: MoneyUnit) -> Result<Money, crate::money::MoneyError> {
        let hundred = rust_decimal::Decimal::ONE_HUNDRED;
        let shares = self
            .shares_total()
            .ok_or(crate::money::MoneyError::Overflow)?;
        if shares >= hundred {
            return Ok(self.total);
        }
        self.total
            .checked_mul_ratio(shares, hundred, unit, crate::money::Rounding::HalfUp)
    }

    /// Checks the allocation's hard invariants on its own; `alliance`, if
    /// given, is used to check lines' ICB scopes. The plan builder runs the
    /// same checks, with the plan's alliance, under the path `budget`.
    ///
    /// Invariants (each violation is reported, all at once):
    /// - the total and every area's guide spend, budget and line amount are
    ///   not negative and at most £10^15
    ///   ([`MAX_AMOUNT_POUNDS`](super::MAX_AMOUNT_POUNDS)); at most 2 decimal
    ///   places holds by construction (a [`Money`] cannot hold more);
    /// - area ids are unique, names not blank; the shares add up to at most
    ///   100% (each is in 0%..=100% by its type);
    /// - spend category ids are unique within their area, names not blank;
    /// - line ids are unique across the whole budget; each line's spend
    ///   category is one of its area's (its area exists by construction:
    ///   lines live inside their area); a line's ICB is one of the
    ///   alliance's;
    /// - a term `year n of m` has `1 <= n <= m`; a fixed term has at least
    ///   one month; a redundancy risk names at least one host.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the rules above, each with
    /// its path (`budget.areas[1].lines[3].amount`).
    pub fn validate(&self, alliance: Option<&Alliance>) -> Result<(), ValidationErrors> {
        let mut checker = crate::validate::Checker::new();
        self.check(&mut checker, &FieldPath::root().field("budget"), alliance);
        checker.finish(())
    }
}
