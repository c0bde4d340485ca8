//! [`Term`]: how long a budget line's commitment runs.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::period::FinancialYear;

/// How long the commitment behind a [`BudgetLine`](super::BudgetLine) runs,
/// counted from the first month of the plan's financial year.
///
/// `YearOf { year, of }` must have `1 <= year <= of` and `FixedTermMonths`
/// at least one month: the plan builder checks both.
///
/// ```
/// use cancer_plan::budget::Term;
/// use cancer_plan::FinancialYear;
/// let plan_year: FinancialYear = "2024/25".parse()?;
/// let pilot = Term::YearOf { year: 1, of: 3 };
/// assert_eq!(pilot.to_string(), "year 1 of 3");
/// assert_eq!(pilot.end_year(plan_year).map(|y| y.to_string()), Some("2026/27".to_owned()));
/// assert!(pilot.continues_after(plan_year));
/// assert!(!Term::OneOff.continues_after(plan_year));
/// assert_eq!(Term::Recurrent.end_year(plan_year), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Term {
    /// A one-off cost in the plan's year; nothing continues after it.
    OneOff,
    /// The final year of a funding stream whose length the plan does not
    /// state ("final year of Lynch funding").
    FinalYear,
    /// Year `year` of an `of`-year commitment ("y 2 of 2").
    YearOf {
        /// This year's number, from 1.
        year: u8,
        /// The commitment's length in years.
        of: u8,
    },
    /// A fixed-term contract of this many months from the start of the
    /// plan's year ("one year fixed term contracts" is 12).
    FixedTermMonths {
        /// The term in months, at least 1.
        months: u16,
    },
    /// Recurrent: continues until decommissioned (e.g. core staff).
    Recurrent,
}

impl Term {
    /// The last financial year the commitment runs in, for a plan of
    /// `plan_year`; `None` for a recurrent commitment (no end) or an end
    /// beyond the supported range of years. An invalid `year n of m` with
    /// `n > m` ends in the plan's year.
    pub fn end_year(self, plan_year: FinancialYear) -> Option<FinancialYear> {
        match self {
            Term::OneOff | Term::FinalYear => Some(plan_year),
            Term::YearOf { year, of } => {
                let remaining = i32::from(of.saturating_sub(year));
                let end = plan_year.start_year().checked_add(remaining)?;
                FinancialYear::starting(end).ok()
            }
            Term::FixedTermMonths { months } => {
                let last = i32::from(months.saturating_sub(1));
                plan_year
                    .first_month()
                    .plus_months(last)?
                    .financial_year()
                    .ok()
            }
            Term::Recurrent => None,
        }
    }

    /// Whether the commitment continues into the year after `plan_year`
    /// (always true of a recurrent one).
    pub fn continues_after(self, plan_year: FinancialYear) -> bool {
        match self.end_year(plan_year) {
            Some(end) => end > plan_year,
            None => true,
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::OneOff => f.write_str("one-off"),
            Term::FinalYear => f.write_str("final year"),
            Term::YearOf { year, of } => write!(f, "year {year} of {of}"),
            Term::FixedTermMonths { months } => write!(f, "fixed term, {months} months"),
            Term::Recurrent => f.write_str("recurrent"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_years() {
        let y: FinancialYear = "2024/25".parse().unwrap();
        let fy = |s: &str| Some(s.parse::<FinancialYear>().unwrap());
        assert_eq!(Term::YearOf { year: 2, of: 2 }.end_year(y), fy("2024/25"));
        assert_eq!(
            Term::FixedTermMonths { months: 12 }.end_year(y),
            fy("2024/25")
        );
        assert_eq!(
            Term::FixedTermMonths { months: 13 }.end_year(y),
            fy("2025/26")
        );
        assert_eq!(
            Term::FixedTermMonths { months: 7 }.end_year(y),
            fy("2024/25")
        );
        assert!(Term::Recurrent.continues_after(y));
        assert!(!Term::FinalYear.continues_after(y));
    }
}
