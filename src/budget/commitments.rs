//! Commitments that continue into the next financial year.

use serde::Serialize;

use super::{BudgetAllocation, BudgetLine, CommitmentEnd};
use crate::{id::Id, period::FinancialYear};

/// A line whose commitment runs past the plan's year, with its area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commitment<'a> {
    area: &'a Id,
    line: &'a BudgetLine,
    ends: CommitmentEnd,
}

impl<'a> Commitment<'a> {
    /// The id of the line's area.
    pub fn area(&self) -> &'a Id {
        self.area
    }

    /// The line.
    pub fn line(&self) -> &'a BudgetLine {
        self.line
    }

    /// When it ends.
    pub fn ends(&self) -> CommitmentEnd {
        self.ends
    }
}

impl BudgetAllocation {
    /// The lines that continue into the year after `plan_year` (multi-year,
    /// long fixed-term or recurrent), in plan order.
    ///
    /// ```
    /// use cancer_plan::budget::{BudgetLine, Term};
    /// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
    /// use cancer_plan::{Id, Money, Percent};
    /// let line = |id: &str, term| -> Result<BudgetLine, cancer_plan::error::ParseError> {
    ///     Ok(BudgetLine::new(Id::new(id)?, Id::new("c")?, Money::from_pounds(1), term))
    /// };
    /// let budget = BudgetAllocation::new(Money::from_pounds(3)).with_area(
    ///     AllocationArea::new(Id::new("a")?, "A", Percent::HUNDRED)
    ///         .with_line(line("pilot", Term::YearOf { year: 1, of: 3 })?)
    ///         .with_line(line("once", Term::OneOff)?)
    ///         .with_line(line("staff", Term::Recurrent)?),
    /// );
    /// let next: Vec<&str> = budget.continuing_commitments("2024/25".parse()?).iter().map(|c| c.line().id().as_str()).collect();
    /// assert_eq!(next, ["pilot", "staff"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn continuing_commitments(&self, plan_year: FinancialYear) -> Vec<Commitment<'_>> {
        self.lines()
            .filter(|(_, l)| l.term().continues_after(plan_year))
            .map(|(area, line)| Commitment {
                area,
                line,
                ends: CommitmentEnd::of(line.term(), plan_year),
            })
            .collect()
    }
}
