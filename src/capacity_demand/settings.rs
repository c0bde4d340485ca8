//! [`SimulationSettings`]: the protocol of a simulation, stated: the
//! warm-up, the months observed, replications, seed and threads.

use std::num::NonZeroUsize;

use serde::{Deserialize, Serialize};

use super::error::{non_negative, CapacityDemandError};
use crate::period::YearMonth;

/// How a pathway is simulated.
///
/// The simulation starts `warm_up_weeks` before the first day of `start`
/// (from an empty pathway, apart from each step's `initial_waiting`), and
/// observes `months` calendar months from `start`. A warm-up of 0 answers
/// "what happens from today's state?"; a long warm-up with no initial
/// waiting list answers "what is the steady state?": they give different
/// answers to "how much capacity?".
///
/// Replication `i` draws its random numbers from `(seed, i)` alone, so the
/// same seed gives the same answer for any number of threads.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SimulationSettings {
    start: YearMonth,
    months: u32,
    warm_up_weeks: f64,
    replications: u32,
    seed: u64,
    threads: NonZeroUsize,
    max_patients: usize,
}

/// The most weeks of warm-up (10 years).
pub const MAX_WARM_UP_WEEKS: f64 = 520.0;
/// The most months observed (10 years).
pub const MAX_MONTHS: u32 = 120;
/// The largest patient limit a caller may set (patients are indexed by
/// `u32` inside a replication).
pub const MAX_PATIENTS_LIMIT: usize = 100_000_000;
/// The most replications.
pub const MAX_REPLICATIONS: u32 = 100_000;

impl SimulationSettings {
    /// Observe `months` months from `start`, no warm-up, 20 replications,
    /// seed 0, one thread, at most 5 million patients a replication.
    pub fn new(start: YearMonth, months: u32) -> SimulationSettings {
        SimulationSettings {
            start,
            months,
            warm_up_weeks: 0.0,
            replications: 20,
            seed: 0,
            threads: NonZeroUsize::MIN,
            max_patients: 5_000_000,
        }
    }

    /// Weeks simulated before `start`, not observed.
    pub fn with_warm_up_weeks(mut self, weeks: f64) -> SimulationSettings {
        self.warm_up_weeks = weeks;
        self
    }

    /// The number of replications (at least 2, for a confidence interval).
    pub fn with_replications(mut self, replications: u32) -> SimulationSettings {
        self.replications = replications;
        self
    }

    /// The seed.
    pub fn with_seed(mut self, seed: u64) -> SimulationSettings {
        self.seed = seed;
        self
    }

    /// Threads to run replications on (the answer does not depend on it).
    pub fn with_threads(mut self, threads: NonZeroUsize) -> SimulationSettings {
        self.threads = threads;
        self
    }

    /// The most patients one replication may hold (bounds memory).
    pub fn with_max_patients(mut self, max_patients: usize) -> SimulationSettings {
        self.max_patients = max_patients;
        self
    }

    /// The first month observed.
    pub(crate) fn start(&self) -> YearMonth {
        self.start
    }
    /// Months observed.
    pub(crate) fn months(&self) -> u32 {
        self.months
    }
    /// Weeks of warm-up.
    pub(crate) fn warm_up_weeks(&self) -> f64 {
        self.warm_up_weeks
    }
    /// Replications.
    pub(crate) fn replications(&self) -> u32 {
        self.replications
    }
    /// The seed.
    pub(crate) fn seed(&self) -> u64 {
        self.seed
    }
    /// Threads.
    pub(crate) fn threads(&self) -> NonZeroUsize {
        self.threads
    }
    /// The most patients a replication may hold.
    pub(crate) fn max_patients(&self) -> usize {
        self.max_patients
    }

    pub(crate) fn check(&self) -> Result<(), CapacityDemandError> {
        let warm_up = non_negative("warm-up weeks", self.warm_up_weeks)?;
        if warm_up > MAX_WARM_UP_WEEKS {
            return Err(CapacityDemandError::Setting {
                setting: "warm-up",
                rule: "at most 520 weeks",
                value: warm_up.to_string(),
            });
        }
        if !(1..=MAX_MONTHS).contains(&self.months) {
            return Err(CapacityDemandError::Setting {
                setting: "months observed",
                rule: "1 to 120",
                value: self.months.to_string(),
            });
        }
        if !(2..=MAX_REPLICATIONS).contains(&self.replications) {
            return Err(CapacityDemandError::Setting {
                setting: "replications",
                rule: "2 to 100,000",
                value: self.replications.to_string(),
            });
        }
        if self.max_patients > MAX_PATIENTS_LIMIT {
            return Err(CapacityDemandError::Setting {
                setting: "most patients a replication",
                rule: "at most 100,000,000",
                value: self.max_patients.to_string(),
            });
        }
        if self.start.plus_months(self.months as i32).is_none() {
            return Err(CapacityDemandError::Setting {
                setting: "months observed",
                rule: "within the calendar",
                value: self.months.to_string(),
            });
        }
        Ok(())
    }
}
