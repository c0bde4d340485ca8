//! Cancer Waiting Times (CWT): the national standards and their thresholds
//! over time, exact patient counts and performance, aggregation by month x
//! standard x any grouping, and measurement against a target.
//!
//! Counting rules (NHS England, CWT guidance v12; see each item):
//! - days are calendar days from clock start to clock stop, the start day
//!   being day 0; a pathway is within a standard when its days, after
//!   adjustments, are at most the standard's days (28, 31, 62);
//! - a pathway counts in the month of its clock stop (the reporting month);
//! - counts are whole or half patients, exact ([`PatientCount`]);
//!   performance is within / total, unrounded; only display rounds.

mod count;
#[cfg(feature = "cwt-extract")]
#[cfg_attr(docsrs, doc(cfg(feature = "cwt-extract")))]
pub mod extract;
mod judged;
mod monthly;
pub mod pathway;
mod performance;
pub mod sniff;
mod table;
mod trajectory;
mod wilson;

pub use count::{PatientCount, PatientCountError};
pub use judged::JudgedTarget;
pub use monthly::{compare_monthly, MonthlyComparison};
pub use performance::{MonthlyPerformance, Performance, PerformanceDisplay, PerformanceError};
pub use table::PerformanceTable;
pub use trajectory::{Trajectory, TrajectoryError, TrajectoryPoint};
pub use wilson::{ConfidenceLevel, WilsonError, WilsonInterval};
