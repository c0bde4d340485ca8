//! [`SpcOptions`]: how limits are computed and which way is better.

use serde::Serialize;

use super::SpcError;
use crate::{percent::Percent, period::YearMonth};

/// Which way a measure improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImprovementDirection {
    /// Higher is better (FDS, 31-day and 62-day performance).
    Increase,
    /// Lower is better (e.g. numbers waiting over 62 days).
    Decrease,
    /// Neither: special causes are reported as high or low, and there is no
    /// assurance against a target.
    Neutral,
}

/// Whether outlying moving ranges are screened out before the limits are set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Screening {
    /// **The default**, as NHSRplotthedots (`screen_outliers = TRUE`): moving
    /// ranges at or above 3.267 × the mean moving range are dropped and the
    /// mean moving range is recomputed from the rest, so one wild month does
    /// not widen the limits.
    #[default]
    ScreenOutlyingMovingRanges,
    /// As the NHS England Making Data Count Excel tool: every moving range
    /// counts.
    None,
}

/// How to compute an SPC chart. Built with chained setters; checked against
/// the series when the chart is computed.
///
/// ```
/// use cancer_plan::spc::{ImprovementDirection, Screening, SpcOptions};
///
/// let options = SpcOptions::new(ImprovementDirection::Increase)
///     .screening(Screening::None)
///     .baseline_points(12)
///     .rebase_at("2024-04".parse()?)
///     .target(80.0);
/// # let _ = options;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcOptions {
    direction: ImprovementDirection,
    screening: Screening,
    baseline_points: Option<usize>,
    rebase: Vec<YearMonth>,
    target: Option<f64>,
}

impl SpcOptions {
    /// Options with the given improvement direction, screening on (the
    /// default), no baseline, no rebase, no target.
    pub fn new(direction: ImprovementDirection) -> SpcOptions {
        SpcOptions {
            direction,
            screening: Screening::default(),
            baseline_points: None,
            rebase: Vec::new(),
            target: None,
        }
    }

    /// Sets the moving-range screening.
    pub fn screening(mut self, screening: Screening) -> SpcOptions {
        self.screening = screening;
        self
    }

    /// Fixes the limits of each period on its first `points` points
    /// (NHSRplotthedots `fix_after_n_points`). Later points are judged
    /// against those limits but do not move them.
    pub fn baseline_points(mut self, points: usize) -> SpcOptions {
        self.baseline_points = Some(points);
        self
    }

    /// Recalculates the limits from `month` on (a rebase, e.g. after a
    /// change to the pathway). May be called more than once.
    pub fn rebase_at(mut self, month: YearMonth) -> SpcOptions {
        if !self.rebase.contains(&month) {
            self.rebase.push(month);
            self.rebase.sort();
        }
        self
    }

    /// Sets the target, in the series' units (percentage points for CWT
    /// performance: `80.0` is 80%).
    pub fn target(mut self, target: f64) -> SpcOptions {
        self.target = Some(target);
        self
    }

    /// Sets the target from a [`Percent`] (for a series in percentage points).
    pub fn target_percent(self, target: Percent) -> SpcOptions {
        self.target(percent_points(target))
    }

    /// The improvement direction.
    pub(crate) fn direction(&self) -> ImprovementDirection {
        self.direction
    }

    /// The moving-range screening.
    pub(crate) fn screening_choice(&self) -> Screening {
        self.screening
    }

    /// The baseline length, if fixed.
    pub(crate) fn baseline(&self) -> Option<usize> {
        self.baseline_points
    }

    /// The rebase months, in order.
    pub(crate) fn rebase_months(&self) -> &[YearMonth] {
        &self.rebase
    }

    /// The target, if any.
    pub(crate) fn target_value(&self) -> Option<f64> {
        self.target
    }

    pub(crate) fn check(&self) -> Result<(), SpcError> {
        if let Some(points) = self.baseline_points
            && points < 2
        {
            return Err(SpcError::BaselineTooShort { points });
        }
        if let Some(value) = self.target
            && !value.is_finite()
        {
            return Err(SpcError::TargetNotFinite { value });
        }
        Ok(())
    }
}

/// A [`Percent`]'s points as `f64`, the unit of a CWT performance series.
pub(crate) fn percent_points(percent: Percent) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    // A Percent is within 0..=100, so the conversion cannot fail; a NaN
    // would be refused by `SpcOptions::check` as not finite.
    percent.points().to_f64().unwrap_or(f64::NAN)
}
