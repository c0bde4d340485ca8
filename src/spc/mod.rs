//! Statistical process control (SPC) on monthly performance, in the NHS
//! England "Making Data Count" style: XmR charts, special-cause rules,
//! variation and assurance against a target.
//!
//! NHS boards do not read one month's percentage: they read an SPC chart
//! that says whether performance is *changing* (variation) and whether the
//! process will *reliably meet its target* (assurance). This module computes
//! that chart's data; with the feature `svg`, `svg::chart_svg` draws it
//! (deterministic SVG with the Making Data Count icons and target layers).
//!
//! # What it computes
//!
//! - **Limits** ([`Limits`]) for each period of a [`Series`]: the mean, the
//!   mean moving range (mean of |x<sub>i</sub> − x<sub>i−1</sub>|), process
//!   limits at mean ± 2.66 × mean moving range and near limits at two thirds
//!   of that distance. Options ([`SpcOptions`]): moving-range screening
//!   ([`Screening`], on by default as in NHSRplotthedots; off as in the
//!   Making Data Count Excel tool), rebase months (limits recalculated from
//!   each), and a fixed baseline (limits from the first *k* points of each
//!   period only).
//! - **Special causes** ([`SpecialCause`]) per point: outside the process
//!   limits; a run of 7 on one side of the mean (a point on the mean breaks
//!   it); a trend of 7 increasing or decreasing (a tie breaks it); two of
//!   three consecutive points beyond the same near limit. Rules never reach
//!   across a rebase.
//! - **Variation** ([`Variation`]) per point from the improvement direction
//!   ([`ImprovementDirection`]; higher is better for FDS, 31-day and 62-day
//!   performance): common cause, special cause improving or concerning.
//! - **Assurance** ([`Assurance`]) against a target: consistently passing,
//!   consistently failing or hit and miss, from where the target sits
//!   against the latest period's process limits.
//! - **Icons** ([`VariationIcon`], [`AssuranceIcon`], [`Icons`]): the
//!   Making Data Count icons as data, from a chart
//!   ([`SpcChart::icons`]), by NHSRplotthedots' `ptd_get_icons` rules.
//!
//! Arithmetic is `f64`: these are statistics on percentages, not money
//! (money stays [`Money`](crate::money::Money)). Counts of patients convert to
//! `f64` exactly.
//!
//! ```
//! use cancer_plan::spc::{ImprovementDirection, Series, SpcChart, SpcOptions, Variation};
//! use cancer_plan::YearMonth;
//!
//! let april: YearMonth = "2024-04".parse()?;
//! // (month, patients told within 28 days, patients told)
//! let counts = (0..12).map(|i| (april.saturating_plus_months(i), 700 + 10 * i as u64, 1000));
//! let series = Series::from_counts(counts)?;
//! let options = SpcOptions::new(ImprovementDirection::Increase).target(77.0);
//! let chart = SpcChart::new(&series, &options)?;
//! // Twelve months each better than the last: a trend of improvement.
//! assert_eq!(chart.latest_variation(), Variation::SpecialCauseImproving);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Reference implementation
//!
//! NHSRplotthedots v0.2.x (NHS-R Community, `ptd_spc`): the tests in
//! `tests/spc/nhsrplotthedots.rs` reproduce its own test expectations,
//! including its integration snapshots of the NHSRdatasets A&E series, to
//! 1e-6.
//!
//! # DIFFERENCES
//!
//! Deliberate differences from NHSRplotthedots v0.2.x:
//!
//! 1. **Gaps are errors.** R assumes a series without gaps and computes
//!    moving ranges across any it finds; [`Series::new`] rejects a missing
//!    month ([`SpcError::Gap`]).
//! 2. **Periods need two baseline points.** R returns `NaN` limits for a
//!    period (or baseline) of one point; we return
//!    [`SpcError::TooFewPoints`] / [`SpcError::BaselineTooShort`].
//! 3. **Screening a flat series.** When the mean moving range is 0, R's
//!    screening (`mr < 3.267 × amr`) drops every moving range and gives
//!    `NaN` limits; we keep them and the limits collapse onto the mean.
//! 4. **Comparisons are made on scaled deviations.** A point's side and
//!    whether it is beyond a limit are decided from `n·x − Σ baseline`
//!    against `n × 2.66 × amr` (and `n × 2 × 2.66/3 × amr`), not from `x`
//!    against `mean ± 2.66 × amr`. Mathematically the same test; it differs
//!    from R only for a point within rounding error of the mean or a limit,
//!    where ours is exact ("on the mean" means `n·x = Σ` exactly) and does
//!    not change when the series is negated or shifted by a constant.
//! 5. **Trend direction at a junction.** R labels a trend point by the step
//!    to the *next* point when that point is also in a trend, even when the
//!    next point starts a separate trend (a tie or a reversal between two
//!    trends then mislabels the last point of the first). We give each
//!    point the direction of the latest trend that contains it; the two
//!    agree everywhere else (including a peak shared by two trends).
//! 6. **All rules are listed.** R keeps one `special_cause_type` per point;
//!    [`SpcPoint::special_causes`] lists every rule met, in R's precedence
//!    (outside limits, trend, two of three, run) — the first decides the
//!    variation exactly as R's `point_type` does.
//! 7. **No facets or trajectories.** Compute one chart per organisation;
//!    with the feature `svg`, `svg::chart_svg` draws it.

mod assurance;
mod chart;
mod error;
mod from_cwt;
mod icon;
mod limits;
mod options;
mod rules;
mod series;
#[cfg(feature = "svg")]
#[cfg_attr(docsrs, doc(cfg(feature = "svg")))]
pub mod svg;
mod variation;

pub use assurance::Assurance;
pub use chart::{RebasePeriod, SpcChart, SpcPoint};
pub use error::SpcError;
pub use icon::{AssuranceIcon, Icons, VariationIcon};
pub use limits::Limits;
pub use options::{ImprovementDirection, Screening, SpcOptions};
pub use rules::{Side, SpecialCause, TrendDirection, RUN_LENGTH};
pub use series::{Series, SeriesPoint};
pub use variation::Variation;
