//! Patient pathways: [`Pathway`] records measured per standard, typed
//! [`DataQualityFinding`]s for impossible records, and fast one-pass
//! aggregation of [`CompactPathway`]s ([`PathwayCounts`]).
//!
//! Two ways in:
//! - [`measure_pathways`]: rich records, any grouping, straightforward (a
//!   map insert per measured standard); the reference.
//! - [`CompactPathway`] + [`PathwayCounts`]: 24 bytes a record, dense table
//!   by month x provider x tumour site x standard, no allocation per record;
//!   for millions of records. Both give the same counts.

mod compact;
mod counts;
mod finding;
mod parallel;
mod record;

pub use compact::{CompactPathway, ProviderIndex, ProviderRegistry, TooManyProviders};
pub use counts::{
    MergeMismatch, PathwayCounts, ReportingWindow, ReportingWindowError, TableTooLarge, MAX_CELLS,
    MAX_PROVIDERS,
};
pub use finding::{DataQualityFinding, FindingKind};
pub use parallel::MAX_THREADS;
pub use record::{Adjustment, AdjustmentReason, Measurement, Pathway, Route};

use super::{PatientCount, Performance, PerformanceError, PerformanceTable};
use crate::CwtStandard;

/// Measures every pathway for every standard and totals them by reporting
/// month x standard x `group(pathway)`; returns the table and the findings
/// (each with the pathway's index in `pathways`). A pathway with a finding
/// for one standard still counts for the others.
///
/// ```
/// use cancer_plan::cwt::pathway::{measure_pathways, Pathway, Route};
/// use cancer_plan::{CwtStandard, TumourSite};
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
/// let pathways = [
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Skin, "RHM".parse()?)
///         .with_referral_received(d(5, 1)?).with_told_outcome(d(5, 20)?),
///     Pathway::new(Route::UrgentSuspectedCancer, TumourSite::Skin, "RHM".parse()?)
///         .with_referral_received(d(5, 10)?).with_told_outcome(d(5, 2)?),
/// ];
/// let (table, findings) = measure_pathways(&pathways, |p| p.provider().clone())?;
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].index(), 1);
/// let p = table.get("2024-05".parse()?, CwtStandard::FasterDiagnosis28Day, "RHM").ok_or("none")?;
/// assert_eq!(p.to_string(), "1 / 1 (100.00%)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn measure_pathways<K: Ord>(
    pathways: &[Pathway],
    mut group: impl FnMut(&Pathway) -> K,
) -> Result<(PerformanceTable<K>, Vec<DataQualityFinding>), PerformanceError> {
    let mut table = PerformanceTable::new();
    let mut findings = Vec::new();
    let one = PatientCount::whole(1);
    for (index, pathway) in pathways.iter().enumerate() {
        for standard in CwtStandard::ALL {
            match pathway.measure(standard) {
                Ok(Some(m)) => {
                    let within = if m.is_within() {
                        one
                    } else {
                        PatientCount::ZERO
                    };
                    let p = Performance::new(within, one)?;
                    table.add(m.reporting_month(), standard, group(pathway), p)?;
                }
                Ok(None) => {}
                Err(kind) => findings.push(DataQualityFinding::new(index, kind)),
            }
        }
    }
    Ok((table, findings))
}
