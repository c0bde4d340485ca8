//! [`SpcChart`]: the chart data a board report plots.

use serde::Serialize;

use super::limits::Position;
use super::rules::special_causes;
use super::{
    Assurance, ImprovementDirection, Limits, Screening, Series, Side, SpcError, SpcOptions,
    SpecialCause, Variation,
};
use crate::period::YearMonth;

/// One period of the chart: from the start of the series or a rebase month
/// up to the next rebase, with its own limits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RebasePeriod {
    first_month: YearMonth,
    last_month: YearMonth,
    limits: Limits,
}

impl RebasePeriod {
    /// The first month of the period.
    pub fn first_month(&self) -> YearMonth {
        self.first_month
    }

    /// The last month of the period.
    pub fn last_month(&self) -> YearMonth {
        self.last_month
    }

    /// The period's limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// One plotted point: its value, its period's [`Limits`], the special-cause
/// rules it meets and its variation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcPoint {
    month: YearMonth,
    value: f64,
    period: usize,
    limits: Limits,
    side: Option<Side>,
    special_causes: Vec<SpecialCause>,
    variation: Variation,
}

impl SpcPoint {
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The value.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// Index of the point's [`RebasePeriod`] in [`SpcChart::periods`].
    pub fn period(&self) -> usize {
        self.period
    }

    /// The limits of the point's period.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Above or below the mean; `None` exactly on it.
    pub fn side(&self) -> Option<Side> {
        self.side
    }

    /// The special-cause rules the point meets, in precedence order.
    pub fn special_causes(&self) -> &[SpecialCause] {
        &self.special_causes
    }

    /// The point's variation.
    pub fn variation(&self) -> Variation {
        self.variation
    }
}

/// An XmR chart in the Making Data Count style, ready for a plotting tool
/// (serialisable with serde).
///
/// ```
/// use cancer_plan::spc::{Assurance, ImprovementDirection, Series, SpcChart, SpcOptions, Variation};
/// use cancer_plan::YearMonth;
///
/// let start: YearMonth = "2023-04".parse()?;
/// let fds = [74.0, 76.0, 75.0, 77.0, 73.0, 76.0, 75.0, 74.0, 78.0, 76.0, 75.0, 77.0];
/// let series = Series::new(fds.iter().enumerate().map(|(i, v)| (start.saturating_plus_months(i as i32), *v)))?;
/// let options = SpcOptions::new(ImprovementDirection::Increase).target(85.0);
/// let chart = SpcChart::new(&series, &options)?;
///
/// assert_eq!(chart.latest_variation(), Variation::CommonCause);
/// assert_eq!(chart.assurance(), Some(Assurance::ConsistentlyFailing));
/// assert!((chart.latest_limits().mean() - 75.5).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpcChart {
    direction: ImprovementDirection,
    screening: Screening,
    target: Option<f64>,
    periods: Vec<RebasePeriod>,
    points: Vec<SpcPoint>,
    latest_variation: Variation,
    assurance: Option<Assurance>,
    #[serde(skip)]
    latest_limits: Limits,
}

impl SpcChart {
    /// Computes the chart of `series` with `options`.
    ///
    /// # Errors
    ///
    /// An [`SpcError`] if the options do not fit the series (a rebase month
    /// outside it, a baseline shorter than 2 points) or a period has fewer than
    /// two points.
    pub fn new(series: &Series, options: &SpcOptions) -> Result<SpcChart, SpcError> {
        options.check()?;
        let points = series.points();
        // Split into periods at the rebase months.
        let mut starts = vec![0_usize];
        for month in options.rebase_months() {
            let Some(index) = points.iter().position(|p| p.month() == *month) else {
                return Err(SpcError::RebaseOutside {
                    month: *month,
                    first: series.first_month(),
                    last: series.last_month(),
                });
            };
            if index > 0 {
                starts.push(index);
            }
        }
        let mut ends: Vec<usize> = starts.iter().skip(1).copied().collect();
        ends.push(points.len());

        let mut periods = Vec::new();
        let mut chart_points = Vec::with_capacity(points.len());
        for (period, (start, end)) in starts.iter().zip(ends).enumerate() {
            let slice = points.get(*start..end).unwrap_or_default();
            let values: Vec<f64> = slice.iter().map(|p| p.value()).collect();
            let baseline_len = options
                .baseline()
                .map_or(values.len(), |k| k.min(values.len()));
            let (Some(first), Some(last)) = (slice.first(), slice.last()) else {
                continue;
            };
            let limits = values
                .get(..baseline_len)
                .and_then(|b| Limits::from_baseline(b, options.screening_choice()))
                .ok_or(SpcError::TooFewPoints {
                    start: first.month(),
                    points: slice.len(),
                })?;
            let positions: Vec<Position> = values.iter().map(|v| limits.position(*v)).collect();
            let causes = special_causes(&values, &positions);
            for ((point, position), causes) in slice.iter().zip(&positions).zip(causes) {
                let variation = Variation::of(&causes, options.direction());
                chart_points.push(SpcPoint {
                    month: point.month(),
                    value: point.value(),
                    period,
                    limits,
                    side: match position.side {
                        1 => Some(Side::Above),
                        -1 => Some(Side::Below),
                        _ => None,
                    },
                    special_causes: causes,
                    variation,
                });
            }
            periods.push(RebasePeriod {
                first_month: first.month(),
                last_month: last.month(),
                limits,
            });
        }
        let latest_variation = chart_points
            .last()
            .map_or(Variation::CommonCause, |p| p.variation);
        // A series has at least one point, so there is at least one period.
        let Some(latest_limits) = periods.last().map(|p| p.limits) else {
            return Err(SpcError::Empty);
        };
        let assurance = options
            .target_value()
            .and_then(|target| Assurance::against(target, &latest_limits, options.direction()));
        Ok(SpcChart {
            direction: options.direction(),
            screening: options.screening_choice(),
            target: options.target_value(),
            periods,
            points: chart_points,
            latest_variation,
            assurance,
            latest_limits,
        })
    }

    /// The improvement direction the chart was computed with.
    pub fn direction(&self) -> ImprovementDirection {
        self.direction
    }

    /// The moving-range screening used.
    pub fn screening(&self) -> Screening {
        self.screening
    }

    /// The target, if one was given.
    pub fn target(&self) -> Option<f64> {
        self.target
    }

    /// The periods (one, plus one per rebase), in order.
    pub fn periods(&self) -> &[RebasePeriod] {
        &self.periods
    }

    /// The limits of the latest period, the ones assurance is judged on.
    pub fn latest_limits(&self) -> &Limits {
        &self.latest_limits
    }

    /// The points, in month order.
    pub fn points(&self) -> &[SpcPoint] {
        &self.points
    }

    /// The variation of the latest point (the chart's variation icon).
    pub fn latest_variation(&self) -> Variation {
        self.latest_variation
    }

    /// The assurance against the target: `None` without a target or when
    /// no direction is better.
    pub fn assurance(&self) -> Option<Assurance> {
        self.assurance
    }
}
