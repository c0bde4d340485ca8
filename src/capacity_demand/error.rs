//! [`CapacityDemandError`]: why a capacity and demand calculation has no answer.

/// Why a waiting-list formula, statistic, simulation or solver has no
/// answer. Never a NaN: every input that would make one is refused here.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CapacityDemandError {
    /// A quantity is not a finite number.
    #[error("{quantity} must be a finite number, got {value}")]
    NotFinite {
        /// What the number is (`demand per week`).
        quantity: &'static str,
        /// The value given.
        value: f64,
    },
    /// A quantity that cannot be negative is.
    #[error("{quantity} must not be negative, got {value}")]
    Negative {
        /// What the number is.
        quantity: &'static str,
        /// The value given.
        value: f64,
    },
    /// A quantity divides and is zero.
    #[error("{quantity} divides and must be greater than 0, got {value}")]
    ZeroDivisor {
        /// What the number is (`target wait`).
        quantity: &'static str,
        /// The value given.
        value: f64,
    },
    /// The queue load is 1 or more where a steady state is assumed: the
    /// waiting list grows without bound.
    #[error(
        "queue load {load} (demand {demand} a week / capacity {capacity} a week) is not below 1: \
         the waiting list has no steady state"
    )]
    NoSteadyState {
        /// demand / capacity.
        load: f64,
        /// Demand per week.
        demand: f64,
        /// Capacity per week.
        capacity: f64,
    },
    /// A result is not a finite number (inputs so large it overflows).
    #[error("{quantity} overflows: the inputs are too large")]
    Overflow {
        /// What was being computed.
        quantity: &'static str,
    },
    /// Too few data to compute a statistic.
    #[error("{quantity} needs at least {needed} {of}, got {got}")]
    TooFew {
        /// What was being computed (`coefficient of variation of demand`).
        quantity: &'static str,
        /// What is counted (`referrals`).
        of: &'static str,
        /// The least number needed.
        needed: usize,
        /// The number given.
        got: usize,
    },
    /// A removal date is before its referral date.
    #[error("waiting list entry {index}: removal {removal} is before referral {referral}")]
    RemovalBeforeReferral {
        /// The entry's index in the list (0-based).
        index: usize,
        /// The referral date.
        referral: chrono::NaiveDate,
        /// The removal date.
        removal: chrono::NaiveDate,
    },
    /// A window's end is before its start.
    #[error("the window ends ({end}) before it starts ({start})")]
    EmptyWindow {
        /// The start.
        start: String,
        /// The end.
        end: String,
    },
    /// A simulation would hold more patients than the limit it is given.
    #[error(
        "the simulation would hold about {expected} patients in one replication, more than the limit of {limit}"
    )]
    TooManyPatients {
        /// Expected patients (demand x horizon).
        expected: f64,
        /// The limit.
        limit: usize,
    },
    /// A simulation setting is out of range.
    #[error("{setting} must be {rule}, got {value}")]
    Setting {
        /// The setting (`replications`).
        setting: &'static str,
        /// The rule it breaks (`at least 2`).
        rule: &'static str,
        /// The value given.
        value: String,
    },
    /// A step named by the caller is not in the pathway.
    #[error("the pathway has no step `{step}`")]
    UnknownStep {
        /// The step id given.
        step: String,
    },
    /// The solver found no capacity up to its limit that reaches the ask.
    #[error(
        "no extra capacity up to {max_extra} a week at step `{step}` reaches {threshold}% by {due} at {confidence}% confidence"
    )]
    NotReachable {
        /// The step.
        step: String,
        /// The largest extra capacity tried (slots a week).
        max_extra: f64,
        /// The ask's threshold (percent).
        threshold: String,
        /// The due month.
        due: String,
        /// The confidence asked for (percent).
        confidence: String,
    },
    /// A formula was called without an argument it needs.
    #[error("{function} needs the argument `{argument}`")]
    MissingArgument {
        /// The function (NHSRwaitinglist's name).
        function: &'static str,
        /// The argument (NHSRwaitinglist's name).
        argument: &'static str,
    },
    /// A function name is not one of NHSRwaitinglist's formulas.
    #[error("`{name}` is not a waiting-list formula (expected calc_queue_load, calc_target_mean_wait, calc_target_queue_size, calc_relief_capacity, calc_target_capacity or calc_waiting_list_pressure)")]
    UnknownFunction {
        /// The name given (at most 40 characters of it).
        name: String,
    },
    /// Costing the capacity failed (money overflow, a bad line id).
    #[error("costing the extra capacity: {0}")]
    Cost(String),
}

/// A finite number, or the error naming `quantity`.
pub(crate) fn finite(quantity: &'static str, value: f64) -> Result<f64, CapacityDemandError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(CapacityDemandError::NotFinite { quantity, value })
    }
}

/// A finite number at least 0.
pub(crate) fn non_negative(quantity: &'static str, value: f64) -> Result<f64, CapacityDemandError> {
    let value = finite(quantity, value)?;
    if value < 0.0 {
        Err(CapacityDemandError::Negative { quantity, value })
    } else {
        Ok(value)
    }
}

/// A finite number greater than 0 (a divisor).
pub(crate) fn positive(quantity: &'static str, value: f64) -> Result<f64, CapacityDemandError> {
    let value = non_negative(quantity, value)?;
    if value == 0.0 {
        Err(CapacityDemandError::ZeroDivisor { quantity, value })
    } else {
        Ok(value)
    }
}

/// `value` if it is finite, else [`CapacityDemandError::Overflow`].
pub(crate) fn result(quantity: &'static str, value: f64) -> Result<f64, CapacityDemandError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(CapacityDemandError::Overflow { quantity })
    }
}
