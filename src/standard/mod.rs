//! The standards and targets that both the plan and the analyses need:
//! the Cancer Waiting Times standards ([`CwtStandard`]), a plan's
//! [`PerformanceTarget`] and the national target schedule
//! ([`national_targets`], [`target_for`]), with room for a caller's or a
//! plan's own targets ([`TargetSchedule`]), and the monthly trajectories
//! plans submit ([`MonthlyTrajectory`]). [`TargetLayers`] keeps every
//! target a month is read against in its own layer: the standard's own
//! threshold, the national milestone in force and the next one due, the
//! plan's ask, its trajectory and local targets ([`LayerTarget`] is the one
//! vocabulary; [`PerformanceTarget`] and [`CwtTarget`] convert into it).
//!
//! This module sits below both `plan` and `cwt`: it uses only the value
//! types (`Percent`, `YearMonth`, `Id`, `OdsCode`), so the plan can name a standard without
//! importing the analyses, and the analyses can measure against a plan's
//! target without importing the plan.

mod cwt_standard;
mod layers;
mod monthly;
mod performance_target;
mod target;

pub use cwt_standard::CwtStandard;
pub use layers::{
    milestone_in_force, next_milestone, standard_threshold, LayerTarget, TargetLayer, TargetLayers,
};
pub use monthly::{MonthlyTrajectory, PlannedMonth, TrajectoryOrganisation};
pub use performance_target::PerformanceTarget;
pub use target::{
    constitutional_target, national_targets, target_for, CwtTarget, TargetBasis, TargetSchedule,
};
