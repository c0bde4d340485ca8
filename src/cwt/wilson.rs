//! Wilson score confidence intervals for a [`Performance`].
//!
//! The one place the crate uses `f64`: an interval is an estimate, not a
//! count. Counts stay exact; they are converted to `f64` (exactly, below
//! 2^53 half patients) only to compute the interval.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::Performance;

/// A two-sided confidence level for an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConfidenceLevel {
    /// 95%: z = qnorm(0.975).
    Percent95,
    /// 99.8%: z = qnorm(0.999), the outer control limits of public health
    /// funnel plots.
    Percent99_8,
}

impl ConfidenceLevel {
    /// The standard normal quantile for the level: `qnorm(1 - (1 - level)
    /// / 2)` as R computes it (1.959963984540054 for 95%,
    /// 3.090232306167813 for 99.8%).
    pub const fn z(self) -> f64 {
        match self {
            ConfidenceLevel::Percent95 => 1.959_963_984_540_054,
            ConfidenceLevel::Percent99_8 => 3.090_232_306_167_813,
        }
    }
}

impl fmt::Display for ConfidenceLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConfidenceLevel::Percent95 => "95%",
            ConfidenceLevel::Percent99_8 => "99.8%",
        })
    }
}

/// Why counts have no [`WilsonInterval`].
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("no Wilson interval for {x} of {n} (expected 0 <= x <= n and n > 0)")]
pub struct WilsonError {
    x: f64,
    n: f64,
}

/// A Wilson score interval for a proportion, as ratios in `0..=1`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WilsonInterval {
    lower: f64,
    upper: f64,
    level: ConfidenceLevel,
}

impl WilsonInterval {
    /// The interval for `x` successes out of `n` (`0 <= x <= n`, `n > 0`),
    /// by the formula of PHEindicatormethods' `wilson_lower` and
    /// `wilson_upper`, in the same order of operations:
    /// `(2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2)`.
    ///
    /// # Errors
    ///
    /// [`WilsonError`] if `n` is not positive or `x` is outside `0..=n`
    /// (including NaN), if either is not finite, or if the formula
    /// overflows `f64` (counts beyond about 10^307).
    ///
    /// The limits are clamped to `[0, 1]`: rounding in the last bit can
    /// otherwise put the upper limit of `x == n` just above 1 (42.5 of 42.5
    /// at 99.8% gave 1.0000000000000002) or the lower limit of `x == 0`
    /// just below 0.
    ///
    /// ```
    /// use cancer_plan::cwt::{ConfidenceLevel, WilsonInterval};
    /// let ci = WilsonInterval::for_counts(65.0, 100.0, ConfidenceLevel::Percent95)?;
    /// assert!((ci.lower_ratio() - 0.5525444329688796).abs() < 1e-12);
    /// assert!((ci.upper_ratio() - 0.7363575175690247).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_counts(
        x: f64,
        n: f64,
        level: ConfidenceLevel,
    ) -> Result<WilsonInterval, WilsonError> {
        if !(x.is_finite() && n.is_finite() && n > 0.0 && (0.0..=n).contains(&x)) {
            return Err(WilsonError { x, n });
        }
        let z = level.z();
        let z2 = z * z;
        let spread = z * (z2 + 4.0 * x * (1.0 - (x / n))).sqrt();
        let lower = (2.0 * x + z2 - spread) / 2.0 / (n + z2);
        let upper = (2.0 * x + z2 + spread) / 2.0 / (n + z2);
        if !(lower.is_finite() && upper.is_finite()) {
            return Err(WilsonError { x, n });
        }
        Ok(WilsonInterval {
            lower: lower.clamp(0.0, 1.0),
            upper: upper.clamp(0.0, 1.0),
            level,
        })
    }

    /// The lower limit, as a ratio in `[0, 1]`.
    pub fn lower_ratio(&self) -> f64 {
        self.lower
    }

    /// The upper limit, as a ratio in `[0, 1]`, at least the lower.
    pub fn upper_ratio(&self) -> f64 {
        self.upper
    }

    /// The lower limit in percentage points, `[0, 100]` (as `Percent` and
    /// SPC charts of CWT series hold them).
    pub fn lower_points(&self) -> f64 {
        self.lower * 100.0
    }

    /// The upper limit in percentage points, `[0, 100]`.
    pub fn upper_points(&self) -> f64 {
        self.upper * 100.0
    }

    /// The confidence level.
    pub fn level(&self) -> ConfidenceLevel {
        self.level
    }
}

impl fmt::Display for WilsonInterval {
    /// `70.90% to 71.24% (95%)`, to two decimal places of a percent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:.2}% to {:.2}% ({})",
            self.lower * 100.0,
            self.upper * 100.0,
            self.level
        )
    }
}

impl Performance {
    /// The Wilson score interval of the proportion within the standard;
    /// `None` when no patients were counted.
    ///
    /// ```
    /// use cancer_plan::cwt::{ConfidenceLevel, Performance};
    /// let p = Performance::new("192880".parse()?, "271402".parse()?)?;
    /// let ci = p.wilson(ConfidenceLevel::Percent95).ok_or("empty")?;
    /// assert_eq!(ci.to_string(), "70.90% to 71.24% (95%)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wilson(self, level: ConfidenceLevel) -> Option<WilsonInterval> {
        WilsonInterval::for_counts(self.within().to_f64(), self.total().to_f64(), level).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_stay_within_zero_and_one() {
        // 42.5 of 42.5 at 99.8% gave an upper limit of 1.0000000000000002.
        let ci = WilsonInterval::for_counts(42.5, 42.5, ConfidenceLevel::Percent99_8).unwrap();
        assert!(ci.upper_ratio() <= 1.0, "{}", ci.upper_ratio());
        assert_eq!(ci.upper_ratio(), 1.0);
        for n in 1..2000 {
            let n = f64::from(n) / 2.0;
            for level in [ConfidenceLevel::Percent95, ConfidenceLevel::Percent99_8] {
                for x in [0.0, n] {
                    let ci = WilsonInterval::for_counts(x, n, level).unwrap();
                    assert!(
                        (0.0..=1.0).contains(&ci.lower_ratio()),
                        "{x}/{n}: {}",
                        ci.lower_ratio()
                    );
                    assert!(
                        (0.0..=1.0).contains(&ci.upper_ratio()),
                        "{x}/{n}: {}",
                        ci.upper_ratio()
                    );
                }
            }
        }
    }

    #[test]
    fn non_finite_input_has_no_interval() {
        let level = ConfidenceLevel::Percent95;
        // for_counts(inf, inf) gave NaN limits.
        assert!(WilsonInterval::for_counts(f64::INFINITY, f64::INFINITY, level).is_err());
        assert!(WilsonInterval::for_counts(1.0, f64::INFINITY, level).is_err());
        assert!(WilsonInterval::for_counts(f64::NAN, 10.0, level).is_err());
        assert!(WilsonInterval::for_counts(1.0, f64::NAN, level).is_err());
        // Finite but so large that the formula overflows: no interval either.
        assert!(WilsonInterval::for_counts(f64::MAX, f64::MAX, level).is_err());
    }
}
