//! [`least_extra_capacity`]: the least extra weekly capacity at one step
//! that reaches an ask's threshold by its due month, at a stated
//! confidence.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::error::{positive, CapacityDemandError};
use super::pathway::PathwayModel;
use super::results::{MonthlyShare, SimulationResults};
use super::settings::SimulationSettings;
use super::simulation::simulate;
use crate::id::Id;
use crate::standard::PerformanceTarget;

/// What the solver is asked: which step may grow, in what steps, up to
/// what, and how sure the answer must be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityQuestion {
    step: Id,
    target: PerformanceTarget,
    confidence: f64,
    resolution: f64,
    max_extra: f64,
}

impl CapacityQuestion {
    /// The least extra slots a week at `step` for which at least
    /// `confidence` (0 to 1; e.g. 0.8) of replications reach `target`'s
    /// threshold in its due month; searched in whole slots a week up to 10
    /// times the step's capacity.
    pub fn new(step: Id, target: PerformanceTarget, confidence: f64) -> CapacityQuestion {
        CapacityQuestion {
            step,
            target,
            confidence,
            resolution: 1.0,
            max_extra: f64::NAN,
        }
    }

    /// Search in steps of `slots` a week (e.g. 5: a clinic or list).
    pub fn with_resolution(mut self, slots: f64) -> CapacityQuestion {
        self.resolution = slots;
        self
    }

    /// Give up above `slots` extra a week.
    pub fn with_max_extra(mut self, slots: f64) -> CapacityQuestion {
        self.max_extra = slots;
        self
    }
}

/// The solver's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityAnswer {
    step: Id,
    baseline_slots: f64,
    extra_slots: f64,
    baseline_share: Option<MonthlyShare>,
    share: Option<MonthlyShare>,
    chance: f64,
    simulations: u32,
    #[serde(skip)]
    results: SimulationResults,
}

impl CapacityAnswer {
    /// The step.
    pub fn step(&self) -> &Id {
        &self.step
    }
    /// The step's capacity before, slots a week.
    pub fn baseline_slots(&self) -> f64 {
        self.baseline_slots
    }
    /// The least extra slots a week found (0 if the ask is met already).
    pub fn extra_slots(&self) -> f64 {
        self.extra_slots
    }
    /// The share in the due month without extra capacity.
    pub fn baseline_share(&self) -> Option<&MonthlyShare> {
        self.baseline_share.as_ref()
    }
    /// The share in the due month with it.
    pub fn share(&self) -> Option<&MonthlyShare> {
        self.share.as_ref()
    }
    /// The share of replications reaching the threshold with it.
    pub fn chance(&self) -> f64 {
        self.chance
    }
    /// Simulations run in the search.
    pub fn simulations(&self) -> u32 {
        self.simulations
    }
    /// The simulation with the extra capacity.
    pub fn results(&self) -> &SimulationResults {
        &self.results
    }
}

/// The least extra capacity at `question.step()` that reaches the target
/// by its due month at the confidence asked. Every trial uses the same
/// seed (common random numbers), so trials differ only by capacity. The
/// search doubles the extra capacity until the target is reached, then
/// bisects to the resolution.
///
/// # Errors
///
/// [`CapacityDemandError::UnknownStep`]; [`CapacityDemandError::Setting`]
/// if the due month is not observed or the confidence is not in (0, 1];
/// [`CapacityDemandError::NotReachable`] if the most extra capacity allowed
/// does not reach it; the simulation's errors.
pub fn least_extra_capacity(
    model: &PathwayModel,
    settings: &SimulationSettings,
    question: &CapacityQuestion,
) -> Result<CapacityAnswer, CapacityDemandError> {
    let index = model.step_index(question.step.as_str()).ok_or_else(|| {
        CapacityDemandError::UnknownStep {
            step: question.step.to_string(),
        }
    })?;
    let baseline_slots = model.steps().get(index).map_or(0.0, |s| s.slots_per_week());
    let due = question.target.by();
    let first = settings.start();
    let last = first.saturating_plus_months(
        i32::try_from(settings.months())
            .unwrap_or(i32::MAX)
            .saturating_sub(1),
    );
    if due < first || due > last {
        return Err(CapacityDemandError::Setting {
            setting: "observed months",
            rule: "to include the ask's due month",
            value: format!("{first} to {last}, due {due}"),
        });
    }
    if !(question.confidence > 0.0 && question.confidence <= 1.0) {
        return Err(CapacityDemandError::Setting {
            setting: "confidence",
            rule: "above 0 and at most 1",
            value: question.confidence.to_string(),
        });
    }
    let resolution = positive("resolution", question.resolution)?;
    let max_extra = if question.max_extra.is_nan() {
        10.0 * baseline_slots
    } else {
        question.max_extra
    };
    let max_extra = super::error::non_negative("most extra capacity", max_extra)?;
    let threshold = question
        .target
        .threshold()
        .as_ratio()
        .to_f64()
        .unwrap_or(1.0);
    let standard = question.target.standard();

    let mut simulations = 0u32;
    let mut trial = |units: u64| -> Result<(f64, SimulationResults), CapacityDemandError> {
        simulations = simulations.saturating_add(1);
        let extra = units as f64 * resolution;
        let results = simulate(&model.clone().with_extra_slots(index, extra), settings)?;
        let chance = results
            .share(standard, due)
            .map_or(0.0, |s| s.chance_of_reaching(threshold));
        Ok((chance, results))
    };
    let (chance0, base) = trial(0)?;
    let baseline_share = base.share(standard, due).cloned();
    let answer =
        |units: u64, chance: f64, results: SimulationResults, simulations: u32| CapacityAnswer {
            step: question.step.clone(),
            baseline_slots,
            extra_slots: units as f64 * resolution,
            baseline_share: baseline_share.clone(),
            share: results.share(standard, due).cloned(),
            chance,
            simulations,
            results,
        };
    if chance0 >= question.confidence {
        return Ok(answer(0, chance0, base, 1));
    }
    let max_units = (max_extra / resolution).floor().min(1e9) as u64;
    let mut lo = 0u64; // fails
    let mut hi = 1u64;
    let mut best = loop {
        let try_units = hi.min(max_units);
        if try_units <= lo {
            return Err(CapacityDemandError::NotReachable {
                step: question.step.to_string(),
                max_extra,
                threshold: question.target.threshold().points().to_string(),
                due: due.to_string(),
                confidence: (question.confidence * 100.0).to_string(),
            });
        }
        let (chance, results) = trial(try_units)?;
        if chance >= question.confidence {
            hi = try_units;
            break (chance, results);
        }
        lo = try_units;
        hi = try_units.saturating_mul(2);
    };
    // lo < hi throughout: the differences and the midpoint cannot overflow.
    while hi.saturating_sub(lo) > 1 {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        let (chance, results) = trial(mid)?;
        if chance >= question.confidence {
            hi = mid;
            best = (chance, results);
        } else {
            lo = mid;
        }
    }
    Ok(answer(hi, best.0, best.1, simulations))
}
