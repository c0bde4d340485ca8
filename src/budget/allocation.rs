//! [`BudgetAllocation`] and its [`AllocationArea`]s.

use serde::{Deserialize, Serialize};

use crate::validate::{Checker, IdRegistry};
use crate::{Id, Money, Percent};

/// The plan's budget envelope and its split into areas.
///
/// ```
/// use cancer_plan::{AllocationArea, BudgetAllocation, Id, Money, Percent};
/// let budget = BudgetAllocation::new(Money::from_pounds(12_191_000))
///     .with_area(AllocationArea::new(Id::new("cross-cutting")?, "Cross-cutting", Percent::from_points(7).ok_or("pct")?));
/// assert_eq!(budget.areas().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetAllocation {
    total: Money,
    areas: Vec<AllocationArea>,
}

impl BudgetAllocation {
    /// An allocation of `total` with, as yet, no areas.
    pub fn new(total: Money) -> BudgetAllocation {
        BudgetAllocation {
            total,
            areas: Vec::new(),
        }
    }

    /// The same allocation with one more area.
    pub fn with_area(mut self, area: AllocationArea) -> BudgetAllocation {
        self.areas.push(area);
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
        self.areas.iter().find(|a| a.id.as_str() == id)
    }

    /// Checks the budget's hard invariants, recording violations under
    /// `path` (e.g. `budget`).
    pub(crate) fn check(&self, checker: &mut Checker, path: &str) {
        if self.total.is_negative() {
            checker.push(
                format!("{path}.total"),
                self.total,
                crate::Rule::NonNegative,
            );
        }
        let mut ids = IdRegistry::new();
        for (i, area) in self.areas.iter().enumerate() {
            let at = || format!("{path}.areas[{i}]");
            ids.register(checker, &area.id, || format!("{}.id", at()));
            checker.not_empty(|| format!("{}.name", at()), &area.name);
        }
    }
}

/// One area of the allocation (e.g. "Operational performance", 48%).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationArea {
    id: Id,
    name: String,
    share: Percent,
}

impl AllocationArea {
    /// An area with its id, name and share of the total.
    pub fn new(id: Id, name: impl Into<String>, share: Percent) -> AllocationArea {
        AllocationArea {
            id,
            name: name.into(),
            share,
        }
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its share of the total.
    pub fn share(&self) -> Percent {
        self.share
    }
}
