//! [`ErlangC`]: the exact M/M/c queue (Poisson arrivals, exponential
//! service, `c` servers), against which the simulation is checked.

use super::error::{positive, result, CapacityDemandError};
use super::units::{RatePerWeek, Weeks};

/// The M/M/c queue in steady state by Erlang's C formula.
///
/// ```
/// use cancer_plan::capacity_demand::{ErlangC, RatePerWeek, Weeks};
/// // M/M/1 at load 0.8, capacity 10 a week: mean wait 0.8 / (10 - 8) weeks.
/// let q = ErlangC::new(1, RatePerWeek::new(8.0)?, RatePerWeek::new(10.0)?)?;
/// assert!((q.probability_of_waiting() - 0.8).abs() < 1e-12);
/// assert!((q.mean_wait().get() - 0.4).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ErlangC {
    servers: u32,
    demand: f64,
    capacity: f64,
    waiting: f64,
}

impl ErlangC {
    /// `servers` in parallel with `capacity` a week between them (each
    /// serving `capacity / servers` a week), `demand` arrivals a week.
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::ZeroDivisor`] for no servers or no capacity;
    /// [`CapacityDemandError::NoSteadyState`] if demand is not below
    /// capacity.
    pub fn new(
        servers: u32,
        demand: RatePerWeek,
        capacity: RatePerWeek,
    ) -> Result<ErlangC, CapacityDemandError> {
        positive("servers", f64::from(servers))?;
        let capacity_f = positive("capacity", capacity.get())?;
        let load = demand.get() / capacity_f;
        if load >= 1.0 {
            return Err(CapacityDemandError::NoSteadyState {
                load,
                demand: demand.get(),
                capacity: capacity_f,
            });
        }
        // Erlang B by its recursion, then C from B.
        let offered = demand.get() / (capacity_f / f64::from(servers));
        let mut b = 1.0;
        for k in 1..=servers {
            b = offered * b / (f64::from(k) + offered * b);
        }
        let waiting = result("probability of waiting", b / (1.0 - load * (1.0 - b)))?;
        Ok(ErlangC {
            servers,
            demand: demand.get(),
            capacity: capacity_f,
            waiting,
        })
    }

    /// The servers.
    pub fn servers(&self) -> u32 {
        self.servers
    }

    /// The probability an arrival waits at all (Erlang's C).
    pub fn probability_of_waiting(&self) -> f64 {
        self.waiting
    }

    /// The mean wait in the queue: `C / (capacity - demand)`.
    pub fn mean_wait(&self) -> Weeks {
        Weeks::new(self.waiting / (self.capacity - self.demand)).unwrap_or(Weeks::ZERO)
    }

    /// The probability of waiting at most `t`: `1 - C exp(-(capacity -
    /// demand) t)`.
    pub fn probability_wait_within(&self, t: Weeks) -> f64 {
        1.0 - self.waiting * (-(self.capacity - self.demand) * t.get()).exp()
    }
}
