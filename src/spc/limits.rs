//! [`Limits`]: the XmR mean, mean moving range and process limits.

use serde::Serialize;

use super::Screening;

/// Process limits sit this many mean moving ranges from the mean
/// (3 / d2, d2 = 1.128 for ranges of two points).
pub(crate) const PROCESS_LIMIT_FACTOR: f64 = 2.66;

/// Near limits sit at two thirds of the distance to the process limits
/// (`2 × (2.66 / 3)` mean moving ranges, computed as NHSRplotthedots does).
pub(crate) const NEAR_LIMIT_FACTOR: f64 = 2.0 * (PROCESS_LIMIT_FACTOR / 3.0);

/// With screening on, moving ranges at or above this many mean moving
/// ranges are dropped (the upper range limit, D4 = 3.267).
pub(crate) const SCREENING_FACTOR: f64 = 3.267;

/// The limits of one period of an XmR chart (a period runs from the start
/// of the series or a rebase point to the next rebase point).
///
/// All arithmetic is `f64`: these are statistics on percentages, not money.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    mean: f64,
    mean_moving_range: f64,
    lower_process_limit: f64,
    upper_process_limit: f64,
    lower_near_limit: f64,
    upper_near_limit: f64,
    baseline_points: usize,
    moving_ranges_screened_out: usize,
    #[serde(skip)]
    baseline_sum: f64,
}

/// Where a value sits against a period's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    /// -1 below the mean, 0 on it, 1 above.
    pub(crate) side: i8,
    /// Strictly beyond a process limit.
    pub(crate) outside: bool,
    /// Strictly beyond a near limit but not outside the process limits.
    pub(crate) near: bool,
}

impl Limits {
    /// Limits from the baseline values (at least two, in month order).
    /// Returns `None` for fewer than two values.
    // `kept` is a filtered part of `ranges`: never longer.
    #[allow(clippy::arithmetic_side_effects)]
    pub(crate) fn from_baseline(baseline: &[f64], screening: Screening) -> Option<Limits> {
        if baseline.len() < 2 {
            return None;
        }
        let n = baseline.len() as f64;
        let baseline_sum: f64 = baseline.iter().sum();
        let mean = baseline_sum / n;
        let ranges: Vec<f64> = baseline
            .windows(2)
            .map(|w| match w {
                [a, b] => (b - a).abs(),
                _ => 0.0,
            })
            .collect();
        let average = |rs: &[f64]| rs.iter().sum::<f64>() / rs.len() as f64;
        let mut mean_moving_range = average(&ranges);
        let mut moving_ranges_screened_out = 0;
        if screening == Screening::ScreenOutlyingMovingRanges && mean_moving_range > 0.0 {
            let cut = SCREENING_FACTOR * mean_moving_range;
            let kept: Vec<f64> = ranges.iter().copied().filter(|r| *r < cut).collect();
            moving_ranges_screened_out = ranges.len() - kept.len();
            // At least one range is below the cut when the mean is positive
            // (they cannot all be at or above 3.267 times their mean).
            if !kept.is_empty() {
                mean_moving_range = average(&kept);
            }
        }
        Some(Limits {
            mean,
            mean_moving_range,
            lower_process_limit: mean - PROCESS_LIMIT_FACTOR * mean_moving_range,
            upper_process_limit: mean + PROCESS_LIMIT_FACTOR * mean_moving_range,
            lower_near_limit: mean - NEAR_LIMIT_FACTOR * mean_moving_range,
            upper_near_limit: mean + NEAR_LIMIT_FACTOR * mean_moving_range,
            baseline_points: baseline.len(),
            moving_ranges_screened_out,
            baseline_sum,
        })
    }

    /// Where `value` sits. Compares the scaled deviation `n·value − Σ
    /// baseline` with `n × factor × mean moving range` rather than `value`
    /// with `mean ± factor × mean moving range`: the same test, but exact for
    /// a point on the mean and unchanged, bit for bit, when the series is
    /// negated (or shifted by a constant, for values on a binary grid).
    pub(crate) fn position(&self, value: f64) -> Position {
        let n = self.baseline_points as f64;
        let deviation = n * value - self.baseline_sum;
        let process = n * (PROCESS_LIMIT_FACTOR * self.mean_moving_range);
        let near = n * (NEAR_LIMIT_FACTOR * self.mean_moving_range);
        let side = if deviation > 0.0 {
            1
        } else if deviation < 0.0 {
            -1
        } else {
            0
        };
        let outside = deviation > process || deviation < -process;
        Position {
            side,
            outside,
            near: !outside && (deviation > near || deviation < -near),
        }
    }

    /// The mean of the baseline.
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// The mean moving range (after screening, if on).
    pub fn mean_moving_range(&self) -> f64 {
        self.mean_moving_range
    }

    /// Lower process limit: mean − 2.66 × mean moving range.
    pub fn lower_process_limit(&self) -> f64 {
        self.lower_process_limit
    }

    /// Upper process limit: mean + 2.66 × mean moving range.
    pub fn upper_process_limit(&self) -> f64 {
        self.upper_process_limit
    }

    /// Lower near limit, two thirds of the way from the mean to the lower
    /// process limit.
    pub fn lower_near_limit(&self) -> f64 {
        self.lower_near_limit
    }

    /// Upper near limit, two thirds of the way from the mean to the upper
    /// process limit.
    pub fn upper_near_limit(&self) -> f64 {
        self.upper_near_limit
    }

    /// How many points the limits were computed from.
    pub fn baseline_points(&self) -> usize {
        self.baseline_points
    }

    /// How many moving ranges screening dropped (0 without screening).
    pub fn moving_ranges_screened_out(&self) -> usize {
        self.moving_ranges_screened_out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_limits_of_a_simple_series() {
        // 1, 3, 2, 4: mean 2.5, moving ranges 2, 1, 2 (mean 5/3).
        let l = Limits::from_baseline(&[1.0, 3.0, 2.0, 4.0], Screening::None).unwrap();
        assert_eq!(l.mean(), 2.5);
        assert!((l.mean_moving_range() - 5.0 / 3.0).abs() < 1e-12);
        assert!((l.upper_process_limit() - (2.5 + 2.66 * 5.0 / 3.0)).abs() < 1e-12);
        assert!((l.lower_near_limit() - (2.5 - 2.0 * 2.66 / 3.0 * 5.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn screening_drops_a_wild_moving_range() {
        let values = [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 30.0];
        let raw = Limits::from_baseline(&values, Screening::None).unwrap();
        let screened =
            Limits::from_baseline(&values, Screening::ScreenOutlyingMovingRanges).unwrap();
        assert_eq!(raw.mean_moving_range(), 38.0 / 9.0);
        assert_eq!(screened.mean_moving_range(), 1.0);
        assert_eq!(screened.moving_ranges_screened_out(), 1);
        assert_eq!(raw.moving_ranges_screened_out(), 0);
    }

    #[test]
    fn constant_series_keeps_every_range_and_collapses_the_limits() {
        let l = Limits::from_baseline(&[5.0; 4], Screening::ScreenOutlyingMovingRanges).unwrap();
        assert_eq!(l.mean_moving_range(), 0.0);
        assert_eq!(l.upper_process_limit(), 5.0);
        assert_eq!(l.position(5.0).side, 0);
        assert!(l.position(5.5).outside);
    }

    #[test]
    fn fewer_than_two_points_have_no_limits() {
        assert!(Limits::from_baseline(&[1.0], Screening::None).is_none());
    }

    #[test]
    fn position_is_strict_at_the_limits() {
        // mean 0, mean moving range 1 (values -0.5, 0.5 alternate).
        let l = Limits::from_baseline(&[-0.5, 0.5], Screening::None).unwrap();
        assert_eq!(l.position(0.0).side, 0);
        assert!(!l.position(2.66).outside);
        assert!(l.position(2.67).outside);
        assert!(l.position(-2.67).outside);
        assert!(l.position(1.8).near);
        assert!(!l.position(1.7).near);
    }
}
