//! [`Trajectory`]: a linear monthly path from a baseline month to a target
//! month, and actuals against it.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{MonthlyPerformance, Performance};
use crate::standard::CwtStandard;
use crate::{percent::Percent, period::YearMonth};

/// Why a trajectory cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrajectoryError {
    /// The target month is not after the baseline month.
    #[error("target month {target} is not after baseline month {baseline}")]
    TargetNotAfterBaseline {
        /// The baseline month.
        baseline: YearMonth,
        /// The target month.
        target: YearMonth,
    },
}

/// A planned monthly path for a standard: from the baseline performance in
/// the baseline month to the target threshold in the target month, in equal
/// monthly steps (linear). Intermediate months are exact decimals (to 28
/// significant digits when a step does not terminate, e.g. thirds).
///
/// ```
/// use cancer_plan::cwt::Trajectory;
/// use cancer_plan::{CwtStandard, Percent, YearMonth};
/// let t = Trajectory::new(
///     CwtStandard::FasterDiagnosis28Day,
///     "2024-03".parse()?, "71".parse::<Percent>()?,
///     "2025-03".parse()?, "80".parse::<Percent>()?,
/// )?;
/// assert_eq!(t.planned("2024-09".parse()?).map(|p| p.to_string()), Some("75.5%".into()));
/// assert_eq!(t.months().count(), 13);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Trajectory {
    standard: CwtStandard,
    baseline_month: YearMonth,
    baseline: Percent,
    target_month: YearMonth,
    target: Percent,
}

/// One month of a trajectory with the actual performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrajectoryPoint {
    month: YearMonth,
    planned: Percent,
    actual: Performance,
}

impl TrajectoryPoint {
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The planned performance for the month.
    pub fn planned(&self) -> Percent {
        self.planned
    }

    /// The actual performance in the month.
    pub fn actual(&self) -> Performance {
        self.actual
    }

    /// Whether the actual performance is at or above plan (exact).
    pub fn on_track(&self) -> bool {
        self.actual.meets(self.planned)
    }

    /// Patients short of plan in the month, rounded up
    /// ([`Performance::gap_in_patients`]): `Some(0)` when on track, `None`
    /// when the month had no patients (not on track, but not "0 short").
    pub fn gap_in_patients(&self) -> Option<u64> {
        self.actual.gap_in_patients(self.planned)
    }
}

impl Trajectory {
    /// A trajectory from `baseline` in `baseline_month` to `target` in
    /// `target_month` (which must be later).
    ///
    /// # Errors
    ///
    /// [`TrajectoryError::TargetNotAfterBaseline`] unless `target_month` is
    /// after `baseline_month`.
    pub fn new(
        standard: CwtStandard,
        baseline_month: YearMonth,
        baseline: Percent,
        target_month: YearMonth,
        target: Percent,
    ) -> Result<Trajectory, TrajectoryError> {
        if target_month <= baseline_month {
            return Err(TrajectoryError::TargetNotAfterBaseline {
                baseline: baseline_month,
                target: target_month,
            });
        }
        Ok(Trajectory {
            standard,
            baseline_month,
            baseline,
            target_month,
            target,
        })
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The baseline month and performance.
    pub fn baseline(&self) -> (YearMonth, Percent) {
        (self.baseline_month, self.baseline)
    }

    /// The target month and threshold.
    pub fn target(&self) -> (YearMonth, Percent) {
        (self.target_month, self.target)
    }

    /// The planned performance for `month`; `None` outside baseline..=target.
    // Bounded: percent points are 0 to 100 and `step <= span` with `span > 0` here (a trajectory's target is after its baseline), far inside `Decimal`.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn planned(&self, month: YearMonth) -> Option<Percent> {
        let step = month.months_since(self.baseline_month);
        let span = self.target_month.months_since(self.baseline_month);
        if step < 0 || step > span {
            return None;
        }
        let rise = self.target.points() - self.baseline.points();
        let points = self.baseline.points() + rise * Decimal::from(step) / Decimal::from(span);
        Percent::new(points).ok()
    }

    /// Every month from baseline to target with its planned performance.
    pub fn months(&self) -> impl Iterator<Item = (YearMonth, Percent)> + '_ {
        self.baseline_month
            .through(self.target_month)
            .filter_map(|m| Some((m, self.planned(m)?)))
    }

    /// The actuals that fall within the trajectory's months, each against
    /// the planned performance for its month (actuals outside are ignored:
    /// there is no plan for them).
    pub fn compare(&self, actuals: &[MonthlyPerformance]) -> Vec<TrajectoryPoint> {
        actuals
            .iter()
            .filter_map(|a| {
                Some(TrajectoryPoint {
                    month: a.month(),
                    planned: self.planned(a.month())?,
                    actual: a.performance(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cwt::PatientCount;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    #[test]
    fn linear_path_and_comparison() {
        let t = Trajectory::new(
            CwtStandard::Combined62Day,
            ym("2024-03"),
            "61".parse().unwrap(),
            ym("2024-06"),
            "70".parse().unwrap(),
        )
        .unwrap();
        let planned: Vec<String> = t.months().map(|(_, p)| p.to_string()).collect();
        assert_eq!(planned, ["61%", "64%", "67%", "70%"]);
        assert!(t.planned(ym("2024-07")).is_none());
        let p = |w, n| Performance::new(PatientCount::whole(w), PatientCount::whole(n)).unwrap();
        let actuals = [
            MonthlyPerformance::new(ym("2024-02"), p(1, 2)),
            MonthlyPerformance::new(ym("2024-04"), p(64, 100)),
            MonthlyPerformance::new(ym("2024-05"), p(60, 100)),
        ];
        let points = t.compare(&actuals);
        assert_eq!(points.len(), 2);
        assert!(points[0].on_track());
        assert!(!points[1].on_track());
        assert_eq!(points[1].gap_in_patients(), Some(7));
        assert!(Trajectory::new(
            CwtStandard::Combined62Day,
            ym("2024-03"),
            Percent::ZERO,
            ym("2024-03"),
            Percent::HUNDRED
        )
        .is_err());
    }
}
