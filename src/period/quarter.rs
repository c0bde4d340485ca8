//! [`Quarter`]: a quarter of an NHS financial year.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FinancialYear, YearMonth};

/// A quarter of a financial year: Q1 is April to June, Q4 January to March.
///
/// ```
/// use cancer_plan::{FinancialYear, Quarter};
/// let q3 = "2021/22".parse::<FinancialYear>()?.quarters()[2];
/// assert_eq!(q3.to_string(), "2021/22 Q3");
/// assert_eq!(q3.first_month().to_string(), "2021-10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    year: FinancialYear,
    number: u8,
}

impl Quarter {
    /// Quarter `number` (1 to 4) of `year`; `None` for any other number.
    pub fn new(year: FinancialYear, number: u8) -> Option<Quarter> {
        (1..=4)
            .contains(&number)
            .then_some(Quarter { year, number })
    }

    pub(crate) fn from_parts_unchecked(year: FinancialYear, number: u8) -> Quarter {
        Quarter { year, number }
    }

    /// The quarter a month falls in.
    pub fn containing(month: YearMonth) -> Option<Quarter> {
        let year = month.financial_year().ok()?;
        let offset = month.months_since(year.first_month());
        Quarter::new(year, u8::try_from(offset / 3 + 1).ok()?)
    }

    /// The financial year.
    pub fn financial_year(self) -> FinancialYear {
        self.year
    }

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The first month of the quarter.
    pub fn first_month(self) -> YearMonth {
        self.year
            .first_month()
            .plus_months_unchecked(3 * (u32::from(self.number) - 1))
    }

    /// The last month of the quarter.
    pub fn last_month(self) -> YearMonth {
        self.first_month().plus_months_unchecked(2)
    }

    /// Whether `month` falls in this quarter.
    pub fn contains(self, month: YearMonth) -> bool {
        self.first_month() <= month && month <= self.last_month()
    }
}

impl fmt::Display for Quarter {
    /// `2024/25 Q1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containing_month() {
        let m: YearMonth = "2025-02".parse().unwrap();
        let q = Quarter::containing(m).unwrap();
        assert_eq!(q.to_string(), "2024/25 Q4");
        assert!(q.contains(m));
        assert!(Quarter::new(q.financial_year(), 5).is_none());
    }
}
