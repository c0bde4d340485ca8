//! [`SpcError`]: why an SPC chart cannot be drawn from the data given.

use crate::period::YearMonth;

/// Why a series or chart cannot be built. Each variant names the month and
/// value at fault and the rule broken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SpcError {
    /// The series has no points.
    #[error("series: must list at least one month")]
    Empty,
    /// A value is NaN or infinite.
    #[error("series[{index}] ({month}): value {value} must be a finite number")]
    NotFinite {
        /// Position in the series.
        index: usize,
        /// The month of the value.
        month: YearMonth,
        /// The offending value.
        value: f64,
    },
    /// Months must strictly increase (no duplicates, no reordering).
    #[error("series[{index}] ({month}): month must come after the previous month {previous}")]
    NotAfter {
        /// Position in the series.
        index: usize,
        /// The month out of order.
        month: YearMonth,
        /// The month before it.
        previous: YearMonth,
    },
    /// A month is missing: moving ranges need consecutive months.
    #[error("series[{index}] ({month}): months must be consecutive, but {missing} is missing after {previous}")]
    Gap {
        /// Position in the series.
        index: usize,
        /// The month after the gap.
        month: YearMonth,
        /// The month before the gap.
        previous: YearMonth,
        /// The first missing month.
        missing: YearMonth,
    },
    /// A month has no patients, so no performance percentage.
    #[error("series ({month}): total must be above 0 to give a percentage")]
    NoActivity {
        /// The month without activity.
        month: YearMonth,
    },
    /// More patients within the standard than in total.
    #[error("series ({month}): within ({within}) must not exceed total ({total})")]
    WithinAboveTotal {
        /// The month at fault.
        month: YearMonth,
        /// Patients within the standard.
        within: u64,
        /// Patients in total.
        total: u64,
    },
    /// A rebase month is not one of the series' months.
    #[error("options.rebase: {month} must be a month of the series ({first}..={last})")]
    RebaseOutside {
        /// The rebase month.
        month: YearMonth,
        /// The first month of the series.
        first: YearMonth,
        /// The last month of the series.
        last: YearMonth,
    },
    /// A baseline of fewer than two points has no moving range.
    #[error("options.baseline_points: {points} must be at least 2 (limits need a moving range)")]
    BaselineTooShort {
        /// The baseline length asked for.
        points: usize,
    },
    /// A period between rebase points has fewer than two points.
    #[error("period from {start}: has {points} point(s), needs at least 2 for a moving range")]
    TooFewPoints {
        /// The first month of the period.
        start: YearMonth,
        /// How many points it has.
        points: usize,
    },
    /// A target is NaN or infinite.
    #[error("options.target: {value} must be a finite number")]
    TargetNotFinite {
        /// The offending target.
        value: f64,
    },
}
