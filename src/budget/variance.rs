//! The budget-vs-guide variance report, in the manner of hledger's budget
//! report: per area, the actual budget, the guide spend (the goal), the
//! difference and the budget as a percent of the guide.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use super::BudgetAllocation;
use crate::{id::Id, money::Money, money::MoneyError};

/// One row of a [`VarianceReport`]: an area, or the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<Id>,
    name: String,
    actual: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    guide: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_text")]
    percent_of_guide: Option<Decimal>,
}

fn opt_text<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.collect_str(v),
        None => serializer.serialize_none(),
    }
}

impl VarianceRow {
    /// The area's id; `None` for the total row.
    pub fn area(&self) -> Option<&Id> {
        self.area.as_ref()
    }

    /// The area's name, or `Total`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The actual: the area's budget, or its lines' total where the plan
    /// states no budget.
    pub fn actual(&self) -> Money {
        self.actual
    }

    /// The goal: the guide spend, if stated.
    pub fn guide(&self) -> Option<Money> {
        self.guide
    }

    /// `actual - guide`: positive is over the guide, negative under.
    pub fn difference(&self) -> Option<Money> {
        self.difference
    }

    /// `actual / guide × 100`, rounded half up to 1 decimal place (as
    /// printed); `None` without a guide or with a zero guide.
    pub fn percent_of_guide(&self) -> Option<Decimal> {
        self.percent_of_guide
    }
}

/// Budget vs guide spend, per area and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceReport {
    rows: Vec<VarianceRow>,
    total: VarianceRow,
}

impl VarianceReport {
    /// One row per area, in plan order.
    pub fn rows(&self) -> &[VarianceRow] {
        &self.rows
    }

    /// The total row (its guide only if every area states one).
    pub fn total(&self) -> &VarianceRow {
        &self.total
    }
}

fn row(
    area: Option<Id>,
    name: String,
    actual: Money,
    guide: Option<Money>,
) -> Result<VarianceRow, MoneyError> {
    let difference = match guide {
        Some(g) => Some(actual.checked_sub(g).ok_or(MoneyError::Overflow)?),
        None => None,
    };
    let percent_of_guide = guide.filter(|g| !g.is_zero()).and_then(|g| {
        actual
            .to_decimal()
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(g.to_decimal())
            .map(|p| p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
    });
    Ok(VarianceRow {
        area,
        name,
        actual,
        guide,
        difference,
        percent_of_guide,
    })
}

impl BudgetAllocation {
    /// The budget-vs-guide variance report. An error only on overflow
    /// (impossible for the budget of a built plan).
    ///
    /// ```
    /// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
    /// use cancer_plan::{Id, Money, Percent};
    /// let budget = BudgetAllocation::new(Money::from_pounds(1_465_560)).with_area(
    ///     AllocationArea::new(Id::new("tc")?, "Treatment and care", Percent::HUNDRED)
    ///         .with_guide_spend(Money::from_pounds(1_465_560))
    ///         .with_budget(Money::from_pounds(1_520_080)),
    /// );
    /// let report = budget.variance()?;
    /// let row = &report.rows()[0];
    /// assert_eq!(row.difference(), Some(Money::from_pounds(54_520)));
    /// assert_eq!(row.percent_of_guide().map(|p| p.to_string()), Some("103.7".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if a difference or total leaves the decimal
    /// range (impossible for the budget of a built plan).
    pub fn variance(&self) -> Result<VarianceReport, MoneyError> {
        let mut rows = Vec::with_capacity(self.areas().len());
        for area in self.areas() {
            let actual = match area.budget() {
                Some(b) => b,
                None => area.lines_total()?,
            };
            rows.push(row(
                Some(area.id().clone()),
                area.name().to_owned(),
                actual,
                area.guide_spend(),
            )?);
        }
        let actual = Money::checked_sum(rows.iter().map(VarianceRow::actual))?;
        let guide = Money::checked_sum_if_all(rows.iter().map(VarianceRow::guide))?;
        let total = row(None, "Total".to_owned(), actual, guide)?;
        Ok(VarianceReport { rows, total })
    }
}
