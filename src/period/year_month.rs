//! [`YearMonth`]: a calendar month, the reporting period of NHS statistics.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{ParseError, RangeError};
use crate::period::financial_year::FinancialYear;

const WHAT: &str = "a month";

/// A calendar month such as March 2025, written `2025-03`.
///
/// Cancer Waiting Times count a pathway in the month of its clock stop, and
/// plan targets apply "by" a month, so months are a type of their own.
///
/// ```
/// use cancer_plan::YearMonth;
/// let march: YearMonth = "2025-03".parse()?;
/// assert_eq!(march.financial_year()?.to_string(), "2024/25");
/// assert_eq!(march.next().map(|m| m.to_string()).as_deref(), Some("2025-04"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    // Months since January of year 0: one comparable integer.
    index: i32,
}

impl YearMonth {
    /// The month `month` (1 to 12) of `year`.
    ///
    /// # Errors
    ///
    /// [`RangeError`] if the month is not 1 to 12 or the year not 1 to
    /// 9999.
    pub fn new(year: i32, month: u32) -> Result<YearMonth, RangeError> {
        if !(1..=12).contains(&month) {
            return Err(RangeError::new("month", month, 1, 12));
        }
        if !(1..=9999).contains(&year) {
            return Err(RangeError::new("year", year, 1, 9999));
        }
        Ok(Self::from_parts_unchecked(year, month))
    }

    /// The earliest month: January of year 1.
    pub const MIN: YearMonth = YearMonth { index: 12 };
    /// The latest month: December 9999.
    pub const MAX: YearMonth = YearMonth {
        index: 9999 * 12 + 11,
    };

    /// A month from its index, kept within [`MIN`](Self::MIN)..=[`MAX`](Self::MAX).
    fn clamped(index: i64) -> YearMonth {
        let index = index.clamp(i64::from(Self::MIN.index), i64::from(Self::MAX.index));
        YearMonth {
            index: i32::try_from(index).unwrap_or(Self::MAX.index),
        }
    }

    // i32 and u32 values widened to i64: 12 x i32::MAX + u32::MAX fits.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) fn from_parts_unchecked(year: i32, month: u32) -> YearMonth {
        Self::clamped(i64::from(year) * 12 + i64::from(month) - 1)
    }

    /// The month a date falls in (dates outside years 1 to 9999 give
    /// [`MIN`](Self::MIN) or [`MAX`](Self::MAX)).
    pub fn from_date(date: NaiveDate) -> YearMonth {
        Self::from_parts_unchecked(date.year(), date.month())
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// The month of the year, 1 (January) to 12 (December).
    // rem_euclid(12) is in 0..12, so the month is in 1..=12.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn month(self) -> u32 {
        self.index.rem_euclid(12).unsigned_abs() + 1
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.month(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month (31 December 9999 for
    /// [`MAX`](Self::MAX): computed within the month, not from a next month
    /// that does not exist).
    pub fn last_day(self) -> NaiveDate {
        let last = match self.next() {
            Some(next) => next.first_day().pred_opt(),
            None => NaiveDate::from_ymd_opt(self.year(), 12, 31),
        };
        last.unwrap_or(NaiveDate::MAX)
    }

    /// The number of days in the month.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    /// The month `n` months later (earlier for negative `n`), saturating at
    /// [`MIN`](Self::MIN) and [`MAX`](Self::MAX) (saturation is the
    /// meaning: the end of a range). A saturated month is not `n` months
    /// away: where that would be a wrong date, use
    /// [`plus_months`](Self::plus_months).
    // Two i32 values widened to i64 cannot overflow it.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn saturating_plus_months(self, n: i32) -> YearMonth {
        Self::clamped(i64::from(self.index) + i64::from(n))
    }

    /// The month `n` months later (earlier for negative `n`); `None` if it
    /// falls outside [`MIN`](Self::MIN)..=[`MAX`](Self::MAX) (January of
    /// year 1 to December 9999).
    ///
    /// ```
    /// use cancer_plan::YearMonth;
    /// let march: YearMonth = "2025-03".parse()?;
    /// assert_eq!(march.plus_months(10).map(|m| m.to_string()).as_deref(), Some("2026-01"));
    /// assert_eq!(YearMonth::MAX.plus_months(1), None);
    /// assert_eq!(YearMonth::MIN.plus_months(-1), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plus_months(self, n: i32) -> Option<YearMonth> {
        let index = i64::from(self.index).checked_add(i64::from(n))?;
        if !(i64::from(Self::MIN.index)..=i64::from(Self::MAX.index)).contains(&index) {
            return None;
        }
        Some(YearMonth {
            index: i32::try_from(index).ok()?,
        })
    }

    /// The next month; `None` after [`MAX`](Self::MAX).
    pub fn next(self) -> Option<YearMonth> {
        self.plus_months(1)
    }

    /// The previous month; `None` before [`MIN`](Self::MIN).
    pub fn previous(self) -> Option<YearMonth> {
        self.plus_months(-1)
    }

    pub(crate) fn plus_months_unchecked(self, n: u32) -> YearMonth {
        self.saturating_plus_months(i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// Whole months from `earlier` to `self` (negative if `earlier` is later).
    // Both indexes are in MIN..=MAX (12..=119,999): the difference fits.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        self.index - earlier.index
    }

    /// The NHS financial year the month falls in.
    ///
    /// # Errors
    ///
    /// [`RangeError`] for a month outside the supported financial years
    /// (before April 1948 or after March 9999).
    // The year is at least 1, so `year - 1` cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn financial_year(self) -> Result<FinancialYear, RangeError> {
        let start = if self.month() >= 4 {
            self.year()
        } else {
            self.year() - 1
        };
        FinancialYear::starting(start)
    }

    /// Whether `date` falls in this month (exactly: a date after 9999,
    /// which [`from_date`](Self::from_date) saturates to
    /// [`MAX`](Self::MAX), is not in December 9999).
    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// The months from `self` to `last` inclusive (empty if `last` is earlier).
    pub fn through(self, last: YearMonth) -> impl Iterator<Item = YearMonth> + Clone {
        (self.index..=last.index).map(|index| YearMonth { index })
    }
}

impl fmt::Display for YearMonth {
    /// `2025-03`; a width pads it, left-aligned unless the format says
    /// otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month) = (self.year(), self.month());
        crate::util::pad_text(f, format_args!("{year:04}-{month:02}"))
    }
}

impl FromStr for YearMonth {
    type Err = ParseError;

    /// Accepts `2025-03` (also `2025-03-01`, a period's first day as NHS
    /// extracts write it).
    fn from_str(text: &str) -> Result<YearMonth, ParseError> {
        let err = || ParseError::new(WHAT, text, "`YYYY-MM`, e.g. `2025-03`");
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let year = parts.next().filter(|y| y.len() == 4).ok_or_else(err)?;
        let month = parts.next().filter(|m| m.len() == 2).ok_or_else(err)?;
        if let Some(day) = parts.next()
            && day != "01"
        {
            return Err(err());
        }
        if parts.next().is_some()
            || !year
                .bytes()
                .chain(month.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        let month: u32 = month.parse().map_err(|_| err())?;
        YearMonth::new(year, month).map_err(|range| ParseError::out_of_range(WHAT, text, range))
    }
}

impl TryFrom<String> for YearMonth {
    type Error = ParseError;
    fn try_from(s: String) -> Result<YearMonth, ParseError> {
        s.parse()
    }
}

impl From<YearMonth> for String {
    fn from(m: YearMonth) -> String {
        m.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_display_and_days() {
        let m: YearMonth = "2024-02".parse().unwrap();
        assert_eq!(m.days(), 29);
        assert_eq!(m.to_string(), "2024-02");
        assert_eq!(
            "2023-10-01".parse::<YearMonth>().unwrap().to_string(),
            "2023-10"
        );
        for bad in ["2024-13", "2024-00", "24-01", "2024-1", "2024-01-15", "x"] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic_stays_in_the_range_that_parses() {
        let last: YearMonth = "9999-12".parse().unwrap();
        assert_eq!(last, YearMonth::MAX);
        assert_eq!(last.saturating_plus_months(1), last);
        assert_eq!(
            last.saturating_plus_months(1)
                .to_string()
                .parse::<YearMonth>()
                .unwrap(),
            last
        );
        assert_eq!(YearMonth::MIN.saturating_plus_months(-1), YearMonth::MIN);
        assert_eq!(
            YearMonth::MIN.saturating_plus_months(i32::MIN),
            YearMonth::MIN
        );
        assert_eq!(
            YearMonth::MIN.saturating_plus_months(i32::MAX),
            YearMonth::MAX
        );
        assert_eq!(YearMonth::MAX.months_since(YearMonth::MIN), 9999 * 12 - 1);
        assert_eq!(YearMonth::from_date(NaiveDate::MAX), YearMonth::MAX);
        assert_eq!(YearMonth::from_date(NaiveDate::MIN), YearMonth::MIN);
    }

    #[test]
    fn the_last_month_has_31_days() {
        // last_day() went through next(), which saturates at MAX, and gave
        // 9999-11-30 (30 days).
        assert_eq!(
            YearMonth::MAX.last_day(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()
        );
        assert_eq!(YearMonth::MAX.days(), 31);
        assert_eq!(
            YearMonth::MIN.first_day(),
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap()
        );
        for m in YearMonth::MIN.through(YearMonth::MAX) {
            assert_eq!(YearMonth::from_date(m.last_day()), m, "{m}");
            assert!(m.contains(m.last_day()) && m.contains(m.first_day()));
            let after = m.last_day().succ_opt().unwrap();
            assert!(!m.contains(after), "{m} contains {after}");
            if let Some(next) = m.next() {
                assert_eq!(YearMonth::from_date(after), next);
            }
        }
    }

    #[test]
    fn checked_arithmetic_refuses_the_ends() {
        // Issue 17.10: next, previous and plus_months saturated.
        assert_eq!(YearMonth::MAX.next(), None);
        assert_eq!(YearMonth::MIN.previous(), None);
        assert_eq!(YearMonth::MIN.plus_months(i32::MAX), None);
        assert_eq!(YearMonth::MAX.plus_months(i32::MIN), None);
        assert_eq!(
            YearMonth::MIN.plus_months(9999 * 12 - 1),
            Some(YearMonth::MAX)
        );
        let m: YearMonth = "2024-12".parse().unwrap();
        assert_eq!(m.plus_months(-25), Some(m.saturating_plus_months(-25)));
    }

    #[test]
    fn arithmetic() {
        let m: YearMonth = "2024-12".parse().unwrap();
        assert_eq!(m.next().unwrap().to_string(), "2025-01");
        assert_eq!(m.next().unwrap().previous(), Some(m));
        assert_eq!(m.plus_months(15).unwrap().to_string(), "2026-03");
        assert_eq!(m.plus_months(15).unwrap().months_since(m), 15);
        assert_eq!(m.through(m.plus_months(2).unwrap()).count(), 3);
        assert_eq!(m.financial_year().unwrap().to_string(), "2024/25");
    }
}
