//! [`RangeError`]: a number outside the range a value allows.

use std::fmt;

/// A number outside the range a value allows: what it is, the value, and
/// the inclusive bounds, each as text in the value's own unit (`101%`,
/// `0%`, `100%`). Constructors from numbers return it
/// ([`Percent::from_points`](crate::percent::Percent::from_points),
/// [`YearMonth::new`](crate::period::YearMonth::new),
/// [`Quarter::new`](crate::period::Quarter::new),
/// [`FinancialYear::starting`](crate::period::FinancialYear::starting),
/// `RdcPrinciple::from_number`).
///
/// ```
/// use cancer_plan::{error::RangeError, YearMonth};
/// let e: RangeError = YearMonth::new(2025, 13).unwrap_err();
/// assert_eq!((e.what(), e.value(), e.min(), e.max()), ("month", "13", "1", "12"));
/// assert_eq!(e.to_string(), "month 13 is outside 1..=12");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value} is outside {min}..={max}")]
pub struct RangeError {
    what: &'static str,
    value: String,
    min: String,
    max: String,
}

impl RangeError {
    /// `what` (`"month"`) was `value`, outside `min..=max`.
    pub(crate) fn new(
        what: &'static str,
        value: impl fmt::Display,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) -> RangeError {
        RangeError {
            what,
            value: value.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        }
    }

    /// What the number is: `month`, `percentage`, `quarter`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The value given, as text in its unit.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The least value allowed.
    pub fn min(&self) -> &str {
        &self.min
    }

    /// The greatest value allowed.
    pub fn max(&self) -> &str {
        &self.max
    }
}
