//! [`FinancialYear`]: the NHS financial year, 1 April to 31 March.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{ParseError, RangeError};
use crate::period::quarter::Quarter;
use crate::period::year_month::YearMonth;

const WHAT: &str = "a financial year";

/// An NHS financial year, written `2024/25`: 1 April 2024 to 31 March 2025.
///
/// ```
/// use cancer_plan::FinancialYear;
/// use chrono::NaiveDate;
///
/// let year: FinancialYear = "2024/25".parse()?;
/// assert_eq!(year.first_day(), NaiveDate::from_ymd_opt(2024, 4, 1).ok_or("date")?);
/// assert_eq!(year.last_day(), NaiveDate::from_ymd_opt(2025, 3, 31).ok_or("date")?);
/// assert_eq!(year.next().map(|y| y.to_string()), Some("2025/26".to_owned()));
/// assert!("2024/26".parse::<FinancialYear>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FinancialYear {
    start: i32,
}

impl FinancialYear {
    /// The earliest start year accepted (the NHS was founded in 1948).
    pub const MIN_START: i32 = 1948;
    /// The latest start year accepted.
    pub const MAX_START: i32 = 9998;

    /// The financial year that starts in April of `start_year`.
    ///
    /// # Errors
    ///
    /// [`RangeError`] outside
    /// [`MIN_START`](Self::MIN_START)..=[`MAX_START`](Self::MAX_START).
    pub fn starting(start_year: i32) -> Result<FinancialYear, RangeError> {
        if !(Self::MIN_START..=Self::MAX_START).contains(&start_year) {
            return Err(RangeError::new(
                "financial year starting",
                start_year,
                Self::MIN_START,
                Self::MAX_START,
            ));
        }
        Ok(FinancialYear { start: start_year })
    }

    /// The financial year a date falls in.
    ///
    /// # Errors
    ///
    /// [`RangeError`] for a date outside the supported financial years.
    pub fn containing(date: NaiveDate) -> Result<FinancialYear, RangeError> {
        YearMonth::from_date(date).financial_year()
    }

    /// The calendar year the financial year starts in (2024 for 2024/25).
    pub fn start_year(self) -> i32 {
        self.start
    }

    /// 1 April of the start year.
    pub fn first_day(self) -> NaiveDate {
        self.first_month().first_day()
    }

    /// 31 March of the following year.
    pub fn last_day(self) -> NaiveDate {
        self.last_month().last_day()
    }

    /// April of the start year.
    pub fn first_month(self) -> YearMonth {
        YearMonth::from_parts_unchecked(self.start, 4)
    }

    /// March of the following year: the month "by March 2025" targets mean.
    // Bounded: `start` is 1948 to 9998 (checked in `starting`).
    #[allow(clippy::arithmetic_side_effects)]
    pub fn last_month(self) -> YearMonth {
        YearMonth::from_parts_unchecked(self.start + 1, 3)
    }

    /// Whether `date` falls in this financial year.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// Whether `month` falls in this financial year.
    pub fn contains_month(self, month: YearMonth) -> bool {
        self.first_month() <= month && month <= self.last_month()
    }

    /// The twelve months, April to March.
    pub fn months(self) -> impl Iterator<Item = YearMonth> + Clone {
        let first = self.first_month();
        (0..12).map(move |i| first.plus_months_unchecked(i))
    }

    /// The four quarters, Q1 (April to June) to Q4 (January to March).
    pub fn quarters(self) -> [Quarter; 4] {
        [1, 2, 3, 4].map(|q| Quarter::from_parts_unchecked(self, q))
    }

    /// The next financial year, if in range.
    // Bounded: `start` is 1948 to 9998 (checked in `starting`).
    #[allow(clippy::arithmetic_side_effects)]
    pub fn next(self) -> Option<FinancialYear> {
        FinancialYear::starting(self.start + 1).ok()
    }

    /// The previous financial year, if in range.
    // Bounded: `start` is 1948 to 9998 (checked in `starting`).
    #[allow(clippy::arithmetic_side_effects)]
    pub fn previous(self) -> Option<FinancialYear> {
        FinancialYear::starting(self.start - 1).ok()
    }
}

impl fmt::Display for FinancialYear {
    /// `2024/25`; a width pads it, left-aligned unless the format says
    /// otherwise.
    // Bounded: `start` is 1948 to 9998 (checked in `starting`).
    #[allow(clippy::arithmetic_side_effects)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let next = (self.start + 1).rem_euclid(100);
        crate::util::pad_text(f, format_args!("{}/{next:02}", self.start))
    }
}

impl FromStr for FinancialYear {
    type Err = ParseError;

    /// Accepts `2024/25` (also `2024-25` and `2024/2025`).
    // Bounded: `start` was parsed from at most four digits.
    #[allow(clippy::arithmetic_side_effects)]
    fn from_str(text: &str) -> Result<FinancialYear, ParseError> {
        let syntax = || ParseError::new(WHAT, text, "e.g. `2024/25`");
        let trimmed = text.trim();
        let (first, second) = trimmed
            .split_once('/')
            .or_else(|| trimmed.split_once('-'))
            .ok_or_else(syntax)?;
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if first.len() != 4 || !all_digits(first) || !all_digits(second) {
            return Err(syntax());
        }
        let start: i32 = first.parse().map_err(|_| syntax())?;
        let end: i32 = second.parse().map_err(|_| syntax())?;
        let consecutive = match second.len() {
            2 => end == (start + 1).rem_euclid(100),
            4 => end == start + 1,
            _ => return Err(syntax()),
        };
        if !consecutive {
            let next = start.saturating_add(1).rem_euclid(100);
            return Err(ParseError::new(
                WHAT,
                text,
                format!("the second year to be the one after {start}: `{start}/{next:02}`"),
            ));
        }
        FinancialYear::starting(start).map_err(|range| ParseError::out_of_range(WHAT, text, range))
    }
}

impl TryFrom<String> for FinancialYear {
    type Error = ParseError;
    fn try_from(s: String) -> Result<FinancialYear, ParseError> {
        s.parse()
    }
}

impl From<FinancialYear> for String {
    fn from(year: FinancialYear) -> String {
        year.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_and_bounds() {
        let y: FinancialYear = "2024/25".parse().unwrap();
        assert_eq!(y.first_day(), date(2024, 4, 1));
        assert_eq!(y.last_day(), date(2025, 3, 31));
        assert!(y.contains(date(2024, 4, 1)));
        assert!(y.contains(date(2025, 3, 31)));
        assert!(!y.contains(date(2024, 3, 31)));
        assert!(!y.contains(date(2025, 4, 1)));
        assert_eq!("2024-25".parse::<FinancialYear>().unwrap(), y);
        assert_eq!("2024/2025".parse::<FinancialYear>().unwrap(), y);
        assert_eq!(
            "1999/00".parse::<FinancialYear>().unwrap().to_string(),
            "1999/00"
        );
    }

    #[test]
    fn rejects_non_consecutive_and_junk() {
        assert!("2024/26"
            .parse::<FinancialYear>()
            .unwrap_err()
            .expected()
            .contains("`2024/25`"));
        for bad in [
            "",
            "2024",
            "24/25",
            "2024/5",
            "2024/025",
            "abcd/ef",
            "2024/25/26",
            "+202/03",
        ] {
            assert!(bad.parse::<FinancialYear>().is_err(), "{bad}");
        }
        assert!(FinancialYear::starting(1900).is_err());
    }

    #[test]
    fn months_and_quarters() {
        let y: FinancialYear = "2024/25".parse().unwrap();
        let months: Vec<String> = y.months().map(|m| m.to_string()).collect();
        assert_eq!(months.len(), 12);
        assert_eq!(months.first().map(String::as_str), Some("2024-04"));
        assert_eq!(months.last().map(String::as_str), Some("2025-03"));
        let q = y.quarters();
        assert_eq!(q[2].first_month().to_string(), "2024-10");
        assert_eq!(q[3].last_month().to_string(), "2025-03");
        assert_eq!(FinancialYear::containing(date(2025, 1, 15)).unwrap(), y);
        assert_eq!(
            FinancialYear::containing(date(2024, 3, 31)).unwrap(),
            y.previous().unwrap()
        );
    }
}
