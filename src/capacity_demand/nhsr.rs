//! [`WaitingListFunction`]: NHSRwaitinglist's formulas by their R names,
//! with their R argument names and defaults, for tables of calls (the
//! `waiting_list` example reads one from CSV).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::CapacityDemandError;
use super::units::{CoefficientOfVariation, Factor, QueueSize, RatePerWeek, Weeks};
use super::waiting_list::{
    queue_load, relief_capacity, target_capacity, target_mean_wait, target_queue_size,
    waiting_list_pressure, DemandEstimate,
};

/// One of NHSRwaitinglist's `calc_*` formulas.
///
/// ```
/// use cancer_plan::capacity_demand::{WaitingListArgs, WaitingListFunction};
/// let f: WaitingListFunction = "calc_target_queue_size".parse()?;
/// let args = WaitingListArgs { demand: Some(30.0), target_wait: Some(52.0), ..Default::default() };
/// assert_eq!(f.evaluate(&args)?, 390.0); // factor 4 by default
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WaitingListFunction {
    /// `calc_queue_load(demand, capacity)`.
    #[serde(rename = "calc_queue_load")]
    QueueLoad,
    /// `calc_target_mean_wait(target_wait, factor = 4)`.
    #[serde(rename = "calc_target_mean_wait")]
    TargetMeanWait,
    /// `calc_target_queue_size(demand, target_wait, factor = 4)`.
    #[serde(rename = "calc_target_queue_size")]
    TargetQueueSize,
    /// `calc_relief_capacity(demand, queue_size, target_queue_size,
    /// time_to_target = 26, num_referrals = 0, cv_demand = 0)`.
    #[serde(rename = "calc_relief_capacity")]
    ReliefCapacity,
    /// `calc_target_capacity(demand, target_wait, factor = 4, cv_demand = 1,
    /// cv_capacity = 1)`.
    #[serde(rename = "calc_target_capacity")]
    TargetCapacity,
    /// `calc_waiting_list_pressure(mean_wait, target_wait)`.
    #[serde(rename = "calc_waiting_list_pressure")]
    WaitingListPressure,
}

/// The arguments of a [`WaitingListFunction`] call, by NHSRwaitinglist's
/// names; `None` takes the package's default, or is an error where there
/// is none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)] // the fields are NHSRwaitinglist's argument names
pub struct WaitingListArgs {
    pub demand: Option<f64>,
    pub capacity: Option<f64>,
    pub target_wait: Option<f64>,
    pub factor: Option<f64>,
    pub cv_demand: Option<f64>,
    pub cv_capacity: Option<f64>,
    pub queue_size: Option<f64>,
    pub target_queue_size: Option<f64>,
    pub time_to_target: Option<f64>,
    pub num_referrals: Option<f64>,
    pub mean_wait: Option<f64>,
}

impl WaitingListFunction {
    /// Every function.
    pub const ALL: [WaitingListFunction; 6] = [
        WaitingListFunction::QueueLoad,
        WaitingListFunction::TargetMeanWait,
        WaitingListFunction::TargetQueueSize,
        WaitingListFunction::ReliefCapacity,
        WaitingListFunction::TargetCapacity,
        WaitingListFunction::WaitingListPressure,
    ];

    /// The R name, `calc_queue_load`.
    pub const fn r_name(self) -> &'static str {
        match self {
            WaitingListFunction::QueueLoad => "calc_queue_load",
            WaitingListFunction::TargetMeanWait => "calc_target_mean_wait",
            WaitingListFunction::TargetQueueSize => "calc_target_queue_size",
            WaitingListFunction::ReliefCapacity => "calc_relief_capacity",
            WaitingListFunction::TargetCapacity => "calc_target_capacity",
            WaitingListFunction::WaitingListPressure => "calc_waiting_list_pressure",
        }
    }

    /// The function applied to `args`, with the package's defaults.
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::MissingArgument`] for a required argument not
    /// given; the errors of the formula (negative or non-finite inputs,
    /// zero divisors).
    pub fn evaluate(self, args: &WaitingListArgs) -> Result<f64, CapacityDemandError> {
        let name = self.r_name();
        let need = |value: Option<f64>, argument: &'static str| {
            value.ok_or(CapacityDemandError::MissingArgument {
                function: name,
                argument,
            })
        };
        let factor = || match args.factor {
            Some(f) => Factor::new(f),
            None => Ok(Factor::DEFAULT),
        };
        let cv = |value: Option<f64>, default: f64| {
            CoefficientOfVariation::new(value.unwrap_or(default))
        };
        match self {
            WaitingListFunction::QueueLoad => queue_load(
                RatePerWeek::new(need(args.demand, "demand")?)?,
                RatePerWeek::new(need(args.capacity, "capacity")?)?,
            ),
            WaitingListFunction::TargetMeanWait => target_mean_wait(
                Weeks::new(need(args.target_wait, "target_wait")?)?,
                factor()?,
            )
            .map(Weeks::get),
            WaitingListFunction::TargetQueueSize => target_queue_size(
                RatePerWeek::new(need(args.demand, "demand")?)?,
                Weeks::new(need(args.target_wait, "target_wait")?)?,
                factor()?,
            )
            .map(QueueSize::get),
            WaitingListFunction::ReliefCapacity => {
                let estimate = DemandEstimate {
                    num_referrals: args.num_referrals.unwrap_or(0.0),
                    cv_demand: cv(args.cv_demand, 0.0)?,
                };
                relief_capacity(
                    RatePerWeek::new(need(args.demand, "demand")?)?,
                    QueueSize::new(need(args.queue_size, "queue_size")?)?,
                    QueueSize::new(need(args.target_queue_size, "target_queue_size")?)?,
                    Weeks::new(args.time_to_target.unwrap_or(Weeks::RELIEF_DEFAULT.get()))?,
                    Some(estimate),
                )
                .map(RatePerWeek::get)
            }
            WaitingListFunction::TargetCapacity => target_capacity(
                RatePerWeek::new(need(args.demand, "demand")?)?,
                Weeks::new(need(args.target_wait, "target_wait")?)?,
                factor()?,
                cv(args.cv_demand, 1.0)?,
                cv(args.cv_capacity, 1.0)?,
            )
            .map(RatePerWeek::get),
            WaitingListFunction::WaitingListPressure => waiting_list_pressure(
                Weeks::new(need(args.mean_wait, "mean_wait")?)?,
                Weeks::new(need(args.target_wait, "target_wait")?)?,
            ),
        }
    }
}

impl fmt::Display for WaitingListFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.r_name())
    }
}

impl FromStr for WaitingListFunction {
    type Err = CapacityDemandError;
    fn from_str(s: &str) -> Result<WaitingListFunction, CapacityDemandError> {
        let s = s.trim();
        WaitingListFunction::ALL
            .into_iter()
            .find(|f| f.r_name() == s)
            .ok_or_else(|| CapacityDemandError::UnknownFunction {
                name: s.chars().take(40).collect(),
            })
    }
}
