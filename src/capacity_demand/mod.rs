//! Capacity and demand modelling of tumour pathways: from referral demand
//! to the capacity, and the money, it takes to meet a plan's asks.
//!
//! | item | what it does |
//! | --- | --- |
//! | [`queue_load`], [`target_mean_wait`], [`target_queue_size`], [`relief_capacity`], [`target_capacity`], [`waiting_list_pressure`] | NHSRwaitinglist's formulas, typed ([`RatePerWeek`], [`Weeks`], [`CoefficientOfVariation`], [`Factor`], [`QueueSize`]); [`WaitingListFunction`] calls them by their R names |
//! | [`kingman_mean_wait`], [`ErlangC`] | the textbook G/G/1 approximation and the exact M/M/c queue |
//! | [`queue_sizes`], [`waiting_list_stats`] | statistics of a list of referral and removal dates (`wl_queue_size`, `wl_stats`) |
//! | [`PathwayModel`], [`PathwayStep`] | a tumour site's pathway: steps, capacity in slots a week, servers, service and turnaround times, routing; JSON, checked with paths |
//! | [`simulate`], [`SimulationSettings`], [`SimulationResults`] | a seeded discrete-event simulation: share within each standard by month with 95% CIs, the waiting list by week, wait percentiles |
//! | [`least_extra_capacity`], [`CapacityQuestion`] | the least extra weekly capacity at a step that reaches an ask by its due month at a stated confidence |
//! | [`SessionCosting`], [`cost_extra_capacity`], [`funding_variance`] | that capacity as Agenda for Change posts through [`capacity`](crate::capacity), as budget lines, against the plan's budget |
//! | [`fds_demand`], [`summarise_demand`] | monthly demand per trust and cancer type from CWT FDS counts (a proxy: see [`fds_demand`]) |
//!
//! # Waiting-list formulas
//!
//! In NHSRwaitinglist's units: rates per week, times in weeks, factor 4
//! and coefficients of variation 1 by default. The crate follows the
//! package's code (its test values are the crate's tests:
//! `tests/capacity_demand/nhsr.rs`), and each function says where the
//! package's convention differs from textbook queueing: target capacity is
//! Kingman's heavy-traffic form (more capacity than the G/G/1
//! approximation), and halves the squared coefficients of variation
//! although the package's documentation does not; relief capacity's
//! inflation of estimated demand is in the units of demand. Where the
//! package returns `Inf` or `NaN` (a zero divisor) or silently accepts a
//! negative rate, these return a [`CapacityDemandError`]. Its `wl_stats`
//! slips (a mean wait in days against a target in weeks; one gap too many
//! in the referral count) are not copied: see [`waiting_list_stats`].
//!
//! # The simulation
//!
//! Patients are referred as a Poisson stream, queue first come first
//! served for each step's servers, may be told cancer is ruled out after
//! each step's turnaround, are told their diagnosis after the step that
//! tells it, and start first treatment at a treatment step. The FDS clock
//! runs from referral to being told, the 62-day clock from referral to
//! first treatment; within a standard is the crate's rule (calendar days,
//! the referral day being day 0, at most the standard's days), counted in
//! the month of the clock stop as CWT counts. The protocol is explicit in
//! [`SimulationSettings`]: a warm-up from each step's initial waiting list,
//! then whole calendar months observed. Replication `i` draws from `(seed,
//! i)` alone, so the answer does not depend on the threads. Checked against
//! Erlang C for M/M/1 and M/M/4 at loads 0.5, 0.8 and 0.95
//! (`tests/capacity_demand/erlang.rs`); about 700 times ciw's speed on one
//! core (BENCHMARKS.md).
//!
//! Not modelled: capacity by weekday or bank holidays (a step's slots are a
//! weekly rate), priorities or booking rules other than first come first
//! served, and patients who return to an earlier step.

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
