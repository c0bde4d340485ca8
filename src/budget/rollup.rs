//! Roll-ups: the lines grouped by one [`Dimension`], with totals that add up
//! exactly to the budget's lines total.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::{BudgetAllocation, BudgetLine, ExitRisk, FundingSource, LineScope, Term};
use crate::{id::Id, money::Money, money::MoneyError, period::FinancialYear};

/// A dimension to group budget lines by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dimension {
    /// The line's area.
    Area,
    /// The line's spend category (within its area).
    SpendCategory,
    /// Where the money comes from.
    FundingSource,
    /// The whole alliance or one ICB.
    Scope,
    /// The line's term.
    Term,
    /// The line's exit risk.
    ExitRisk,
    /// The financial year the commitment ends. The only dimension that needs
    /// a year: a line's term (`year 1 of 2`, `final year`) is counted from
    /// the year of the plan.
    EndYear {
        /// The financial year of the plan the budget belongs to.
        plan_year: FinancialYear,
    },
}

impl Dimension {
    /// Every dimension, [`EndYear`](Dimension::EndYear) counted from
    /// `plan_year`.
    pub const fn all(plan_year: FinancialYear) -> [Dimension; 7] {
        [
            Dimension::Area,
            Dimension::SpendCategory,
            Dimension::FundingSource,
            Dimension::Scope,
            Dimension::Term,
            Dimension::ExitRisk,
            Dimension::EndYear { plan_year },
        ]
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Dimension::Area => "area",
            Dimension::SpendCategory => "spend category",
            Dimension::FundingSource => "funding source",
            Dimension::Scope => "scope",
            Dimension::Term => "term",
            Dimension::ExitRisk => "exit risk",
            Dimension::EndYear { .. } => "end year",
        })
    }
}

/// When a commitment ends: in a financial year, or never (recurrent).
/// Ordered with every year before `Recurrent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentEnd {
    /// Ends in this financial year.
    Ends(FinancialYear),
    /// Continues until decommissioned.
    Recurrent,
}

impl CommitmentEnd {
    /// When a line with `term` in a plan for `plan_year` ends.
    pub fn of(term: Term, plan_year: FinancialYear) -> CommitmentEnd {
        term.end_year(plan_year)
            .map_or(CommitmentEnd::Recurrent, CommitmentEnd::Ends)
    }
}

impl fmt::Display for CommitmentEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommitmentEnd::Ends(year) => write!(f, "ends {year}"),
            CommitmentEnd::Recurrent => f.write_str("recurrent"),
        }
    }
}

/// The key of one group of a [`RollUp`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKey {
    /// An area, by id.
    Area(Id),
    /// A spend category of an area.
    SpendCategory {
        /// The area's id.
        area: Id,
        /// The category's id.
        category: Id,
    },
    /// A funding source.
    FundingSource(FundingSource),
    /// A scope.
    Scope(LineScope),
    /// A term.
    Term(Term),
    /// An exit risk.
    ExitRisk(ExitRisk),
    /// When the commitment ends.
    EndYear(CommitmentEnd),
}

/// One group of a [`RollUp`]: its key, a label to print, how many lines and
/// their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollUpGroup {
    key: GroupKey,
    label: String,
    lines: usize,
    total: Money,
}

impl RollUpGroup {
    /// The group's key.
    pub fn key(&self) -> &GroupKey {
        &self.key
    }

    /// A label to print (an area's name, "Area / Category", a source...).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// How many lines are in it.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// The sum of their amounts.
    pub fn total(&self) -> Money {
        self.total
    }
}

/// The budget's lines grouped by one [`Dimension`].
///
/// Conservation holds exactly: the groups' totals add up to [`total`](Self::total),
/// which is the sum of every line, and their line counts to
/// [`lines`](Self::lines). Order: areas and spend categories in plan order;
/// other keys in their type's order (e.g. funding sources as declared, end
/// years ascending then recurrent), so the result does not depend on the
/// order of the lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollUp {
    dimension: Dimension,
    groups: Vec<RollUpGroup>,
    lines: usize,
    total: Money,
}

impl RollUp {
    /// The dimension grouped by.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The groups, in order.
    pub fn groups(&self) -> &[RollUpGroup] {
        &self.groups
    }

    /// How many lines in all.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// The total of every line.
    pub fn total(&self) -> Money {
        self.total
    }
}

impl BudgetAllocation {
    /// Groups the lines by `dimension`.
    ///
    /// **Empty groups.** A roll-up adds up lines, so it has a group for
    /// each value some line has: an area, ICB, category or source without
    /// lines has no group (and an area's budget or guide spend is not in
    /// the roll-up; compare them with [`BudgetAllocation::reconcile`]).
    /// The groups' totals always add up to [`BudgetAllocation::lines_total`].
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if a group's total leaves the decimal range
    /// (impossible for the budget of a built plan, whose amounts are capped).
    ///
    /// ```
    /// use cancer_plan::budget::{BudgetLine, Dimension, FundingSource, SpendCategory, Term};
    /// use cancer_plan::budget::{AllocationArea, BudgetAllocation};
    /// use cancer_plan::{Id, Money, Percent};
    /// let line = |id: &str, pounds, source| -> Result<BudgetLine, cancer_plan::error::ParseError> {
    ///     Ok(BudgetLine::new(Id::new(id)?, Id::new("c")?, Money::from_pounds(pounds), Term::OneOff).with_funding_source(source))
    /// };
    /// let budget = BudgetAllocation::new(Money::from_pounds(1_000)).with_area(
    ///     AllocationArea::new(Id::new("a")?, "A", Percent::HUNDRED)
    ///         .with_spend_category(SpendCategory::new(Id::new("c")?, "C"))
    ///         .with_line(line("l1", 600, FundingSource::AllianceBudget)?)
    ///         .with_line(line("l2", 250, FundingSource::NhsEngland)?)
    ///         .with_line(line("l3", 150, FundingSource::AllianceBudget)?),
    /// );
    /// let by_source = budget.roll_up(Dimension::FundingSource)?;
    /// let rows: Vec<(&str, Money)> = by_source.groups().iter().map(|g| (g.label(), g.total())).collect();
    /// assert_eq!(rows, [("alliance budget", Money::from_pounds(750)), ("NHS England funding", Money::from_pounds(250))]);
    /// assert_eq!(by_source.total(), Money::from_pounds(1_000));
    /// let by_end = budget.roll_up(Dimension::EndYear { plan_year: "2024/25".parse()? })?;
    /// assert_eq!(by_end.groups()[0].label(), "ends 2024/25");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roll_up(&self, dimension: Dimension) -> Result<RollUp, MoneyError> {
        let groups = match dimension {
            Dimension::Area => self.by_area()?,
            Dimension::SpendCategory => self.by_category()?,
            Dimension::FundingSource => self.by_key(BudgetLine::funding_source, |k| {
                (GroupKey::FundingSource((*k).clone()), k.to_string())
            })?,
            Dimension::Scope => self.by_key(BudgetLine::scope, |k| {
                (GroupKey::Scope((*k).clone()), k.to_string())
            })?,
            Dimension::Term => {
                self.by_key(BudgetLine::term, |k| (GroupKey::Term(*k), k.to_string()))?
            }
            Dimension::ExitRisk => self.by_key(BudgetLine::exit_risk, |k| {
                (GroupKey::ExitRisk((*k).clone()), k.to_string())
            })?,
            Dimension::EndYear { plan_year } => self.by_key(
                |l| CommitmentEnd::of(l.term(), plan_year),
                |k| (GroupKey::EndYear(*k), k.to_string()),
            )?,
        };
        let total = Money::checked_sum(groups.iter().map(RollUpGroup::total))?;
        let lines = groups.iter().map(RollUpGroup::lines).sum();
        Ok(RollUp {
            dimension,
            groups,
            lines,
            total,
        })
    }

    fn by_area(&self) -> Result<Vec<RollUpGroup>, MoneyError> {
        self.areas()
            .iter()
            .filter(|a| !a.lines().is_empty())
            .map(|a| {
                Ok(RollUpGroup {
                    key: GroupKey::Area(a.id().clone()),
                    label: a.name().to_owned(),
                    lines: a.lines().len(),
                    total: a.lines_total()?,
                })
            })
            .collect()
    }

    fn by_category(&self) -> Result<Vec<RollUpGroup>, MoneyError> {
        let mut out = Vec::new();
        for area in self.areas() {
            // Categories in plan order, then any the area does not declare
            // (only in an unchecked budget), by id.
            let mut sums: BTreeMap<(usize, &Id), (usize, Money)> = BTreeMap::new();
            for line in area.lines() {
                let cat = line.spend_category();
                let index = area
                    .spend_categories()
                    .iter()
                    .position(|c| c.id() == cat)
                    .unwrap_or(usize::MAX);
                tally(sums.entry((index, cat)).or_insert((0, Money::ZERO)), line)?;
            }
            for ((_, cat), (lines, total)) in sums {
                let name = area
                    .spend_category(cat.as_str())
                    .map_or(cat.as_str(), |c| c.name());
                out.push(RollUpGroup {
                    key: GroupKey::SpendCategory {
                        area: area.id().clone(),
                        category: cat.clone(),
                    },
                    label: format!("{} / {name}", area.name()),
                    lines,
                    total,
                });
            }
        }
        Ok(out)
    }

    fn by_key<'a, K: Ord + 'a>(
        &'a self,
        key: impl Fn(&'a BudgetLine) -> K,
        describe: impl Fn(&K) -> (GroupKey, String),
    ) -> Result<Vec<RollUpGroup>, MoneyError> {
        let mut sums: BTreeMap<K, (usize, Money)> = BTreeMap::new();
        for (_, line) in self.lines() {
            tally(sums.entry(key(line)).or_insert((0, Money::ZERO)), line)?;
        }
        Ok(sums
            .into_iter()
            .map(|(k, (lines, total))| {
                let (key, label) = describe(&k);
                RollUpGroup {
                    key,
                    label,
                    lines,
                    total,
                }
            })
            .collect())
    }
}

/// Adds one line to a group's `(lines, total)`.
// Bounded: counts lines of one slice, at most its length.
#[allow(clippy::arithmetic_side_effects)]
fn tally(group: &mut (usize, Money), line: &BudgetLine) -> Result<(), MoneyError> {
    group.0 += 1;
    group.1 = group
        .1
        .checked_add(line.amount())
        .ok_or(MoneyError::Overflow)?;
    Ok(())
}
