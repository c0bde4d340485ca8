//! Capacity and demand modelling of tumour pathways: from referral demand
//! to the capacity, and the money, it takes to meet a plan's asks.
//!
//! - [`waiting_list`](self#waiting-list-formulas): NHSRwaitinglist's
//!   formulas ([`queue_load`], [`target_mean_wait`], [`target_queue_size`],
//!   [`relief_capacity`], [`target_capacity`], [`waiting_list_pressure`]),
//!   typed ([`RatePerWeek`], [`Weeks`], [`CoefficientOfVariation`],
//!   [`Factor`], [`QueueSize`]), with a typed error where the package
//!   returns `Inf` or `NaN`;
//! - [`waiting_list_stats`] and [`queue_sizes`]: the statistics of a list
//!   of referral and removal dates;
//!
//! # Waiting-list formulas
//!
//! In NHSRwaitinglist's units: rates per week, times in weeks, factor 4
//! and coefficients of variation 1 by default. Each function says where
//! the package's convention differs from textbook queueing; the crate
//! follows the package's code (its test values are the crate's tests, to
//! 1e-9 relative).

mod costing;
mod demand;
mod engine;
mod erlang;
mod error;
mod nhsr;
mod pathway;
mod results;
mod rng;
mod settings;
mod simulation;
mod solver;
mod stats;
mod units;
mod waiting_list;

pub use costing::{
    cost_extra_capacity, funding_variance, CapacityCost, FundingVariance, SessionCosting,
};
pub use demand::{fds_demand, summarise_demand, DemandSummary, MonthlyDemand};
pub use erlang::ErlangC;
pub use error::CapacityDemandError;
pub use nhsr::{WaitingListArgs, WaitingListFunction};
pub use pathway::{PathwayModel, PathwayStep, StepKind};
pub use results::{Estimate, MonthlyShare, SimulationResults, WaitingListPoint};
pub use settings::{SimulationSettings, MAX_MONTHS, MAX_REPLICATIONS, MAX_WARM_UP_WEEKS};
pub use simulation::simulate;
pub use solver::{least_extra_capacity, CapacityAnswer, CapacityQuestion};
pub use stats::{
    queue_sizes, waiting_list_stats, QueueSizes, WaitingListEntry, WaitingListStats,
    MAX_WINDOW_DAYS,
};
pub use units::{CoefficientOfVariation, Factor, QueueSize, RatePerWeek, Weeks};
pub use waiting_list::{
    kingman_mean_wait, queue_load, relief_capacity, target_capacity, target_mean_wait,
    target_queue_size, waiting_list_pressure, DemandEstimate,
};
