//! [`Series`]: a checked monthly series of performance values.

use serde::Serialize;

use super::SpcError;
use crate::period::YearMonth;

/// One month's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SeriesPoint {
    month: YearMonth,
    value: f64,
}

impl SeriesPoint {
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The value (for CWT performance: percentage points, `76.5` is 76.5%).
    pub fn value(&self) -> f64 {
        self.value
    }
}

/// A monthly series ready for SPC: at least one point, finite values,
/// consecutive months in order (an XmR chart's moving range is the change
/// from one month to the next, so a missing month is an error, not a
/// silent jump).
///
/// ```
/// use cancer_plan::spc::Series;
/// use cancer_plan::YearMonth;
///
/// let april: YearMonth = "2024-04".parse()?;
/// let series = Series::new([(april, 74.0), (april.next().ok_or("month")?, 76.5)])?;
/// assert_eq!(series.len(), 2);
/// assert!(Series::new([(april, 74.0), (april.plus_months(2).ok_or("month")?, 76.5)]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Series {
    points: Vec<SeriesPoint>,
    #[serde(skip)]
    first: YearMonth,
    #[serde(skip)]
    last: YearMonth,
}

impl Series {
    /// A series from `(month, value)` pairs in month order.
    ///
    /// # Errors
    ///
    /// An [`SpcError`] for no points, a value that is not finite, or months
    /// that are out of order or have a gap, each with its index and month.
    pub fn new(points: impl IntoIterator<Item = (YearMonth, f64)>) -> Result<Series, SpcError> {
        let mut checked: Vec<SeriesPoint> = Vec::new();
        for (index, (month, value)) in points.into_iter().enumerate() {
            if !value.is_finite() {
                return Err(SpcError::NotFinite {
                    index,
                    month,
                    value,
                });
            }
            if let Some(last) = checked.last() {
                let previous = last.month;
                if month <= previous {
                    return Err(SpcError::NotAfter {
                        index,
                        month,
                        previous,
                    });
                }
                if Some(month) != previous.next() {
                    return Err(SpcError::Gap {
                        index,
                        month,
                        previous,
                        // `month` is after `previous`, so there is a next month.
                        missing: previous.next().unwrap_or(month),
                    });
                }
            }
            checked.push(SeriesPoint { month, value });
        }
        let (Some(first), Some(last)) = (checked.first(), checked.last()) else {
            return Err(SpcError::Empty);
        };
        let (first, last) = (first.month, last.month);
        Ok(Series {
            points: checked,
            first,
            last,
        })
    }

    /// A performance series in percentage points from monthly
    /// `(month, within standard, total)` counts: `100 × within / total`.
    ///
    /// ```
    /// use cancer_plan::spc::Series;
    /// use cancer_plan::YearMonth;
    ///
    /// let oct: YearMonth = "2023-10".parse()?;
    /// let series = Series::from_counts([(oct, 3, 4), (oct.next().ok_or("month")?, 4, 5)])?;
    /// let values: Vec<f64> = series.points().iter().map(|p| p.value()).collect();
    /// assert_eq!(values, [75.0, 80.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Series::new`]; also [`SpcError::NoActivity`] for a month with no
    /// activity and [`SpcError::WithinAboveTotal`].
    pub fn from_counts(
        counts: impl IntoIterator<Item = (YearMonth, u64, u64)>,
    ) -> Result<Series, SpcError> {
        let mut points = Vec::new();
        for (month, within, total) in counts {
            points.push((month, percentage(month, within, total)?));
        }
        Series::new(points)
    }

    /// The points, in month order.
    pub fn points(&self) -> &[SeriesPoint] {
        &self.points
    }

    /// How many months.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Always `false`: a series has at least one point.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The first month.
    pub fn first_month(&self) -> YearMonth {
        self.first
    }

    /// The last month.
    pub fn last_month(&self) -> YearMonth {
        self.last
    }
}

/// `100 × within / total` as f64, checked.
pub(crate) fn percentage(month: YearMonth, within: u64, total: u64) -> Result<f64, SpcError> {
    if total == 0 {
        return Err(SpcError::NoActivity { month });
    }
    if within > total {
        return Err(SpcError::WithinAboveTotal {
            month,
            within,
            total,
        });
    }
    // Counts of patients are far below 2^53, so the conversions are exact.
    Ok(100.0 * within as f64 / total as f64)
}
