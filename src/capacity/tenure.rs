//! [`Tenure`]: the months a post or team is in place, and how they fall
//! across NHS financial years.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{period::FinancialYear, period::YearMonth};

/// Why a [`Tenure`] is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TenureError {
    /// The last month is before the first.
    #[error("tenure ends ({last}) before it starts ({start})")]
    EndsBeforeStart {
        /// The first month.
        start: YearMonth,
        /// The last month given.
        last: YearMonth,
    },
    /// A fixed tenure of zero months.
    #[error("a fixed tenure must last at least one month")]
    NoMonths,
    /// A month outside the NHS financial years the crate supports.
    #[error("{month} is outside the supported financial years")]
    OutOfRange {
        /// The month.
        month: YearMonth,
    },
}

/// The months a post or team is in place: from its first month to its last
/// (inclusive), or open-ended (a substantive post).
///
/// In JSON: `{"start": "2021-07", "last": "2023-06"}`; `last` left out is
/// open-ended.
///
/// ```
/// use cancer_plan::capacity::Tenure;
/// let team = Tenure::fixed("2021-07".parse()?, 24)?;
/// assert_eq!(team.last().map(|m| m.to_string()), Some("2023-06".to_owned()));
/// let years: Vec<String> = team.months_by_year(None).iter().map(|(y, n)| format!("{y}: {n}")).collect();
/// assert_eq!(years, ["2021/22: 9", "2022/23: 12", "2023/24: 3"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "TenureForm", into = "TenureForm")]
pub struct Tenure {
    start: YearMonth,
    last: Option<YearMonth>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct TenureForm {
    start: YearMonth,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last: Option<YearMonth>,
}

impl Tenure {
    /// From `start` to `last` inclusive.
    ///
    /// # Errors
    ///
    /// [`TenureError::EndsBeforeStart`] if `last` is before `start`;
    /// [`TenureError::OutOfRange`] outside the supported financial years.
    pub fn new(start: YearMonth, last: YearMonth) -> Result<Tenure, TenureError> {
        if last < start {
            return Err(TenureError::EndsBeforeStart { start, last });
        }
        Tenure::checked(start, Some(last))
    }

    /// `months` months from `start` (24 months from July 2021 ends June 2023).
    ///
    /// # Errors
    ///
    /// [`TenureError::NoMonths`] for zero months; [`TenureError::OutOfRange`]
    /// if the tenure leaves the supported financial years.
    pub fn fixed(start: YearMonth, months: u32) -> Result<Tenure, TenureError> {
        let extra = months.checked_sub(1).ok_or(TenureError::NoMonths)?;
        let extra = i32::try_from(extra).map_err(|_| TenureError::OutOfRange { month: start })?;
        // Checked, not saturating: a tenure past December 9999 is refused,
        // not cut short there.
        let last = start
            .plus_months(extra)
            .ok_or(TenureError::OutOfRange { month: start })?;
        Tenure::checked(start, Some(last))
    }

    /// From `start`, with no end (a substantive post).
    ///
    /// # Errors
    ///
    /// [`TenureError::OutOfRange`] if `start` is outside the supported
    /// financial years.
    pub fn open_ended(start: YearMonth) -> Result<Tenure, TenureError> {
        Tenure::checked(start, None)
    }

    fn checked(start: YearMonth, last: Option<YearMonth>) -> Result<Tenure, TenureError> {
        for month in std::iter::once(start).chain(last) {
            if month.financial_year().is_err() {
                return Err(TenureError::OutOfRange { month });
            }
        }
        Ok(Tenure { start, last })
    }

    /// The first month.
    pub fn start(self) -> YearMonth {
        self.start
    }

    /// The last month (inclusive), `None` if open-ended.
    pub fn last(self) -> Option<YearMonth> {
        self.last
    }

    /// How many months in all, `None` if open-ended.
    pub fn months(self) -> Option<u32> {
        let last = self.last?;
        u32::try_from(last.months_since(self.start).checked_add(1)?).ok()
    }

    /// The financial years the tenure spans, each with the months of the
    /// tenure in it, in order. An open-ended tenure is counted through
    /// `horizon` (the last year wanted); a fixed one is cut at `horizon` if
    /// given. Empty if the tenure starts after the horizon.
    pub fn months_by_year(self, horizon: Option<FinancialYear>) -> Vec<(FinancialYear, u32)> {
        let last = match (self.last, horizon) {
            (Some(last), Some(h)) => last.min(h.last_month()),
            (Some(last), None) => last,
            (None, Some(h)) => h.last_month(),
            (None, None) => return Vec::new(),
        };
        let mut years: Vec<(FinancialYear, u32)> = Vec::new();
        for month in self.start.through(last) {
            let Ok(year) = month.financial_year() else {
                continue;
            };
            match years.last_mut() {
                // At most 12 months a year.
                Some((y, n)) if *y == year => *n = n.saturating_add(1),
                _ => years.push((year, 1)),
            }
        }
        years
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Tenure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Tenure".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        TenureForm::json_schema(generator)
    }
}

impl TryFrom<TenureForm> for Tenure {
    type Error = TenureError;
    fn try_from(form: TenureForm) -> Result<Tenure, TenureError> {
        match form.last {
            Some(last) => Tenure::new(form.start, last),
            None => Tenure::open_ended(form.start),
        }
    }
}

impl From<Tenure> for TenureForm {
    fn from(t: Tenure) -> TenureForm {
        TenureForm {
            start: t.start,
            last: t.last,
        }
    }
}

impl fmt::Display for Tenure {
    /// `2021-07 to 2023-06 (24 months)` or `from 2021-07 (open-ended)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.last, self.months()) {
            (Some(last), Some(n)) => write!(f, "{} to {last} ({n} months)", self.start),
            _ => write!(f, "from {} (open-ended)", self.start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn months_by_year_add_up() {
        let t = Tenure::fixed(ym("2021-06"), 24).unwrap();
        let by_year = t.months_by_year(None);
        assert_eq!(by_year.iter().map(|(_, n)| n).sum::<u32>(), 24);
        assert_eq!(by_year.len(), 3);
        let april = Tenure::fixed(ym("2021-04"), 24).unwrap();
        assert_eq!(april.months_by_year(None).len(), 2);
        let open = Tenure::open_ended(ym("2021-10")).unwrap();
        let h: FinancialYear = "2022/23".parse().unwrap();
        assert_eq!(
            open.months_by_year(Some(h)),
            [("2021/22".parse().unwrap(), 6), (h, 12)]
        );
        assert!(Tenure::fixed(ym("2021-10"), 0).is_err());
        assert!(Tenure::new(ym("2021-10"), ym("2021-09")).is_err());
    }
}
