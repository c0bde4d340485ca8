//! The waiting-list formulas of NHSRwaitinglist (NHS-R community, after
//! Fong, Walton et al., "Waiting list management: the queueing theory
//! approach"), typed, in its units (rates per week, times in weeks) and
//! with its defaults (factor 4, coefficients of variation 1, time to target
//! 26 weeks).
//!
//! Where the package returns `Inf` or `NaN` (a zero target wait, a zero
//! time to target, a zero capacity) these return a
//! [`CapacityDemandError`]. Where its conventions differ from textbook
//! queueing, each function says so.

use super::error::{positive, result, CapacityDemandError};
use super::units::{CoefficientOfVariation, Factor, QueueSize, RatePerWeek, Weeks};

/// Queue load: `demand / capacity` (NHSRwaitinglist `calc_queue_load`). A
/// load of 1 or more means the list grows.
///
/// ```
/// use cancer_plan::capacity_demand::{queue_load, RatePerWeek};
/// let load = queue_load(RatePerWeek::new(30.0)?, RatePerWeek::new(27.0)?)?;
/// assert!((load - 30.0 / 27.0).abs() < 1e-15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if capacity is 0.
pub fn queue_load(demand: RatePerWeek, capacity: RatePerWeek) -> Result<f64, CapacityDemandError> {
    let capacity = positive("capacity", capacity.get())?;
    result("queue load", demand.get() / capacity)
}

/// Target mean wait: `target_wait / factor` (`calc_target_mean_wait`): the
/// mean wait at which about 98% (factor 4) or 99.8% (factor 6) of patients
/// are seen within the target, if waits are roughly exponential.
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if the factor is 0.
pub fn target_mean_wait(target_wait: Weeks, factor: Factor) -> Result<Weeks, CapacityDemandError> {
    let factor = positive("factor", factor.get())?;
    Weeks::new(result("target mean wait", target_wait.get() / factor)?)
}

/// Target queue size: `demand x target_wait / factor`
/// (`calc_target_queue_size`), by Little's law from the target mean wait.
///
/// ```
/// use cancer_plan::capacity_demand::{target_queue_size, Factor, RatePerWeek, Weeks};
/// let size = target_queue_size(RatePerWeek::new(30.0)?, Weeks::new(52.0)?, Factor::DEFAULT)?;
/// assert_eq!(size.get(), 390.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if the factor is 0;
/// [`CapacityDemandError::Overflow`] if the product overflows.
pub fn target_queue_size(
    demand: RatePerWeek,
    target_wait: Weeks,
    factor: Factor,
) -> Result<QueueSize, CapacityDemandError> {
    let mean_wait = target_mean_wait(target_wait, factor)?;
    QueueSize::new(result("target queue size", demand.get() * mean_wait.get())?)
}

/// When demand is itself an estimate from `num_referrals` referrals with
/// coefficient of variation `cv_demand`, NHSRwaitinglist's relief capacity
/// first inflates it (see [`relief_capacity`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DemandEstimate {
    /// The number of referrals the demand was estimated from.
    pub num_referrals: f64,
    /// The coefficient of variation of demand.
    pub cv_demand: CoefficientOfVariation,
}

/// Relief capacity: `demand + (queue_size - target_queue_size) /
/// time_to_target` (`calc_relief_capacity`; time to target 26 weeks by
/// default, [`Weeks::RELIEF_DEFAULT`]): the capacity that brings the list
/// down to its target size in that time.
///
/// With an `estimate` whose `num_referrals > 0`, the package first raises
/// demand to `demand / (1 - 2 x demand x cv_demand / sqrt(num_referrals))`
/// when that term is below 1 (and leaves it unchanged otherwise), meaning
/// to add two standard errors to an estimated demand. The term is in the
/// units of demand (a rate per week times a pure number over a count), so
/// it changes with the time unit; the crate follows the package exactly
/// and says so here.
///
/// ```
/// use cancer_plan::capacity_demand::{relief_capacity, QueueSize, RatePerWeek, Weeks};
/// let relief = relief_capacity(
///     RatePerWeek::new(30.0)?,
///     QueueSize::new(1200.0)?,
///     QueueSize::new(390.0)?,
///     Weeks::RELIEF_DEFAULT,
///     None,
/// )?;
/// assert!((relief.get() - (30.0 + 810.0 / 26.0)).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if the time to target is 0;
/// [`CapacityDemandError::Negative`] if the list is so far below its
/// target that the capacity would be negative (relief capacity does not
/// apply: use [`target_capacity`]).
pub fn relief_capacity(
    demand: RatePerWeek,
    queue_size: QueueSize,
    target_queue_size: QueueSize,
    time_to_target: Weeks,
    estimate: Option<DemandEstimate>,
) -> Result<RatePerWeek, CapacityDemandError> {
    let time_to_target = positive("time to target", time_to_target.get())?;
    let mut demand = demand.get();
    if let Some(estimate) = estimate {
        let n = super::error::finite("number of referrals", estimate.num_referrals)?;
        if n > 0.0 {
            let term = 2.0 * demand * estimate.cv_demand.get() / n.sqrt();
            if term < 1.0 {
                demand = result("inflated demand", demand / (1.0 - term))?;
            }
        }
    }
    let relief = result(
        "relief capacity",
        demand + (queue_size.get() - target_queue_size.get()) / time_to_target,
    )?;
    RatePerWeek::new(relief).map_err(|_| CapacityDemandError::Negative {
        quantity: "relief capacity",
        value: relief,
    })
}

/// Target capacity by Kingman's formula as NHSRwaitinglist writes it
/// (`calc_target_capacity`): `demand + ((cv_demand^2 + cv_capacity^2) / 2)
/// x (factor / target_wait)`, the capacity whose mean wait is the target
/// mean wait `target_wait / factor`.
///
/// How it differs from the textbook: Kingman's G/G/1 approximation is
/// `W = (rho / (1 - rho)) x ((ca^2 + cs^2) / 2) x (1 / capacity)`; the
/// package uses its heavy-traffic form
/// `W = ((ca^2 + cs^2) / 2) / (capacity - demand)` (the two agree as the
/// load nears 1, and the package's answer is the larger: it errs towards
/// more capacity). The package's
/// documentation writes the formula without the halving of the squared
/// coefficients; its code halves them, and the crate follows the code.
/// Defaults: factor 4, both coefficients of variation 1.
///
/// ```
/// use cancer_plan::capacity_demand::{target_capacity, CoefficientOfVariation as Cv, Factor, RatePerWeek, Weeks};
/// let capacity = target_capacity(
///     RatePerWeek::new(30.0)?, Weeks::new(52.0)?, Factor::new(3.0)?, Cv::new(1.1)?, Cv::new(1.2)?,
/// )?;
/// assert!((capacity.get() - (30.0 + ((1.1f64.powi(2) + 1.2f64.powi(2)) / 2.0) * (3.0 / 52.0))).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if the target wait is 0.
pub fn target_capacity(
    demand: RatePerWeek,
    target_wait: Weeks,
    factor: Factor,
    cv_demand: CoefficientOfVariation,
    cv_capacity: CoefficientOfVariation,
) -> Result<RatePerWeek, CapacityDemandError> {
    let target_wait = positive("target wait", target_wait.get())?;
    let variability = (cv_demand.get().powi(2) + cv_capacity.get().powi(2)) / 2.0;
    RatePerWeek::new(result(
        "target capacity",
        demand.get() + variability * (factor.get() / target_wait),
    )?)
}

/// Waiting-list pressure: `2 x mean_wait / target_wait`
/// (`calc_waiting_list_pressure`). Below 1 the list is likely to meet its
/// target; above 1 it is likely to miss it. Both waits in the same unit
/// (the package's `wl_stats` passes a mean wait in days and a target in
/// weeks; the crate's [`WaitingListStats`](super::WaitingListStats) uses
/// weeks for both).
///
/// # Errors
///
/// [`CapacityDemandError::ZeroDivisor`] if the target wait is 0.
pub fn waiting_list_pressure(
    mean_wait: Weeks,
    target_wait: Weeks,
) -> Result<f64, CapacityDemandError> {
    let target_wait = positive("target wait", target_wait.get())?;
    result("waiting list pressure", 2.0 * mean_wait.get() / target_wait)
}

/// The textbook Kingman (G/G/1) mean wait in the queue, in weeks:
/// `(rho / (1 - rho)) x ((cv_demand^2 + cv_capacity^2) / 2) / capacity`
/// with `rho = demand / capacity`. Exact for M/M/1 (both coefficients 1).
///
/// # Errors
///
/// [`CapacityDemandError::NoSteadyState`] if the load is 1 or more;
/// [`CapacityDemandError::ZeroDivisor`] if capacity is 0.
pub fn kingman_mean_wait(
    demand: RatePerWeek,
    capacity: RatePerWeek,
    cv_demand: CoefficientOfVariation,
    cv_capacity: CoefficientOfVariation,
) -> Result<Weeks, CapacityDemandError> {
    let load = queue_load(demand, capacity)?;
    if load >= 1.0 {
        return Err(CapacityDemandError::NoSteadyState {
            load,
            demand: demand.get(),
            capacity: capacity.get(),
        });
    }
    let variability = (cv_demand.get().powi(2) + cv_capacity.get().powi(2)) / 2.0;
    Weeks::new(result(
        "Kingman mean wait",
        load / (1.0 - load) * variability / capacity.get(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: f64) -> RatePerWeek {
        RatePerWeek::new(v).unwrap()
    }
    fn w(v: f64) -> Weeks {
        Weeks::new(v).unwrap()
    }

    #[test]
    fn zero_divisors_are_errors_not_infinities() {
        assert!(matches!(
            queue_load(r(1.0), r(0.0)),
            Err(CapacityDemandError::ZeroDivisor { .. })
        ));
        assert!(target_mean_wait(w(52.0), Factor::ZERO).is_err());
        assert!(waiting_list_pressure(w(1.0), w(0.0)).is_err());
        assert!(target_capacity(
            r(1.0),
            w(0.0),
            Factor::DEFAULT,
            CoefficientOfVariation::POISSON,
            CoefficientOfVariation::POISSON
        )
        .is_err());
        assert!(relief_capacity(r(1.0), QueueSize::ZERO, QueueSize::ZERO, w(0.0), None).is_err());
        assert!(matches!(
            kingman_mean_wait(
                r(2.0),
                r(2.0),
                CoefficientOfVariation::POISSON,
                CoefficientOfVariation::POISSON
            ),
            Err(CapacityDemandError::NoSteadyState { .. })
        ));
        assert!(queue_load(r(f64::MAX), r(f64::MIN_POSITIVE)).is_err());
    }

    #[test]
    fn kingman_is_exact_for_mm1() {
        // M/M/1: Wq = rho / (mu - lambda).
        let wait = kingman_mean_wait(
            r(8.0),
            r(10.0),
            CoefficientOfVariation::POISSON,
            CoefficientOfVariation::POISSON,
        )
        .unwrap();
        assert!((wait.get() - 0.8 / 2.0).abs() < 1e-15);
    }

    #[test]
    fn relief_capacity_inflates_estimated_demand_only_below_one() {
        let estimate = DemandEstimate {
            num_referrals: 100.0,
            cv_demand: CoefficientOfVariation::new(0.5).unwrap(),
        };
        // term = 2 x 3 x 0.5 / 10 = 0.3: demand 3 / 0.7.
        let relief = relief_capacity(
            r(3.0),
            QueueSize::ZERO,
            QueueSize::ZERO,
            w(26.0),
            Some(estimate),
        )
        .unwrap();
        assert!((relief.get() - 3.0 / 0.7).abs() < 1e-12);
        // term = 2 x 30 x 0.5 / 10 = 3 >= 1: unchanged.
        let relief = relief_capacity(
            r(30.0),
            QueueSize::ZERO,
            QueueSize::ZERO,
            w(26.0),
            Some(estimate),
        )
        .unwrap();
        assert_eq!(relief.get(), 30.0);
    }
}
