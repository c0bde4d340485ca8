//! The quantities of the waiting-list formulas, in NHSRwaitinglist's units:
//! rates per week, times in weeks, coefficients of variation, the factor,
//! queue sizes in patients. Each is a finite number at least 0; a divisor
//! is checked for zero where it divides.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::{non_negative, CapacityDemandError};

macro_rules! quantity {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
        #[serde(try_from = "f64", into = "f64")]
        pub struct $name(f64);

        impl $name {
            /// Zero.
            pub const ZERO: $name = $name(0.0);

            #[doc = concat!("A ", $what, ".")]
            ///
            /// # Errors
            ///
            /// [`CapacityDemandError::NotFinite`] or
            /// [`CapacityDemandError::Negative`].
            pub fn new(value: f64) -> Result<$name, CapacityDemandError> {
                non_negative($what, value).map($name)
            }

            /// The number.
            pub const fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = CapacityDemandError;
            fn try_from(value: f64) -> Result<$name, CapacityDemandError> {
                $name::new(value)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

quantity!(
    /// A rate per week: demand (referrals, additions to the list) or
    /// capacity (removals, slots).
    ///
    /// ```
    /// use cancer_plan::capacity_demand::RatePerWeek;
    /// assert_eq!(RatePerWeek::new(30.0)?.get(), 30.0);
    /// assert!(RatePerWeek::new(-1.0).is_err());
    /// assert!(RatePerWeek::new(f64::NAN).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    RatePerWeek,
    "rate per week"
);

quantity!(
    /// A time in weeks (a target wait, a mean wait, a time to target).
    Weeks,
    "time in weeks"
);

quantity!(
    /// A coefficient of variation (standard deviation / mean) of the time
    /// between arrivals (demand) or between removals (capacity): 1 for a
    /// Poisson stream, 0 for a perfectly regular one.
    CoefficientOfVariation,
    "coefficient of variation"
);

quantity!(
    /// NHSRwaitinglist's factor: the target wait divided by the mean wait
    /// that meets it (4 by default: a mean wait of a quarter of the target
    /// misses it for about 2% of patients; 6 for about 0.2%).
    Factor,
    "factor"
);

quantity!(
    /// A number of patients waiting (a queue size; fractional in a target).
    QueueSize,
    "queue size"
);

impl Factor {
    /// NHSRwaitinglist's default factor, 4.
    pub const DEFAULT: Factor = Factor(4.0);
}

impl CoefficientOfVariation {
    /// 1: NHSRwaitinglist's default, a Poisson (memoryless) stream.
    pub const POISSON: CoefficientOfVariation = CoefficientOfVariation(1.0);
}

impl Weeks {
    /// NHSRwaitinglist's default time to target for relief capacity, 26
    /// weeks.
    pub const RELIEF_DEFAULT: Weeks = Weeks(26.0);

    /// Days as weeks (`days / 7`).
    ///
    /// # Errors
    ///
    /// As [`Weeks::new`].
    pub fn from_days(days: f64) -> Result<Weeks, CapacityDemandError> {
        Weeks::new(days / 7.0)
    }
}
