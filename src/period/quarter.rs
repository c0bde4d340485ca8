//! [`Quarter`]: a quarter of an NHS financial year.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{ParseError, RangeError};
use crate::period::financial_year::FinancialYear;
use crate::period::year_month::YearMonth;

const WHAT: &str = "a quarter";

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
#[serde(try_from = "String", into = "String")]
pub struct Quarter {
    year: FinancialYear,
    number: u8,
}

impl Quarter {
    /// Quarter `number` (1 to 4) of `year`.
    ///
    /// # Errors
    ///
    /// [`RangeError`] for any other number.
    pub fn new(year: FinancialYear, number: u8) -> Result<Quarter, RangeError> {
        if (1..=4).contains(&number) {
            Ok(Quarter { year, number })
        } else {
            Err(RangeError::new("quarter", number, 1, 4))
        }
    }

    pub(crate) fn from_parts_unchecked(year: FinancialYear, number: u8) -> Quarter {
        Quarter { year, number }
    }

    /// The quarter a month falls in.
    // Bounded: `offset` is 0 to 11, so the quarter is 1 to 4.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn containing(month: YearMonth) -> Option<Quarter> {
        let year = month.financial_year().ok()?;
        let offset = month.months_since(year.first_month());
        Quarter::new(year, u8::try_from(offset / 3 + 1).ok()?).ok()
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
    // Bounded: `number` is 1 to 4 (checked in `new`).
    #[allow(clippy::arithmetic_side_effects)]
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
    /// `2024/25 Q1`; a width pads it, left-aligned unless the format says
    /// otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::util::pad_text(f, format_args!("{} Q{}", self.year, self.number))
    }
}

impl FromStr for Quarter {
    type Err = ParseError;

    /// Accepts `2024/25 Q1` (the form [`Display`](fmt::Display) writes).
    fn from_str(text: &str) -> Result<Quarter, ParseError> {
        let err = || ParseError::new(WHAT, text, "e.g. `2024/25 Q1`");
        let (year, q) = text.trim().rsplit_once(' ').ok_or_else(err)?;
        let number = q
            .strip_prefix('Q')
            .and_then(|n| n.parse::<u8>().ok())
            .ok_or_else(err)?;
        let year: FinancialYear = year.parse().map_err(|_| err())?;
        Quarter::new(year, number).map_err(|range| ParseError::out_of_range(WHAT, text, range))
    }
}

impl TryFrom<String> for Quarter {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Quarter, ParseError> {
        s.parse()
    }
}

impl From<Quarter> for String {
    fn from(q: Quarter) -> String {
        q.to_string()
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
        assert_eq!(
            Quarter::new(q.financial_year(), 5),
            Err(RangeError::new("quarter", 5, 1, 4))
        );
    }

    #[test]
    fn parses_and_serialises_as_text() {
        let q: Quarter = "2021/22 Q3".parse().unwrap();
        assert_eq!(q.first_month().to_string(), "2021-10");
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2021/22 Q3\"");
        for bad in ["2021/22 Q5", "2021/22 Q0", "2021/22", "Q3", "2021/23 Q1"] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Quarter>("\"2021/22 Q7\"").is_err());
    }
}
