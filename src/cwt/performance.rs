//! [`Performance`]: patients within a standard out of all patients counted.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::PatientCount;
use crate::{percent::Percent, period::YearMonth};

/// Why counts do not make a [`Performance`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PerformanceError {
    /// More patients within the standard than in total.
    #[error("within standard {within} exceeds total {total} (within must be <= total)")]
    WithinExceedsTotal {
        /// Patients within the standard.
        within: PatientCount,
        /// Patients in total.
        total: PatientCount,
    },
    /// The published breaches are not total - within.
    #[error("breaches {breaches} is not total {total} - within {within}")]
    BreachesMismatch {
        /// Patients within the standard.
        within: PatientCount,
        /// Patients in total.
        total: PatientCount,
        /// The published breaches.
        breaches: PatientCount,
    },
    /// A sum overflowed.
    #[error("performance counts overflowed")]
    Overflow,
}

/// Performance against a CWT standard: `within` patients within the
/// standard out of `total` (told, or treated). Invariant: `within <=
/// total`; breaches are `total - within`.
///
/// The ratio is never rounded inside the crate: [`Performance::meets`]
/// compares exactly (by cross-multiplication), and only
/// [`Performance::display`] rounds, to the places asked for.
///
/// ```
/// use cancer_plan::cwt::{PatientCount, Performance};
/// use cancer_plan::Percent;
/// let p = Performance::new("192880".parse()?, "271402".parse()?)?;
/// assert_eq!(p.display(2).to_string(), "71.07%");
/// assert_eq!(p.breaches().to_string(), "78522");
/// let fds = Percent::from_points(75)?;
/// assert!(!p.meets(fds));
/// assert_eq!(p.gap_in_patients(fds), Some(10672)); // ceil(0.75 * 271402 - 192880)
/// assert_eq!(Performance::ZERO.gap_in_patients(fds), None); // no patients: no gap
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PerformanceFields")]
pub struct Performance {
    within: PatientCount,
    total: PatientCount,
}

/// The unchecked serde form of a [`Performance`]: deserialising goes
/// through [`Performance::new`], so `within <= total` holds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PerformanceFields {
    within: PatientCount,
    total: PatientCount,
}

impl TryFrom<PerformanceFields> for Performance {
    type Error = PerformanceError;
    fn try_from(fields: PerformanceFields) -> Result<Performance, PerformanceError> {
        Performance::new(fields.within, fields.total)
    }
}

impl Performance {
    /// No patients.
    pub const ZERO: Performance = Performance {
        within: PatientCount::ZERO,
        total: PatientCount::ZERO,
    };

    /// `within` of `total` patients within the standard.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::WithinExceedsTotal`] if `within > total`.
    pub fn new(within: PatientCount, total: PatientCount) -> Result<Performance, PerformanceError> {
        if within > total {
            return Err(PerformanceError::WithinExceedsTotal { within, total });
        }
        Ok(Performance { within, total })
    }

    /// As [`Performance::new`], also checking published breaches against
    /// `total - within`.
    ///
    /// # Errors
    ///
    /// As [`Performance::new`]; [`PerformanceError::BreachesMismatch`] if
    /// `breaches` is not `total - within`.
    pub fn with_breaches(
        within: PatientCount,
        total: PatientCount,
        breaches: PatientCount,
    ) -> Result<Performance, PerformanceError> {
        let p = Performance::new(within, total)?;
        if p.breaches() != breaches {
            return Err(PerformanceError::BreachesMismatch {
                within,
                total,
                breaches,
            });
        }
        Ok(p)
    }

    /// Patients within the standard.
    pub const fn within(self) -> PatientCount {
        self.within
    }

    /// Patients counted (told, or treated).
    pub const fn total(self) -> PatientCount {
        self.total
    }

    /// Patients not within the standard: `total - within`.
    pub const fn breaches(self) -> PatientCount {
        PatientCount::from_halves(self.total.halves().saturating_sub(self.within.halves()))
    }

    /// Whether no patients were counted.
    pub const fn is_empty(self) -> bool {
        self.total.is_zero()
    }

    /// `self + other`, cell by cell; `None` on overflow.
    pub const fn checked_add(self, other: Performance) -> Option<Performance> {
        match (
            self.within.checked_add(other.within),
            self.total.checked_add(other.total),
        ) {
            (Some(within), Some(total)) => Some(Performance { within, total }),
            _ => None,
        }
    }

    /// The sum of performances, `Err(Overflow)` on overflow.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::Overflow`] if a count overflows.
    pub fn checked_sum(
        parts: impl IntoIterator<Item = Performance>,
    ) -> Result<Performance, PerformanceError> {
        parts
            .into_iter()
            .try_fold(Performance::ZERO, Performance::checked_add)
            .ok_or(PerformanceError::Overflow)
    }

    /// `within / total` as a decimal (to `Decimal`'s 28 significant
    /// digits, unrounded otherwise); `None` when no patients were counted.
    pub fn ratio(self) -> Option<Decimal> {
        if self.total.is_zero() {
            return None;
        }
        Decimal::from(self.within.halves()).checked_div(Decimal::from(self.total.halves()))
    }

    /// The performance in percentage points (unrounded); `None` when no
    /// patients were counted.
    pub fn percent(self) -> Option<Percent> {
        Percent::from_ratio(self.ratio()?).ok()
    }

    /// Whether at least `threshold` of patients were within the standard:
    /// `within * 100 >= threshold_points * total`, exactly. An empty
    /// performance meets no threshold.
    pub fn meets(self, threshold: Percent) -> bool {
        if self.total.is_zero() {
            return false;
        }
        let lhs = Decimal::from(self.within.halves()).checked_mul(Decimal::ONE_HUNDRED);
        let rhs = threshold
            .points()
            .checked_mul(Decimal::from(self.total.halves()));
        matches!((lhs, rhs), (Some(l), Some(r)) if l >= r)
    }

    /// How many more patients within the standard (of the same total) would
    /// have met `threshold`: `ceil(threshold * total - within)`, at least 0;
    /// `None` when no patients were counted (an empty month meets no
    /// threshold, see [`Performance::meets`], but is not "0 short" either:
    /// there is nothing to close).
    ///
    /// Rounded up to whole patients, because a fraction short is still
    /// short. With half counts the gap can therefore be half a patient more
    /// than the breaches (0 of 0.5 within, 100%: gap 1), but never more
    /// than the breaches rounded up. `Some(0)` exactly when `meets` holds.
    pub fn gap_in_patients(self, threshold: Percent) -> Option<u64> {
        if self.total.is_zero() {
            return None;
        }
        let needed = threshold
            .as_ratio()
            .checked_mul(self.total.to_decimal())
            .and_then(|n| n.checked_sub(self.within.to_decimal()));
        Some(match needed {
            Some(gap) if gap > Decimal::ZERO => {
                u64::try_from(gap.round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity))
                    .unwrap_or(u64::MAX)
            }
            _ => 0,
        })
    }

    /// A display rounded half away from zero to `places` decimal places
    /// (`71.07%`), or `n/a` with no patients. `places` above
    /// [`Percent::MAX_DISPLAY_PLACES`] (28) show 28, so any `places`
    /// formats without a panic (see [`Percent::display`]).
    pub fn display(self, places: u32) -> PerformanceDisplay {
        PerformanceDisplay {
            performance: self,
            places,
        }
    }
}

/// A [`Performance`] shown as a percentage; see [`Performance::display`].
#[derive(Debug, Clone, Copy)]
pub struct PerformanceDisplay {
    performance: Performance,
    places: u32,
}

impl fmt::Display for PerformanceDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.performance.percent() {
            Some(p) => write!(f, "{}", p.display(self.places)),
            None => f.write_str("n/a"),
        }
    }
}

impl fmt::Display for Performance {
    /// `192880 / 271402 (71.07%)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {} ({})", self.within, self.total, self.display(2))
    }
}

/// The performance of one month: an element of a monthly series (for
/// charts and trajectories).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MonthlyPerformance {
    month: YearMonth,
    performance: Performance,
}

impl MonthlyPerformance {
    /// `performance` in `month`.
    pub fn new(month: YearMonth, performance: Performance) -> MonthlyPerformance {
        MonthlyPerformance { month, performance }
    }

    /// The reporting month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The performance in that month.
    pub fn performance(&self) -> Performance {
        self.performance
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(s: &str) -> PatientCount {
        s.parse().unwrap()
    }

    #[test]
    fn invariants() {
        assert!(Performance::new(c("3"), c("2")).is_err());
        assert!(Performance::with_breaches(c("1"), c("1.5"), c("0.5")).is_ok());
        assert!(matches!(
            Performance::with_breaches(c("1"), c("2"), c("0.5")),
            Err(PerformanceError::BreachesMismatch { .. })
        ));
        assert_eq!(Performance::ZERO.display(1).to_string(), "n/a");
        assert!(!Performance::ZERO.meets(Percent::ZERO));
    }

    #[test]
    fn display_with_huge_places_does_not_panic() {
        // places >= 65,536 panicked inside std before the clamp.
        let p = Performance::new(c("192880"), c("271402")).unwrap();
        assert_eq!(p.display(u32::MAX).to_string(), p.display(28).to_string());
        assert_eq!(p.display(65_536).to_string(), p.display(28).to_string());
    }

    #[test]
    fn meets_is_exact_at_the_boundary() {
        let eighty = Percent::from_points(80).unwrap();
        assert!(Performance::new(c("4"), c("5")).unwrap().meets(eighty));
        assert!(!Performance::new(c("7.5"), c("9.5")).unwrap().meets(eighty));
        assert!(Performance::new(c("8"), c("10")).unwrap().meets(eighty));
        assert!(!Performance::new(c("799999"), c("1000000"))
            .unwrap()
            .meets(eighty));
    }

    #[test]
    fn gap_rounds_up() {
        let eighty = Percent::from_points(80).unwrap();
        // 80% of 101 = 80.8; 70 within: 10.8 short -> 11.
        assert_eq!(
            Performance::new(c("70"), c("101"))
                .unwrap()
                .gap_in_patients(eighty),
            Some(11)
        );
        assert_eq!(
            Performance::new(c("81"), c("101"))
                .unwrap()
                .gap_in_patients(eighty),
            Some(0)
        );
        assert_eq!(
            Performance::new(c("79.5"), c("100"))
                .unwrap()
                .gap_in_patients(eighty),
            Some(1)
        );
        // No patients: not met, and no gap either.
        assert!(!Performance::ZERO.meets(eighty));
        assert_eq!(Performance::ZERO.gap_in_patients(eighty), None);
        // Half counts: 0 of 0.5 within at 100% is one whole patient short,
        // half a patient more than the breaches.
        let half = Performance::new(c("0"), c("0.5")).unwrap();
        assert_eq!(half.gap_in_patients(Percent::HUNDRED), Some(1));
    }

    proptest! {
        /// Counts in halves: `within <= total`, any threshold.
        #[test]
        fn gap_closed_meets_threshold(
            (total, within) in (1u64..100_000).prop_flat_map(|t| (Just(t), 0..=t)),
            points in 0u8..=100,
        ) {
            let half = PatientCount::from_halves;
            let p = Performance::new(half(within), half(total)).unwrap();
            let t = Percent::from_points(points).unwrap();
            let gap = p.gap_in_patients(t).unwrap();
            let gap_halves = 2 * gap;
            let breaches = total - within;
            prop_assert_eq!(gap == 0, p.meets(t));
            // Never more than the breaches rounded up to whole patients.
            prop_assert!(gap_halves <= breaches + 1);
            if gap > 0 {
                // One patient fewer than the gap, at the same total, is short.
                let short = Performance::new(half(within + gap_halves - 2), half(total)).unwrap();
                prop_assert!(!short.meets(t));
            }
            if within + gap_halves <= total {
                // The gap closed at the same total meets the threshold.
                let closed = Performance::new(half(within + gap_halves), half(total)).unwrap();
                prop_assert!(closed.meets(t));
            } else {
                // Only a half patient rounded up: the gap is the breaches
                // plus that half, and every breach within meets it.
                prop_assert_eq!(gap_halves, breaches + 1);
                prop_assert!(Performance::new(half(total), half(total)).unwrap().meets(t));
            }
        }
    }

    #[test]
    fn serde_round_trips_and_checks_within_against_total() {
        let p = Performance::new(c("7.5"), c("9.5")).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"within":"7.5","total":"9.5"}"#);
        assert_eq!(serde_json::from_str::<Performance>(&json).unwrap(), p);
        assert!(serde_json::from_str::<Performance>(r#"{"within":"10","total":"9.5"}"#).is_err());
    }
}
