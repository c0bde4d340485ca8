//! Demand from the data: monthly demand per trust and cancer type from
//! the Cancer Waiting Times FDS counts.
//!
//! The proxy: a month's FDS total is the number of patients **told** that
//! month (clock stops), not the number **referred**. It misses:
//! - referrals whose clock has not stopped: when the list grows, told is
//!   below referred, and the proxy understates demand exactly when
//!   capacity is short;
//! - timing: told in month `m` were mostly referred two to four weeks
//!   before, so the series lags referrals and smooths them;
//! - pathways outside the FDS (consultant upgrades, patients who decline
//!   or do not attend and are removed, referrals later downgraded) and any
//!   pathway reported by another trust than the one that first saw the
//!   patient;
//! - the split by route: the extract's FDS rows are by referral route
//!   (urgent suspected cancer, breast symptomatic, screening), and the
//!   caller chooses which to count as one pathway's demand.
//!
//! Referral counts (e.g. from the Cancer Waiting Times "two-week wait"
//! referral data, or a trust's own PAS) are the better source where a
//! caller has them; [`MonthlyDemand::new`] takes any count.

use std::collections::BTreeMap;

use serde::Serialize;

use super::error::CapacityDemandError;
use super::units::{CoefficientOfVariation, RatePerWeek};
use crate::cwt::PerformanceTable;
use crate::period::YearMonth;
use crate::standard::CwtStandard;

/// Demand in one calendar month: a count and the same as a rate per week
/// (`count x 7 / days in the month`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthlyDemand {
    month: YearMonth,
    count: f64,
    per_week: RatePerWeek,
}

impl MonthlyDemand {
    /// `count` patients in `month`.
    ///
    /// # Errors
    ///
    /// [`CapacityDemandError::Negative`] or
    /// [`CapacityDemandError::NotFinite`] for a bad count.
    pub fn new(month: YearMonth, count: f64) -> Result<MonthlyDemand, CapacityDemandError> {
        let count = super::error::non_negative("monthly demand", count)?;
        Ok(MonthlyDemand {
            month,
            count,
            per_week: RatePerWeek::new(count * 7.0 / f64::from(month.days()))?,
        })
    }
    /// The month.
    pub fn month(&self) -> YearMonth {
        self.month
    }
    /// Patients in the month.
    pub fn count(&self) -> f64 {
        self.count
    }
    /// The same as a rate per week.
    pub fn per_week(&self) -> RatePerWeek {
        self.per_week
    }
}

/// Monthly FDS demand (patients told) by group, from a CWT performance
/// table (for example `extract.aggregate_by(|r| (r.organisation().clone(),
/// r.cancer_type().to_owned()))`), month by month. See the module docs for
/// what this proxy misses.
///
/// # Errors
///
/// Never in practice: a count that is not a finite number.
pub fn fds_demand<K: Ord + Clone>(
    table: &PerformanceTable<K>,
) -> Result<BTreeMap<K, Vec<MonthlyDemand>>, CapacityDemandError> {
    let mut out: BTreeMap<K, Vec<MonthlyDemand>> = BTreeMap::new();
    for (month, standard, group, performance) in table.iter() {
        if standard == CwtStandard::FasterDiagnosis28Day {
            out.entry(group.clone())
                .or_default()
                .push(MonthlyDemand::new(month, performance.total().to_f64())?);
        }
    }
    for months in out.values_mut() {
        months.sort_by_key(MonthlyDemand::month);
    }
    Ok(out)
}

/// The mean weekly demand over months, and the coefficient of variation of
/// the monthly rates (a between-month variability, not the
/// between-referral one NHSRwaitinglist's `cv_demand` means: Poisson
/// referrals have a between-referral cv of 1 whatever the months show).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DemandSummary {
    /// Mean referrals (told) a week.
    pub mean_per_week: RatePerWeek,
    /// Coefficient of variation of the monthly weekly rates.
    pub cv_between_months: CoefficientOfVariation,
    /// Months summarised.
    pub months: usize,
}

/// Summarises `months` of demand.
///
/// # Errors
///
/// [`CapacityDemandError::TooFew`] with fewer than 2 months.
pub fn summarise_demand(months: &[MonthlyDemand]) -> Result<DemandSummary, CapacityDemandError> {
    if months.len() < 2 {
        return Err(CapacityDemandError::TooFew {
            quantity: "demand summary",
            of: "months",
            needed: 2,
            got: months.len(),
        });
    }
    let n = months.len() as f64;
    let mean = months.iter().map(|m| m.per_week.get()).sum::<f64>() / n;
    let var = months
        .iter()
        .map(|m| (m.per_week.get() - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let cv = if mean > 0.0 { var.sqrt() / mean } else { 0.0 };
    Ok(DemandSummary {
        mean_per_week: RatePerWeek::new(mean)?,
        cv_between_months: CoefficientOfVariation::new(cv)?,
        months: months.len(),
    })
}
