//! Funnel-plot control limits for proportions, as PHEindicatormethods
//! computes them, and the trusts outside them.
//!
//! Reference implementation: PHEindicatormethods (UKHSA), `R/Funnels.R`
//! (github.com/ukhsa-collaboration/PHEindicatormethods): `sigma_adjustment`
//! gives the limit for a population `n` around the average proportion
//! `p̄ = Σx / Σn` at `z = qnorm(0.975)` (95%) or `qnorm(0.999)` (99.8%):
//!
//! ```text
//! first = p̄ (n/z² + 1)
//! adj   = sqrt((-8 p̄ (n/z² + 1))² - 64 (1/z² + 1/n) p̄ (n (p̄ (n/z² + 2) - 1) + z² (p̄ - 1)))
//! last  = 1/z² + 1/n
//! limit = (first ∓ adj/8) / last / n
//! ```
//!
//! `phe_funnels` clamps the plotted limits to `[0, 100]`;
//! `phe_funnel_significance` compares `x/n` with the unclamped limits,
//! 99.8% first: below the lower 99.8% limit is "Low (0.001)", below the
//! lower 95% "Low (0.025)", above the upper 99.8% "High (0.001)", above
//! the upper 95% "High (0.025)", otherwise "Not significant".

use serde::Serialize;

use super::{AssuranceError, Basis};
use crate::cwt::{ConfidenceLevel, Performance};
use crate::{CwtStandard, OdsCode, YearMonth};

/// The lower and upper funnel limits (ratios, unclamped) for population
/// `n` around `average` at `level`.
///
/// ```
/// use cancer_plan::assurance::funnel_limits;
/// use cancer_plan::cwt::ConfidenceLevel;
/// // PHEindicatormethods testdata_funnel_prop_outputs.csv, population 1,000-ish rows:
/// let (lo, hi) = funnel_limits(0.80642448, 1008.0, ConfidenceLevel::Percent95)?;
/// assert!((lo * 100.0 - 78.203374).abs() < 1e-5 && (hi * 100.0 - 83.081521).abs() < 1e-5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`AssuranceError::Funnel`] if `average` is outside `0..=1`, `n` is not
/// positive, or a value is not finite.
pub fn funnel_limits(
    average: f64,
    n: f64,
    level: ConfidenceLevel,
) -> Result<(f64, f64), AssuranceError> {
    let bad = || AssuranceError::Funnel { average, n };
    if !(average.is_finite() && n.is_finite() && n > 0.0 && (0.0..=1.0).contains(&average)) {
        return Err(bad());
    }
    let z = level.z();
    let z2 = z * z;
    let first = average * (n / z2 + 1.0);
    let radicand = (-8.0 * average * (n / z2 + 1.0)).powi(2)
        - 64.0
            * (1.0 / z2 + 1.0 / n)
            * average
            * (n * (average * (n / z2 + 2.0) - 1.0) + z2 * (average - 1.0));
    // Rounding can take the radicand a hair below 0 at p̄ = 0 or 1.
    let adj = radicand.max(0.0).sqrt();
    let last = 1.0 / z2 + 1.0 / n;
    let lower = (first - adj / 8.0) / last / n;
    let upper = (first + adj / 8.0) / last / n;
    if !(lower.is_finite() && upper.is_finite()) {
        return Err(bad());
    }
    Ok((lower, upper))
}

/// Where a point sits against the funnel (PHEindicatormethods'
/// `phe_funnel_significance` levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FunnelFlag {
    /// Below the lower 99.8% limit ("Low (0.001)").
    Low99_8,
    /// Below the lower 95% limit only ("Low (0.025)").
    Low95,
    /// Within the 95% limits ("Not significant").
    NotSignificant,
    /// Above the upper 95% limit only ("High (0.025)").
    High95,
    /// Above the upper 99.8% limit ("High (0.001)").
    High99_8,
}

impl FunnelFlag {
    /// PHEindicatormethods' words.
    pub fn label(self) -> &'static str {
        match self {
            FunnelFlag::Low99_8 => "Low (0.001)",
            FunnelFlag::Low95 => "Low (0.025)",
            FunnelFlag::NotSignificant => "Not significant",
            FunnelFlag::High95 => "High (0.025)",
            FunnelFlag::High99_8 => "High (0.001)",
        }
    }

    /// Whether outside the 95% limits.
    pub fn is_outside(self) -> bool {
        self != FunnelFlag::NotSignificant
    }

    /// The flag of `x` of `n` against `average`.
    ///
    /// # Errors
    ///
    /// As [`funnel_limits`].
    pub fn classify(x: f64, n: f64, average: f64) -> Result<FunnelFlag, AssuranceError> {
        let l95 = funnel_limits(average, n, ConfidenceLevel::Percent95)?;
        let l998 = funnel_limits(average, n, ConfidenceLevel::Percent99_8)?;
        Ok(FunnelFlag::of(x / n, l95, l998))
    }

    /// The flag of a proportion against unclamped 95% and 99.8% limits,
    /// 99.8% first, low before high (as `phe_funnel_significance`).
    fn of(p: f64, (lo95, hi95): (f64, f64), (lo998, hi998): (f64, f64)) -> FunnelFlag {
        if p < lo998 {
            FunnelFlag::Low99_8
        } else if p < lo95 {
            FunnelFlag::Low95
        } else if p > hi998 {
            FunnelFlag::High99_8
        } else if p > hi95 {
            FunnelFlag::High95
        } else {
            FunnelFlag::NotSignificant
        }
    }
}

impl std::fmt::Display for FunnelFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.label())
    }
}

/// One organisation on a month's funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelPoint {
    code: OdsCode,
    in_alliance: bool,
    performance: Performance,
    proportion: f64,
    lower_95: f64,
    upper_95: f64,
    lower_99_8: f64,
    upper_99_8: f64,
    flag: FunnelFlag,
}

impl FunnelPoint {
    /// The organisation's code.
    pub fn code(&self) -> &OdsCode {
        &self.code
    }

    /// Whether it counts in the alliance.
    pub fn in_alliance(&self) -> bool {
        self.in_alliance
    }

    /// Its counts.
    pub fn performance(&self) -> Performance {
        self.performance
    }

    /// `within / total`, a ratio.
    pub fn proportion(&self) -> f64 {
        self.proportion
    }

    /// The 95% limits at its total, clamped to `[0, 1]` as `phe_funnels`
    /// plots them.
    pub fn limits_95(&self) -> (f64, f64) {
        (self.lower_95, self.upper_95)
    }

    /// The 99.8% limits at its total, clamped to `[0, 1]`.
    pub fn limits_99_8(&self) -> (f64, f64) {
        (self.lower_99_8, self.upper_99_8)
    }

    /// Where it sits.
    pub fn flag(&self) -> FunnelFlag {
        self.flag
    }
}

/// The funnel of one month and standard across every organisation of a
/// source (a national file: every trust in England).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    month: YearMonth,
    standard: CwtStandard,
    basis: Basis,
    average: f64,
    points: Vec<FunnelPoint>,
}

impl Funnel {
    /// The funnel of `points` (code, in the alliance, counts); empty
    /// months (no patients) are left out. `None` when no organisation had
    /// patients.
    ///
    /// # Errors
    ///
    /// As [`funnel_limits`].
    pub fn new(
        month: YearMonth,
        standard: CwtStandard,
        basis: Basis,
        points: impl IntoIterator<Item = (OdsCode, bool, Performance)>,
    ) -> Result<Option<Funnel>, AssuranceError> {
        let points: Vec<(OdsCode, bool, Performance)> = points
            .into_iter()
            .filter(|(_, _, p)| !p.is_empty())
            .collect();
        let (x, n) = points.iter().fold((0.0, 0.0), |(x, n), (_, _, p)| {
            (x + p.within().to_f64(), n + p.total().to_f64())
        });
        if n <= 0.0 {
            return Ok(None);
        }
        let average = x / n;
        let mut out = Vec::with_capacity(points.len());
        for (code, in_alliance, p) in points {
            let (x, n) = (p.within().to_f64(), p.total().to_f64());
            let (lower_95, upper_95) = funnel_limits(average, n, ConfidenceLevel::Percent95)?;
            let (lower_99_8, upper_99_8) = funnel_limits(average, n, ConfidenceLevel::Percent99_8)?;
            let proportion = x / n;
            let flag = FunnelFlag::of(proportion, (lower_95, upper_95), (lower_99_8, upper_99_8));
            out.push(FunnelPoint {
                code,
                in_alliance,
                performance: p,
                proportion,
                lower_95: lower_95.clamp(0.0, 1.0),
                upper_95: upper_95.clamp(0.0, 1.0),
                lower_99_8: lower_99_8.clamp(0.0, 1.0),
                upper_99_8: upper_99_8.clamp(0.0, 1.0),
                flag,
            });
        }
        Ok(Some(Funnel {
            month,
            standard,
            basis,
            average,
            points: out,
        }))
    }

    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The standard.
    pub fn standard(&self) -> CwtStandard {
        self.standard
    }

    /// The basis of the organisations.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The average proportion `Σ within / Σ total` (the funnel's centre).
    pub fn average(&self) -> f64 {
        self.average
    }

    /// Every organisation, in code order.
    pub fn points(&self) -> &[FunnelPoint] {
        &self.points
    }

    /// The point of `code`.
    pub fn point(&self, code: &str) -> Option<&FunnelPoint> {
        self.points.iter().find(|p| p.code.as_str() == code)
    }

    /// The organisations outside the 95% limits.
    pub fn outside(&self) -> impl Iterator<Item = &FunnelPoint> {
        self.points.iter().filter(|p| p.flag.is_outside())
    }
}
