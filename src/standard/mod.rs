//! The standards and targets that both the plan and the analyses need:
//! the Cancer Waiting Times standards ([`CwtStandard`]), a plan's
//! [`PerformanceTarget`] and the national target schedule
//! ([`national_targets`], [`target_for`]), with room for a caller's or a
//! plan's own targets ([`TargetSchedule`]), and the monthly trajectories
//! plans submit ([`MonthlyTrajectory`]).
//!
//! This module sits below both `plan` and `cwt`: it uses only the value
//! types (`Percent`, `YearMonth`, `Id`, `OdsCode`), so the plan can name a standard without
//! importing the analyses, and the analyses can measure against a plan's
//! target without importing the plan.

mod cwt_standard;
mod monthly;
mod performance_target;
mod target;

pub use cwt_standard::CwtStandard;
pub use monthly::{MonthlyTrajectory, PlannedMonth, TrajectoryOrganisation};
pub use performance_target::PerformanceTarget;
pub use target::{
    constitutional_target, national_targets, target_for, CwtTarget, TargetBasis, TargetSchedule,
};
