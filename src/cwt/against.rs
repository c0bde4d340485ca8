//! [`AgainstTarget`]: a month's performance judged against a plan's
//! [`PerformanceTarget`] (an ask such as "FDS performance 80% by March
//! 2025").

use serde::Serialize;

use super::{Performance, PerformanceError};
use crate::period::YearMonth;
use crate::standard::{CwtStandard, PerformanceTarget};

/// The performance of one month and standard measured against a plan's
/// performance target: met or not, the gap in patients, and whether the
/// target's month had been reached (a target "by March 2025" is not yet due
/// in October 2023: the gap is then the distance still to travel).
///
/// ```
/// use cancer_plan::cwt::{AgainstTarget, Performance};
/// use cancer_plan::{CwtStandard, PerformanceTarget, Percent};
///
/// let ask = PerformanceTarget::new(
///     CwtStandard::FasterDiagnosis28Day,
///     Percent::from_points(80)?,
///     "2025-03".parse()?,
/// );
/// // Wessex trusts, October 2023: 9,475 of 12,671 told within 28 days.
/// let october = Performance::new("9475".parse()?, "12671".parse()?)?;
/// let judged = AgainstTarget::judge(&ask, CwtStandard::FasterDiagnosis28Day, "2023-10".parse()?, october)?;
/// assert!(!judged.met());
/// assert_eq!(judged.gap_in_patients(), Some(662));
/// assert!(!judged.due()); // the ask applies by March 2025
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AgainstTarget {
    target: PerformanceTarget,
    month: YearMonth,
    performance: Performance,
    met: bool,
    gap_in_patients: Option<u64>,
    due: bool,
}

impl AgainstTarget {
    /// Judges `performance` of `standard` in `month` against `target`.
    ///
    /// # Errors
    ///
    /// [`PerformanceError::WrongStandard`] when the target is for another
    /// standard.
    pub fn judge(
        target: &PerformanceTarget,
        standard: CwtStandard,
        month: YearMonth,
        performance: Performance,
    ) -> Result<AgainstTarget, PerformanceError> {
        if target.standard() != standard {
            return Err(PerformanceError::WrongStandard {
                target: target.standard(),
                measured: standard,
            });
        }
        Ok(AgainstTarget {
            target: *target,
            month,
            performance,
            met: performance.meets(target.threshold()),
            gap_in_patients: performance.gap_in_patients(target.threshold()),
            due: month >= target.by(),
        })
    }

    /// The target judged against.
    pub fn target(&self) -> &PerformanceTarget {
        &self.target
    }

    /// The month measured.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The performance measured.
    pub fn performance(&self) -> Performance {
        self.performance
    }

    /// Whether the performance meets the target's threshold (exactly).
    pub fn met(&self) -> bool {
        self.met
    }

    /// How many more patients within the standard would have met the
    /// threshold, rounded up ([`Performance::gap_in_patients`]): `Some(0)`
    /// when met; `None` when the month had no patients (then `met()` is
    /// false, but the month is not "0 short": there is nothing to judge).
    pub fn gap_in_patients(&self) -> Option<u64> {
        self.gap_in_patients
    }

    /// Whether the month is on or after the month the target applies by.
    pub fn due(&self) -> bool {
        self.due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::percent::Percent;

    fn ask() -> PerformanceTarget {
        PerformanceTarget::new(
            CwtStandard::Combined62Day,
            Percent::from_points(85).unwrap(),
            "2025-03".parse().unwrap(),
        )
    }

    #[test]
    fn another_standard_is_not_judged() {
        let p = Performance::new("1".parse().unwrap(), "2".parse().unwrap()).unwrap();
        let month = "2025-03".parse().unwrap();
        assert_eq!(
            AgainstTarget::judge(&ask(), CwtStandard::Combined31Day, month, p),
            Err(PerformanceError::WrongStandard {
                target: CwtStandard::Combined62Day,
                measured: CwtStandard::Combined31Day
            })
        );
    }

    #[test]
    fn met_exactly_at_the_threshold_and_due_from_its_month() {
        let p = Performance::new("85".parse().unwrap(), "100".parse().unwrap()).unwrap();
        let judged = AgainstTarget::judge(
            &ask(),
            CwtStandard::Combined62Day,
            "2025-03".parse().unwrap(),
            p,
        )
        .unwrap();
        assert!(judged.met() && judged.due());
        assert_eq!(judged.gap_in_patients(), Some(0));
        let early = AgainstTarget::judge(
            &ask(),
            CwtStandard::Combined62Day,
            "2025-02".parse().unwrap(),
            p,
        )
        .unwrap();
        assert!(!early.due());
    }

    #[test]
    fn an_empty_month_is_not_met_and_has_no_gap() {
        let judged = AgainstTarget::judge(
            &ask(),
            CwtStandard::Combined62Day,
            "2025-03".parse().unwrap(),
            Performance::ZERO,
        )
        .unwrap();
        assert!(!judged.met());
        assert_eq!(judged.gap_in_patients(), None);
    }
}
