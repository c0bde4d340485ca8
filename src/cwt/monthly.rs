//! [`compare_monthly`]: actuals against a plan's monthly trajectory, month
//! by month (beside the linear [`Trajectory`](super::Trajectory)).

use serde::Serialize;

use super::{MonthlyPerformance, PatientCount, Performance};
use crate::standard::{MonthlyTrajectory, PlannedMonth};
use crate::{percent::Percent, period::YearMonth};

/// One planned month with what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthlyComparison {
    month: YearMonth,
    planned_total: u32,
    planned_within: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    planned: Option<Percent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<Performance>,
}

impl MonthlyComparison {
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The planned month (totals and within-standard counts).
    pub fn planned_month(&self) -> PlannedMonth {
        PlannedMonth::new(self.month, self.planned_total, self.planned_within)
    }

    /// The actual performance, if the month has been reported.
    pub fn actual(&self) -> Option<Performance> {
        self.actual
    }

    /// Whether the month is at or above its planned performance (exact);
    /// `None` before it is reported or when nothing was planned.
    pub fn on_track(&self) -> Option<bool> {
        Some(self.actual?.meets(self.planned?))
    }

    /// Patients within the standard above (positive) or below (negative)
    /// the planned count; `None` before the month is reported. Half
    /// patients (shared pathways) are rounded towards zero.
    // Bounded: `actual` is 0 to `i64::MAX` and the plan 0 to `u32::MAX`, so the difference fits an i64.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn within_vs_plan(&self) -> Option<i64> {
        let actual = whole(self.actual?.within());
        Some(actual - i64::from(self.planned_within))
    }

    /// Patients seen above or below the planned total (activity).
    // Bounded: `actual` is 0 to `i64::MAX` and the plan 0 to `u32::MAX`, so the difference fits an i64.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn total_vs_plan(&self) -> Option<i64> {
        let actual = whole(self.actual?.total());
        Some(actual - i64::from(self.planned_total))
    }
}

fn whole(count: PatientCount) -> i64 {
    i64::try_from(count.halves() / 2).unwrap_or(i64::MAX)
}

/// Every planned month of `trajectory` with the actual of that month from
/// `actuals` (same standard and organisation, as the caller selects them),
/// in the trajectory's order; months without an actual have `actual: None`.
///
/// ```
/// use cancer_plan::cwt::{compare_monthly, MonthlyPerformance, Performance};
/// use cancer_plan::standard::{MonthlyTrajectory, PlannedMonth, TrajectoryOrganisation};
/// use cancer_plan::{CwtStandard, Id};
/// let plan = MonthlyTrajectory::new(CwtStandard::FasterDiagnosis28Day, TrajectoryOrganisation::Icb(Id::new("dorset")?))
///     .with_month(PlannedMonth::new("2024-04".parse()?, 1000, 760))
///     .with_month(PlannedMonth::new("2024-05".parse()?, 1000, 770));
/// let april = MonthlyPerformance::new("2024-04".parse()?, Performance::new("748".parse()?, "990".parse()?)?);
/// let rows = compare_monthly(&plan, &[april]);
/// assert_eq!(rows[0].on_track(), Some(false)); // 75.6% against 76%
/// assert_eq!(rows[0].within_vs_plan(), Some(-12));
/// assert_eq!(rows[1].actual(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare_monthly(
    trajectory: &MonthlyTrajectory,
    actuals: &[MonthlyPerformance],
) -> Vec<MonthlyComparison> {
    trajectory
        .months()
        .iter()
        .map(|m| MonthlyComparison {
            month: m.month(),
            planned_total: m.total(),
            planned_within: m.within(),
            planned: m.planned_percent(),
            actual: actuals
                .iter()
                .find(|a| a.month() == m.month())
                .map(|a| a.performance()),
        })
        .collect()
}
